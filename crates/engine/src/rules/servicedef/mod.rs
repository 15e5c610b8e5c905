//! Rules for servicedef inputs, one file per rule.

use crate::check::Check;

pub static CHECKS: &[Check] = &[];
