//! Rendering findings for people and machines. Pure functions from findings to text, shared by
//! the CLI and the page's export; one module per format.

pub mod fingerprint;
pub mod github;
pub mod gitlab;
pub mod json;
pub mod sarif;
pub mod text;
