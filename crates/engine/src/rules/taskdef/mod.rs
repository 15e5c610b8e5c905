//! Rules for task definitions, one file per rule.

pub mod schema;
pub mod util;

pub mod td001_invalid_fargate_size;
pub mod td002_unknown_key;
pub mod td003_wrong_type;
pub mod td004_describe_output;

use crate::check::Check;

pub static CHECKS: &[Check] = &[
    Check::TaskDef(
        &td001_invalid_fargate_size::RULE,
        td001_invalid_fargate_size::check,
    ),
    Check::TaskDef(&td002_unknown_key::RULE, td002_unknown_key::check),
    Check::TaskDef(&td003_wrong_type::RULE, td003_wrong_type::check),
    Check::TaskDef(&td004_describe_output::RULE, td004_describe_output::check),
];
