//! The `whosaid` command line: reports, JSON lines and the evaluation (see `whosaid --help`).

#[cfg(not(target_arch = "wasm32"))]
mod cli;

/// See `mimalloc` in Cargo.toml: batch mode frees thousands of small allocations per document.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run());
}

/// The command line reads files and uses threads: it is built for native targets only (the wasm build is the page's
/// library, `src/wasm.rs`).
#[cfg(target_arch = "wasm32")]
fn main() {}
