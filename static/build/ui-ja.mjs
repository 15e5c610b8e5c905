// Trunk post_build hook: the page's interface text in Japanese (src/i18n/ja.json, issue 21) as
// a script module beside the page, `ui-ja-<hash>.js` (`export default [text, ...]`, in the
// catalogue's order), named in
// index.html's boot script tag (`data-ecsplain-ui-ja`). static/boot.js imports it before the
// page starts for a reader who wants Japanese (and src/i18n.rs when the header's switch chooses
// it later): the first view of an English reader does not download it. The test in src/i18n.rs
// keeps its keys and placeholders in step with the English catalogue.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { tagBootScript } from "./boot-tag.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("ui-ja: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)");
  process.exit(2);
}
const root = fileURLToPath(new URL("../..", import.meta.url));
const texts = JSON.parse(readFileSync(join(root, "src/i18n/ja.json"), "utf8"));
const bad = Object.entries(texts).filter(([, text]) => typeof text !== "string" || !text.trim());
if (Object.keys(texts).length === 0 || bad.length > 0) {
  console.error(`ui-ja: empty or not text: ${bad.map(([key]) => key).join(", ")}`);
  process.exit(1);
}
// The catalogue's order (src/i18n.rs, `catalogue!`: the plain keys, then those with
// arguments): the module is an array in that order, so the page's wasm carries no key names
// (`Key as usize` indexes it; a test in src/i18n.rs reads the keys the same way).
const source = readFileSync(join(root, "src/i18n.rs"), "utf8");
const block = source.slice(source.indexOf("\ncatalogue! {\n"));
const body = block.slice(0, block.indexOf("\n}\n"));
const [plain, withArgs] = body.split("\n    ---\n");
const keysOf = (part, end) =>
  part
    .split("\n")
    .map((line) => new RegExp(`^\\s*([a-z0-9_]+)\\s*\\${end}`).exec(line))
    .filter(Boolean)
    .map((m) => m[1]);
const order = [...keysOf(plain, "="), ...keysOf(withArgs ?? "", "(")];
const missing = order.filter((key) => !(key in texts));
const strays = Object.keys(texts).filter((key) => !order.includes(key));
if (order.length === 0 || missing.length > 0 || strays.length > 0) {
  console.error(`ui-ja: catalogue keys without Japanese: ${missing.join(", ")}; Japanese for no key: ${strays.join(", ")}`);
  process.exit(1);
}
const text = `export default ${JSON.stringify(order.map((key) => texts[key]))};\n`;
const name = `ui-ja-${createHash("sha256").update(text).digest("hex").slice(0, 16)}.js`;
writeFileSync(join(dir, name), text, "utf8");
const base = process.env.TRUNK_PUBLIC_URL ?? "./";
tagBootScript(dir, { "data-ecsplain-ui-ja": `${base}${name}` }, "ui-ja");
console.log(`ui-ja: ${Object.keys(texts).length} interface texts in Japanese (${text.length} bytes) -> ${name}`);
