//! ecspresso configs (YAML, JSON, Jsonnet) and the template calls in their values.

use crate::rule::Kind;
use crate::span::Span;
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

/// A definition file an ecspresso config names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// `Kind::TaskDef` for `task_definition`, `Kind::ServiceDef` for `service_definition`.
    pub role: Kind,
    /// The path as written in the config.
    pub written: String,
    /// The path relative to the lint run's root: joined to the config's folder, as ecspresso
    /// resolves it, and normalised (`a/./b/../c` is `a/c`).
    pub resolved: String,
    /// Where the config names it.
    pub span: Span,
}

/// The definition files a config names (interim: none; the config reader fills it in).
pub fn references(_config_path: &str, _config_text: &str) -> Vec<Reference> {
    Vec::new()
}
