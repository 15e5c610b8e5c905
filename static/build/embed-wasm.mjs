// Trunk post_build hook: ships the wasm module inside a JavaScript module.
//
// The page's Content-Security-Policy has `connect-src 'none'`, which also forbids fetch() of the
// page's own .wasm file. Scripts from 'self' are allowed, so each `*.wasm` in the staging dir is
// rewritten as `<name>.wasm.js` exporting its bytes in hex (brotli
// compresses hex to within ~5% of the raw module; base64 costs ~30% more); static/boot.js imports it and hands
// the bytes to wasm-bindgen's init. The .wasm file itself is removed from the output.
import { readdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("embed-wasm: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)");
  process.exit(2);
}
for (const name of readdirSync(dir)) {
  if (!name.endsWith(".wasm")) continue;
  const bytes = readFileSync(join(dir, name));
  writeFileSync(join(dir, `${name}.js`), `export default "${bytes.toString("hex")}";\n`);
  rmSync(join(dir, name));
  console.log(`embed-wasm: ${name} (${bytes.length} bytes) -> ${name}.js`);
}
