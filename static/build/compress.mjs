// Trunk post_build hook: writes a brotli (.br) and a gzip (.gz) copy of every asset in the
// staging folder, as a production host serves them (issue 23, item 6).
//
// Trunk starts the hooks of a stage all at once, so this one cannot simply come last: it runs
// the other post_build scripts itself, one after the other, then compresses what they all wrote:
//   node static/build/compress.mjs --after static/build/rule-docs.mjs static/build/jsonnet.mjs ...
//
// `cargo xtask serve` and the end-to-end server (xtask/src/serve.rs) pick the copy the browser
// accepts (Accept-Encoding) and send it with Content-Encoding and Vary: Accept-Encoding; the
// deploy's nginx does the same with gzip_static / brotli_static. Brotli at quality 11 and gzip at
// level 9: the build pays once, every visit gains. Node's own zlib, nothing to install.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, extname } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("compress: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)");
  process.exit(2);
}

// The other post_build scripts first, in order; any failure fails the build.
const after = process.argv.indexOf("--after");
if (after >= 0) {
  for (const script of process.argv.slice(after + 1)) {
    execFileSync(process.execPath, [script], { stdio: "inherit", env: process.env });
  }
}

// What a browser fetches and compression shrinks; images and fonts are compressed already.
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".wasm", ".css", ".json", ".svg", ".txt", ".md", ".map"]);

function* files(folder) {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

let raw = 0;
let br = 0;
let gz = 0;
let count = 0;
for (const path of [...files(dir)]) {
  if (!COMPRESSIBLE.has(extname(path))) continue;
  const body = readFileSync(path);
  const brotli = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [constants.BROTLI_PARAM_MODE]: extname(path) === ".wasm" ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    },
  });
  const gzip = gzipSync(body, { level: 9 });
  writeFileSync(`${path}.br`, brotli);
  writeFileSync(`${path}.gz`, gzip);
  raw += body.length;
  br += brotli.length;
  gz += gzip.length;
  count += 1;
}
console.log(`compress: ${count} assets, ${raw} B raw, ${br} B brotli, ${gz} B gzip`);
