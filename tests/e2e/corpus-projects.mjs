// Every ecspresso project of the corpus (issue 6: its config, the definitions it names, its
// Dockerfiles, Jsonnet and Terraform states), dropped into the page as a folder and linted by the
// CLI: the findings (code, path, line, column) must be the same. The page evaluates Jsonnet in
// its own wasm module, the CLI with its built-in evaluator. ECSPLAIN_ONLY_JSONNET=1 keeps the
// projects that hold Jsonnet.
//
// Needs the page served at ECSPLAIN_URL and a CLI binary (ECSPLAIN_CLI, default
// target/debug/ecsplain: `cargo build -p ecsplain -j2`). The corpus is $ECSPLAIN_CORPUS/ecspresso
// (default ../shared/corpus/ecspresso). Run with NODE_PATH=tools/node_modules. Exit code 1 on
// any difference.
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(join(root, "tools", "package.json"));
const { chromium } = require("playwright-core");
const url = process.env.ECSPLAIN_URL;
if (!url) {
  console.error("ECSPLAIN_URL is not set (serve dist/ and pass its address)");
  process.exit(2);
}
const corpus = join(resolve(process.env.ECSPLAIN_CORPUS || join(root, "../shared/corpus")), "ecspresso");
const cli = resolve(process.env.ECSPLAIN_CLI || join(root, "target/debug/ecsplain"));
if (!existsSync(corpus)) {
  // As the Rust corpus tests do: say so, and check nothing.
  console.log(`note: no corpus at ${corpus} (set ECSPLAIN_CORPUS); the corpus projects were not checked`);
  process.exit(0);
}
const walk = (d) => readdirSync(d).flatMap((n) => {
  const p = join(d, n);
  return statSync(p).isDirectory() ? walk(p) : [p];
});

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: ["--headless", "--no-sandbox"] });
let differences = 0;
let projects = 0;
try {
  for (const project of readdirSync(corpus).sort()) {
    const dir = join(corpus, project);
    if (!statSync(dir).isDirectory()) continue;
    const files = walk(dir);
    if (process.env.ECSPLAIN_ONLY_JSONNET && !files.some((f) => /\.(jsonnet|libsonnet)$/.test(f))) continue;
    projects++;
    let out;
    try {
      out = execFileSync(cli, ["lint", "--format", "json", dir], { encoding: "utf8" });
    } catch (e) {
      out = e.stdout; // findings make the CLI exit non-zero
    }
    const want = JSON.parse(out).findings.map((f) => `${f.code} ${relative(dir, resolve(f.path))}:${f.line}:${f.column}`).sort();

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "load" });
    await page.waitForSelector('#status[data-fresh="true"]', { timeout: 30_000 });
    const payload = files.map((f) => [relative(dir, f), readFileSync(f, "utf8")]);
    await page.evaluate((payload) => {
      const dt = new DataTransfer();
      for (const [name, text] of payload) dt.items.add(new File([text], name, { type: "text/plain" }));
      window.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, payload);
    await page.waitForTimeout(300);
    await page.waitForFunction(() => !document.body.textContent.includes("waiting for the Jsonnet evaluator"), null, { timeout: 60_000 });
    await page.waitForSelector('#status[data-fresh="true"]', { timeout: 30_000 });
    await page.check("#all-files");
    await page.waitForTimeout(100);
    const got = (await page.locator(".finding").evaluateAll((els) => els.map((e) => `${e.dataset.code} ${e.querySelector(".loc").textContent}`))).sort();
    const status = await page.textContent("#status");
    const missing = want.filter((w) => !got.includes(w));
    const extra = got.filter((g) => !want.includes(g));
    const same = missing.length === 0 && extra.length === 0;
    if (!same) differences++;
    console.log(`${same ? "ok  " : "FAIL"} ${project}: CLI ${want.length} findings, page ${got.length} (${status.trim()})`);
    if (missing.length) console.log(`     only from the CLI: ${missing.join(" | ")}`);
    if (extra.length) console.log(`     only in the page: ${extra.join(" | ")}`);
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(`${projects - differences} passed, ${differences} failed`);
process.exit(differences === 0 && projects > 0 ? 0 : 1);
