//! Rules for task definitions, one file per rule.

pub mod td001_invalid_fargate_size;

use crate::check::Check;

pub static CHECKS: &[Check] = &[Check::TaskDef(
    &td001_invalid_fargate_size::RULE,
    td001_invalid_fargate_size::check,
)];
