// What the three on-demand wasm modules' post_build hooks share (jsonnet.mjs, template.mjs,
// terraform.mjs): build crates/<name>-wasm (package `ecsplain-<name>`) for wasm32 with the page's
// profile, run wasm-bindgen (--target web) and, for a release build, wasm-opt -Oz, then write
// `ecsplain-<name>-<hash>.js` and `ecsplain-<name>-<hash>_bg.wasm` and name both in index.html's
// boot script tag (`data-ecsplain-<name>`, `data-ecsplain-<name>-wasm`).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { tagBootScript } from "./boot-tag.mjs";

/// Builds the wasm module `name` (package `ecsplain-<name>`) and names it in the boot script tag.
export function buildSideModule(name) {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error(`${name}: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)`);
    process.exit(2);
  }
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const release = process.env.TRUNK_PROFILE === "release";
  // Trunk's own cargo settings must not leak into this build (its target is given below).
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith("CARGO_BUILD_") || key.startsWith("CARGO_PROFILE_") || key === "RUSTFLAGS" || key === "CARGO_ENCODED_RUSTFLAGS") {
      delete env[key];
    }
  }
  const run = (cmd, args) =>
    execFileSync(cmd, args, { cwd: root, env, encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "inherit"] });

  // The module, built with the page's profile; cargo names the file it wrote.
  const messages = run("cargo", [
    "build", "-j2", "--target", "wasm32-unknown-unknown", "-p", `ecsplain-${name}`,
    "--profile", release ? "wasm-release" : "dev", "--message-format", "json-render-diagnostics",
  ]);
  let wasm = null;
  for (const line of messages.split("\n")) {
    if (!line.startsWith("{")) continue;
    const message = JSON.parse(line);
    if (message.reason === "compiler-artifact" && message.target?.name === `ecsplain_${name}`) {
      wasm = message.filenames.find((f) => f.endsWith(".wasm")) ?? wasm;
    }
  }
  if (!wasm || !existsSync(wasm)) {
    console.error(`${name}: cargo built no ecsplain_${name}.wasm`);
    process.exit(1);
  }

  // JS bindings; then the smallest code (as Trunk does for the page: data-wasm-opt="z").
  const out = mkdtempSync(join(tmpdir(), `ecsplain-${name}-`));
  try {
    const bindgen = process.env.WASM_BINDGEN ?? "wasm-bindgen";
    run(bindgen, ["--target", "web", "--no-typescript", "--out-dir", out, "--out-name", `ecsplain_${name}`, wasm]);
    const bg = join(out, `ecsplain_${name}_bg.wasm`);
    if (release) {
      const wasmOpt = join(root, "tools/node_modules/.bin/wasm-opt");
      run(existsSync(wasmOpt) ? wasmOpt : "wasm-opt", [
        "-Oz", "--converge", "--enable-bulk-memory", "--enable-mutable-globals", "--enable-nontrapping-float-to-int",
        "--enable-sign-ext", "--enable-reference-types", "--enable-multivalue", bg, "-o", bg,
      ]);
    }
    const bytes = readFileSync(bg);
    const hash = (data) => createHash("sha256").update(data).digest("hex").slice(0, 16);
    const wasmName = `ecsplain-${name}-${hash(bytes)}_bg.wasm`;
    // boot.js gives the glue the module's address; the glue's own default name is never used.
    const js = readFileSync(join(out, `ecsplain_${name}.js`), "utf8");
    const jsName = `ecsplain-${name}-${hash(js)}.js`;
    writeFileSync(join(dir, wasmName), bytes);
    writeFileSync(join(dir, jsName), js, "utf8");

    const base = process.env.TRUNK_PUBLIC_URL ?? "./";
    tagBootScript(dir, { [`data-ecsplain-${name}`]: `${base}${jsName}`, [`data-ecsplain-${name}-wasm`]: `${base}${wasmName}` }, name);
    console.log(`${name}: ${bytes.length} bytes of wasm (${release ? "release" : "dev"}) -> ${wasmName}, ${jsName}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
