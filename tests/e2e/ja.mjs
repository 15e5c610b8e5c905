// End-to-end test of the page in Japanese (issue 21), run by `cargo xtask page` / `test` after
// run.mjs. A browser whose language is Japanese opens the page: the interface is Japanese, the
// header's language switch says so and works from the keyboard, a rule's explanation shows its
// Japanese documentation; the choice is remembered and no share link carries it. Screenshots:
// ECSPLAIN_SHOTS/ja-{desktop,phone}-{light,dark}.png (look at them: nothing overflows, the
// Japanese glyphs render; Debian's Chromium needs fonts-noto-cjk, which `cargo xtask setup`
// installs). Finding messages are still English this round (the engine's; a later step keys them).
import { createRequire } from "node:module";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const require = createRequire(join(root, "tools", "package.json"));
const { chromium } = require("playwright-core");

const url = process.env.ECSPLAIN_URL;
if (!url) {
  console.error("ECSPLAIN_URL is not set (serve dist/ and pass its address)");
  process.exit(2);
}
const shots = resolve(process.env.ECSPLAIN_SHOTS || join(root, ".e2e-out"));
mkdirSync(shots, { recursive: true });

let failures = 0;
const check = (ok, what, detail = "") => {
  console.log(`${ok ? "ok  " : "FAIL"} ja: ${what}${!ok && detail ? `: ${detail}` : ""}`);
  if (!ok) failures++;
};
const eq = (actual, expected, what) =>
  check(JSON.stringify(actual) === JSON.stringify(expected), what, `got ${JSON.stringify(actual)}, want ${JSON.stringify(expected)}`);

