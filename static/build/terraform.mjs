// Trunk post_build hook: the Terraform reader as a second wasm module beside the page.
//
// The page's own wasm has no HCL parser (hcl-edit would grow the first view's download). This
// hook builds crates/terraform-wasm (package `ecsplain-terraform`: the engine with its feature
// `terraform-wasm`) for wasm32 with the page's profile, runs wasm-bindgen (--target web) and, for
// a release build, wasm-opt -Oz, then writes `ecsplain-terraform-<hash>.js` and
// `ecsplain-terraform-<hash>_bg.wasm` and names both in index.html's boot script tag
// (`data-ecsplain-terraform`, `data-ecsplain-terraform-wasm`). static/boot.js imports them only
// when a project holds a `.tf` file (src/terraform.rs).
import { buildSideModule } from "./side-module.mjs";

buildSideModule("terraform");
