//! The sieves, one file each; [`super::SIEVES`] gives their order.

pub mod according_to;
pub mod asked;
pub mod colon;
pub mod continuation;
pub mod dash;
pub mod indirect;
pub mod intro_colon;
pub mod leading_cue;
pub mod mixed;
pub mod nominal;
pub mod parenthetical;
pub mod predicative;
pub mod same_paragraph;
pub mod trailing_cue;
pub mod transcript;
