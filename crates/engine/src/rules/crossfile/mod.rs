//! Rules over several inputs together: an ecspresso config and the definitions it names.

pub mod xf001_missing_definition_file;
pub mod xf002_unresolved_definition_path;

use crate::check::Check;

pub static CHECKS: &[Check] = &[
    Check::Project(
        &xf001_missing_definition_file::RULE,
        xf001_missing_definition_file::check,
    ),
    Check::Project(
        &xf002_unresolved_definition_path::RULE,
        xf002_unresolved_definition_path::check,
    ),
];
