//! The ecsplain engine: parsers, models, rules, sizing and semantics for Amazon ECS task
//! definitions, service definitions, Dockerfiles and ecspresso configs.
//!
//! Architecture invariants (see ARCHITECTURE.md): no IO, no web or CLI dependency; parsers never
//! fail and never panic; rules emit data only and never see suppressions.
#![forbid(unsafe_code)]

// The layers, lowest first: a module may use its own layer and the layers below it, never one
// above (tests/layers.rs checks it; ARCHITECTURE.md has the map).
pub mod input;
pub mod learn;
pub mod lint;
pub mod models;
pub mod report;
pub mod rules;
pub mod share;
pub mod sizing;
pub mod syntax;
pub mod workspace;

// The engine's public paths as the front ends know them (no code inside the engine uses these).
pub use input::{detect, order, span, text};
pub use lint::dockerfile as dockerfile_module;
pub use lint::suppress;
pub use models::{
    config, ecs_schema, ecspresso, iac, image, project, secrets, servicedef, taskdef,
};
pub use rules::{check, registry, rule};
pub use syntax::{dockerfile, dotenv, json, json_edit, template, value, yaml};

/// `diagnostic` as the front ends know it: what rules emit (`input::diagnostic`) and what
/// front ends show (`lint::finding`).
pub mod diagnostic {
    pub use crate::input::diagnostic::*;
    pub use crate::lint::finding::*;
}

pub use input::diagnostic::{Diagnostic, Severity};
pub use input::{Input, Kind, Vars};
pub use lint::finding::Finding;
pub use lint::{lint, lint_one, lint_vars, lint_with, Report};
pub use models::config::Config;
pub use rules::rule::{Lang, Rule};
pub use workspace::Project;

/// The engine's version, shown by the page and the CLI.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
