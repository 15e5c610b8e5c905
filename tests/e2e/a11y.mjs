// Accessibility of every view (issue 23): axe-core (pinned in tools/package.json) on the editor
// and findings, Sizing, CPU & memory, Learn, the checklist, the rules and each dialog, at 1280 px
// and on a phone (390 px), light and dark. Exit code 0 when axe finds no violation anywhere.
//
// Contract (called by `cargo xtask page|test` after run.mjs): the built dist/ is served at
// ECSPLAIN_URL; the report goes to ECSPLAIN_SHOTS/axe.json (default .e2e-out/). The page's CSP
// forbids inline scripts, so the context bypasses CSP to inject axe (nothing else changes).
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(join(root, "tools", "package.json"));
const { chromium } = require("playwright-core");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const url = process.env.ECSPLAIN_URL;
if (!url) {
  console.error("ECSPLAIN_URL is not set (serve dist/ and pass its address)");
  process.exit(2);
}
const shots = resolve(process.env.ECSPLAIN_SHOTS || join(root, ".e2e-out"));
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});

const report = [];
let violations = 0;
let unreachable = 0;

async function audit(page, where) {
  await page.waitForTimeout(250);
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // Colour contrast is checked too; only rules about the document as a page are tagged off
    // when the view is a part of it.
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(" "), html: n.html.slice(0, 160) })),
    }));
  });
  const count = result.reduce((n, v) => n + v.nodes.length, 0);
  violations += count;
  report.push({ where, count, violations: result });
  console.log(`${count === 0 ? "ok  " : "FAIL"} axe: ${where}: ${count} violation(s)`);
  for (const v of result) {
    for (const n of v.nodes.slice(0, 6)) console.log(`       ${v.impact} ${v.id}: ${n.target}`);
    if (v.nodes.length > 6) console.log(`       … and ${v.nodes.length - 6} more ${v.id}`);
  }
}

/// Clicks the first visible element of `selectors` (a phone may show a view's button elsewhere).
async function open(page, selectors, ready, where) {
  for (const sel of selectors) {
    const loc = page.locator(sel).first();
    if ((await loc.count()) > 0 && (await loc.isVisible())) {
      await loc.click();
      try {
        await page.waitForSelector(ready, { timeout: 30_000 });
        return true;
      } catch {
        break;
      }
    }
  }
  unreachable++;
  console.log(`FAIL axe: ${where}: could not open (${selectors.join(", ")} → ${ready})`);
  return false;
}

const layouts = [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
];
for (const layout of layouts) {
  for (const scheme of ["light", "dark"]) {
    const context = await browser.newContext({
      viewport: layout.viewport,
      isMobile: layout.isMobile,
      hasTouch: layout.hasTouch,
      colorScheme: scheme,
      bypassCSP: true,
    });
    const page = await context.newPage();
    const tag = `${layout.name} ${scheme}`;
    await page.goto(url, { waitUntil: "load" });
    await page.waitForSelector('#status[data-fresh="true"]', { timeout: 60_000 });
    await audit(page, `${tag}: editor and findings`);
    const views = [
      ["sizing", ["#sizing-button"], "#sizing-verdict"],
      ["CPU & memory", ["#explain-button"], "#cpu-sentence"],
      ["learn", ["#learn-button"], ".card[data-example]"],
      ["checklist", ["#checklist-button"], "#teach main, #app main.checklist, .checklist"],
      ["rules", ["#rules-button"], "#explain, .rules-page, .rule-list"],
    ];
    for (const [name, buttons, ready] of views) {
      if (await open(page, buttons, ready, `${tag}: ${name}`)) await audit(page, `${tag}: ${name}`);
      await page.keyboard.press("Escape");
    }
    // Back to linting for the dialogs.
    await open(page, ["#lint-button", ".nav-button >> text=Lint"], "#app .layout", `${tag}: lint`);
    const dialogs = [
      ["share dialog", ["#copy-link"], "#share-dialog"],
      ["settings dialog", ["#settings-button"], "[role=dialog], dialog[open]"],
      ["export dialog", ["#export-button"], "[role=dialog], dialog[open]"],
      ["shortcuts dialog", ["#help-button"], "#help-dialog, [role=dialog], dialog[open]"],
    ];
    for (const [name, buttons, ready] of dialogs) {
      if (await open(page, buttons, ready, `${tag}: ${name}`)) await audit(page, `${tag}: ${name}`);
      await page.keyboard.press("Escape");
      await page.waitForTimeout(150);
    }
    await context.close();
  }
}
await browser.close();
writeFileSync(join(shots, "axe.json"), JSON.stringify(report, null, 2));
const ok = violations === 0 && unreachable === 0;
console.log(
  ok
    ? `axe: no violations in ${report.length} views`
    : `axe: ${violations} violation(s) in ${report.filter((r) => r.count > 0).length} of ${report.length} views, ${unreachable} view(s) not reached; report in ${join(shots, "axe.json")}`,
);
process.exit(ok ? 0 : 1);
