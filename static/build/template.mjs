// Trunk post_build hook: the Go-template engine as a second wasm module beside the page.
//
// The page's own wasm leaves the engine's template parser and executor unlinked (about 20 KB of
// brotli of the first view). This hook builds crates/template-wasm (package `ecsplain-template`:
// the engine with the page's own features) for wasm32 with the page's profile, runs
// wasm-bindgen (--target web) and, for a release build, wasm-opt -Oz, then writes
// `ecsplain-template-<hash>.js` and `ecsplain-template-<hash>_bg.wasm` and names both in
// index.html's boot script tag (`data-ecsplain-template`, `data-ecsplain-template-wasm`).
// static/boot.js imports them only when a project holds a `{{ ... }}` action (src/template.rs).
import { buildSideModule } from "./side-module.mjs";

buildSideModule("template");
