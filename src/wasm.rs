//! Thin wasm binding.
