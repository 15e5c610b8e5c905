import { createRequire } from "node:module";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, relative } from "node:path";
const require = createRequire("/work/wt-jsonnet/tools/package.json");
const { chromium } = require("playwright-core");
const corpus = "/work/shared/corpus/ecspresso";
const url = process.env.ECSPLAIN_URL;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox"] });
const walk = (d) => readdirSync(d).flatMap((n) => { const p = join(d, n); return statSync(p).isDirectory() ? walk(p) : [p]; });
let bad = 0;
for (const project of readdirSync(corpus).sort()) {
  const dir = join(corpus, project);
  const files = walk(dir);
  if (!files.some((f) => /sonnet$/.test(f))) continue;
  let cli;
  try { cli = execFileSync("/work/wt-jsonnet/target/debug/ecsplain", ["lint", "--format", "json", dir], { encoding: "utf8" }); }
  catch (e) { cli = e.stdout; }
  const want = JSON.parse(cli).findings.map((f) => `${f.code} ${relative(dir, f.path.startsWith("/") ? f.path : join(process.cwd(), f.path)).replace(/^.*?corpus\/ecspresso\/[^/]+\//, "")}:${f.line}:${f.column}`).sort();
  const linted = [...new Set(JSON.parse(cli).findings.map((f) => f.path))];
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(url, { waitUntil: "load" });
  await page.waitForSelector('#status[data-fresh="true"]');
  const payload = files.map((f) => [relative(dir, f), readFileSync(f, "utf8")]);
  await page.evaluate((payload) => {
    const dt = new DataTransfer();
    for (const [name, text] of payload) dt.items.add(new File([text], name, { type: "text/plain" }));
    window.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, payload);
  await page.waitForTimeout(300);
  await page.waitForFunction(() => !document.body.textContent.includes("waiting for the Jsonnet evaluator"), null, { timeout: 60000 });
  await page.waitForSelector('#status[data-fresh="true"]');
  await page.check("#all-files");
  await page.waitForTimeout(200);
  const got = (await page.locator(".finding").evaluateAll((els) => els.map((e) => `${e.dataset.code} ${e.querySelector(".loc").textContent}`))).sort();
  const status = await page.textContent("#status");
  const missing = want.filter((w) => !got.includes(w));
  const extra = got.filter((g) => !want.includes(g));
  console.log(`${project}: cli ${want.length} page ${got.length}; missing in page ${missing.length}, extra in page ${extra.length}; ${status}`);
  if (missing.length) console.log("  missing:", missing.slice(0, 12).join(" | "));
  if (extra.length) console.log("  extra:", extra.slice(0, 12).join(" | "));
  await ctx.close();
}
await browser.close();
