// Trunk post_build hook: the rules' documentation (and the lessons' bodies and the checklist) as
// a script module beside the page, with each rule's one-line summary (`summary/<CODE>`: the page's
// engine leaves the summaries out too, and only views that wait for the docs show them).
//
// The page's engine is built with its feature `external-docs`: about 30 KB of brotli less to
// download before the first findings. This hook runs the engine's `rule_docs` example, which
// prints every rule's doc comment as JSON, writes it as `rule-docs-<hash>.js` (`export default
// {...}`) and names that file in index.html's boot script tag (`data-ecsplain-docs`);
// static/boot.js imports it the first time an explanation, a SARIF export, a lesson or the
// checklist needs it (src/docs.rs). The doc comments and content files stay the only copies.
//
// The Japanese rule docs (each rule's `<stem>.ja.md`, issue 21) go into a second module,
// `rule-docs-ja-<hash>.js` (`{"ja/<CODE>": text}`, from `rule_docs --lang ja`), named in
// `data-ecsplain-docs-ja`: static/boot.js's `ecsplainDocsJa()` imports it only for a reader who
// chose Japanese, and the page hands it to `ecsplain_engine::rule::set_docs_in(Lang::Ja, ..)`.
// It carries the findings' Japanese message templates too (`ja-msg/<CODE.NAME>`): the page's
// engine leaves them out of the first view (crates/engine/build.rs).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { tagBootScript } from "./boot-tag.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("rule-docs: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)");
  process.exit(2);
}
const root = fileURLToPath(new URL("../..", import.meta.url));
// A native run: the build target and flags Trunk gives its own cargo must not leak in.
const env = { ...process.env };
for (const key of Object.keys(env)) {
  if (key.startsWith("CARGO_BUILD_") || key === "RUSTFLAGS" || key === "CARGO_ENCODED_RUSTFLAGS") delete env[key];
}
const ruleDocs = (...args) =>
  JSON.parse(
    execFileSync("cargo", ["run", "-q", "-j2", "-p", "ecsplain-engine", "--example", "rule_docs", "--", ...args], {
      cwd: root,
      env,
      encoding: "utf8",
      maxBuffer: 64 << 20,
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
const docs = ruleDocs();
// Rules under their codes, their summaries under `summary/<CODE>`; lesson bodies
// (`lesson/<id>`) and the checklist beside them.
const codes = Object.keys(docs).filter((key) => /^[A-Z]+[0-9]+$/.test(key));
const summaryKey = (key) => /^summary\/([A-Z]+[0-9]+)$/.exec(key);
const summaries = Object.keys(docs).filter(summaryKey);
const empty = [
  ...Object.keys(docs).filter((key) => !docs[key] || (codes.includes(key) && !docs[key].includes("## What it does"))),
  ...codes.filter((code) => !docs[`summary/${code}`]).map((code) => `summary/${code}`),
  ...summaries.filter((key) => !codes.includes(summaryKey(key)[1])),
];
if (codes.length === 0 || empty.length > 0 || !docs["checklist.json"]) {
  console.error(`rule-docs: ${codes.length} rules; empty, without docs or a summary, or for no rule: ${empty.join(", ")}`);
  process.exit(1);
}
/** Writes `export default {...}` as `<prefix>-<hash>.js`; returns its name and size. */
const writeModule = (prefix, texts) => {
  const text = `export default ${JSON.stringify(texts)};\n`;
  const name = `${prefix}-${createHash("sha256").update(text).digest("hex").slice(0, 16)}.js`;
  writeFileSync(join(dir, name), text, "utf8");
  return [name, text.length];
};
const [name, size] = writeModule("rule-docs", docs);

// Japanese: `ja/<CODE>` for the translated rules only (the rest are shown in English), and the
// teaching content's Japanese files: `ja/lesson/<id>`, `ja/example/<id>`, `ja/checklist.json`.
const ja = ruleDocs("--lang", "ja");
const learnKey = (key) => /^ja\/(lesson|example)\/[a-z0-9-]+$/.test(key) || key === "ja/checklist.json";
// The findings' Japanese message templates (`ja-msg/<CODE>.<NAME>`, from the rules' `.ja.msg`):
// the page's engine leaves them out and takes them from here (`rule::ja_message`).
const msgKey = (key) => /^ja-msg\/([A-Z]+[0-9]+)\.[A-Z0-9_]+$/.exec(key);
// The teaching module's own sentences, keyed the same way (`learn::ja_text`): the sizing
// arithmetic's, the lessons' facts and the checklist's Markdown phrases.
const teachKey = (key) => /^ja-msg\/(SIZING|LESSON|MARKDOWN)\.[A-Z0-9_]+$/.test(key);
const strays = Object.keys(ja).filter((key) => {
  if (teachKey(key)) return !ja[key];
  const msg = msgKey(key);
  if (msg) return !codes.includes(msg[1]) || !ja[key];
  return !key.startsWith("ja/") || !(codes.includes(key.slice(3)) || learnKey(key)) || !ja[key];
});
if (strays.length > 0) {
  console.error(`rule-docs: Japanese texts for no rule, or empty: ${strays.join(", ")}`);
  process.exit(1);
}
const [jaName, jaSize] = writeModule("rule-docs-ja", ja);

const base = process.env.TRUNK_PUBLIC_URL ?? "./";
tagBootScript(dir, { "data-ecsplain-docs": `${base}${name}`, "data-ecsplain-docs-ja": `${base}${jaName}` }, "rule-docs");
console.log(
  `rule-docs: ${codes.length} rules with ${summaries.length} summaries, ${Object.keys(docs).length - codes.length - summaries.length} other texts (${size} bytes) -> ${name}`,
);
const jaLearn = Object.keys(ja).filter(learnKey).length;
const jaMsg = Object.keys(ja).filter(msgKey).length;
const jaTeach = Object.keys(ja).filter(teachKey).length;
console.log(
  `rule-docs: ${Object.keys(ja).length - jaLearn - jaMsg - jaTeach} rules, ${jaLearn} teaching texts, ${jaMsg} message templates and ${jaTeach} teaching sentences in Japanese (${jaSize} bytes) -> ${jaName}`,
);
