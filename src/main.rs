fn main() {
    eprintln!("whosaid: not built yet");
    std::process::exit(2);
}
