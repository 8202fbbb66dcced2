//! Terminal colours: on for a terminal (unless `NO_COLOR` or `TERM=dumb`), never in pipes unless asked.

use std::borrow::Cow;
use std::io::IsTerminal;

use super::args::ColorChoice;

#[derive(Debug, Clone, Copy)]
pub struct Style {
    on: bool,
}

impl Style {
    pub fn new(choice: ColorChoice) -> Style {
        let on = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
            }
        };
        Style { on }
    }

    fn paint<'a>(&self, sgr: &str, s: &'a str) -> Cow<'a, str> {
        if self.on && !s.is_empty() {
            Cow::Owned(format!("\x1b[{sgr}m{s}\x1b[0m"))
        } else {
            Cow::Borrowed(s)
        }
    }
    pub fn bold<'a>(&self, s: &'a str) -> Cow<'a, str> {
        self.paint("1", s)
    }
    pub fn dim<'a>(&self, s: &'a str) -> Cow<'a, str> {
        self.paint("2", s)
    }
    pub fn speaker<'a>(&self, s: &'a str) -> Cow<'a, str> {
        self.paint("1;32", s)
    }
    pub fn cue<'a>(&self, s: &'a str) -> Cow<'a, str> {
        self.paint("33", s)
    }
    pub fn kind<'a>(&self, s: &'a str) -> Cow<'a, str> {
        self.paint("36", s)
    }
    pub fn location<'a>(&self, s: &'a str) -> Cow<'a, str> {
        self.paint("35", s)
    }
    pub fn warn<'a>(&self, s: &'a str) -> Cow<'a, str> {
        self.paint("1;31", s)
    }
    /// Colours the error-analysis marks (see `whosaid::eval::MARKS_LEGEND`).
    pub fn marks(&self, s: &str) -> String {
        if !self.on {
            return s.to_string();
        }
        let mut out = String::with_capacity(s.len() + 64);
        for c in s.chars() {
            let sgr = match c {
                '⟦' | '⟧' => "1;32",
                '⟪' | '⟫' => "1;34",
                '⟨' | '⟩' => "1;33",
                '⟮' | '⟯' => "33",
                '⦃' | '⦄' | '⦅' | '⦆' => "1;35",
                _ => {
                    out.push(c);
                    continue;
                }
            };
            out.push_str(&format!("\x1b[{sgr}m{c}\x1b[0m"));
        }
        out
    }
}

/// Pads `s` to `width` characters (counted in chars, a fair approximation for news text).
pub fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n >= width {
        s.to_string()
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}
