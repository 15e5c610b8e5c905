// The first finding on a slow phone (issue 23, item 6), in headless Chromium with playwright-core:
// 150 ms of latency, 1.6 Mbps down (750 kbps up) and a CPU 4x slower, set through the DevTools
// protocol (Network.emulateNetworkConditions, Emulation.setCPUThrottlingRate), on a first visit
// (empty cache, a fresh context each run). Measured from the navigation's start
// (performance.timeOrigin) to the first finding shown (the build's drawn-ahead first view, see
// static/build/first-view.mjs, counts), to the live page's first finding (the page has started
// and shows the engine's findings on what it has read: a project's Dockerfile is read once the
// Dockerfile module has arrived, src/dockerfile.rs), and to the moment the live page's status bar
// says the findings are fresh (every file read) and a finding is shown; median of RUNS runs.
//
// dist/ is served the way xtask/src/serve.rs serves it: the build's .br or .gz copy of a file
// (static/build/compress.mjs) when the browser accepts that coding, with Content-Encoding and
// Vary. COMPRESSED=0 serves the plain files only (a static host without compression), to compare.
//
// Rerun: `cargo xtask page` (or `trunk build --release`), then `node scripts/page-bench-throttled.mjs`.
// Env: DIST (default dist/), RUNS (default 3), COMPRESSED (default 1), CHROMIUM (default
// /usr/bin/chromium). Prints a line and writes target/bench/page-throttled.md.
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "tools", "package.json"));
const { chromium } = require("playwright-core");
const dist = resolve(process.env.DIST || join(root, "dist"));
const runs = Number(process.env.RUNS || 3);
const compressed = process.env.COMPRESSED !== "0";

const LATENCY_MS = 150;
const DOWN_BPS = 1.6e6;
const UP_BPS = 750e3;
const CPU_SLOWDOWN = 4;

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
};
const accepts = (header, coding) =>
  (header || "").toLowerCase().split(",").some((item) => {
    const [name, ...params] = item.split(";").map((s) => s.trim());
    const q = params.find((p) => p.startsWith("q="));
    return (name === coding || name === "*") && !(q && Number(q.slice(2)) <= 0);
  });
let sent = 0;
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  let file = join(dist, path.endsWith("/") ? `${path}index.html` : path);
  if (!file.startsWith(dist)) return res.writeHead(403).end();
  if (!existsSync(file) || !statSync(file).isFile()) return res.writeHead(404).end();
  const headers = { "content-type": types[extname(file)] || "application/octet-stream", "cache-control": "no-store" };
  if (types[extname(file)]) headers.vary = "Accept-Encoding";
  if (compressed) {
    for (const [coding, ext] of [["br", ".br"], ["gzip", ".gz"]]) {
      if (accepts(req.headers["accept-encoding"], coding) && existsSync(file + ext)) {
        file += ext;
        headers["content-encoding"] = coding;
        break;
      }
    }
  }
  const body = readFileSync(file);
  sent += body.length;
  res.writeHead(200, headers).end(body);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
// Three moments: the first finding shown (the build's drawn-ahead first view counts: it is the
// engine's finding on the example, read-only until the page starts), the live page's first
// finding (the drawn-ahead copy, `#app > .first-view`, is gone), and the first finding of the live
// page with every file read (the status line says the findings are fresh).
const recordFresh = () => {
  new MutationObserver(() => {
    if (window.__firstShown === undefined && document.querySelector("#app .finding"))
      window.__firstShown = performance.now();
    if (window.__firstLive === undefined && document.querySelector("#app .finding") && !document.querySelector("#app > .first-view"))
      window.__firstLive = performance.now();
    if (window.__firstFresh === undefined && document.querySelector('#status[data-fresh="true"]') && document.querySelector(".finding"))
      window.__firstFresh = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const times = [];
const shown = [];
const live = [];
const bytes = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: LATENCY_MS,
    downloadThroughput: DOWN_BPS / 8,
    uploadThroughput: UP_BPS / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  await page.addInitScript(recordFresh);
  sent = 0;
  await page.goto(url, { waitUntil: "load", timeout: 120_000 });
  await page.waitForFunction(() => window.__firstFresh !== undefined, null, { timeout: 120_000 });
  times.push(await page.evaluate(() => window.__firstFresh));
  shown.push(await page.evaluate(() => window.__firstShown ?? window.__firstFresh));
  live.push(await page.evaluate(() => window.__firstLive ?? window.__firstFresh));
  bytes.push(sent);
  await context.close();
}
await browser.close();
server.close();

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const line = `${LATENCY_MS} ms latency, ${DOWN_BPS / 1e6} Mbps, CPU ${CPU_SLOWDOWN}x slower, ${compressed ? "compressed as served (br/gzip)" : "uncompressed"}: first finding shown median ${fmt(median(shown))} (runs: ${shown.map(fmt).join(", ")}); the live page's first finding median ${fmt(median(live))} (runs: ${live.map(fmt).join(", ")}); every file read and its findings fresh median ${fmt(median(times))} (runs: ${times.map(fmt).join(", ")}; ${median(bytes)} B sent until then)`;
console.log(line);
mkdirSync(join(root, "target", "bench"), { recursive: true });
writeFileSync(join(root, "target", "bench", `page-throttled${compressed ? "" : "-uncompressed"}.md`), `${line}\n`);
