//! Task sizing: the Fargate size table, unit parsing, and (later) cost and bin-packing.

pub mod cost;
pub mod cpu;
pub mod ec2;
pub mod fargate;
pub mod memory;
pub mod rightsize;
pub mod task;
pub mod units;
