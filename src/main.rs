//! The `whosaid` command line: reports, JSON lines and the evaluation (see `whosaid --help`).

mod cli;

fn main() {
    std::process::exit(cli::run());
}
