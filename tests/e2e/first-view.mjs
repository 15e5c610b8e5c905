// The first view drawn ahead by the build (static/build/first-view.mjs, issue 23 item 6): shown
// read-only while the wasm arrives on a first visit, in the reader's language (English or
// Japanese), the same findings as the live page, and never shown when a share link, a fragment
// or a draft is in play.
//
// Env: ECSPLAIN_URL (the served dist/), ECSPLAIN_SHOTS (screenshots), CHROMIUM.
import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(join(root, "tools", "package.json"));
const { chromium } = require("playwright-core");
const url = process.env.ECSPLAIN_URL;
if (!url) {
  console.error("ECSPLAIN_URL is not set (serve dist/ and pass its address)");
  process.exit(2);
}
const shots = process.env.ECSPLAIN_SHOTS || join(root, "target", "e2e-shots");
mkdirSync(shots, { recursive: true });

let failures = 0;
const check = (ok, what, detail = "") => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${!ok && detail ? `: ${detail}` : ""}`);
  if (!ok) failures++;
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium" });

const html = await (await fetch(url)).text();
check(html.includes('<template id="first-view">'), "index.html carries the drawn-ahead first view");
check(html.includes('<template id="first-view-ja">'), "index.html carries the drawn-ahead Japanese first view");

/// A page whose wasm is still on its way (its request is held, never answered): what a visitor
/// on a slow network sees before the page starts.
async function withoutWasm(options, prepare) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US", ...options });
  const page = await context.newPage();
  await page.route(/\.wasm$/, () => {});
  if (prepare) await prepare(page);
  return { context, page };
}
const codesIn = (page, scope) =>
  page.$$eval(`${scope} .finding[data-code]`, (els) => els.map((e) => e.dataset.code));

// 1. A first visit, before the wasm: the example and its findings, read-only.
{
  const { context, page } = await withoutWasm({});
  await page.goto(url);
  await page.waitForSelector("#app > .first-view", { timeout: 10_000 }).catch(() => {});
  const before = await codesIn(page, "#app > .first-view");
  check(before.length > 0, "before the wasm: the example's findings are shown", JSON.stringify(before));
  check(await page.$eval("#app > .first-view", (e) => e.inert).catch(() => false), "before the wasm: the first view is inert (read-only)");
  check(
    await page.$eval("#app > .first-view textarea", (t) => t.value.includes('"family"')).catch(() => false),
    "before the wasm: the editor shows the example's text",
  );
  check((await page.$$("#app > .first-view [id]")).length === 0, "the first view holds no element ids (the live page owns them)");
  await page.screenshot({ path: join(shots, "first-view.png") });
  await context.close();
}

// 2. The live page shows the same findings, and replaces the first view.
{
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
  const page = await context.newPage();
  await page.goto(url);
  const drawn = await page.evaluate(() => {
    const t = document.getElementById("first-view");
    return [...(t?.content.querySelectorAll(".finding[data-code]") ?? [])].map((e) => e.dataset.code);
  });
  await page.waitForSelector('#status[data-fresh="true"]', { timeout: 60_000 });
  const live = await codesIn(page, "#app");
  check(drawn.length > 0 && JSON.stringify(drawn) === JSON.stringify(live), "the live page shows the findings drawn ahead", `${JSON.stringify(drawn)} vs ${JSON.stringify(live)}`);
  check((await page.$$("#app > .first-view")).length === 0, "the live page replaced the first view");
  await context.close();
}

// 3. A Japanese reader (browser language, or the saved choice) gets the Japanese copy: the
// same findings, in Japanese, and a Japanese status line.
const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
for (const [what, options, prepare] of [
  ["a Japanese browser", { locale: "ja-JP" }, null],
  ["an English browser whose reader chose 日本語", {}, (p) => p.addInitScript(() => localStorage.setItem("ecsplain.lang", "ja"))],
]) {
  const { context, page } = await withoutWasm(options, prepare);
  await page.goto(url);
  await page.waitForSelector("#app > .first-view", { timeout: 10_000 }).catch(() => {});
  const codes = await codesIn(page, "#app > .first-view");
  const english = await page.evaluate(() =>
    [...(document.getElementById("first-view")?.content.querySelectorAll(".finding[data-code]") ?? [])].map((e) => e.dataset.code),
  );
  check(codes.length > 0 && JSON.stringify(codes) === JSON.stringify(english), `${what}: the same findings as the English copy`, `${JSON.stringify(codes)} vs ${JSON.stringify(english)}`);
  const messages = await page.$$eval("#app > .first-view .finding .message", (els) => els.map((e) => e.textContent));
  check(messages.length > 0 && messages.every((m) => japanese.test(m)), `${what}: the findings read in Japanese`, JSON.stringify(messages.slice(0, 3)));
  const status = await page.textContent("#app > .first-view footer.status").catch(() => "");
  check(japanese.test(status ?? ""), `${what}: the status line is Japanese`, status ?? "");
  if (!prepare) await page.screenshot({ path: join(shots, "first-view-ja.png") });
  await context.close();
}

// 4. Never when something else decides what the page shows.
for (const [what, options, prepare, suffix] of [
  ["a fragment (share link, rule, lesson)", {}, null, "#rule/TD001"],
  ["a saved draft", {}, (p) => p.addInitScript(() => localStorage.setItem("ecsplain.drafts.v1", "[]")), ""],
]) {
  const { context, page } = await withoutWasm(options, prepare);
  await page.goto(url + suffix);
  await page.waitForTimeout(500);
  check((await page.$$("#app > .first-view")).length === 0, `no first view with ${what}`);
  check(await page.isVisible("#loading"), `with ${what} the page says it is loading`);
  await context.close();
}

await browser.close();
console.log(failures ? `first view: ${failures} check(s) failed` : "first view: all checks passed");
process.exit(failures ? 1 : 0);
