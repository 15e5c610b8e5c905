//! `jsonnet_eval`: see `crates/engine/tests/fuzz_regressions/check.rs` for what it asserts; the
//! normal suite replays the inputs kept in `crates/engine/tests/fuzz_regressions/jsonnet_eval/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/engine/tests/fuzz_regressions/check.rs"]
mod check;

fuzz_target!(|data: &[u8]| check::jsonnet_eval(data));
