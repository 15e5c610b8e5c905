// End-to-end test of the page in Japanese (issue 21), run by `cargo xtask page` / `test` after
// run.mjs. A browser whose language is Japanese opens the page: the interface is Japanese, the
// header's language switch says so and works from the keyboard, a rule's explanation shows its
// Japanese documentation; the choice is remembered and no share link carries it. Screenshots:
// ECSPLAIN_SHOTS/ja-{desktop,phone}-{light,dark}.png (look at them: nothing overflows, the
// Japanese glyphs render; Debian's Chromium needs fonts-noto-cjk, which `cargo xtask setup`
// installs). Then the main flows (findings of migrated rules in Japanese, rules, settings,
// share, shortcuts, project tree, checklist, Learn, a lesson with its facts, the Sizing and CPU &
// memory bodies, the checklist's Markdown, the undo notice): no visible English left, nothing
// overflowing, screenshots ja-flow-<flow>-<layout>-<scheme>.png.
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
/** Replaces a pane's text the way a paste does (one input event), then waits for its findings. */
async function paste(page, pane, value) {
  await page.click(`#tab-${pane}`);
  await page.evaluate(
    ({ pane, value }) => {
      const slug = ["taskdef", "servicedef", "dockerfile", "ecspresso"].indexOf(pane);
      const area = document.getElementById(`input-${slug}`);
      area.focus();
      area.value = value;
      area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
    },
    { pane, value },
  );
  await page.waitForTimeout(50);
  await settled(page);
}
/** The text a reader sees in `selector`, less what stays as written: code, codes, paths and
 * locations, form values, and text the page marks as English on purpose (`lang="en"`). */
const visibleText = (page, selector) =>
  page.evaluate((selector) => {
    const root = document.querySelector(selector);
    if (!root) return "";
    const clone = root.cloneNode(true);
    clone
      .querySelectorAll(
        // The engine's own texts (messages, help, fix titles of rules not migrated yet: the
        // migrated ones are checked above; a checklist item's evidence) are not interface text.
        'code, kbd, pre, textarea, input, select, [lang="en"], .loc, .code-link, .rule-code, .rule-name, .goal-code, .pane-path, .tree-name, .cl-id, .sev-icon, .export-command, .visually-hidden, .finding .message, .finding .help, .finding .fix, .related-list, .cl-evidence, .cl-findings',
      )
      .forEach((e) => e.remove());
    // Text node by text node: neighbouring chips or buttons must not run together.
    const parts = [];
    const walker = document.createTreeWalker(clone, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) parts.push(walker.currentNode.textContent);
    return parts.join(" ");
  }, selector);
/** The English words left in a text: Latin words of 4+ letters, less names that stay as
 * written (products, formats, keys on the keyboard) and quoted error texts ("…"). */