const font = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
if (!existsSync(font)) {
  console.log(`\nja: !!! no CJK font (${font}): the screenshots show boxes; run \`cargo xtask setup\` (fonts-noto-cjk) !!!\n`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const consoleErrors = [];
const watch = (page) => {
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  page.on("pageerror", (err) => consoleErrors.push(String(err)));
};
const settled = (page) => page.waitForSelector('#status[data-fresh="true"]', { timeout: 30_000 });
const text = async (page, selector) => ((await page.textContent(selector)) ?? "").trim();
/** Latin words of 4+ letters in a text, less the names that stay as written. */
const english = (s) =>
  (s.match(/[A-Za-z]{4,}/g) ?? []).filter((w) => !["ecsplain", "English", "Fargate", "ecspresso", "Dockerfile"].includes(w));
/** Whether anything sticks out sideways. */
const overflow = (page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = document.documentElement.scrollWidth > width + 1;
    const out = [...document.querySelectorAll("header *, .findings *, .explain *")]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.right <= width + 1 || getComputedStyle(e).position === "fixed") return false;
        // Inside a box that scrolls or clips sideways (a code block) is not sticking out.
        for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
          if (getComputedStyle(a).overflowX !== "visible") return false;
        }
        return true;
      })
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}.${e.className}`)
      .slice(0, 5);
    return { wide, out };
  });

const layouts = [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
];

try {
  // 1. A Japanese browser: the page starts in Japanese (no saved choice).
  for (const layout of layouts) {
    for (const scheme of ["light", "dark"]) {
      const context = await browser.newContext({
        viewport: layout.viewport,
        isMobile: layout.isMobile,
        hasTouch: layout.hasTouch,
        colorScheme: scheme,
        locale: "ja-JP",
      });
      const page = await context.newPage();
      watch(page);
      await page.goto(url);
      await settled(page);
      const what = `${layout.name} ${scheme}`;
      if (layout.name === "desktop" && scheme === "light") {
        eq(await page.evaluate(() => document.documentElement.lang), "ja", "the document says it is Japanese");
        eq(await page.inputValue("#lang-select"), "ja", "the header's switch shows 日本語");
        eq(await page.getAttribute("#lang-select", "aria-label"), "言語", "the switch is labelled in Japanese");
        eq(await text(page, "#lint-button"), "検査", "the Lint view's button");
        eq(await text(page, "#rules-button"), "ルール", "the Rules view's button");
        check((await text(page, "#findings-title")).startsWith("指摘"), "the findings' heading is 指摘", await text(page, "#findings-title"));
        check((await text(page, "#privacy")).includes("ブラウザー"), "the privacy note is Japanese", await text(page, "#privacy"));
        check(/を .* ms で検査/.test(await text(page, "#status")), "the status line is Japanese", await text(page, "#status"));
        const chrome = [
          await text(page, "nav.nav"),
          await text(page, ".findings-head"),
          await text(page, "#privacy"),
          await text(page, "#status"),
          (await page.$("#example-note")) ? await text(page, "#example-note") : "",
        ].join(" ");
        eq(english(chrome), [], "no English left in the header, the findings' heading, the notes and the status");
        const severities = await page.$$eval(".finding .sev", (els) => [...new Set(els.map((e) => e.textContent.replace(/[✖▲●]/g, "").trim()))]);
        check(severities.length > 0 && severities.every((s) => ["エラー", "警告", "情報"].includes(s)), "severities are named in Japanese", JSON.stringify(severities));
        // A share link carries nothing of the language.
        check(!/lang|[#&/]ja\b/.test(new URL(page.url()).hash), "the address names no language", page.url());
      }
      // 2. A rule's explanation in Japanese (through ja21's on-demand module).
      await page.goto(`${url}#rule/TD001`);
      await page.waitForSelector("#explain .doc h2, #explain .doc h3, #explain .doc-error", { timeout: 30_000 });
      const doc = await text(page, "#explain .doc");
      check(doc.includes("何を検査するか"), `${what}: TD001's documentation is in Japanese`, doc.slice(0, 120));
      check(!(await page.$("#doc-fallback")), `${what}: no English fallback note for a translated rule`);
      eq(await page.getAttribute("#explain .summary", "lang"), "ja", `${what}: the summary is the Japanese one`);
      check((await text(page, "#rule-permalink")).startsWith("パーマリンク"), `${what}: the permalink is labelled in Japanese`);
      const o = await overflow(page);
      check(!o.wide && o.out.length === 0, `${what}: nothing sticks out sideways`, JSON.stringify(o));
      await page.screenshot({ path: join(shots, `ja-rule-${layout.name}-${scheme}.png`), fullPage: false });
      await page.click("#lint-button");
      await settled(page);
      const o2 = await overflow(page);
      check(!o2.wide && o2.out.length === 0, `${what}: the lint view does not overflow`, JSON.stringify(o2));
      await page.screenshot({ path: join(shots, `ja-${layout.name}-${scheme}.png`), fullPage: true });
      await context.close();
    }
  }

  // 3. An English browser: the switch, from the keyboard, remembered, and back.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
  const page = await context.newPage();
  watch(page);
  await page.goto(url);
  await settled(page);
  eq(await text(page, "#rules-button"), "Rules", "an English browser starts in English");
  await page.focus("#lang-select");
  await page.selectOption("#lang-select", "ja");
  await page.waitForFunction(() => document.getElementById("rules-button")?.textContent === "ルール", null, { timeout: 15_000 });
  check(true, "choosing 日本語 in the header turns the page Japanese");
  eq(await page.evaluate(() => localStorage.getItem("ecsplain.lang")), "ja", "the choice is remembered");
  await page.reload();
  await settled(page);
  eq(await text(page, "#rules-button"), "ルール", "a reload keeps the choice over the browser's language");
  check(!/lang|[#&/]ja\b/.test(new URL(page.url()).hash), "the address names no language", page.url());
  await page.selectOption("#lang-select", "en");
  await page.waitForFunction(() => document.getElementById("rules-button")?.textContent === "Rules", null, { timeout: 15_000 });
  check(true, "choosing English turns it back");
  await context.close();

  eq(consoleErrors, [], "no console errors");
} catch (err) {
  console.error(err);
  failures++;
} finally {
  await browser.close();
}
console.log(failures === 0 ? "ja e2e: all checks passed" : `ja e2e: ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
