//! The progress line of batch mode on stderr: documents, megabytes, throughput and, when the input's size is known
//! (regular files, or standard input redirected from one), the share done and the time left. Drawn only when stderr
//! is a terminal, and not with `--quiet`; messages about bad lines are printed above it.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::args::Input;

pub struct Progress {
    bar: Option<ProgressBar>,
    docs: u64,
}

impl Progress {
    /// A progress line for reading `inputs`, or none when `wanted` is false or stderr is not a terminal.
    pub fn new(wanted: bool, inputs: &[Input]) -> Progress {
        let bar = (wanted && std::io::stderr().is_terminal()).then(|| {
            let total = total_size(inputs);
            let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr_with_hz(4));
            let template = if total.is_some() {
                "{msg} documents, {decimal_bytes} of {decimal_total_bytes} ({percent}%), \
                 {decimal_bytes_per_sec}, ETA {eta}"
            } else {
                "{msg} documents, {decimal_bytes}, {decimal_bytes_per_sec}"
            };
            bar.set_style(ProgressStyle::with_template(template).expect("a valid template"));
            bar.set_message("0");
            bar.enable_steady_tick(Duration::from_millis(500));
            bar
        });
        Progress { bar, docs: 0 }
    }

    /// `docs` more documents and `bytes` more input bytes done.
    pub fn advance(&mut self, docs: u64, bytes: u64) {
        if let Some(bar) = &self.bar {
            self.docs += docs;
            bar.set_message(self.docs.to_string());
            bar.inc(bytes);
        }
    }

    /// Runs `f` (which prints on stderr) with the progress line cleared.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Leaves the last state on its line.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.abandon();
        }
    }
}

/// The inputs' total size in bytes, when every one is a regular file (standard input included).
fn total_size(inputs: &[Input]) -> Option<u64> {
    let mut total = 0;
    for input in inputs {
        let meta = match input {
            Input::File(p) => std::fs::metadata(p).ok()?,
            Input::Stdin => stdin_metadata()?,
        };
        if !meta.is_file() {
            return None;
        }
        total += meta.len();
    }
    Some(total)
}

#[cfg(unix)]
fn stdin_metadata() -> Option<std::fs::Metadata> {
    use std::os::fd::AsFd;
    let fd = std::io::stdin().as_fd().try_clone_to_owned().ok()?;
    std::fs::File::from(fd).metadata().ok()
}

#[cfg(not(unix))]
fn stdin_metadata() -> Option<std::fs::Metadata> {
    None
}
