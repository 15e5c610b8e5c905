//! The ecsplain engine: parsers, models, rules, sizing and semantics for Amazon ECS task
//! definitions, service definitions, Dockerfiles and ecspresso configs.
//!
//! Architecture invariants (see ARCHITECTURE.md): no IO, no web or CLI dependency; parsers never
//! fail and never panic; rules emit data only and never see suppressions.
#![forbid(unsafe_code)]

pub mod check;
pub mod config;
pub mod detect;
pub mod diagnostic;
pub mod dockerfile;
pub mod dotenv;
pub mod ecs_schema;
pub mod ecspresso;
pub mod iac;
pub mod image;
pub mod json;
pub mod json_edit;
pub mod learn;
pub mod lint;
pub mod order;
pub mod project;
pub mod registry;
pub mod report;
pub mod rule;
pub mod rules;
pub mod secrets;
pub mod servicedef;
pub mod share;
pub mod sizing;
pub mod span;
pub mod suppress;
pub mod taskdef;
pub mod template;
pub mod text;
pub mod value;
pub mod workspace;
pub mod yaml;

pub use config::Config;
pub use diagnostic::{Diagnostic, Finding, Severity};
pub use lint::{lint, lint_one, lint_vars, lint_with, Input, Report, Vars};
pub use rule::{Kind, Lang, Rule};
pub use workspace::Project;

/// The engine's version, shown by the page and the CLI.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
