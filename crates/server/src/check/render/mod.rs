//! The output formats of `check`.

pub mod human;
pub mod json;
pub mod sarif;
