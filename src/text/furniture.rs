//! Page furniture: the boxes a web page's text comes with ("Related stories", "Read more", "Advertisement", newsletter
//! prompts, lists of teaser headlines), which are not the article's text.
//!
//! A box is a block, not a switch: it opens at a furniture heading ([`HEADINGS`]) and takes the paragraphs after it
//! that read as a box's items, then the article goes on. An item is
//! - another heading or a rule (`---`, which also closes the box);
//! - a teaser headline or a link: under 120 bytes, one or two sentences, not ending with a sentence end;
//! - a short teaser sentence (under 300 bytes, one or two sentences) if more furniture follows the run of them
//!   within a few paragraphs (a list of stories closed by another heading, a sign-up blurb by `Subscribe`, a link
//!   under `Read more`), or if the text ends with them on the lines right under the heading of a box set apart by a
//!   blank line; unless a blank line parts them from a list whose items follow each other line by line: article
//!   text after such a list is as short, and another box may follow.
//!
//! Anything else (a sentence with no furniture after it, a paragraph of 300 bytes or more) closes the box and is
//! read as text. Sign-up and consent lines (`Sign up for …`, `By registering for …`, a short line naming a privacy
//! policy), link lines (`Read more: …`) and photo credits (`Jane Roe via Getty Images`) are furniture wherever they
//! are, on their own.
//!
//! A box never runs past a paragraph of 300 bytes, so [`super::sections`], which cuts after a paragraph of 300
//! letters, never cuts one: a section reads its boxes as the whole text does.

use super::{is_alnum, Document};

/// Headings that open page furniture rather than article text (compared lower-cased, trimmed of punctuation).
const HEADINGS: &[&str] = &[
    "top stories",
    "partner news",
    "related",
    "related stories",
    "related articles",
    "related news",
    "read more",
    "more from",
    "more stories",
    "recommended",
    "recommended for you",
    "most read",
    "most popular",
    "trending",
    "trending now",
    "you may also like",
    "you might also like",
    "latest news",
    "latest stories",
    "popular stories",
    "editor's picks",
    "editors' picks",
    "advertisement",
    "sponsored",
    "sponsored content",
    "also read",
    "see also",
    "newsletter",
    "sign up",
    "subscribe",
    "comments",
    "share this article",
    "more on this story",
    "watch",
    "what to read next",
];

/// Headings that also head a link on their line (`Read more: Talks resume`): the line is furniture.
const LINK_LABELS: &[&str] = &[
    "read more",
    "related",
    "see also",
    "also read",
    "more",
    "watch",
];

/// Headings of a list of other stories (a subset of [`HEADINGS`]), whose items may be whole sentences.
const LIST_HEADINGS: &[&str] = &[
    "top stories",
    "partner news",
    "related stories",
    "related articles",
    "related news",
    "more from",
    "more stories",
    "recommended",
    "recommended for you",
    "most read",
    "most popular",
    "trending",
    "trending now",
    "you may also like",
    "you might also like",
    "latest news",
    "latest stories",
    "popular stories",
    "editor's picks",
    "editors' picks",
    "more on this story",
    "what to read next",
];

/// Headings of a sign-up box (a subset of [`HEADINGS`]; also a heading that opens `sign up for` or ends with
/// `newsletter`), whose blurb may be a sentence.
const SIGN_UP_HEADINGS: &[&str] = &["newsletter", "sign up", "subscribe"];

/// A list of other stories has at most this many items between its heading and the next piece of furniture; a
/// sign-up box, this many lines of blurb.
const MAX_ITEMS: usize = 8;
const MAX_BLURB: usize = 2;

/// What a paragraph is, for the box reading.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Para {
    /// A furniture heading; `items`: how many sentences may follow it before more furniture (a list of stories
    /// [`LIST_HEADINGS`], a sign-up box [`SIGN_UP_HEADINGS`], 1 for a link label such as `Read more`, 0 for a label
    /// such as `Advertisement`).
    Heading { items: usize },
    /// No letter or digit: `---`, `* * *`.
    Rule,
    /// A sign-up, consent or link line: furniture on its own.
    Prompt,
    /// Under 120 bytes, one or two sentences, no sentence end at its end: a teaser headline, a link, a label (a
    /// photo caption with its credit is longer).
    Headline,
    /// Under 300 bytes, one or two sentences.
    Short,
    /// Anything else.
    Text,
}

