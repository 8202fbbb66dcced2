//! The `whosaid` command line: reports, JSON lines and the evaluation (see `whosaid --help`).

#[cfg(not(target_arch = "wasm32"))]
mod cli;

/// See `mimalloc` in Cargo.toml: batch mode frees thousands of small allocations per document.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's option `purge_delay` (its number in `enum mi_option_e`, include/mimalloc.h of the mimalloc v3 that
/// libmimalloc-sys 0.1.49 builds, the version Cargo.lock pins; the test below checks it): how long freed memory
/// stays with the process before it goes back to the system, a second by default (src/options.c).
#[cfg(not(target_arch = "wasm32"))]
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

#[cfg(not(target_arch = "wasm32"))]
unsafe extern "C" {
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    // Freed memory goes back at once. The stages of a large document each free lists as large as the text (a
    // vector that grows is copied and its old block freed); kept for later, they put a 50 MB quote-dense
    // document's peak resident memory at 9 to 10 times its size, returned at once at 7.3 times (bench.sh). Batch
    // mode on articles runs as fast either way (30 MB of seed articles, --jobs 1: 1.6-2.3 s both ways).
    // SAFETY: sets an integer option of the allocator, which takes any value for it.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    std::process::exit(cli::run());
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    unsafe extern "C" {
        fn mi_option_get(option: std::ffi::c_int) -> std::ffi::c_long;
    }

    /// The option number is mimalloc's `purge_delay`: it holds that option's default (1000 ms) unless the
    /// environment sets it, and `main` sets it to 0.
    #[test]
    fn the_purge_delay_option_is_the_one_main_sets() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            // SAFETY: reads an integer option of the allocator.
            assert_eq!(unsafe { mi_option_get(super::MI_OPTION_PURGE_DELAY) }, 1000);
        }
    }
}

/// The command line reads files and uses threads: it is built for native targets only (the wasm build is the page's
/// library, `src/wasm.rs`).
#[cfg(target_arch = "wasm32")]
fn main() {}
