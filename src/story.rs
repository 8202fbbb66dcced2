//! Several articles, one story (see issue 4).