impl Document<'_> {
    /// Marks the paragraphs of page furniture in [`Document::boilerplate`] (see the module doc).
    #[cfg_attr(whosaid_small, optimize(size))]
    pub(super) fn mark_furniture(&mut self) {
        let n = self.paragraphs.len();
        self.boilerplate = vec![false; n];
        // (A loop: `map` inlined `para_kind` into the iterator's fold, which is not optimised for size.)
        let mut kinds: Vec<Para> = Vec::with_capacity(n);
        for p in 0..n {
            kinds.push(self.para_kind(p));
        }
        let long = |p: usize| self.paragraphs[p].span.len() >= 300;
        // Paragraph `p` follows the one before on the next line (no blank line between them).
        let tight = |p: usize| {
            p > 0 && {
                let gap =
                    &self.text[self.paragraphs[p - 1].span.end..self.paragraphs[p].span.start];
                // Line breaks: \n, \r\n or \r (a loop over the bytes: `matches` pulled in a string searcher).
                let mut breaks = 0;
                let mut prev = 0u8;
                for &c in gap.as_bytes() {
                    breaks += usize::from(c == b'\r' || c == b'\n' && prev != b'\r');
                    prev = c;
                }
                breaks < 2
            }
        };
        let mut in_box = false;
        // The box's items follow each other on the next line, as the paragraph after its last heading follows that
        // heading (else a blank line may come between them).
        let mut list_tight = false;
        // The box opened after a blank line (or at the text's start): the article's paragraphs are apart.
        let mut apart = false;
        // How many sentences the box may take before more furniture (see [`Para::Heading`]).
        let mut items = 0;
        let mut p = 0;
        while p < n {
            if long(p) {
                in_box = false;
            }
            match kinds[p] {
                Para::Heading { items: k } => {
                    list_tight = p + 1 < n && tight(p + 1);
                    if !in_box {
                        apart = !tight(p);
                    }
                    items = if in_box { items.max(k) } else { k };
                    in_box = true;
                    self.boilerplate[p] = true;
                }
                Para::Prompt => self.boilerplate[p] = true,
                Para::Rule if in_box => {
                    self.boilerplate[p] = true;
                    in_box = false;
                }
                Para::Headline if in_box => self.boilerplate[p] = true,
                Para::Short if in_box && items > 0 && (tight(p) || !list_tight) => {
                    // Teaser sentences or a sign-up blurb: the box's if more furniture follows them, or if the text
                    // ends with them on the lines right under their heading. A blank line after a list whose items
                    // follow each other line by line ends the list: sentences after it are article text again (and
                    // another box may follow them).
                    let fits =
                        |q: usize| (tight(q) || !list_tight) && !long(q) && kinds[q] != Para::Text;
                    let last = n.min(p + items + 1);
                    let closer = match (p..last)
                        .find(|&q| !(fits(q) && matches!(kinds[q], Para::Short | Para::Headline)))
                    {
                        Some(q) if fits(q) => Some(q),
                        // (A run under a heading has p > 0.)
                        None if last == n
                            && apart
                            && tight(p)
                            && matches!(kinds[p - 1], Para::Heading { .. }) =>
                        {
                            Some(n)
                        }
                        _ => None,
                    };
                    match closer {
                        Some(q) => {
                            self.boilerplate[p..q].fill(true);
                            p = q;
                            continue;
                        }
                        None => in_box = false,
                    }
                }
                _ => in_box = false,
            }
            p += 1;
        }
    }

    /// What paragraph `p` is (see [`Para`]).
    #[cfg_attr(whosaid_small, optimize(size))]
    fn para_kind(&self, p: usize) -> Para {
        let seg = self.paragraphs[p];
        let full = seg.span.text(self.text);
        let t = super::trim_chars(full, not_alnum, true, true);
        let start = seg.span.start + (t.as_ptr() as usize - full.as_ptr() as usize);
        if t.is_empty() {
            return Para::Rule;
        }
        // `t` lower-cased (ASCII letters only), from the lower-cased copy of the text.
        let lower = &self.lower_text[start - self.start..start - self.start + t.len()];
        if t.len() <= 40 {
            let l = crate::case::lowercase(t);
            let sign_up = l.starts_with("sign up for") || l.ends_with("newsletter");
            if HEADINGS.contains(&l.as_str()) || sign_up {
                let items = if LIST_HEADINGS.contains(&l.as_str()) {
                    MAX_ITEMS
                } else if sign_up || SIGN_UP_HEADINGS.contains(&l.as_str()) {
                    MAX_BLURB
                } else if LINK_LABELS.contains(&l.as_str()) {
                    1
                } else {
                    0
                };
                return Para::Heading { items };
            }
        }
        // Sign-up and consent lines are short: a long paragraph that mentions a privacy policy is text (an article
        // pasted on one line was all dropped as furniture). Matching the ASCII-lower-cased text gives what matching
        // the fully lower-cased text would: only ASCII lowers to these ASCII patterns (the Kelvin sign's k and İ's
        // i + U+0307 cannot complete them).
        let link = seg.span.len() < 200
            && LINK_LABELS.iter().any(|l| {
                lower
                    .strip_prefix(l)
                    .is_some_and(|r| r.trim_start().starts_with(':'))
            });
        // A photo credit on its own line (`Jane Roe via Getty Images`, `(AP Photo/Jane Roe)`, `Photo: Jane Roe`)
        // names no one the article speaks of.
        let credit = seg.span.len() < 120
            && (["getty images", "/ap", "/reuters", "/afp", "shutterstock"]
                .iter()
                .any(|e| lower.ends_with(e))
                || ["ap photo", "photo:", "photograph:", "credit:", "reuters/"]
                    .iter()
                    .any(|s| lower.starts_with(s)));
        if link
            || credit
            || lower.starts_with("by registering for")
            || lower.starts_with("sign up for")
            || t.len() < 600 && super::has_substring(lower, "privacy policy")
        {
            return Para::Prompt;
        }
        let sentences = self.sent_of[seg.tok_end - 1] - self.sent_of[seg.tok_start] + 1;
        if sentences > 2 || seg.span.len() >= 300 {
            Para::Text
        } else if seg.span.len() < 120 && !ends_sentence(full) {
            Para::Headline
        } else {
            Para::Short
        }
    }
}

