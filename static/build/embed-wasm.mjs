// Trunk post_build hook: ships the wasm module inside a JavaScript module.
//
// The page's Content-Security-Policy has `connect-src 'none'`, which also forbids fetch() of the
// page's own .wasm file. Scripts from 'self' are allowed, so each `*.wasm` in the staging dir is
// rewritten as `<name>.wasm.js` exporting its bytes as one string, one character per byte
// (U+0000 to U+00FF: bytes below 0x80 take one byte of UTF-8, the others two); static/boot.js
// imports it and hands the bytes to wasm-bindgen's init. The .wasm file itself is removed.
//
// Measured on the page's module (README, "Download size"): brotli makes this string about 3%
// larger than the raw .wasm; hex costs about 6% and base64 about 30%.
import { readdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("embed-wasm: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)");
  process.exit(2);
}

/** A JavaScript string literal holding one character per byte. */
export function latin1Literal(bytes) {
  const parts = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    // The four characters a "..." literal cannot hold as they are.
    const escape = b === 0x22 ? '\\"' : b === 0x5c ? "\\\\" : b === 0x0a ? "\\n" : b === 0x0d ? "\\r" : null;
    if (escape === null) continue;
    parts.push(bytes.subarray(start, i).toString("latin1"), escape);
    start = i + 1;
  }
  parts.push(bytes.subarray(start).toString("latin1"));
  return `"${parts.join("")}"`;
}

for (const name of readdirSync(dir)) {
  if (!name.endsWith(".wasm")) continue;
  const bytes = readFileSync(join(dir, name));
  // Module scripts are always read as UTF-8.
  writeFileSync(join(dir, `${name}.js`), `export default ${latin1Literal(bytes)};\n`, "utf8");
  rmSync(join(dir, name));
  console.log(`embed-wasm: ${name} (${bytes.length} bytes) -> ${name}.js`);
}
