//! Every rule, one file each, grouped by what they check. Each group's `CHECKS` lists its rules in
//! code order; [`registry`] joins the groups. `rule` declares a rule, `check` runs one (its
//! context and `Sink`).

pub mod check;
pub mod registry;
pub mod rule;

pub mod crossfile;
pub mod dockerfile;
pub mod ecspresso;
pub mod input;
pub mod servicedef;
pub mod taskdef;
