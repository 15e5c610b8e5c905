// Trunk post_build hook: the Dockerfile reader and the Dockerfile rules as a second wasm module
// beside the page.
//
// The page's own wasm leaves the engine's Dockerfile parser, BuildKit's checks and the Dockerfile
// rules unlinked (about 40 KB of the first view's brotli). This hook builds crates/dockerfile-wasm
// (package `ecsplain-dockerfile`: the engine with the page's own features) like the other
// on-demand modules (side-module.mjs) and names its files in index.html's boot script tag
// (`data-ecsplain-dockerfile`, `data-ecsplain-dockerfile-wasm`). static/boot.js imports them only
// when a project holds a Dockerfile (src/dockerfile.rs).
import { buildSideModule } from "./side-module.mjs";

buildSideModule("dockerfile");
