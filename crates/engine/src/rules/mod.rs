//! Every rule, one file each, grouped by what they check. Each group's `CHECKS` lists its rules in
//! code order; [`crate::registry`] joins the groups.

pub mod crossfile;
pub mod dockerfile;
pub mod ecspresso;
pub mod input;
pub mod servicedef;
pub mod taskdef;
