//! ecspresso configs (YAML, JSON, Jsonnet) and the template calls in their values.

use crate::value::Node;

/// The format a config is written in, from its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Json,
    Jsonnet,
}

impl Format {
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".jsonnet") || lower.ends_with(".libsonnet") {
            Format::Jsonnet
        } else if lower.ends_with(".json") {
            Format::Json
        } else {
            Format::Yaml
        }
    }
}

pub struct EcspressoCtx<'a> {
    pub text: &'a str,
    pub file: usize,
    pub path: &'a str,
    pub format: Format,
    /// The config's mapping, when it could be read.
    pub config: &'a Node,
}
