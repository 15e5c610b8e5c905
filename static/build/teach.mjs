// Trunk post_build hook: the teaching views (Sizing, CPU & memory, Learn) as a second wasm
// module beside the page (src/teach.rs says why).
//
// Builds the `ecsplain-teach` binary of this crate for wasm32 with the profile Trunk used for the
// page, runs the same wasm-bindgen (`--target web`) and, for release builds, the same wasm-opt,
// writes `ecsplain-teach-<hash>.js` and `_bg.wasm` into the staging folder and names them in
// index.html's boot script tag (`data-ecsplain-teach-js`, `data-ecsplain-teach-wasm`);
// static/boot.js imports them when a teaching view first opens.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { tagBootScript } from "./boot-tag.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("teach: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)");
  process.exit(2);
}
const root = fileURLToPath(new URL("../..", import.meta.url));
const release = process.env.TRUNK_PROFILE === "release";
// index.html's `data-cargo-profile-release`: the page's small-code profile.
const profile = release ? "wasm-release" : "dev";
const outDir = release ? "wasm-release" : "debug";
const env = { ...process.env };
for (const key of Object.keys(env)) {
  if (key.startsWith("CARGO_BUILD_") || key === "RUSTFLAGS" || key === "CARGO_ENCODED_RUSTFLAGS") delete env[key];
}
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });

run("cargo", ["build", "-q", "-j2", "--target", "wasm32-unknown-unknown", "--profile", profile, "--bin", "ecsplain-teach"]);
const target = process.env.CARGO_TARGET_DIR ?? join(root, "target");
const input = join(target, "wasm32-unknown-unknown", outDir, "ecsplain-teach.wasm");
const tmp = mkdtempSync(join(tmpdir(), "ecsplain-teach-"));
try {
  run("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", tmp, "--out-name", "teach", input]);
  let wasm = join(tmp, "teach_bg.wasm");
  if (release) {
    const optimized = join(tmp, "teach_opt.wasm");
    // The flags the page's own wasm-opt run gets from index.html (-Oz, --converge), and the
    // features rustc's wasm32 target emits.
    run("wasm-opt", [
      "-Oz", "--converge", "--strip-debug", "--strip-producers",
      "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
      "--enable-mutable-globals", "--enable-multivalue", "--enable-reference-types",
      wasm, "-o", optimized,
    ]);
    wasm = optimized;
  }
  const bytes = readFileSync(wasm);
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
  const wasmName = `ecsplain-teach-${hash}_bg.wasm`;
  const jsName = `ecsplain-teach-${hash}.js`;
  writeFileSync(join(dir, wasmName), bytes);
  // The glue's default URL for its wasm is never used (boot.js passes the fetched bytes), but
  // keep it pointing at the real file.
  const js = readFileSync(join(tmp, "teach.js"), "utf8").replaceAll("teach_bg.wasm", wasmName);
  writeFileSync(join(dir, jsName), js, "utf8");

  const base = process.env.TRUNK_PUBLIC_URL ?? "./";
  tagBootScript(dir, { "data-ecsplain-teach-js": `${base}${jsName}`, "data-ecsplain-teach-wasm": `${base}${wasmName}` }, "teach");
  console.log(`teach: ${jsName} and ${wasmName} (${bytes.length} bytes)`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