const allowed = new Set([
  "ecsplain", "English", "Fargate", "ecspresso", "Dockerfile", "Markdown", "Jsonnet", "Terraform",
  "CloudFormation", "SARIF", "JSON", "YAML", "Ctrl", "Delete", "Linux", "Windows", "vCPU", "hadolint",
  "ignore", "yaml", "json", "error", "warning", "info", "AWS_REGION", "region", "timeout", "service",
  "servce", "task_definition", "service_definition", "must_env", "extVar", "Spot", "NAME",
  // The sizing and CPU & memory views: member names, the cgroup files' and tools' names, the
  // instance families and AWS's names of things (written as AWS writes them).
  "memory", "memoryReservation", "cgroup", "runc", "crun", "Amazon", "ContainerName", "maxCpu",
  "avgCpu", "cpuReserved", "maxMem", "avgMem", "memReserved", "DescribeContainerInstances",
  "CloudWatch", "Logs", "Insights", "Container", "ARM64", "FireLens", "exit",
  "stopTimeout", "initProcessEnabled", "OutOfMemoryError", "Fluent", "Docker", "Graviton",
  // The CPU explainer's example containers, the cgroup v2 formula's variable, runc's function
  // and its issue cited as written, Linux's OOM killer.
  "worker", "shares", "ConvertCPUSharesToCgroupV", "Value", "issue", "killer",
]);
const englishLeft = (s) =>
  (s ?? "")
    .replace(/"[^"]*"|`[^`]*`/g, " ")
    .split(/[\s、。：「」（）]+/)
    // Example values written as code in the hints: `CODE=level`, `us-east-1`, `--fail-on`.
    .filter((token) => !/[=|*.\-\/_#+]/.test(token.replace(/^[(（]+|[)）,.;:!?。、]+$/g, "")))
    .flatMap((token) => token.match(/[A-Za-z]{4,}/g) ?? [])
    .filter((w) => !allowed.has(w));
/** Whether anything sticks out sideways. */
const overflow = (page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = document.documentElement.scrollWidth > width + 1;
    const out = [...document.querySelectorAll("header *, main *, .modal *, .findings *, .explain *")]
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

  // 3. The main flows in Japanese, desktop (light) and phone (dark): findings of a migrated
  // rule in Japanese, the rules list, the settings, share and shortcut dialogs, the checklist,
  // a lesson, the examples, the sizing and CPU & memory views. Each: no visible English left
  // (code, codes, member names, file names and quoted error texts allowed), nothing sticks out
  // sideways, and a screenshot (ja-flow-<flow>-<layout>-<scheme>.png).
  for (const [layout, scheme] of [[layouts[0], "light"], [layouts[1], "dark"]]) {
    const context = await browser.newContext({
      viewport: layout.viewport,
      isMobile: layout.isMobile,
      hasTouch: layout.hasTouch,
      colorScheme: scheme,
      locale: "ja-JP",
      permissions: ["clipboard-read", "clipboard-write"],
    });
    const page = await context.newPage();
    watch(page);
    await page.goto(url);
    await settled(page);
    const what = `${layout.name} ${scheme}`;
    const shot = (flow) => page.screenshot({ path: join(shots, `ja-flow-${flow}-${layout.name}-${scheme}.png`), fullPage: false });
    const noEnglish = async (selector, flow) => {
      const left = englishLeft(await visibleText(page, selector));
      eq(left, [], `${what}: ${flow}: no English left in ${selector}`);
    };
    const fits = async (flow) => {
      const o = await overflow(page);
      check(!o.wide && o.out.length === 0, `${what}: ${flow}: nothing sticks out sideways`, JSON.stringify(o));
    };

    // Findings: EP001, EP002 and EP004 are keyed; their messages, help and fix titles are
    // Japanese once the Japanese module (with the templates) is loaded.
    await paste(page, "ecspresso", "cluster: prod\nservice: orders-api\nservice_definition: ecs-service-def.json\ntask_definition: ecs-task-def.json\ntimeout: 10min\nservce: x\n");
    await page
      .waitForFunction(() => /がありません/.test(document.querySelector('.finding[data-code="EP002"] .message')?.textContent ?? ""), null, { timeout: 30_000 })
      .catch(() => {});
    const message = (code) =>
      page.$eval(`.finding[data-code="${code}"] .message`, (e) => e.textContent.trim()).catch(() => `no ${code} finding`);
    check((await message("EP002")).includes("設定に `region` がありません"), `${what}: EP002's message is Japanese`, await message("EP002"));
    check((await message("EP004")).includes("読める時間の長さではありません"), `${what}: EP004's message is Japanese`, await message("EP004"));
    check((await message("EP001")).includes("ecspresso の設定キーではありません"), `${what}: EP001's message is Japanese`, await message("EP001"));
    const help = await page.$eval('.finding[data-code="EP001"] .help', (e) => e.textContent).catch(() => "no help");
    check(help.includes("のことですか"), `${what}: EP001's help is Japanese`, help);
    const fix = await page.$eval('.finding[data-code="EP001"] .fix', (e) => e.textContent).catch(() => "no fix");
    check(fix.includes("に名前を変える"), `${what}: EP001's fix title is Japanese`, fix);
    await noEnglish(".findings", "lint view");
    await fits("lint view");
    await page.locator('.finding[data-code="EP002"]').scrollIntoViewIfNeeded().catch(() => {});
    await shot("lint");

    // The rules list: severities, categories and summaries in Japanese.
    await page.click("#rules-button");
    await page.waitForSelector(".rule-row");
    await page.fill("#rule-search", "TD001");
    const row = await text(page, '.rule-row[data-category] .rule-summary');
    check(/[ぁ-んァ-ヶ一-龠]/.test(row), `${what}: a rule's summary is Japanese`, row);
    await page.fill("#rule-search", "");
    await noEnglish(".filters", "rules filters");
    await fits("rules");
    await shot("rules");
    await page.click("#lint-button");
    await settled(page);

    // The dialogs: settings (the teaching module), share, keyboard shortcuts.
    await page.click("#settings-button");
    await page.waitForSelector("#settings-dialog", { timeout: 30_000 });
    eq(await text(page, "#settings-dialog-title"), "設定", `${what}: the settings dialog's title`);
    await noEnglish("#settings-dialog", "settings");
    await fits("settings");
    await shot("settings");
    await page.keyboard.press("Escape");
    await page.click("#settings-dialog .modal-close").catch(() => {});
    await page.waitForSelector("#settings-dialog", { state: "detached", timeout: 10_000 }).catch(() => {});

    await page.click("#copy-link");
    await page.waitForSelector("#share-dialog");
    eq(await text(page, "#share-dialog-title"), "共有", `${what}: the share dialog's title`);
    await noEnglish("#share-dialog", "share");
    await fits("share");
    await shot("share");
    await page.keyboard.press("Escape");
    await page.waitForSelector("#share-dialog", { state: "detached", timeout: 10_000 }).catch(() => {});

    await page.click("#help-button");
    await page.waitForSelector("#help-dialog");
    await noEnglish("#help-dialog", "shortcuts");
    await page.keyboard.press("Escape");
    await page.waitForSelector("#help-dialog", { state: "detached", timeout: 10_000 }).catch(() => {});

    // The project tree and its drop hint.
    await noEnglish("#project", "project tree");

    // The checklist (the teaching module, the items from checklist.ja.json).
    await page.click("#checklist-button");
    await page.waitForSelector("#checklist-summary", { timeout: 30_000 });
    await page.waitForFunction(() => /チェックリスト/.test(document.querySelector(".checklist h2")?.textContent ?? ""), null, { timeout: 15_000 }).catch(() => {});
    check((await text(page, ".checklist h2")).startsWith("チェックリスト"), `${what}: the checklist's heading`, await text(page, ".checklist h2"));
    await noEnglish(".checklist .cl-summary", "checklist summary");
    await noEnglish(".checklist .cl-status", "checklist statuses");
    await fits("checklist");
    await shot("checklist");

    // Learn: the lessons and examples, then a lesson.
    await page.click("#learn-button");
    await page.waitForSelector(".lesson-row", { timeout: 30_000 });
    await page.waitForFunction(() => /[ぁ-んァ-ヶ一-龠]/.test(document.querySelector(".lesson-title")?.textContent ?? ""), null, { timeout: 15_000 }).catch(() => {});
    check(/[ぁ-んァ-ヶ一-龠]/.test(await text(page, ".lesson-title")), `${what}: the lessons' titles are Japanese`, await text(page, ".lesson-title"));
    await noEnglish("#lessons-title", "lessons heading");
    await noEnglish(".gallery .card-head", "examples' badges");
    await fits("learn");
    await shot("learn");
    await page.click(".lesson-row a");
    await page.waitForSelector("#lesson-title", { timeout: 30_000 });
    await page.waitForSelector(".lesson .doc h2, .lesson .doc h3, .lesson .doc p", { timeout: 30_000 }).catch(() => {});
    check(/[ぁ-んァ-ヶ一-龠]/.test(await text(page, "#lesson-title")), `${what}: the lesson's title is Japanese`, await text(page, "#lesson-title"));
    check(/[ぁ-んァ-ヶ一-龠]/.test(await text(page, ".lesson .doc")), `${what}: the lesson's text is Japanese`, (await text(page, ".lesson .doc")).slice(0, 80));
    await noEnglish(".exercise-head", "the exercise's buttons");
    await noEnglish("#lesson-verdict", "the lesson's verdict");
    // The lesson's facts (the engine's sentences) and, once checked, why one does not hold yet.
    await page.click("#lesson-check");
    await page.waitForSelector(".goals .fact", { timeout: 15_000 }).catch(() => {});
    const facts = await visibleText(page, ".goals .fact");
    check(/[ぁ-んァ-ヶ一-龠]/.test(facts), `${what}: the lesson's facts are Japanese`, facts.slice(0, 120));
    await noEnglish(".goals", "the lesson's goal and facts");
    await noEnglish("#lesson-verdict", "the lesson's verdict once checked");
    await fits("lesson");
    await shot("lesson");

    // The sizing and CPU & memory views: their bodies, the engine's sentences (the CPU split,
    // the memory timeline's events, the notes, the prices' notes, the EC2 fit) included.
    await page.click("#lint-button");
    await settled(page);
    for (const [button, flow, ready, body] of [
      ["#sizing-button", "sizing", "#sizing-verdict", ".sizing-page"],
      ["#explain-button", "explain", "#cpu-sentence", ".explain-page"],
    ]) {
      await page.click(button);
      await page.waitForSelector(ready, { timeout: 30_000 }).catch(() => {});
      // The engine's sentences come with the Japanese rule docs: wait until they are Japanese.
      await page
        .waitForFunction((sel) => /[ぁ-んァ-ヶ一-龠]/.test(document.querySelector(sel)?.textContent ?? ""), ready, { timeout: 15_000 })
        .catch(() => {});
      await page.waitForTimeout(300);
      if (flow === "explain") {
        check(/[ぁ-んァ-ヶ一-龠]/.test(await text(page, "#cpu-sentence")), `${what}: the CPU split's sentence is Japanese`, await text(page, "#cpu-sentence"));
        await page.evaluate(() => window.scrollTo(0, 0));
        await shot("explain-cpu");
        // Play a scenario to its end: its events are the engine's sentences.
        await page.click("#memory-play").catch(() => {});
        await page.waitForFunction(() => !document.querySelector("#memory-play")?.disabled, null, { timeout: 15_000 }).catch(() => {});
        const events = await text(page, "#memory-events");
        check(/[ぁ-んァ-ヶ一-龠]/.test(events), `${what}: the memory timeline's events are Japanese`, events.slice(0, 120));
      } else {
        // Open the notes about the prices.
        await page.$$eval(".sizing-page details", (ds) => ds.forEach((d) => (d.open = true)));
      }
      await noEnglish("nav.nav", `${flow} navigation`);
      await noEnglish(body, `${flow} body`);
      await fits(flow);
      await shot(flow);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
      await shot(`${flow}-middle`);
    }

    // The checklist's Markdown export: headings and fixed phrases in Japanese.
    await page.click("#checklist-button");
    await page.waitForSelector("#checklist-copy-md", { timeout: 30_000 });
    await page.click("#checklist-copy-md");
    await page.waitForTimeout(300);
    const md = await page.evaluate(() => navigator.clipboard.readText().catch((e) => `error ${e}`));
    check(md.startsWith("# ECS ベストプラクティスチェックリスト"), `${what}: the checklist's Markdown has its Japanese title`, md.slice(0, 80));
    const mdFixed = md
      .split("\n")
      // The items' evidence quotes the files and the findings' messages, and the items' and
      // sections' texts are the checklist's own (checked above): what is left is ecsplain's
      // headings and fixed phrases, and each item's verdict (after " — ").
      .filter((l) => !/^\s+- /.test(l) && !/^## /.test(l))
      .map((l) => (/^- \[[ x]\] /.test(l) ? l.split(" — ").pop() : l))
      .join("\n");
    eq(englishLeft(mdFixed.replace(/\(https?:[^)]*\)|https?:\S+/g, " ")), [], `${what}: no English left in the checklist's Markdown headings and verdicts`);

    // The undo notice after "Apply fix": back to the lint view, apply the first fix.
    await page.click("#lint-button");
    await settled(page);
    const fixButton = page.locator(".finding button.fix:not([disabled])").first();
    if ((await fixButton.count()) > 0) {
      await fixButton.click();
      await page.waitForSelector(".undo-notice", { timeout: 10_000 }).catch(() => {});
      const notice = await text(page, ".undo-notice");
      check(/修正を適用しました/.test(notice), `${what}: the undo notice is Japanese`, notice);
      await noEnglish(".undo-notice", "the undo notice");
      await shot("undo");
      await page.click("#undo");
    } else {
      check(false, `${what}: a finding with a fix to apply`);
    }
    await context.close();
  }

  // 3b. A permalink straight to a teaching view: its engine sentences turn Japanese once the
  // Japanese module arrives (the view draws again), the menus too.
  for (const [hash, ready, selector] of [["#explain", "#cpu-sentence", "#cpu-sentence, #cpu-basis, #cpu-platform"], ["#sizing", "#sizing-verdict", ".sizing-page .notes"]]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "ja-JP" });
    const page = await context.newPage();
    watch(page);
    await page.goto(`${url}${hash}`);
    await page.waitForSelector(ready, { timeout: 30_000 }).catch(() => {});
    await page
      .waitForFunction((sel) => /[ぁ-んァ-ヶ一-龠]/.test(document.querySelector(sel)?.textContent ?? ""), selector.split(", ")[0], { timeout: 15_000 })
      .catch(() => {});
    const shown = await page.$$eval(selector.split(", ").join(", "), (els) => els.map((e) => e.textContent).join(" "));
    eq(englishLeft(shown), [], `a permalink to ${hash}: its engine sentences and menus are Japanese`);
    await context.close();
  }

  // 4. An English browser: the switch, from the keyboard, remembered, and back.
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
