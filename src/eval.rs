//! Scoring against gold attributions (PolNeAR).
