// Trunk post_build hook: the Jsonnet evaluator as a second wasm module beside the page.
//
// The page's own wasm has no Jsonnet evaluator (rsjsonnet costs about 121 KB of brotli; the
// first view's budget is 400 KB). This hook builds crates/jsonnet-wasm (package
// `ecsplain-jsonnet`: the engine with its feature `jsonnet-wasm`) for wasm32 with the page's
// profile, runs wasm-bindgen (--target web) and, for a release build, wasm-opt -Oz, then writes
// `ecsplain-jsonnet-<hash>.js` and `ecsplain-jsonnet-<hash>_bg.wasm` and names both in
// index.html's boot script tag (`data-ecsplain-jsonnet`, `data-ecsplain-jsonnet-wasm`).
// static/boot.js imports them only when a project holds a Jsonnet file (src/jsonnet.rs).
import { buildSideModule } from "./side-module.mjs";

buildSideModule("jsonnet");
