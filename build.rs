//! Compiles the lexicons in `data/` into the binary without their comments: the files document themselves with `#`
//! comments, which the parser skips anyway, and the browser build pays for every byte (about 2.3 KB gzipped).
//! Each file is copied to OUT_DIR with comments, trailing spaces and blank lines removed; `src/lexicon.rs` includes
//! the copies.
use std::fs;
use std::path::Path;

const FILES: &[&str] = &[
    "speech_verbs.txt",
    "belief_verbs.txt",
    "titles.txt",
    "role_nouns.txt",
    "first_names.tsv",
    "org_words.txt",
    "demonyms.txt",
    "not_name_words.txt",
    "pronouns.txt",
    "speech_nouns.txt",
];

fn main() {
    let out = std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo");
    for f in FILES {
        let src = Path::new("data").join(f);
        println!("cargo:rerun-if-changed={}", src.display());
        let text = fs::read_to_string(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        let mut lean = String::with_capacity(text.len());
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim_end();
            if !line.trim().is_empty() {
                lean.push_str(line);
                lean.push('\n');
            }
        }
        fs::write(Path::new(&out).join(f), lean).unwrap_or_else(|e| panic!("{f}: {e}"));
    }
    println!("cargo:rerun-if-changed=build.rs");
}