/// True if `line` (a paragraph's first line) opens page furniture: a heading, or a sign-up or link line. A long text
/// is never cut into sections before such a line ([`super::sections`]): a box goes with the text before it, so that
/// a statement may go on across it (the `continuation` sieve) in a section as in the whole text.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn opens_furniture(line: &str) -> bool {
    let t = super::trim_chars(line, not_alnum, true, true);
    if t.len() > 200 {
        return false;
    }
    let l = t.to_ascii_lowercase();
    l.len() <= 40 && (HEADINGS.contains(&l.as_str()) || l.ends_with("newsletter"))
        || l.starts_with("sign up for")
        || l.starts_with("by registering for")
        || LINK_LABELS.iter().any(|k| {
            l.strip_prefix(k)
                .is_some_and(|r| r.trim_start().starts_with(':'))
        })
}

/// Not a letter or digit (what a heading is trimmed of).
fn not_alnum(c: char) -> bool {
    !is_alnum(c)
}

/// True if `s` ends with a sentence end (`.`, `!`, `?`, `…`, `:`), maybe followed by closing quotation marks or
/// brackets.
fn ends_sentence(s: &str) -> bool {
    super::trim_chars(
        s,
        |c| c.is_whitespace() || matches!(c, '”' | '"' | '’' | '\'' | ')' | ']' | '»' | '›'),
        false,
        true,
    )
    .ends_with(['.', '!', '?', '…', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The paragraphs of `t` marked as furniture, by their first words.
    fn marked(t: &str) -> Vec<bool> {
        Document::new(t).boilerplate.clone()
    }

    #[test]
    fn a_box_is_skipped_as_a_block_and_the_text_after_it_is_read() {
        // A list of links under a heading, apart from the text by blank lines; the article goes on after it.
        let t = "The council voted on Tuesday to close the old bridge to lorries.\n\n\
                 Related stories\nCouncil approves the new budget\nWhat the bridge repairs will cost\n\n\
                 The mayor said the repairs would take a year.\n\n\
                 “We have no choice,” she said.";
        assert_eq!(marked(t), [false, true, true, true, false, false]);
        // The same box with its lines apart by blank lines, and a label in the middle of the text.
        let t = "The council voted on Tuesday to close the old bridge to lorries.\n\n\
                 Related stories\n\nCouncil approves the new budget\n\nWhat the bridge repairs will cost\n\n\
                 Advertisement\n\n\
                 The mayor said the repairs would take a year.";
        assert_eq!(marked(t), [false, true, true, true, true, false]);
    }

    #[test]
    fn a_label_alone_takes_nothing_after_it() {
        let t = "The council voted on Tuesday.\nAdvertisement\nThe mayor said the repairs would take a year.\n\
                 Work starts in May";
        assert_eq!(marked(t), [false, true, false, false]);
    }

    #[test]
    fn teaser_sentences_belong_to_a_list_only_if_more_furniture_follows() {
        // Tight under a list heading, after a blank line: teaser sentences, closed by a rule.
        let t = "The council voted on Tuesday.\n\n\
                 Most read\nThe bridge will close for a year.\nA new mayor is sworn in.\n---\n\n\
                 The mayor said the repairs would take a year.";
        assert_eq!(marked(t), [false, true, true, true, true, false]);
        // With nothing after them but text, they are text.
        let t = "The council voted on Tuesday.\n\n\
                 Most read\nThe bridge will close for a year.\nA new mayor is sworn in.\n\n\
                 The mayor said the repairs would take a year.";
        assert_eq!(marked(t), [false, true, false, false, false]);
    }

    #[test]
    fn a_blank_line_after_a_list_line_by_line_ends_it_even_if_another_box_follows() {
        let t = "The council voted on Tuesday.\n\n\
                 Related stories\nCouncil approves the new budget\nWhat the bridge repairs will cost\n\n\
                 “It will take a year,” the mayor said.\n\nThe council met on Wednesday.\n\n\
                 Advertisement\n\nThe vote is due in May.";
        assert_eq!(
            marked(t),
            [false, true, true, true, false, false, true, false]
        );
        // A list whose items are apart by blank lines takes its teaser sentences up to the next heading.
        let t = "The council voted on Tuesday.\n\n\
                 Most read\n\nThe bridge will close for a year.\n\nA new mayor is sworn in.\n\nPartner news\n\n\
                 The mayor said the repairs would take a year.";
        assert_eq!(marked(t), [false, true, true, true, true, false]);
    }

    #[test]
    fn sign_up_and_link_lines_are_furniture_on_their_own() {
        let t = "The council voted on Tuesday.\n\n\
                 Read more: Council approves the new budget\n\n\
                 Sign up for our morning briefing\n\n\
                 The mayor said the repairs would take a year.";
        assert_eq!(marked(t), [false, true, true, false]);
        // `Read more` over its link: a teaser sentence under it at the end of a text whose paragraphs are apart;
        // in a text line by line, the sentences after it are the article's.
        let t = "The council voted on Tuesday.\n\nRead more\nOfficials said 40 people were hurt in a crash.";
        assert_eq!(marked(t), [false, true, true]);
        let t = "The council voted on Tuesday.\nRead more\nOfficials said 40 people were hurt in a crash.\n\
                 The mayor said the repairs would take a year.";
        assert_eq!(marked(t), [false, true, false, false]);
        assert!(opens_furniture(
            "Read more: Council approves the new budget"
        ));
        assert!(opens_furniture("  Related stories "));
        assert!(opens_furniture("Sign up for our morning briefing"));
        assert!(!opens_furniture(
            "Related talks will resume on Monday, officials said."
        ));
        assert!(!opens_furniture(
            "The mayor said more: the repairs would take a year."
        ));
    }

    #[test]
    fn photo_credits_are_furniture_on_their_own() {
        let t = "Ana Ruiz spoke on Monday.\n\nLena Holt via Getty Images\n\n(AP Photo/Kim Ober)\n\nPhoto: Tom Lee/Reuters\n\n\
                 Tom Lee said the photo was old.";
        assert_eq!(marked(t), [false, true, true, true, false]);
    }

    #[test]
    fn a_long_paragraph_closes_a_box() {
        let long = "The mayor said the repairs would take a year, and that lorries would have to use the ring road \
                    until then, which will add half an hour to every trip from the port to the warehouses in the \
                    north of the city, according to the haulage companies that use the bridge every day of the week, in rain and in snow.";
        assert!(long.len() >= 300);
        let t = format!("Top stories\nCouncil approves the new budget\n{long}\nWhat the bridge repairs will cost");
        assert_eq!(marked(&t), [true, true, false, false]);
    }
}
