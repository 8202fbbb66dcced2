//! Lexicons compiled in from data/.
