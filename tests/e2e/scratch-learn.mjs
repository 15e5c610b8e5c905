// End-to-end test of the page in headless Chromium.
//
// Contract (called by `cargo xtask test`): the built dist/ is served at ECSPLAIN_URL; screenshots
// go to ECSPLAIN_SHOTS (default: .e2e-out/). Exit code 0 when every check passes, 1 otherwise.
// Optional: ECSPLAIN_PERF_FILE=<path> also pastes that file into the matching pane and prints the
// lint time the page measured; CHROMIUM=<path> overrides /usr/bin/chromium.
import { createRequire } from "node:module";
import { mkdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
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

// The version the page must show: the workspace version in the root Cargo.toml.
const cargoToml = readFileSync(join(root, "Cargo.toml"), "utf8");
const version = /\[workspace\.package\][^[]*?version\s*=\s*"([^"]+)"/.exec(cargoToml)?.[1];

const TASKDEF = `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "4096",
  "containerDefinitions": [
    { "name": "app", "image": "public.ecr.aws/nginx/nginx:1.27", "essential": true }
  ]
}
`;

let failures = 0;
const check = (ok, what, detail = "") => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${!ok && detail ? `: ${detail}` : ""}`);
  if (!ok) failures++;
};
const eq = (actual, expected, what) =>
  check(
    JSON.stringify(actual) === JSON.stringify(expected),
    what,
    `got ${JSON.stringify(actual)}, want ${JSON.stringify(expected)}`,
  );

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

const consoleErrors = [];
const failedRequests = [];
const watch = (page) => {
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  page.on("pageerror", (err) => consoleErrors.push(String(err)));
  page.on("requestfailed", (req) => failedRequests.push(`${req.url()} ${req.failure()?.errorText}`));
};

/// Waits until the findings shown belong to the current texts.
const settled = (page) =>
  page.waitForSelector('#status[data-fresh="true"]', { timeout: 30_000 });

/// Replaces a pane's text the way a paste does (one input event).
async function paste(page, pane, text) {
  await page.click(`#tab-${pane}`);
  await page.evaluate(
    ({ pane, text }) => {
      const slug = ["taskdef", "servicedef", "dockerfile", "ecspresso"].indexOf(pane);
      const area = document.getElementById(`input-${slug}`);
      area.focus();
      area.value = text;
      area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
    },
    { pane, text },
  );
  await page.waitForTimeout(20);
  await settled(page);
}

const lintMillis = async (page) => {
  const status = await page.textContent("#status");
  return Number(/in ([\d.]+) ms/.exec(status)?.[1] ?? NaN);
};

try {
  await teachingChecks(browser); // issue 11: see the block at the end of this file

  eq(consoleErrors, [], "no console errors");
  eq(failedRequests, [], "no failed requests");
} catch (err) {
  console.error(err);
  failures++;
} finally {
  await browser.close();
}

console.log(failures === 0 ? "e2e: all checks passed" : `e2e: ${failures} check(s) failed`);
console.log(`screenshots in ${shots}`);
process.exit(failures === 0 ? 0 : 1);

