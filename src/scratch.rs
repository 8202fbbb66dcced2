//! The large per-document buffers (tokens, the lower-cased text, per-token indexes), kept for the next document on
//! the same thread instead of being freed.
//!
//! On a long text these buffers are tens of megabytes. Freed, the allocator hands them back to the system (glibc
//! unmaps blocks over its mmap threshold and trims the heap), and the next document pays a page fault for every 4 KB
//! it touches again: about 15k faults per 10 MB document, a tenth of its time. Kept, they are reused as they are.
//! A buffer over [`MAX_KEPT`] bytes is freed as before, so a thread holds at most a few of those.

use std::cell::RefCell;

use crate::text::{Segment, Token};

/// The largest buffer kept, in bytes (the tokens of a 10 MB text take about 32 MB).
const MAX_KEPT: usize = 64 << 20;

thread_local! {
    static TOKENS: RefCell<Vec<Token>> = const { RefCell::new(Vec::new()) };
    static BYTES: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static U32S: RefCell<Vec<Vec<u32>>> = const { RefCell::new(Vec::new()) };
    static SEGMENTS: RefCell<Vec<Vec<Segment>>> = const { RefCell::new(Vec::new()) };
}

/// An empty token vector with room for `n` tokens.
pub fn tokens(n: usize) -> Vec<Token> {
    let mut v = TOKENS.with(|c| c.take());
    v.clear();
    v.reserve(n);
    v
}

/// Gives back a token vector for the next document.
pub fn keep_tokens(v: Vec<Token>) {
    if v.capacity() * size_of::<Token>() <= MAX_KEPT {
        TOKENS.with(|c| keep_larger(&mut c.borrow_mut(), v));
    }
}

/// An empty byte vector with room for `n` bytes.
pub fn bytes(n: usize) -> Vec<u8> {
    let mut v = BYTES.with(|c| c.take());
    v.clear();
    v.reserve(n);
    v
}

/// Gives back a byte vector for the next document.
pub fn keep_bytes(v: Vec<u8>) {
    if v.capacity() <= MAX_KEPT {
        BYTES.with(|c| keep_larger(&mut c.borrow_mut(), v));
    }
}

/// A vector of `n` copies of `fill`.
pub fn u32s(n: usize, fill: u32) -> Vec<u32> {
    let mut v = U32S.with(|c| c.borrow_mut().pop()).unwrap_or_default();
    v.clear();
    v.resize(n, fill);
    v
}

/// Gives back a `u32` vector for the next document (up to four are kept, the largest).
pub fn keep_u32s(v: Vec<u32>) {
    if v.capacity() * 4 > MAX_KEPT || v.capacity() == 0 {
        return;
    }
    U32S.with(|c| {
        let mut kept = c.borrow_mut();
        kept.push(v);
        if kept.len() > 4 {
            kept.sort_unstable_by_key(|k| std::cmp::Reverse(k.capacity()));
            kept.truncate(4);
        }
    });
}

/// An empty segment vector (paragraphs, sentences).
pub fn segments() -> Vec<Segment> {
    let mut v = SEGMENTS.with(|c| c.borrow_mut().pop()).unwrap_or_default();
    v.clear();
    v
}

/// Gives back a segment vector for the next document (two are kept).
pub fn keep_segments(v: Vec<Segment>) {
    if v.capacity() * size_of::<Segment>() <= MAX_KEPT && v.capacity() > 0 {
        SEGMENTS.with(|c| {
            let mut kept = c.borrow_mut();
            if kept.len() < 2 {
                kept.push(v);
            }
        });
    }
}

/// Keeps the larger of the kept vector and `v`.
fn keep_larger<T>(kept: &mut Vec<T>, v: Vec<T>) {
    if v.capacity() > kept.capacity() {
        *kept = v;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buffers_come_back_empty_or_filled_whatever_was_given_back() {
        keep_u32s(vec![7; 100]);
        let v = u32s(10, 3);
        assert_eq!(v, vec![3; 10]);
        keep_u32s(v);
        let w = u32s(200, 1);
        assert_eq!(w, vec![1; 200]);
        keep_bytes(b"abc".to_vec());
        let b = bytes(2);
        assert!(b.is_empty() && b.capacity() >= 2);
    }

    #[test]
    fn a_given_back_buffer_is_reused() {
        U32S.with(|c| c.borrow_mut().clear());
        let v = u32s(1000, 0);
        let p = v.as_ptr();
        keep_u32s(v);
        let w = u32s(500, 9);
        assert_eq!(w.as_ptr(), p);
        assert_eq!(w.len(), 500);
    }
}
