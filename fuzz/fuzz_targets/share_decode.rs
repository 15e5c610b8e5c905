//! Share-link decoder: arbitrary input never panics, and whatever decodes re-encodes to a link
//! that decodes to the same state. The input's first byte picks what the rest is (the fragment
//! text, a raw DEFLATE payload, or JSON to compress): see `share::fuzz_one`, which the engine's
//! `regressions_never_panic` test also runs over `crates/engine/tests/share_regressions/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = ecsplain_engine::share::fuzz_one(data) {
        panic!("{broken}");
    }
});
