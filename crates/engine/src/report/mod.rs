//! Rendering findings for people and machines. Pure functions from a [`Report`] to text, shared
//! by the CLI and the page's export.
//!
//! [`Report`]: crate::lint::Report

pub mod json;
pub mod text;
