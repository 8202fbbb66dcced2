//! Heap bytes per stage of one document's analysis and output, through a counting allocator: what each stage keeps
//! (live bytes after it) and the most it holds at once (peak during it), both as multiples of the text's size.
//! The stages are `whosaid::analyze_in_sections` taken apart (sections, then the entity stage's `finish`), then
//! the output as the CLI writes it (JSON to a sink that drops the bytes; with `--document-out` through a whole
//! `DocumentOut` first, as the CLI did before `output::DocumentJson`).
//!
//! `cargo run --release --example mem -- FILE [--document-out]` (make a quote-dense FILE with examples/dense.rs)

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static CALLS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let now = LIVE.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(now, Relaxed);
        CALLS.fetch_add(1, Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        if new > l.size() {
            let now = LIVE.fetch_add(new - l.size(), Relaxed) + new - l.size();
            PEAK.fetch_max(now, Relaxed);
        } else {
            LIVE.fetch_sub(l.size() - new, Relaxed);
        }
        CALLS.fetch_add(1, Relaxed);
        unsafe { System.realloc(p, l, new) }
    }
}

#[global_allocator]
static A: Counting = Counting;

/// A field of /proc/self/status in bytes (0 where there is none).
fn status(field: &str) -> usize {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    s.lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<usize>().ok())
        .map_or(0, |kb| kb * 1024)
}

/// Prints the stage's peak and what is live after it (heap bytes asked for, and the process's resident set), and
/// starts the next stage's peaks from here (Linux resets the peak RSS on writing 5 to /proc/self/clear_refs).
fn stage(name: &str, size: usize) {
    let (live, peak, calls) = (
        LIVE.load(Relaxed),
        PEAK.load(Relaxed),
        CALLS.swap(0, Relaxed),
    );
    let (rss, hwm) = (status("VmRSS:"), status("VmHWM:"));
    let x = |b: usize| b as f64 / size as f64;
    println!(
        "{name:<28} heap peak {:>5.2}x, live after {:>5.2}x | RSS peak {:>5.2}x ({:>7.1} MB), after {:>5.2}x | \
         {calls:>8} allocations",
        x(peak),
        x(live),
        x(hwm),
        hwm as f64 / 1e6,
        x(rss)
    );
    PEAK.store(live, Relaxed);
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// A writer that drops what it is given (the JSON is measured, not kept).
struct Sink(usize);

impl Write for Sink {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0 += b.len();
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: mem FILE [--document-out]");
    let old = args.next().as_deref() == Some("--document-out");
    let text = std::fs::read_to_string(&path).expect("read FILE");
    let n = text.len();
    stage("read", n);
    let mut linker = whosaid::entities::Linker::new(&text);
    let sections = whosaid::text::sections(&text, whosaid::SECTION_BYTES);
    let count = sections.len();
    let (mut pairs, mut quotes_before) = (Vec::new(), 0);
    for range in sections {
        let doc = whosaid::text::Document::new_range(&text, range);
        let (quotes, marks) = whosaid::quotes::pair(&doc);
        let cues = whosaid::cues::find(&doc);
        let attributed = whosaid::attribution::attribute(&doc, &quotes, &cues);
        whosaid::quotations::add(&doc, &marks, &cues, &attributed, quotes_before, &mut pairs);
        quotes_before += attributed.len();
        linker.add(&doc, &quotes, whosaid::mentions::names(&doc), attributed);
    }
    eprintln!(
        "quotations {} cap {} = {} bytes",
        pairs.len(),
        pairs.capacity(),
        pairs.capacity() * std::mem::size_of::<whosaid::model::Quotation>()
    );
    stage(&format!("stages 1-5 ({count} sections)"), n);
    let mut analysis = linker.finish();
    analysis.quotations = pairs;
    stage("entities: finish", n);
    let mut sink = Sink(0);
    if old {
        // What the CLI did before DocumentJson: the whole DocumentOut, then its JSON.
        let doc = whosaid::DocumentOut::new(&path, &text, &analysis, whosaid::Encoding::Utf16);
        stage("DocumentOut (utf16)", n);
        serde_json::to_writer(&mut sink, &doc).expect("serialise");
        drop(doc);
    } else {
        let doc = whosaid::output::DocumentJson::new(
            path.as_str(),
            &text,
            &analysis,
            whosaid::Encoding::Utf16,
        );
        serde_json::to_writer(&mut sink, &doc).expect("serialise");
    }
    stage("JSON written (utf16)", n);
    println!(
        "{} quotes, {} speakers, {} bytes of text, {} bytes written",
        analysis.quotes.len(),
        analysis.speakers.len(),
        n,
        sink.0
    );
}
