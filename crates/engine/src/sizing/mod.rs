//! Task sizing: the Fargate size table, unit parsing, and (later) cost and bin-packing.

pub mod fargate;
pub mod units;
