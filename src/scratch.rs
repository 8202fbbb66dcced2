//! The large per-document buffers (tokens, the lower-cased text, per-token indexes), kept for the next document on
//! the same thread instead of being freed.
//!
//! On a long text these buffers are tens of megabytes. Freed, the allocator hands them back to the system (glibc
//! unmaps blocks over its mmap threshold and trims the heap), and the next document pays a page fault for every 4 KB
//! it touches again: about 15k faults per 10 MB document, a tenth of its time. Kept, they are reused as they are.
//! A buffer over [`MAX_KEPT`] bytes is freed as before; a thread keeps at most as many buffers as one document uses.

use std::cell::RefCell;
use std::thread::LocalKey;

use crate::text::{Segment, Token};

/// The largest buffer kept, in bytes (the tokens of a 10 MB text take about 32 MB).
const MAX_KEPT: usize = 64 << 20;

/// Buffers of one element type given back, at most as many as one document uses at once.
type Pool<T> = LocalKey<RefCell<Vec<Vec<T>>>>;

thread_local! {
    static TOKENS: RefCell<Vec<Vec<Token>>> = const { RefCell::new(Vec::new()) };
    static BYTES: RefCell<Vec<Vec<u8>>> = const { RefCell::new(Vec::new()) };
    static U32S: RefCell<Vec<Vec<u32>>> = const { RefCell::new(Vec::new()) };
    static SEGMENTS: RefCell<Vec<Vec<Segment>>> = const { RefCell::new(Vec::new()) };
}

/// An empty vector from `pool` (a new one if none is kept).
fn take<T>(pool: &'static Pool<T>) -> Vec<T> {
    let mut v = pool.with(|p| p.borrow_mut().pop()).unwrap_or_default();
    v.clear();
    v
}

/// Gives `v` back to `pool`, which keeps up to `most` buffers of at most [`MAX_KEPT`] bytes.
fn keep<T>(pool: &'static Pool<T>, v: Vec<T>, most: usize) {
    if v.capacity() == 0 || v.capacity() * size_of::<T>() > MAX_KEPT {
        return;
    }
    pool.with(|p| {
        let mut p = p.borrow_mut();
        if p.len() < most {
            p.push(v);
        }
    });
}

/// An empty token vector with room for `n` tokens.
pub fn tokens(n: usize) -> Vec<Token> {
    let mut v = take(&TOKENS);
    v.reserve(n);
    v
}

/// Gives back a token vector for the next document.
pub fn keep_tokens(v: Vec<Token>) {
    keep(&TOKENS, v, 1);
}

/// An empty byte vector with room for `n` bytes.
pub fn bytes(n: usize) -> Vec<u8> {
    let mut v = take(&BYTES);
    v.reserve(n);
    v
}

/// Gives back a byte vector for the next document.
pub fn keep_bytes(v: Vec<u8>) {
    keep(&BYTES, v, 1);
}

/// A vector of `n` copies of `fill`.
pub fn u32s(n: usize, fill: u32) -> Vec<u32> {
    let mut v = take(&U32S);
    v.resize(n, fill);
    v
}

/// Gives back a `u32` vector for the next document (a document and its attribution use three at once).
pub fn keep_u32s(v: Vec<u32>) {
    keep(&U32S, v, 3);
}

/// An empty segment vector (paragraphs, sentences).
pub fn segments() -> Vec<Segment> {
    take(&SEGMENTS)
}

/// Gives back a segment vector for the next document (two are kept).
pub fn keep_segments(v: Vec<Segment>) {
    keep(&SEGMENTS, v, 2);
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