// ---------------------------------------------------------------------------------------------
// Teaching (issue 11): the examples gallery, a lesson solved, the checklist, the rule reference.
// Screenshots: learn.png, lesson.png, checklist.png, rules.png, phone-learn.png, phone-lesson.png.
async function teachingChecks(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: "light" });
  const page = await context.newPage();
  watch(page);
  await page.goto(url, { waitUntil: "load" });
  await page.waitForSelector("#version", { timeout: 30_000 });
  await settled(page);

  // Gallery: one click loads an example's files into the panes by kind.
  await page.click("#learn-button");
  const cards = page.locator(".card[data-example]");
  check((await cards.count()) >= 14, "the gallery shows the examples", String(await cards.count()));
  eq(await page.locator('.card[data-example="nginx-app-bad"] .read-dot').count(), 0, "an example not loaded has no dot");
  await page.screenshot({ path: join(shots, "learn.png") });
  await page.click('.card[data-example="nginx-app-bad"] .load');
  await page.waitForSelector("#input-0");
  await page.waitForTimeout(20);
  await settled(page);
  check((await page.inputValue("#input-0")).includes("nginx"), "loading an example fills the task pane");
  eq(await page.textContent("#tab-dockerfile .badge"), "0", "panes the example has no file for are emptied");
  check((await page.locator(".finding").count()) >= 1, "the loaded example has findings");
  await page.click("#learn-button");
  eq(await page.locator('.card[data-example="nginx-app-bad"] .read-dot').count(), 1, "a loaded example gets a dot");

  // A lesson: not solved at the start, solved by the reference solution.
  await page.click('.lesson-row[data-lesson="cpu-shares"] a');
  await page.waitForSelector('.lesson[data-lesson="cpu-shares"]');
  eq(await page.evaluate(() => location.hash), "#lesson/cpu-shares", "a lesson has a permalink");
  eq(await page.getAttribute(".lesson", "data-solved"), "false", "the exercise is not solved at the start");
  eq(await page.locator("#lesson-solution-toggle").count(), 0, "no solution before a check");
  check((await page.locator(".explainer-note").textContent()).includes("CPU"), "the lesson names its explainer");
  await page.click("#lesson-check");
  check((await page.textContent("#lesson-verdict")).includes("TD011"), "a check names the goal code still reported");
  await page.click("#lesson-hint");
  eq(await page.locator(".hint-list li").count(), 1, "hints come one at a time");
  await page.screenshot({ path: join(shots, "lesson.png") });
  await page.click("#lesson-solution-toggle");
  const solution = await page.textContent("#lesson-solution");
  await page.evaluate((text) => {
    const area = document.getElementById("input-9");
    area.focus();
    area.value = text;
    area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, solution);
  await page.waitForSelector('.lesson[data-solved="true"]', { timeout: 10_000 });
  check((await page.textContent("#lesson-verdict")).startsWith("✓ Solved"), "the reference solution solves the exercise");
  await page.click(".crumbs a");
  eq(await page.locator('.lesson-row.solved[data-lesson="cpu-shares"]').count(), 1, "a solved lesson is marked in the list");

  // The checklist, from an example loaded by permalink.
  await page.evaluate(() => (location.hash = "#example/ecspresso-bad"));
  await page.waitForFunction(() => /linted 3 files/.test(document.getElementById("status")?.textContent));
  await settled(page);
  await page.click("#checklist-button");
  await page.waitForSelector("#checklist-summary");
  const counts = await page.locator(".cl-count").evaluateAll((els) =>
    Object.fromEntries(els.map((e) => [e.classList[1], Number(e.dataset.count)])),
  );
  const items = await page.locator(".cl-item").count();
  check(items >= 40, "the checklist lists the author's items", String(items));
  eq(Object.values(counts).reduce((a, b) => a + b, 0), items, "the summary counts every item once");
  check(counts["not-satisfied"] >= 1 && counts.satisfied >= 1, "items are satisfied and not satisfied", JSON.stringify(counts));
  check(counts.manual >= 1, "process items are ticked by hand", JSON.stringify(counts));
  eq(await page.locator('.cl-item[data-status="not-satisfied"] .cl-finding').count() >= 1, true, "unsatisfied items show their findings");
  const manual = page.locator('.cl-item[data-status="manual"] .cl-tick').first();
  await manual.check();
  check((await page.textContent(".cl-count.manual")).startsWith("☐ 1 of"), "ticking an item counts it");
  await page.screenshot({ path: join(shots, "checklist.png") });
  await page.locator(".cl-finding").first().click();
  check(
    await page.evaluate(() => document.activeElement?.id?.startsWith("input-")),
    "a checklist finding jumps to its pane",
  );
  await page.waitForTimeout(100);
  await page.reload({ waitUntil: "load" });
  await page.waitForSelector("#version");
  await page.click("#checklist-button");
  await page.waitForSelector("#checklist-summary");
  check((await page.textContent(".cl-count.manual")).startsWith("☐ 1 of"), "ticks survive a reload");

  // The rule reference: search, filter chips, and a page per rule by permalink.
  await page.click("#rules-button");
  await page.fill("#rule-search", "DL30");
  const codes = await page.locator(".rule-code").allTextContents();
  check(codes.length >= 1 && codes.every((c) => c.startsWith("DL30")), "searching DL30 finds DL30xx rules", String(codes));
  await page.fill("#rule-search", "");
  await page.click('.chip.filter[data-filter="security"]');
  const cats = await page.locator(".rule-row").evaluateAll((rows) => rows.map((r) => r.dataset.category));
  check(cats.length >= 1 && cats.every((c) => c === "security"), "the category chip filters the rules", String(cats));
  await page.click('.chip.filter[data-filter="security"]');
  await page.evaluate(() => (location.hash = "#rule/DL3008"));
  await page.waitForSelector("#explain");
  eq(await page.textContent("#explain .explain-code"), "DL3008", "#rule/DL3008 opens the rule's page");
  eq(
    await page.locator("#explain .doc h3").allTextContents(),
    ["What it does", "Why is this bad?", "Example", "Use instead", "References"],
    "the rule page is the rule's own documentation",
  );
  await page.screenshot({ path: join(shots, "rules.png") });
  await context.close();

  // A phone: the Learn view and a lesson in one column.
  const phone = await browser.newContext({ viewport: { width: 375, height: 800 }, colorScheme: "light" });
  const mobile = await phone.newPage();
  watch(mobile);
  await mobile.goto(`${url}#learn`, { waitUntil: "load" });
  await mobile.waitForSelector(".lesson-list");
  check(await mobile.evaluate(() => document.documentElement.scrollWidth <= 375), "Learn: no horizontal scroll at 375 px");
  await mobile.screenshot({ path: join(shots, "phone-learn.png") });
  await mobile.goto(`${url}#lesson/secrets`, { waitUntil: "load" });
  await mobile.waitForSelector('.lesson[data-lesson="secrets"]');
  check(await mobile.evaluate(() => document.documentElement.scrollWidth <= 375), "lesson: no horizontal scroll at 375 px");
  await mobile.screenshot({ path: join(shots, "phone-lesson.png") });
  await phone.close();
}
