//! Rules about the input itself: syntax, emptiness, kind. Parsers report them.

pub mod in001_invalid_json;
pub mod in002_invalid_yaml;
pub mod in003_dockerfile_syntax;
pub mod in004_template_syntax;
pub mod in005_template_placeholder;
pub mod in006_empty_input;
pub mod in007_wrong_kind;
pub mod in008_binary_input;
pub mod in009_unused_suppression;
pub mod in010_suppression_without_reason;
pub mod in011_invalid_config;
pub mod in012_jsonnet_error;
pub mod in013_terraform_unreadable;
pub mod in014_template_not_rendered;
pub mod in015_dockerfile_not_checked;

use crate::rules::check::Check;

pub static CHECKS: &[Check] = &[
    Check::Parser(&in001_invalid_json::RULE),
    Check::Parser(&in002_invalid_yaml::RULE),
    Check::Parser(&in003_dockerfile_syntax::RULE),
    Check::Parser(&in004_template_syntax::RULE),
    Check::Parser(&in005_template_placeholder::RULE),
    Check::Parser(&in006_empty_input::RULE),
    Check::Parser(&in007_wrong_kind::RULE),
    Check::Parser(&in008_binary_input::RULE),
    Check::Parser(&in009_unused_suppression::RULE),
    Check::Parser(&in010_suppression_without_reason::RULE),
    Check::Parser(&in011_invalid_config::RULE),
    Check::Parser(&in012_jsonnet_error::RULE),
    Check::Parser(&in013_terraform_unreadable::RULE),
    Check::Parser(&in014_template_not_rendered::RULE),
    Check::Parser(&in015_dockerfile_not_checked::RULE),
];
