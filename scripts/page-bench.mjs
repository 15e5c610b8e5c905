// Browser benchmark of the built page (issue 10), in headless Chromium with playwright-core:
//
// - first findings after navigation: from the navigation's start (performance.timeOrigin) to the
//   moment the status bar says the findings are fresh, on a first visit (the examples in the
//   panes), median of RUNS fresh contexts;
// - re-lint after a keystroke, for the largest corpus file of each kind: the engine's time as the
//   page measures it (`performance.now()` around the lint call, shown in the status bar), and the
//   time from the key press to fresh findings (which includes the page's debounce);
// - typing in a 1 MB task definition (thousands of containers): the lint time, and the worst
//   input delay of 20 key presses typed while the page lints (how long a key waited for the
//   main thread).
//
// Rerun: `trunk build --release` (or `cargo xtask test`), then `node scripts/page-bench.mjs`.
// Env: DIST (default dist/), ECSPLAIN_CORPUS (default ../shared/corpus), RUNS (default 5),
// CHROMIUM (default /usr/bin/chromium). Prints a Markdown table; writes target/bench/page.md.
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import os from "node:os";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "tools", "package.json"));
const { chromium } = require("playwright-core");
const dist = resolve(process.env.DIST || join(root, "dist"));
const corpus = resolve(process.env.ECSPLAIN_CORPUS || join(root, "..", "shared", "corpus"));
const runs = Number(process.env.RUNS || 5);

// A static server over dist/ on localhost (no compression: the page's bytes as files).
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const file = join(dist, path.endsWith("/") ? `${path}index.html` : path);
  if (!file.startsWith(dist)) return res.writeHead(403).end();
  try {
    const body = readFileSync(file);
    res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const rows = [];

// Records, in the page, when the status bar first says the findings are fresh.
const recordFresh = () => {
  new MutationObserver(() => {
    if (window.__firstFresh === undefined && document.querySelector('#status[data-fresh="true"]') && document.querySelector(".finding"))
      window.__firstFresh = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
};

// 1. First findings after navigation.
{
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(recordFresh);
    await page.goto(url, { waitUntil: "load" });
    await page.waitForFunction(() => window.__firstFresh !== undefined, null, { timeout: 60_000 });
    times.push(await page.evaluate(() => window.__firstFresh));
    await context.close();
  }
  rows.push(["first findings after navigation (examples, first visit)", `${fmt(median(times))} ms`, `runs: ${times.map(fmt).join(", ")}`]);
}

// One page for the keystroke measures.
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
await page.goto(url, { waitUntil: "load" });
await page.waitForSelector('#status[data-fresh="true"]', { timeout: 60_000 });
const panes = ["taskdef", "servicedef", "dockerfile", "ecspresso"];
const paste = async (pane, text) => {
  await page.click(`#tab-${pane}`);
  await page.evaluate(
    ({ index, text }) => {
      const area = document.getElementById(`input-${index}`);
      area.value = text;
      area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
    },
    { index: panes.indexOf(pane), text },
  );
  await page.waitForSelector('#status[data-fresh="false"]', { timeout: 5_000 }).catch(() => {});
  await page.waitForSelector('#status[data-fresh="true"]', { timeout: 120_000 });
};
const engineMillis = async () => Number(/in ([\d.]+) ms/.exec(await page.textContent("#status"))?.[1] ?? NaN);
// Presses a key at the end of the pane's text; the time to fresh findings and the engine's time.
const keystroke = async (pane) => {
  const area = `#input-${panes.indexOf(pane)}`;
  await page.focus(area);
  await page.evaluate((sel) => {
    const a = document.querySelector(sel);
    a.selectionStart = a.selectionEnd = a.value.length;
  }, area);
  const started = await page.evaluate(() => performance.now());
  await page.keyboard.press("Space");
  await page.waitForSelector('#status[data-fresh="false"]', { timeout: 5_000 }).catch(() => {});
  await page.waitForSelector('#status[data-fresh="true"]', { timeout: 120_000 });
  const done = await page.evaluate(() => performance.now());
  return { total: done - started, engine: await engineMillis() };
};

// 2. Re-lint after a keystroke, largest corpus file of each kind.
const largest = (dir, filter = () => true) => {
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (filter(p)) files.push(p);
    }
  };
  walk(dir);
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
};
const cases = [
  ["taskdef", largest(join(corpus, "taskdef"))],
  ["servicedef", largest(join(corpus, "servicedef"))],
  ["dockerfile", largest(join(corpus, "dockerfile"))],
  ["ecspresso", largest(join(corpus, "ecspresso"), (p) => /\.(ya?ml)$/.test(p))],
];
for (const [pane, file] of cases) {
  const text = readFileSync(file, "utf8");
  await paste(pane, text);
  const engine = [];
  const total = [];
  for (let i = 0; i < runs; i++) {
    const r = await keystroke(pane);
    engine.push(r.engine);
    total.push(r.total);
  }
  rows.push([
    `re-lint after a keystroke: ${basename(file)} (${(text.length / 1024).toFixed(1)} KB, ${pane}); all four panes linted`,
    `${fmt(median(engine))} ms`,
    `key to fresh findings ${fmt(median(total))} ms (debounce included)`,
  ]);
}

// 3. Typing in a 1 MB task definition with thousands of containers.
{
  const container = (i) =>
    `    { "name": "c${i}", "image": "public.ecr.aws/nginx/nginx:1.27", "essential": ${i === 0}, "cpu": 8, "memory": 64,\n      "environment": [ { "name": "A", "value": "1" }, { "name": "B", "value": "2" } ],\n      "portMappings": [ { "containerPort": ${1000 + (i % 60000)} } ] }`;
  const parts = [];
  let size = 0;
  for (let i = 0; size < 1_000_000; i++) {
    parts.push(container(i));
    size += parts[i].length + 2;
  }
  const big = `{\n  "family": "big",\n  "requiresCompatibilities": ["EC2"],\n  "containerDefinitions": [\n${parts.join(",\n")}\n  ]\n}\n`;
  await paste("taskdef", big);
  const first = await engineMillis();
  // Type 20 characters 40 ms apart while the page debounces and lints; each key's wait for the
  // main thread is the time from the event's creation to its first handler.
  await page.evaluate(() => {
    window.__delays = [];
    document.addEventListener("keydown", (e) => window.__delays.push(performance.now() - e.timeStamp), { capture: true });
  });
  await page.focus("#input-0");
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Space");
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(300);
  await page.waitForSelector('#status[data-fresh="true"]', { timeout: 120_000 });
  const again = await engineMillis();
  const delays = await page.evaluate(() => window.__delays);
  rows.push([
    `1 MB task definition, ${parts.length} containers: lint`,
    `${fmt(median([first, again]))} ms`,
    `worst key input delay while typing 20 keys: ${fmt(Math.max(0, ...delays))} ms`,
  ]);
}
const version = browser.version();
await browser.close();
server.close();

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const lines = [
  `Page benchmark, ${new Date().toISOString().slice(0, 10)}, ${cpu}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}, Chromium ${version}`,
  "",
  "| measure | median | notes |",
  "|---|---:|---|",
  ...rows.map((r) => `| ${r.join(" | ")} |`),
];
console.log(lines.join("\n"));
mkdirSync(join(root, "target", "bench"), { recursive: true });
writeFileSync(join(root, "target", "bench", "page.md"), `${lines.join("\n")}\n`);
