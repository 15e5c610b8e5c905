// End-to-end test of the page in headless Chromium.
//
// Contract (called by `cargo xtask test`): the built dist/ is served at ECSPLAIN_URL; screenshots
// go to ECSPLAIN_SHOTS (default: .e2e-out/). Exit code 0 when every check passes, 1 otherwise.
// Optional: ECSPLAIN_PERF_FILE=<path> also pastes that file into the matching pane and prints the
// lint time the page measured; CHROMIUM=<path> overrides /usr/bin/chromium.
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
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

// The one request the page may make after it has loaded: its own rules' documentation module
// (static/build/rule-docs.mjs), from its own origin, at an address fixed at build time, the first
// time an explanation needs it. Nothing the user typed can travel with it.
const isDocsModule = (address) => {
  const u = new URL(address);
  return u.origin === new URL(url).origin && /\/rule-docs-[0-9a-f]{16}\.js$/.test(u.pathname) && !u.search && !u.hash;
};
// The teaching module (its glue and its .wasm): the page's own files at fixed addresses, loaded
// when a teaching view (Sizing, CPU & memory, Learn, Checklist, Rules) or one of its dialogs
// (settings, export, share, keyboard shortcuts) first opens.
const isTeachModule = (address) => {
  const u = new URL(address);
  return u.origin === new URL(url).origin && /\/ecsplain-teach-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(u.pathname) && !u.search && !u.hash;
};
// The Go-template engine (its glue and its .wasm): the page's own files at fixed addresses, loaded
// when the project first holds a `{{ ... }}` action (src/template.rs).
const isTemplateModule = (address) => {
  const u = new URL(address);
  return u.origin === new URL(url).origin && /\/ecsplain-template-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(u.pathname) && !u.search && !u.hash;
};
// The Dockerfile reader and rules (their glue and .wasm): the page's own files at fixed addresses,
// loaded when the project first holds a Dockerfile (src/dockerfile.rs).
const isDockerfileModule = (address) => {
  const u = new URL(address);
  return u.origin === new URL(url).origin && /\/ecsplain-dockerfile-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(u.pathname) && !u.search && !u.hash;
};

/// Waits until the findings shown belong to the current texts.
const settled = (page, timeout = 30_000) =>
  page.waitForSelector('#status[data-fresh="true"]', { timeout });

/// Replaces a pane's text the way a paste does (one input event).
async function paste(page, pane, text, timeout) {
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
  await settled(page, timeout);
}

/// The rendered view's text, once the teaching module has computed it.
async function renderedText(page) {
  await page.waitForFunction(() => {
    const v = document.getElementById("rendered-view")?.value;
    return v && !v.startsWith("Rendering");
  });
  return page.inputValue("#rendered-view");
}

const lintMillis = async (page) => {
  const status = await page.textContent("#status");
  return Number(/in ([\d.]+) ms/.exec(status)?.[1] ?? NaN);
};

// ECSPLAIN_E2E_ONLY=jsonnet runs only the Jsonnet checks (a quicker loop while working on them).
if (process.env.ECSPLAIN_E2E_ONLY === "jsonnet") {
  try {
    await jsonnetChecks(browser);
    eq(consoleErrors, [], "no console errors");
    eq(failedRequests, [], "no failed requests");
  } catch (err) {
    console.error(err);
    failures++;
  } finally {
    await browser.close();
  }
  console.log(failures === 0 ? "e2e: all checks passed" : `e2e: ${failures} check(s) failed`);
  process.exit(failures === 0 ? 0 : 1);
}

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: "light" });
  const page = await context.newPage();
  watch(page);
  const requestsAfterLoad = [];
  const requestsBeforeLoad = [];
  let loaded = false;
  page.on("request", (req) => {
    (loaded ? requestsAfterLoad : requestsBeforeLoad).push(req.url());
  });

  await page.goto(url, { waitUntil: "load" });
  await page.waitForSelector("#version", { timeout: 30_000 });
  await settled(page);
  loaded = true;
  // Issue 23's desktop layout at 1280 px: the four tabs fit, the editor has room, and the
  // editor's hint is above the status line on the first screen; a folded tree gives its
  // column back.
  {
    const m = await page.evaluate(() => {
      const r = (s) => document.querySelector(s)?.getBoundingClientRect();
      const tl = document.querySelector(".tablist");
      return {
        tabsFit: tl.scrollWidth <= tl.clientWidth + 1,
        editor: r(".editor").width,
        help: r(".editor-help").bottom,
        status: r("#status").top,
      };
    });
    check(m.tabsFit, "1280 px: the four tabs fit without scrolling");
    check(m.editor >= 520, "1280 px: the editor is at least 520 px wide", String(m.editor));
    check(m.help <= m.status, "1280 px: the editor's hint is above the status line", JSON.stringify(m));
    await page.click(".project-head");
    const folded = await page.evaluate(() => document.querySelector(".editor").getBoundingClientRect().width);
    check(folded > m.editor + 150, "a folded project tree gives its column to the editor", `${m.editor} -> ${folded}`);
    await page.click(".project-head");
  }
  eq(requestsBeforeLoad.filter(isDocsModule), [], "the first view does not download the rules' docs");
  eq(requestsBeforeLoad.filter(isTemplateModule), [], "the first view does not download the Go-template engine");
  // The example holds a Dockerfile: its reader and rules come once, asked for by the live page,
  // never by the HTML (no preload names them).
  {
    eq(requestsBeforeLoad.filter(isDockerfileModule).length, 2, "the example's Dockerfile brings the Dockerfile module once (glue and wasm)");
    const preloaded = await page.evaluate(() =>
      [...document.querySelectorAll('link[rel="preload"], link[rel="modulepreload"]')].map((l) => l.href),
    );
    eq(preloaded.filter(isDockerfileModule), [], "the HTML does not ask for the Dockerfile module");
  }
  eq(
    requestsBeforeLoad.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== new URL(url).origin),
    [],
    "the first view requests nothing from another origin",
  );

  // Header: version and privacy notice.
  eq(await page.textContent("#version"), `v${version}`, "header shows the version");
  const privacy = await page.textContent("#privacy");
  check(
    privacy.includes("Runs entirely in your browser: nothing you paste leaves this page"),
    "header shows the privacy notice",
    privacy,
  );
  eq(await page.getAttribute("html", "data-theme"), "light", "light theme by default (prefers light)");

  // ARIA tabs.
  eq(await page.locator('[role="tablist"] [role="tab"]').count(), 4, "four tabs");
  eq(await page.locator('[role="tabpanel"]').count(), 1, "one tab panel");

  // Arrow keys move between tabs.
  await page.focus("#tab-taskdef");
  await page.keyboard.press("ArrowRight");
  eq(
    await page.evaluate(() => [document.activeElement?.id, document.activeElement?.getAttribute("aria-selected")]),
    ["tab-servicedef", "true"],
    "ArrowRight moves to the next tab",
  );

  // Pasted markup stays text.
  page.on("dialog", (dialog) => {
    consoleErrors.push(`unexpected dialog: ${dialog.message()}`);
    dialog.dismiss();
  });
  await paste(page, "dockerfile", '<img src=x onerror="alert(1)"><script>alert(2)</script>\nFROM alpine');
  eq(await page.locator("main img, main script").count(), 0, "pasted markup is never rendered as HTML");

  // A task definition with a known problem.
  await paste(page, "taskdef", TASKDEF);
  const td001 = page.locator('.finding[data-code="TD001"]');
  await td001.first().waitFor({ timeout: 10_000 });
  eq(await td001.count(), 1, "TD001 is reported once");
  eq(await td001.locator(".finding-main .loc").textContent(), "6:13", "TD001 at 6:13");
  eq(await td001.locator(".code-link").textContent(), "TD001", "the finding shows its code");
  const badge = await page.textContent("#tab-taskdef .badge");
  check(Number(badge) >= 1, "the task tab's badge counts its findings", badge);
  const marks = await page.locator(".gutter-mark.error").count();
  check(marks >= 1, "the gutter marks the line with an error", String(marks));

  // Clicking the finding selects its span in the editor.
  await td001.locator(".finding-main").click();
  const memoryStart = TASKDEF.indexOf('"4096"');
  const sel = await page.evaluate(() => {
    const area = document.getElementById("input-0");
    return {
      start: area.selectionStart,
      end: area.selectionEnd,
      focused: document.activeElement === area,
      mark: document.querySelector(".span-highlight")?.textContent,
    };
  });
  eq([sel.start, sel.end], [memoryStart, memoryStart + 6], "clicking the finding selects its span");
  check(sel.focused, "the editor has focus after clicking the finding");
  eq(sel.mark, '"4096"', "the span is highlighted behind the text");

  // Keyboard: Enter on the focused finding does the same; related spans are clickable.
  await td001.locator(".related").first().click();
  const cpuStart = TASKDEF.indexOf('"256"');
  const related = await page.evaluate(() => {
    const area = document.getElementById("input-0");
    return [area.selectionStart, area.selectionEnd];
  });
  eq(related, [cpuStart, cpuStart + 5], "clicking a related span selects it");
  await td001.locator(".finding-main").focus();
  await page.keyboard.press("Enter");
  const viaKey = await page.evaluate(() => document.getElementById("input-0").selectionStart);
  eq(viaKey, memoryStart, "Enter on a finding selects its span");

  // Esc then Tab leaves the editor; Tab alone indents.
  await page.focus("#input-0");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  check(
    await page.evaluate(() => document.activeElement?.id !== "input-0"),
    "Esc then Tab moves focus out of the editor",
  );

  await page.screenshot({ path: join(shots, "desktop-light.png") });

  // The explanation, rendered from the rule's docs.
  await td001.locator(".code-link").click();
  await page.waitForSelector("#explain");
  // The docs are a module loaded on first use: wait for them (a busy machine can take a while).
  await page.waitForSelector("#explain .doc h3", { timeout: 30_000 }).catch(() => {});
  const headings = await page.locator("#explain .doc h3").allTextContents();
  eq(
    headings,
    ["What it does", "Why is this bad?", "Example", "Use instead", "Fix safety", "References"],
    "the explanation shows the doc headings (TD001's fix is unsafe: it says why)",
  );
  const rels = await page.locator("#explain .doc a").evaluateAll((links) => links.map((a) => a.rel));
  check(rels.length > 0 && rels.every((r) => r.includes("noopener")), "doc links use rel=noopener", String(rels));
  check(
    await page.evaluate(() => document.activeElement?.id === "explain"),
    "focus moves to the opened explanation",
  );
  await page.screenshot({ path: join(shots, "desktop-light-explain.png") });
  await page.keyboard.press("Escape");
  eq(await page.locator("#explain").count(), 0, "Esc closes the explanation");

  // Apply the fix: the text changes and the finding goes away. TD001's fix changes the task's
  // size, so the button says it is unsafe (the rule's Fix safety).
  check(
    (await td001.locator(".fix").textContent()).startsWith("Apply unsafe fix: "),
    "a fix that changes run-time behaviour is labelled unsafe",
  );
  await td001.locator(".fix").click();
  await page.waitForTimeout(20);
  await settled(page);
  const fixed = await page.inputValue("#input-0");
  check(fixed !== TASKDEF && fixed.includes('"cpu": "512"'), "applying the fix changes the text", fixed);
  eq(await page.locator('.finding[data-code="TD001"]').count(), 0, "the finding is gone after the fix");
  // Issue 23: the fix can be undone, and applied again.
  await page.click("#undo");
  await page.waitForTimeout(20);
  await settled(page);
  eq(await page.inputValue("#input-0"), TASKDEF, "Undo puts the text back");
  eq(await page.locator('.finding[data-code="TD001"]').count(), 1, "the finding is back after Undo");
  eq(await page.locator("#undo").count(), 0, "Undo is offered once");
  await page.locator('.finding[data-code="TD001"] .fix').click();
  await page.waitForTimeout(20);
  await settled(page);
  eq(await page.inputValue("#input-0"), fixed, "the fix applies again after Undo");

  // The rules view: searchable, each rule opens its explanation.
  await page.click("#rules-button");
  await page.fill("#rule-search", "fargate");
  const rows = await page.locator(".rule-code").allTextContents();
  check(rows.includes("TD001"), "searching the rules finds TD001", String(rows));
  await page.locator(".rule-button", { hasText: "TD001" }).click();
  await page.waitForSelector("#explain");
  eq(await page.textContent("#explain .explain-code"), "TD001", "a rule opens its explanation");
  eq(await page.locator("#teach .rule-list").count(), 1, "the Rules view is the teaching module's (drawn on #teach)");
  await page.waitForFunction(() => document.activeElement?.id === "explain", null, { timeout: 5_000 }).catch(() => {});
  eq(await page.evaluate(() => document.activeElement?.id), "explain", "a chosen rule's explanation takes focus");
  await page.screenshot({ path: join(shots, "desktop-light-rules.png") });
  await page.click("#explain .close");
  // The page hears the close and sends the Rules view its new state: wait for the redraw.
  await page.waitForSelector("#explain", { state: "detached", timeout: 5_000 }).catch(() => {});
  eq(await page.locator("#explain").count(), 0, "the close button closes the explanation");
  await page.click("nav >> text=Lint");

  // The examples load into every pane, and all four lint together.
  for (const pane of ["servicedef", "dockerfile", "ecspresso", "taskdef"]) {
    await page.click(`#tab-${pane}`);
    await page.click("text=Load example");
  }
  await settled(page);
  check((await page.textContent("#status")).includes("linted 4 files"), "the four examples lint together");
  await page.check("#all-files");
  check((await page.locator(".finding").count()) >= 1, "'all files' lists findings");
  await page.uncheck("#all-files");

  // Dark theme, persisted.
  await page.click("#theme-toggle");
  eq(await page.getAttribute("html", "data-theme"), "dark", "the theme toggle switches to dark");
  await page.locator('.finding[data-code="TD001"] .finding-main').click();
  await page.screenshot({ path: join(shots, "desktop-dark.png") });

  // Nothing was requested after the page loaded but the docs module, once, and the teaching
  // module (its glue and its .wasm), once, for the Rules view.
  eq(
    requestsAfterLoad.filter((u) => !isDocsModule(u) && !isTeachModule(u)),
    [],
    "no network request after load but the docs module and the teaching module",
  );
  eq(requestsAfterLoad.filter(isTeachModule).length, 2, "the teaching module (js and wasm) is loaded once, when the Rules view opens");
  eq(requestsAfterLoad.filter(isDocsModule).length, 1, "the docs module is loaded once, when an explanation needs it");

  // A reload keeps the drafts and the theme.
  await page.waitForTimeout(700);
  await page.reload({ waitUntil: "load" });
  await page.waitForSelector("#version");
  await settled(page);
  eq(await page.getAttribute("html", "data-theme"), "dark", "the theme survives a reload");
  const restored = await page.inputValue("#input-0");
  check(restored.includes("orders-api"), "the draft survives a reload");

  // The gutter scrolls with the text, and numbers the lines in view.
  const long = Array.from({ length: 1500 }, (_, i) => `# line ${i + 1}`).join("\n");
  await paste(page, "dockerfile", `FROM alpine:3.20\n${long}\n`);
  const scrolled = await page.evaluate(async () => {
    const area = document.getElementById("input-2");
    area.scrollTop = 20 * 1000;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const gutter = document.querySelector(".gutter");
    const numbers = document.querySelector(".line-numbers");
    const top = numbers.getBoundingClientRect().top;
    const lines = numbers.textContent.split("\n");
    // The number drawn at the textarea's top edge.
    const first = Number(lines[Math.round((area.getBoundingClientRect().top - top) / 20)]);
    return { area: area.scrollTop, gutter: gutter.scrollTop, first };
  });
  eq(scrolled.gutter, scrolled.area, "the gutter scrolls with the editor");
  check(Math.abs(scrolled.first - 1001) <= 1, "the gutter numbers the lines in view", JSON.stringify(scrolled));

  // A 5 MB paste does not freeze the page.
  // A realistic 5 MB paste: a few containers with very long environment lists (a file with tens
  // of thousands of containers is pathological; the engine's native tests cover it).
  const env = Array.from({ length: 24_000 }, (_, i) => `{ "name": "SETTING_${i}", "value": "value-${i}-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" }`).join(",\n        ");
  const container = (n) => `{ "name": "c${n}", "image": "public.ecr.aws/nginx/nginx:1.27", "essential": true, "cpu": 0,\n      "environment": [\n        ${env}\n      ] }`;
  const big = `{\n  "family": "big",\n  "containerDefinitions": [\n    ${[1, 2].map(container).join(",\n    ")}\n  ]\n}\n`;
  const started = Date.now();
  // Laying out 5 MB in a textarea is slow in Chromium; a busy machine needs a longer wait.
  await paste(page, "taskdef", big, 240_000);
  const bigMillis = await lintMillis(page);
  console.log(`info 5 MB paste (${(big.length / 1e6).toFixed(1)} MB): linted in ${bigMillis} ms, settled after ${Date.now() - started} ms`);
  check(Number.isFinite(bigMillis), "a 5 MB paste is linted");
  eq(await page.locator(".large-note").count(), 1, "a large input says editing will be slow");
  await page.fill("#input-0", "");

  if (process.env.ECSPLAIN_PERF_FILE) {
    const file = process.env.ECSPLAIN_PERF_FILE;
    const text = readFileSync(file, "utf8");
    const pane = /dockerfile/i.test(basename(file))
      ? "dockerfile"
      : /service/i.test(file)
        ? "servicedef"
        : /ecspresso/i.test(file)
          ? "ecspresso"
          : "taskdef";
    const runs = [];
    for (let i = 0; i < 5; i++) {
      await paste(page, pane, text + " ".repeat(i));
      runs.push(await lintMillis(page));
    }
    console.log(`info ${basename(file)} (${text.length} bytes, ${pane}): linted in ${runs.join(", ")} ms`);
  }
  await context.close();

  // A phone: one column, no horizontal page scroll.
  const phone = await browser.newContext({ viewport: { width: 375, height: 800 }, colorScheme: "light" });
  const mobile = await phone.newPage();
  watch(mobile);
  await mobile.goto(url, { waitUntil: "load" });
  await mobile.waitForSelector("#version");
  await settled(mobile);
  const width = await mobile.evaluate(() => document.documentElement.scrollWidth);
  check(width <= 375, "no horizontal page scroll at 375 px", String(width));
  // Issue 23's phone layout: the views and tools are one row, and the first finding is on the
  // first screen.
  const phoneLayout = await mobile.evaluate(() => ({
    rows: new Set([...document.querySelectorAll(".nav > button, .nav > label")].map((b) => Math.round(b.getBoundingClientRect().top))).size,
    finding: document.querySelector(".finding")?.getBoundingClientRect().top ?? Infinity,
    screen: innerHeight,
  }));
  check(phoneLayout.rows === 1, "phone: the navigation is one row", JSON.stringify(phoneLayout));
  check(phoneLayout.finding < phoneLayout.screen - 100, "phone: the first finding is on the first screen", JSON.stringify(phoneLayout));
  await mobile.screenshot({ path: join(shots, "phone-light.png") });
  await mobile.screenshot({ path: join(shots, "phone-light-full.png"), fullPage: true });
  await phone.close();

  // Dark by preference on a first visit.
  const dark = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: "dark" });
  const darkPage = await dark.newPage();
  watch(darkPage);
  await darkPage.goto(url, { waitUntil: "load" });
  await darkPage.waitForSelector("#version");
  eq(await darkPage.getAttribute("html", "data-theme"), "dark", "dark theme when the system prefers dark");
  await dark.close();

  // ---- Share links, drafts, settings, export and hostile fragments (issues 8 and 9) ----
  // One page does every action while its requests are recorded; fresh contexts open the links.
  {
    const { deflateRawSync } = await import("node:zlib");
    const origin = new URL(url).origin;
    const shareCtx = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: "light" });
    await shareCtx.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
    const sp = await shareCtx.newPage();
    watch(sp);
    const shareRequests = [];
    let recording = false;
    sp.on("request", (req) => {
      // blob: URLs are the page's own downloads, made in memory; anything else is a request.
      if (recording && !req.url().startsWith("blob:") && !isDocsModule(req.url()) && !isTeachModule(req.url())) shareRequests.push(req.url());
    });
    const dialogs = [];
    sp.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    const findingsOf = (p) =>
      p.locator(".finding").evaluateAll((els) =>
        els.map((e) => `${e.dataset.code}@${e.querySelector(".loc")?.textContent}`),
      );
    const openFresh = async (link) => {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: "light" });
      const p = await ctx.newPage();
      watch(p);
      await p.goto(link, { waitUntil: "load" });
      await p.waitForSelector("#version");
      await p.waitForTimeout(50);
      await settled(p);
      return { ctx, p };
    };
    const paneValue = async (p, slug) => {
      await p.click(`#tab-${slug}`);
      return p.inputValue(`#input-${["taskdef", "servicedef", "dockerfile", "ecspresso"].indexOf(slug)}`);
    };
    const copyLink = async (p) => {
      await p.click("#copy-link");
      await p.waitForSelector("#share-dialog");
      await p.waitForFunction(() => document.getElementById("share-link")?.value.includes("#v1."));
      return p.inputValue("#share-link");
    };

    await sp.goto(url, { waitUntil: "load" });
    await sp.waitForSelector("#version", { timeout: 30_000 });
    await settled(sp);
    recording = true;

    await paste(sp, "taskdef", TASKDEF);
    const before = await findingsOf(sp);
    check(before.some((f) => f.startsWith("TD001@")), "share: TD001 before sharing", before.join(" "));
    const link = await copyLink(sp);
    const hash = await sp.evaluate(() => location.hash);
    check(hash.startsWith("#v1.") && link.endsWith(hash), "share: the link is in the address bar's fragment");
    const lengthText = await sp.textContent("#share-length");
    check(lengthText.includes(`${link.length} characters`), "share: the dialog shows the link's length", lengthText);
    console.log(`info share link for the test task definition + examples: ${link.length} characters`);
    check((await sp.textContent("#share-notice")).includes("Anyone with this link"), "share: the privacy notice");
    const clip = await sp.evaluate(() => navigator.clipboard.readText().catch((e) => `error ${e}`));
    eq(clip, link, "share: the link is on the clipboard");
    eq(await sp.locator("#teach-dialog #share-dialog").count(), 1, "share: the dialog is the teaching module's (drawn on #teach-dialog)");
    await sp.screenshot({ path: join(shots, "share.png") });
    // The state file fallback: download it, then open it with the picker.
    const [download] = await Promise.all([sp.waitForEvent("download"), sp.click("#download-state")]);
    const statePath = await download.path();
    const stateFile = JSON.parse(readFileSync(statePath, "utf8"));
    eq(stateFile.td, TASKDEF, "share: the state file holds the task definition");
    await sp.click("#copy-markdown");
    await sp.waitForSelector("#share-markdown");
    const md = await sp.inputValue("#share-markdown");
    check(md.includes("| Severity | Code | Location | Message |") && md.includes("TD001"), "share: Markdown summary table", md);
    await sp.keyboard.press("Escape");
    check((await sp.locator("#share-dialog").count()) === 0, "share: Esc closes the dialog");

    // Copy link → open the URL in a new page → same findings.
    await sp.waitForTimeout(700);
    {
      const loaded = [];
      const { ctx, p } = await (async () => {
        const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: "light" });
        const p = await ctx.newPage();
        watch(p);
        p.on("request", (r) => loaded.push(r.url()));
        await p.goto(link, { waitUntil: "load" });
        await p.waitForSelector("#version");
        await p.waitForTimeout(50);
        await settled(p);
        return { ctx, p };
      })();
      eq(await findingsOf(p), before, "share: the link opens with the same findings (codes and line:col)");
      check(!loaded.some(isTeachModule), "share: a shared link opens without the teaching module (making a link is its, opening one is not)", loaded.join(" "));
      eq(await paneValue(p, "taskdef"), TASKDEF, "share: the link restores the task definition");
      eq(await p.locator("#incoming-dialog").count(), 0, "share: no question when nothing would be lost");
      await ctx.close();
    }

    // Reload keeps the draft; an edit drops the stale link from the address bar.
    const DRAFT = "FROM alpine:3.20\nRUN echo draft-marker\n";
    await paste(sp, "dockerfile", DRAFT);
    eq(await sp.evaluate(() => location.hash), "", "share: editing drops the stale link from the address bar");
    await sp.waitForTimeout(700);
    recording = false;
    await sp.reload({ waitUntil: "load" });
    await sp.waitForSelector("#version");
    await settled(sp);
    recording = true;
    eq(await paneValue(sp, "dockerfile"), DRAFT, "share: reload keeps the draft");

    // Opening a link over a different draft asks; the draft stays restorable.
    await sp.goto(link);
    await sp.waitForSelector("#incoming-dialog");
    check(true, "share: opening a link over a draft asks first");
    await sp.click("#incoming-open");
    await settled(sp);
    check((await paneValue(sp, "dockerfile")) !== DRAFT, "share: 'Open the link' replaces the panes");
    await sp.click("#restore-draft");
    await sp.waitForTimeout(50);
    await settled(sp);
    eq(await paneValue(sp, "dockerfile"), DRAFT, "share: 'Restore previous draft' brings the draft back");
    // The state file opens through the picker (same question, since the draft differs).
    await sp.click("#copy-link");
    await sp.setInputFiles("#open-state", statePath);
    await sp.waitForSelector("#incoming-dialog");
    await sp.click("#incoming-keep");
    eq(await paneValue(sp, "dockerfile"), DRAFT, "share: 'Keep my draft' keeps it");

    // Keyboard: Ctrl+S copies the link, ? opens the shortcuts.
    await sp.click("h1");
    await sp.keyboard.press("Control+s");
    await sp.waitForSelector("#share-dialog");
    check(true, "share: Ctrl+S opens the link dialog");
    await sp.keyboard.press("Escape");
    await sp.click("h1");
    await sp.keyboard.press("?");
    await sp.waitForSelector("#help-dialog");
    check((await sp.textContent("#help-dialog")).includes("Ctrl+S"), "share: ? shows the shortcuts");
    eq(await sp.locator("#teach-dialog #help-dialog").count(), 1, "share: the shortcuts are the teaching module's dialog");
    await sp.keyboard.press("Tab");
    check(await sp.evaluate(() => !!document.activeElement?.closest("#help-dialog")), "share: Tab stays inside the shortcuts dialog");
    await sp.keyboard.press("Escape");

    // Export SARIF through the engine's renderer.
    await sp.click("#export-button");
    await sp.click("#export-sarif");
    const sarifText = await sp.inputValue("#export-output");
    let sarif = null;
    try {
      sarif = JSON.parse(sarifText);
    } catch (e) {
      check(false, "export: SARIF parses as JSON", String(e));
    }
    eq(sarif?.version, "2.1.0", "export: SARIF version 2.1.0");
    check(sarif?.runs?.[0]?.results?.some((r) => r.ruleId === "TD001"), "export: SARIF has the TD001 result");
    check((await sp.textContent("#export-command")).startsWith("ecsplain lint --format sarif"), "export: the CLI command");
    await sp.click("#export-github");
    check((await sp.inputValue("#export-output")).includes("::error"), "export: GitHub annotations");
    await sp.keyboard.press("Escape");

    // Settings: ignore TD001; the finding goes and the setting travels in a link.
    await sp.click("#tab-taskdef");
    await sp.click("#settings-button");
    await sp.waitForSelector("#settings-dialog");
    {
      // Focus moves into the dialog, Tab stays in it, and Escape returns it to the button.
      const inDialog = () => sp.evaluate(() => !!document.activeElement?.closest("#settings-dialog"));
      check(await inDialog(), "settings: focus moves into the dialog when it opens");
      for (let i = 0; i < 40; i++) await sp.keyboard.press("Tab");
      check(await inDialog(), "settings: Tab stays inside the dialog");
      await sp.keyboard.press("Shift+Tab");
      check(await inDialog(), "settings: Shift+Tab stays inside the dialog");
      await sp.keyboard.press("Escape");
      await sp.waitForSelector("#settings-dialog", { state: "detached" });
      eq(await sp.evaluate(() => document.activeElement?.id), "settings-button", "settings: closing returns focus to the button that opened it");
      await sp.click("#settings-button");
    }
    await sp.fill("#set-ignore", "TD001");
    await sp.fill("#set-severity", "TD101=info");
    check((await sp.inputValue("#settings-yaml")).includes("ignore: [TD001]"), "settings: the .ecsplain.yaml preview");
    await sp.screenshot({ path: join(shots, "settings.png") });
    await sp.click("#settings-apply");
    await sp.waitForTimeout(50);
    await settled(sp);
    eq(await sp.locator('.finding[data-code="TD001"]').count(), 0, "settings: ignoring TD001 removes its finding");
    const link2 = await copyLink(sp);
    await sp.keyboard.press("Escape");
    await sp.waitForTimeout(700);
    {
      const { ctx, p } = await openFresh(link2);
      eq(await p.locator('.finding[data-code="TD001"]').count(), 0, "settings: the ignore survives a share link");
      await p.click("#settings-button");
      eq(await p.inputValue("#set-ignore"), "TD001", "settings: the link restores the settings");
      await ctx.close();
    }

    // "Ignore here" on a JSON finding: a per-path ignore by pointer, listed in the settings.
    {
      const first = sp.locator(".finding").first();
      const code = await first.getAttribute("data-code");
      const before = await sp.locator(`.finding[data-code="${code}"]`).count();
      await first.locator("button.ignore").click();
      await sp.waitForTimeout(50);
      await settled(sp);
      eq(await sp.locator(`.finding[data-code="${code}"]`).count(), before - 1, `ignore here: the ${code} finding goes, others of its code stay`);
      await sp.click("#settings-button");
      const listed = await sp.locator("#path-ignores li").allTextContents();
      check(listed.some((t) => t.includes(code) && t.includes("/")), "ignore here: the settings list the per-path ignore with its pointer", listed.join(" | "));
      check((await sp.inputValue("#settings-yaml")).includes("per-path-ignores:"), "ignore here: the .ecsplain.yaml preview has it");
      // Load a pasted .ecsplain.yaml: a bad value is named with its line and column.
      await sp.click(".settings-paste summary");
      await sp.fill("#settings-paste", "ignore: [TD]\nfail-on: loud\n");
      await sp.click("#settings-load");
      const problems = await sp.textContent("#settings-paste-problems");
      check(problems.includes("2:10") && problems.includes("fail-on"), "settings: a pasted config's problem has its line and column", problems);
      eq(await sp.inputValue("#set-ignore"), "TD", "settings: the readable keys of a pasted config still apply");
      await sp.click("#settings-apply");
      await sp.waitForTimeout(50);
      await settled(sp);
      eq(await sp.locator('.finding[data-code^="TD"]').count(), 0, "settings: the pasted config's ignore applies");
      await sp.click("#settings-button");
      await sp.click("#settings-defaults");
      await sp.click("#settings-apply");
      await sp.waitForTimeout(50);
      await settled(sp);
      // A label schema (issue 17): a required label the Dockerfile lacks is DL3049.
      await sp.click("#tab-dockerfile");
      const dl3049Before = await sp.locator('.finding[data-code="DL3049"]').count();
      await sp.click("#settings-button");
      await sp.fill("#set-labels", "org.opencontainers.image.source=url");
      await sp.check("#set-strict-labels");
      const yaml = await sp.inputValue("#settings-yaml");
      check(yaml.includes("label-schema:") && yaml.includes("org.opencontainers.image.source: url") && yaml.includes("strict-labels: true"), "settings: the label schema in the .ecsplain.yaml preview", yaml);
      await sp.click("#settings-apply");
      await sp.waitForTimeout(50);
      await settled(sp);
      eq([dl3049Before, await sp.locator('.finding[data-code="DL3049"]').count()], [0, 1], "settings: a label schema's missing label is DL3049 in the Dockerfile");
      await sp.click("#settings-button");
      await sp.click("#settings-defaults");
      await sp.click("#settings-apply");
      await sp.waitForTimeout(50);
      await settled(sp);
    }

    // Hostile fragments: a banner, no dialog, no markup, editors still usable.
    const bomb = deflateRawSync(Buffer.alloc(10 * 1024 * 1024)).toString("base64url");
    const hostile = [
      ["bad encoding", "#v1.!!!"],
      ["unknown version", "#v9.abc"],
      ["200 KB of junk", `#v1.${"x!".repeat(100 * 1024)}`],
      ["a deflate bomb", `#v1.${bomb}`],
      ["script as payload", `#v1.${Buffer.from("<script>alert(1)</script>").toString("base64url")}`],
    ];
    const scriptsBefore = await sp.evaluate(() => document.scripts.length);
    for (const [what, fragment] of hostile) {
      if (await sp.locator("#share-error").count()) await sp.click("#share-error button");
      await sp.evaluate((f) => {
        location.hash = f;
      }, fragment);
      await sp.waitForSelector("#share-error", { timeout: 10_000 });
      const text = await sp.textContent("#share-error .share-banner-text");
      check(/damaged|newer ecsplain/.test(text), `hostile ${what}: a banner says what is wrong`, text);
      console.log(`info hostile ${what}: ${text}`);
      eq(await sp.locator("#incoming-dialog").count(), 0, `hostile ${what}: no dialog`);
    }
    await sp.screenshot({ path: join(shots, "hostile.png") });
    await sp.click("#share-error button");
    // A well-formed link whose pane holds markup: it stays text in the editor.
    const markup = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    await sp.evaluate((f) => {
      location.hash = f;
    }, `#v1.${deflateRawSync(Buffer.from(JSON.stringify({ df: markup }))).toString("base64url")}`);
    await sp.waitForSelector("#incoming-dialog");
    await sp.click("#incoming-open");
    await settled(sp);
    eq(await paneValue(sp, "dockerfile"), markup, "hostile: markup in a link stays text in its pane");
    eq(await sp.evaluate(() => document.scripts.length), scriptsBefore, "hostile: no script element injected");
    eq(await sp.locator("img").count(), 0, "hostile: no element injected from a link");
    eq(dialogs, [], "hostile: no alert or confirm ever opened");
    await paste(sp, "taskdef", TASKDEF.replace('"4096"', '"512"'));
    check((await sp.locator(".finding").count()) >= 0 && (await paneValue(sp, "taskdef")).includes('"512"'), "hostile: the editors stay usable");

    // Reset: asks in the page, clears every pane, keeps the draft restorable.
    await sp.click("#reset-button");
    await sp.click("#reset-confirm");
    await settled(sp);
    const emptied = await sp.evaluate(() => [0, 1, 2, 3].map((i) => document.getElementById(`input-${i}`)?.value ?? ""));
    await sp.click("#tab-taskdef");
    eq(await paneValue(sp, "taskdef"), "", "reset: the panes are empty");
    check(emptied.every((v) => v === ""), "reset: every pane is empty", JSON.stringify(emptied));
    await sp.click("#restore-draft");
    await settled(sp);
    check((await paneValue(sp, "taskdef")).includes('"512"'), "reset: the draft is restorable");

    eq(shareRequests, [], "share: zero network requests after load through every action");
    await shareCtx.close();
  }
  // ---- end of share links block ----
  // ---------------------------------------------------------------------------------------------
  // Sizing view, CPU and memory explainers, "Why?", Dockerfile stages (issue 7, issue 5).
  // A fresh context: no drafts, so the panes hold the examples.
  {
    const sizingContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: "light" });
    const sp = await sizingContext.newPage();
    watch(sp);
    await sp.goto(url, { waitUntil: "load" });
    await sp.waitForSelector("#version", { timeout: 30_000 });
    await settled(sp);

    // "Why?" on the example's TD001 opens the sizing view.
    const why = sp.locator('.finding[data-code="TD001"] .why-link');
    eq(await why.count(), 1, "TD001 offers Why?");
    await why.click();
    await sp.waitForSelector("#sizing-verdict");
    await sp.waitForFunction(() => document.activeElement?.id === "sizing", null, { timeout: 5_000 }).catch(() => {});
    eq(await sp.evaluate(() => document.activeElement?.id), "sizing", "Why? moves focus to the section that explains the finding");
    const verdict = await sp.textContent("#sizing-verdict");
    check(verdict.includes("is not a valid Fargate size") && verdict.includes("Next valid size up"), "the sizing view says the example's size is invalid", verdict);
    const cost = await sp.textContent("#cost-table");
    check(/\$\d+\.\d{2}/.test(cost), "the sizing view shows a monthly cost", cost);
    check((await sp.textContent("#ec2-sentence")).length > 10, "the EC2 fit has a sentence");
    const query = await sp.inputValue("#insights-query");
    check(query.includes("ContainerName") && query.includes("orders-api"), "the Logs Insights query names the family", query);
    await sp.evaluate(() => window.scrollTo(0, 0));
    await sp.waitForTimeout(300);
    await sp.screenshot({ path: join(shots, "sizing.png") });
    await sp.screenshot({ path: join(shots, "sizing-full.png"), fullPage: true });
    await sp.fill("#size-cpu", "1024");
    const typed = await sp.textContent("#sizing-verdict");
    check(typed.includes("is a valid Fargate size"), "a typed size is checked again", typed);
    await sp.fill("#pasted", "ContainerName,maxCpu,avgCpu,cpuReserved,maxMem,avgMem,memReserved\napp,300,120,0,700,500,0\n");
    check((await sp.textContent(".advice")).includes("Headroom rule"), "pasted results give advice with the headroom rule");

    // The CPU explainer: a slider moved with the keyboard changes the sentence.
    await sp.click("#explain-button");
    await sp.waitForSelector("#cpu-sentence");
    const before = await sp.textContent("#cpu-sentence");
    await sp.focus("#cpu-demand-0");
    for (let i = 0; i < 8; i++) await sp.keyboard.press("ArrowLeft");
    const after = await sp.textContent("#cpu-sentence");
    check(after !== before, "moving a CPU slider with the keyboard changes the sentence", `${before} / ${after}`);
    eq(await sp.getAttribute(".cpu-viz", "role"), "img", "the CPU picture is an image with a label");
    await sp.focus("#cpu-demand-0");
    for (let i = 0; i < 4; i++) await sp.keyboard.press("ArrowRight");
    await sp.evaluate(() => window.scrollTo(0, 0));
    await sp.screenshot({ path: join(shots, "cpu.png") });

    // The memory explainer: play the soft-and-hard preset until the container is OOM-killed.
    await sp.selectOption("#memory-preset", "1");
    await sp.click("#memory-play");
    await sp.waitForFunction(() => document.querySelector("#memory-events")?.textContent.includes("137"), null, { timeout: 15_000 });
    check((await sp.textContent("#memory-events")).includes("OutOfMemoryError: Container killed due to memory usage"), "the OOM event gives the stopped reason");
    await sp.evaluate(() => document.getElementById("memory-explainer").scrollIntoView());
    await sp.waitForTimeout(300);
    await sp.screenshot({ path: join(shots, "memory.png") });
    await sp.selectOption("#memory-preset", "5");
    await sp.click("#theme-toggle");
    await sp.waitForTimeout(300);
    await sp.evaluate(() => document.getElementById("memory-explainer").scrollIntoView());
    await sp.waitForTimeout(300);
    await sp.screenshot({ path: join(shots, "memory-dark.png") });
    await sp.evaluate(() => document.getElementById("task-diagram").scrollIntoView());
    await sp.waitForTimeout(300);
    await sp.screenshot({ path: join(shots, "task-dark.png") });
    await sp.click("#theme-toggle");

    // The stage view under the Dockerfile editor.
    await sp.click(".nav-button >> text=Lint");
    await paste(sp, "dockerfile", "FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app ./cmd/app\n\nFROM alpine:3.20 AS certs\nRUN apk add --no-cache ca-certificates\n\nFROM scratch\nCOPY --from=certs /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nCOPY --from=build /out/app /app\nUSER 65532\nENTRYPOINT [\"/app\"]\n");
    await sp.waitForSelector("#stages");
    eq(await sp.locator(".stage").count(), 3, "the stage view shows three stages");
    eq(await sp.locator(".stage.final").count(), 1, "one stage is final");
    eq(await sp.locator(".stage.final .edge").count(), 2, "the final stage copies from two stages");
    await sp.evaluate(() => document.getElementById("stages").scrollIntoView({ block: "center" }));
    await sp.waitForTimeout(300);
    await sp.screenshot({ path: join(shots, "stages.png") });
    await sizingContext.close();

    // A phone: the sizing view and the explainers in one column.
    const phoneSizing = await browser.newContext({ viewport: { width: 375, height: 800 }, colorScheme: "light" });
    const ps = await phoneSizing.newPage();
    watch(ps);
    await ps.goto(url, { waitUntil: "load" });
    await ps.waitForSelector("#version");
    await ps.click("#sizing-button");
    await ps.waitForSelector("#sizing-verdict");
    const phoneWidth = await ps.evaluate(() => document.documentElement.scrollWidth);
    check(phoneWidth <= 375, "no horizontal page scroll in the sizing view at 375 px", String(phoneWidth));
    await ps.screenshot({ path: join(shots, "phone-sizing.png") });
    await ps.click("#explain-button");
    await ps.waitForSelector("#cpu-sentence");
    await ps.screenshot({ path: join(shots, "phone-explain.png") });
    await phoneSizing.close();
  }
  // ---------------------------------------------------------------------------------------------
  await teachingChecks(browser); // issue 11: see the block at the end of this file
  await projectChecks(browser); // issue 6: see the block at the end of this file
  await jsonnetChecks(browser); // issue 6, Jsonnet in the page: see the block at the end of this file
  await firstVisitChecks(browser); // issue 23: see the block at the end of this file

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
  const requested = [];
  page.on("request", (r) => requested.push(r.url()));
  await page.goto(url, { waitUntil: "load" });
  await page.waitForSelector("#version", { timeout: 30_000 });
  await settled(page);

  // The teaching views are a second module (src/teach.rs): not part of the first view's download,
  // fetched when one opens, gone from the page when the user goes back to linting.
  const teachRequests = () => requested.filter((u) => u.includes("ecsplain-teach-")).length;
  check(teachRequests() === 0, "the first view does not download the teaching module", requested.join(" "));
  await page.click("#learn-button");
  await page.waitForSelector("#teach .learn-page", { timeout: 30_000 });
  check(teachRequests() === 2, "opening Learn downloads the teaching module (js and wasm)", String(teachRequests()));
  await page.click("#lint-button");
  await page.waitForSelector("#app .layout", { timeout: 10_000 });
  check((await page.locator("#teach *").count()) === 0, "back on Lint, the teaching view is removed");
  await page.click("#sizing-button");
  await page.waitForSelector("#teach .sizing-page", { timeout: 10_000 });
  check(teachRequests() === 2, "the teaching module is downloaded once");
  const order = await page.evaluate(() => {
    const top = (sel) => document.querySelector(sel)?.getBoundingClientRect().top ?? -1;
    return [top(".topbar"), top("#teach main"), top("#status")];
  });
  check(order[0] < order[1] && order[1] < order[2], "the teaching view sits between the header and the status line", order.join(","));

  // Gallery: one click loads an example's files into the panes by kind.
  await page.click("#learn-button");
  // The teaching views are their own module, loaded when first opened (src/teach.rs).
  await page.waitForSelector(".card[data-example]", { timeout: 30_000 });
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
  eq(await page.locator("#lesson-figure #cpu-explainer").count(), 1, "the lesson draws its picture beside the text");
  check(
    (await page.locator("#cpu-source option[value=pane]").textContent()).includes("your exercise file"),
    "the lesson's picture is drawn from the exercise file",
  );
  await page.click("#lesson-check");
  check((await page.textContent("#lesson-verdict")).includes("TD011"), "a check names the goal code still reported");
  // Issue 24: the goal lists the facts the attempt must hold besides the findings that go away.
  check((await page.locator(".goals .goal.fact").count()) >= 1, "the goal lists the facts the engine checks");
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
  // The attempt is kept: reopening the lesson shows it, and Reset starts over.
  await page.click('.lesson-row[data-lesson="cpu-shares"] a');
  await page.waitForSelector("#lesson-restored");
  eq(await page.inputValue("#input-9"), solution, "a lesson reopens with the last attempt");
  eq(await page.getAttribute(".lesson", "data-solved"), "true", "the restored attempt is checked again");
  await page.click("#lesson-reset");
  eq(await page.locator("#lesson-restored").count(), 0, "Reset drops the kept attempt");
  eq(await page.getAttribute(".lesson", "data-solved"), "false", "Reset brings back the broken file");
  await page.click(".crumbs a");
  // Issue 24: the talk's topics that had no lesson have one now.
  for (const id of ["graceful-shutdown", "image-tags-digests", "runtime-security"]) {
    eq(await page.locator(`.lesson-row[data-lesson="${id}"]`).count(), 1, `the lesson list has ${id}`);
  }
  await page.click('.lesson-row[data-lesson="graceful-shutdown"] a');
  await page.waitForSelector('.lesson[data-lesson="graceful-shutdown"]');
  await page.click("#lesson-check");
  check((await page.textContent("#lesson-verdict")).startsWith("Not yet"), "the graceful-shutdown exercise starts unsolved");
  await page.screenshot({ path: join(shots, "lesson-graceful-shutdown.png") });
  await page.click(".crumbs a");

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
  // Issue 24: "satisfied" only on positive evidence, and the verdict names the lines that decided it.
  check(
    (await page.locator('.cl-item[data-status="satisfied"] .cl-evidence li').count()) >= 1,
    "satisfied items name the lines that show them",
  );
  const manual = page.locator('.cl-item[data-status="manual"] .cl-tick').first();
  await manual.check();
  check((await page.textContent(".cl-count.manual")).startsWith("☐ 1 of"), "ticking an item counts it");
  {
    // The checklist exports as Markdown for a review, with the tick and the findings.
    const [md] = await Promise.all([page.waitForEvent("download"), page.click("#checklist-download-md")]);
    const text = readFileSync(await md.path(), "utf8");
    const tickedId = await manual.evaluate((el) => el.closest(".cl-item").dataset.item);
    eq(md.suggestedFilename(), "ecs-checklist.md", "the checklist downloads as ecs-checklist.md");
    eq(text.split("\n").filter((l) => l.startsWith("- [")).length, items, "the Markdown lists every item once");
    check(text.includes(`- [x] ${tickedId} `) && text.includes("done (ticked by hand)"), "the Markdown carries the tick", text.slice(0, 400));
    check(/\*\*not satisfied\*\*\n  - [A-Z]+\d+ /.test(text), "the Markdown names the findings under an unsatisfied item");
  }
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
  // A share link carries the ticks to a colleague's browser (a fresh context: no drafts there).
  await page.click("#copy-link");
  await page.waitForSelector("#share-dialog");
  await page.waitForFunction(() => document.getElementById("share-link")?.value.includes("#v1."));
  const tickLink = await page.inputValue("#share-link");
  await page.keyboard.press("Escape");
  {
    const other = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const op = await other.newPage();
    watch(op);
    await op.goto(tickLink, { waitUntil: "load" });
    await op.waitForSelector("#version", { timeout: 30_000 });
    if (await op.locator("#checklist-summary").count() === 0) {
      await op.click("#checklist-button");
      await op.waitForSelector("#checklist-summary");
    }
    check((await op.textContent(".cl-count.manual")).startsWith("☐ 1 of"), "a share link carries the checklist ticks");
    eq(await op.locator('.cl-item[data-status="manual"] .cl-tick:checked').count(), 1, "the ticked item is ticked in the shared page");
    await other.close();
  }

  // The rule reference: search, filter chips, and a page per rule by permalink.
  await page.click("#rules-button");
  await page.fill("#rule-search", "DL30");
  // The search text goes through the page's state and back to the Rules view: wait for the redraw.
  await page
    .waitForFunction(() => [...document.querySelectorAll(".rule-code")].every((c) => c.textContent.startsWith("DL30")), null, { timeout: 5_000 })
    .catch(() => {});
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
  // The one router (route.rs) reads every fragment: a link to a rule that does not exist says
  // so; a pane's example permalink loads that example into its tab and leaves the address.
  await page.evaluate(() => (location.hash = "#rule/XX999"));
  await page.waitForSelector("#share-error");
  check((await page.textContent("#share-error")).includes("names a rule ecsplain does not have (XX999)"), "a link to a missing rule says so", await page.textContent("#share-error"));
  await page.evaluate(() => (location.hash = "#example/nope"));
  await page.waitForFunction(() => document.getElementById("share-error")?.textContent.includes("names an example"));
  eq(await page.evaluate(() => location.hash), "", "a link to a missing example leaves the address");
  await page.click("#lint-button");
  await page.evaluate(() => (location.hash = "#example/dockerfile"));
  await page.waitForFunction(() => document.getElementById("tab-dockerfile")?.getAttribute("aria-selected") === "true");
  check((await page.inputValue("#input-2")).includes("FROM"), "#example/dockerfile opens the Dockerfile's example in its tab");
  eq(await page.evaluate(() => location.hash), "", "a pane's example permalink leaves the address once opened");
  const dockerExample = await page.inputValue("#input-2");
  await page.fill("#input-2", "FROM scratch\n");
  await page.evaluate(() => (location.hash = "#example/dockerfile"));
  await page.waitForFunction((text) => document.getElementById("input-2")?.value === text, dockerExample);
  check(await page.isVisible("#restore-banner"), "the same permalink opened twice is two visits; the replaced draft is kept");
  await page.evaluate(() => (location.hash = "#rule/DL3008"));
  await page.waitForSelector("#explain");
  eq(await page.textContent("#explain .explain-code"), "DL3008", "the router hears a permalink reached again");
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

// ---------------------------------------------------------------------------------------------
// The project view (issue 6): add, rename and remove files; drop several files; the variables
// panel and the rendered view; share links and reloads carry every file.
// Screenshots: project-light.png, project-dark.png, project-phone.png.
async function projectChecks(browser) {
  const origin = new URL(url).origin;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: "light" });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  const page = await context.newPage();
  watch(page);
  const templateRequests = [];
  page.on("request", (req) => {
    if (isTemplateModule(req.url())) templateRequests.push(req.url());
  });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForSelector("#version", { timeout: 30_000 });
  await settled(page);
  const treePaths = () => page.locator("#file-tree .tree-item").evaluateAll((els) => els.map((e) => e.dataset.path));
  const item = (path) => page.locator(`#file-tree .tree-item[data-path="${path}"]`);
  const typeInto = async (id, text) => {
    await page.evaluate(
      ({ id, text }) => {
        const area = document.getElementById(id);
        area.focus();
        area.value = text;
        area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
      },
      { id, text },
    );
    await page.waitForTimeout(20);
    await settled(page);
  };

  eq(
    (await treePaths()).sort(),
    ["Dockerfile", "ecs-service-def.json", "ecs-task-def.json", "ecspresso.yml"],
    "project: the tree lists the four panes under the paths they are linted with",
  );

  // Add a file: a second task definition in a folder.
  await page.click("#new-file");
  await page.fill("#new-file-path", "extra/td2.json");
  await page.selectOption("#new-file-kind", "taskdef");
  await page.click("#new-file-add");
  await page.waitForSelector("#input-4");
  check((await treePaths()).includes("extra/td2.json"), "project: a new file appears in the tree");
  check(
    (await page.locator("#file-tree .tree-folder").allTextContents()).some((t) => t.includes("extra/")),
    "project: its folder is shown",
  );
  await typeInto("input-4", TASKDEF);
  eq(await page.locator('.finding[data-code="TD001"]').count(), 1, "project: the new file is linted (TD001)");
  eq(await page.textContent("#pane-path"), "extra/td2.json", "project: the editor shows the file's path");

  // Rename with F2 on the tree item.
  await item("extra/td2.json").focus();
  await page.keyboard.press("F2");
  await page.waitForSelector("#rename-input");
  await page.fill("#rename-input", "extra/web.json");
  await page.keyboard.press("Enter");
  await page.waitForTimeout(20);
  await settled(page);
  check((await treePaths()).includes("extra/web.json"), "project: F2 renames a file");
  check((await page.textContent(".finding[data-code='TD001'] .finding-main")).length > 0, "project: findings follow the renamed file");

  // Add files… and Add folder… through the real file inputs (issue 23: the list was read after
  // the input was cleared, which empties it, so nothing was added).
  await page.setInputFiles("#add-files", [
    { name: "picked-td.json", mimeType: "application/json", buffer: Buffer.from(TASKDEF) },
  ]);
  await page.waitForFunction(
    () => [...document.querySelectorAll("#file-tree .tree-item")].some((e) => e.dataset.path === "picked-td.json"),
    null,
    { timeout: 10_000 },
  ).catch(() => {});
  await settled(page);
  check((await treePaths()).includes("picked-td.json"), "project: Add files… adds the picked files");
  const folder = join(shots, "picked-folder");
  mkdirSync(join(folder, "svc"), { recursive: true });
  writeFileSync(join(folder, "svc", "Dockerfile"), "FROM debian:12\nRUN apt-get install -y curl\n");
  await page.setInputFiles("#add-folder", folder);
  await page.waitForFunction(
    () => [...document.querySelectorAll("#file-tree .tree-item")].some((e) => (e.dataset.path || "").endsWith("svc/Dockerfile")),
    null,
    { timeout: 10_000 },
  ).catch(() => {});
  await settled(page);
  check(
    (await treePaths()).some((p) => p.endsWith("picked-folder/svc/Dockerfile")),
    "project: Add folder… adds the folder's files under their folder",
  );
  for (const path of await treePaths()) {
    if (path === "picked-td.json" || path.endsWith("svc/Dockerfile")) {
      await item(path).focus();
      await page.keyboard.press("Delete");
      await page.waitForTimeout(20);
    }
  }
  await settled(page);

  // Drop several files at once (a synthesised DataTransfer), one of them not text.
  const CONFIG = "region: ap-northeast-1\ncluster: default\nservice: web\ntask_definition: ecs-task-def.json\nservice_definition: ecs-service-def.json\nplugins:\n  - name: tfstate\n    config:\n      path: terraform.tfstate\n";
  const TD = `{
  "family": "web",
  "executionRoleArn": "{{ tfstate \`aws_iam_role.exec.arn\` }}",
  "containerDefinitions": [
    { "name": "app", "image": "{{ must_env \`IMAGE\` }}", "essential": true }
  ]
}
`;
  const TFSTATE = JSON.stringify({
    version: 4,
    terraform_version: "1.9.0",
    resources: [{ mode: "managed", type: "aws_iam_role", name: "exec", instances: [{ attributes: { arn: "arn:aws:iam::123456789012:role/exec" } }] }],
  });
  await page.evaluate(
    ({ CONFIG, TD, TFSTATE }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([CONFIG], "ecspresso.yml", { type: "text/yaml" }));
      dt.items.add(new File([TD], "ecs-task-def.json", { type: "application/json" }));
      dt.items.add(new File(["IMAGE=from-env-file\n"], ".env", { type: "text/plain" }));
      dt.items.add(new File([TFSTATE], "terraform.tfstate", { type: "application/json" }));
      dt.items.add(new File([new Uint8Array([137, 80, 78, 71, 0, 0, 0, 13])], "logo.png", { type: "image/png" }));
      window.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
      window.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { CONFIG, TD, TFSTATE },
  );
  await page.waitForFunction(() => document.querySelector('#file-tree .tree-item[data-path="terraform.tfstate"]'));
  await page.waitForTimeout(20);
  await settled(page);
  const paths = await treePaths();
  for (const p of ["ecspresso.yml", "ecs-task-def.json", ".env", "terraform.tfstate", "extra/web.json"]) {
    check(paths.includes(p), `project: dropped files are in the tree (${p})`, paths.join(" "));
  }
  const banner = (await page.textContent("#share-error").catch(() => "")) || "";
  check(banner.includes("logo.png") && banner.includes("not a text file"), "project: a skipped file is named with the reason", banner);
  eq(await page.inputValue("#input-3"), CONFIG, "project: the dropped config goes to the config pane");
  await item("ecs-task-def.json").click();
  eq(await page.inputValue("#input-0"), TD, "project: the dropped task definition goes to the task pane");
  // The config names a service definition the project lacks: XF001 on the config line.
  await item("ecspresso.yml").click();
  await settled(page);
  const xf = page.locator('.finding[data-code="XF001"]');
  eq(await xf.count(), 1, "project: a missing file is XF001 on the config");
  eq(await xf.locator(".finding-main .loc").textContent(), "5:21", "project: XF001 points at the service_definition line");

  // The templated task definition brought the Go-template engine, once (glue and wasm).
  eq(templateRequests.length, 2, "project: a templated file downloads the Go-template engine once");
  // Variables: listed with what the project answers; a typed value renders.
  const vars = await page.locator("#variables .var-row").evaluateAll((rows) => rows.map((r) => r.dataset.key));
  check(vars.includes("IMAGE") && vars.includes("tfstate:aws_iam_role.exec.arn"), "project: the variables panel lists must_env and tfstate", vars.join(" "));
  const imageField = page.locator('#variables .var-row[data-key="IMAGE"] input');
  check((await imageField.getAttribute("placeholder")).includes("from-env-file"), "project: a value from the .env file is shown");
  const tfField = page.locator('#variables .var-row[data-key="tfstate:aws_iam_role.exec.arn"] input');
  check(
    (await tfField.getAttribute("placeholder")).includes("arn:aws:iam::123456789012:role/exec"),
    "project: the dropped terraform.tfstate answers the tfstate lookup",
  );
  await item("ecs-task-def.json").click();
  await imageField.fill("public.ecr.aws/nginx/nginx:1.27");
  await page.waitForTimeout(20);
  await settled(page);
  await page.click("#render-toggle");
  const rendered = await renderedText(page);
  check(
    rendered.includes('"image": "public.ecr.aws/nginx/nginx:1.27"') && rendered.includes("arn:aws:iam::123456789012:role/exec"),
    "project: the rendered view fills in the typed value and the tfstate answer",
    rendered,
  );
  check(rendered.includes('"cpu": 0'), "project: the rendered view is what ecspresso render prints (Go's zero values included)", rendered);
  await page.screenshot({ path: join(shots, "project-light.png") });
  await page.click("#render-toggle");
  await page.waitForSelector("#input-0");
  // The value is linted: a `latest` tag given for IMAGE is TD201 at the template, a pinned one is not.
  eq(await page.locator('.finding[data-code="TD201"]').count(), 0, "project: a pinned IMAGE value gives no TD201");
  await imageField.fill("nginx:latest");
  await page.waitForTimeout(20);
  await settled(page);
  const td201 = page.locator('.finding[data-code="TD201"]');
  eq(await td201.count(), 1, "project: a variable's value changes the findings (IMAGE=nginx:latest gives TD201)");
  const td201At = await td201.locator(".finding-main .loc").textContent();
  check(["5:31", "5:32"].includes(td201At), "project: the finding points at the template in the source", td201At);
  await imageField.fill("public.ecr.aws/nginx/nginx:1.27");
  await page.waitForTimeout(20);
  await settled(page);

  // A share link carries every file and the variables' values.
  await page.click("#copy-link");
  await page.waitForFunction(() => document.getElementById("share-link")?.value.includes("#v1."));
  const link = await page.inputValue("#share-link");
  await page.keyboard.press("Escape");
  await page.waitForTimeout(700);
  {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: "dark" });
    const p = await ctx.newPage();
    watch(p);
    await p.goto(link, { waitUntil: "load" });
    await p.waitForSelector("#version");
    await p.waitForTimeout(50);
    await settled(p);
    const back = await p.locator("#file-tree .tree-item").evaluateAll((els) => els.map((e) => e.dataset.path));
    check(back.includes("extra/web.json") && back.includes("terraform.tfstate"), "project: the link restores the extra files", back.join(" "));
    eq(
      await p.inputValue('#variables .var-row[data-key="IMAGE"] input'),
      "public.ecr.aws/nginx/nginx:1.27",
      "project: the link restores the variables' values",
    );
    await p.locator('#file-tree .tree-item[data-path="extra/web.json"]').click();
    eq(await p.inputValue("#input-4"), TASKDEF, "project: the extra file's text travels in the link");
    await p.screenshot({ path: join(shots, "project-dark.png") });
    await ctx.close();
  }

  // A reload keeps every file; Delete removes one.
  await page.reload({ waitUntil: "load" });
  await page.waitForSelector("#version");
  await settled(page);
  check((await treePaths()).includes("extra/web.json"), "project: a reload keeps the extra files");
  await item("extra/web.json").focus();
  await page.keyboard.press("Delete");
  await page.waitForTimeout(20);
  await settled(page);
  check(!(await treePaths()).includes("extra/web.json"), "project: Delete on a tree item removes the file");
  // The row's buttons show on hover (and on focus, for the keyboard).
  await item(".env").hover();
  await page.locator('button[aria-label="Remove .env"]').click();
  check(!(await treePaths()).includes(".env"), "project: the remove button removes the file");
  await context.close();

  // A phone: the tree sits above the editor, no horizontal scroll.
  const phone = await browser.newContext({ viewport: { width: 375, height: 800 }, colorScheme: "light" });
  const mobile = await phone.newPage();
  watch(mobile);
  await mobile.goto(link, { waitUntil: "load" });
  await mobile.waitForSelector("#version");
  await mobile.waitForTimeout(50);
  await settled(mobile);
  const layout = await mobile.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    treeAbove: document.getElementById("project").getBoundingClientRect().bottom <= document.querySelector(".tabpanel").getBoundingClientRect().top,
  }));
  check(layout.width <= 375, "project: no horizontal scroll at 375 px", String(layout.width));
  check(layout.treeAbove, "project: on a phone the tree is above the editor");
  await mobile.screenshot({ path: join(shots, "project-phone.png"), fullPage: true });
  await phone.close();
}

// ---------------------------------------------------------------------------------------------
// Jsonnet in the page (issue 6): the evaluator is a second wasm module, loaded only when the
// project holds a Jsonnet file (static/build/jsonnet.mjs, src/jsonnet.rs). A dropped Jsonnet
// ecspresso project is evaluated: findings land on Jsonnet lines, an extVar typed in the
// variables panel changes them, a syntax error is IN012 at its line, the rendered view shows the
// evaluated JSON. Screenshots: jsonnet.png, jsonnet-rendered.png.
function isJsonnetModule(address) {
  const u = new URL(address);
  return u.origin === new URL(url).origin && /\/ecsplain-jsonnet-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(u.pathname) && !u.search && !u.hash;
}

async function jsonnetChecks(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "light" });
  const page = await context.newPage();
  watch(page);
  const requests = [];
  page.on("request", (req) => requests.push(req.url()));
  await page.goto(url, { waitUntil: "load" });
  await page.waitForSelector("#version", { timeout: 30_000 });
  await settled(page);
  eq(requests.filter(isJsonnetModule), [], "jsonnet: a project without Jsonnet does not download the evaluator");

  const CONFIG = "{\n  region: 'ap-northeast-1',\n  cluster: 'default',\n  service: 'web',\n  task_definition: 'ecs-task-def.jsonnet',\n}\n";
  const LIB = "{\n  essential: true,\n}\n";
  const TD = [
    "local container = import 'lib/container.libsonnet';",
    "{",
    "  family: 'web',",
    "  requiresCompatibilities: ['FARGATE'],",
    "  networkMode: 'awsvpc',",
    "  cpu: '256',",
    "  memory: '4096',",
    "  containerDefinitions: [",
    "    container { name: 'app', image: 'nginx:' + std.extVar('TAG') },",
    "  ],",
    "}",
    "",
  ].join("\n");
  await page.evaluate(
    ({ CONFIG, LIB, TD }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([CONFIG], "ecspresso.jsonnet", { type: "text/plain" }));
      dt.items.add(new File([TD], "ecs-task-def.jsonnet", { type: "text/plain" }));
      dt.items.add(new File([LIB], "lib/container.libsonnet", { type: "text/plain" }));
      window.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
      window.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { CONFIG, LIB, TD },
  );
  await page.waitForFunction(() => document.querySelector('#file-tree .tree-item[data-path="ecs-task-def.jsonnet"]'));
  const item = (path) => page.locator(`#file-tree .tree-item[data-path="${path}"]`);
  await item("ecs-task-def.jsonnet").click();
  // While the module loads the file is "waiting"; once it is there the project is linted again.
  await page.waitForSelector('.finding[data-code="TD001"]', { timeout: 60_000 });
  await settled(page);
  const loadedModules = requests.filter(isJsonnetModule);
  eq(loadedModules.length, 2, "jsonnet: the evaluator (glue and wasm) is downloaded once, from the page's origin");
  eq(await page.locator('.finding[data-code="EP010"]').count(), 0, "jsonnet: no 'not evaluated' note once the evaluator is loaded");
  const td001At = await page.locator('.finding[data-code="TD001"] .finding-main .loc').first().textContent();
  check(/^[67]:/.test(td001At), "jsonnet: the Fargate size finding points at the Jsonnet cpu/memory line", td001At);

  // An extVar typed in the variables panel flows into the evaluation.
  const tag = page.locator('#variables .var-row[data-key="extVar:TAG"] input');
  eq(await tag.count(), 1, "jsonnet: the variables panel lists std.extVar('TAG')");
  eq(await page.locator('.finding[data-code="TD201"]').count(), 0, "jsonnet: an unset TAG is a placeholder, not a finding");
  await tag.fill("latest");
  await page.waitForTimeout(20);
  await settled(page);
  const td201 = page.locator('.finding[data-code="TD201"]');
  eq(await td201.count(), 1, "jsonnet: TAG=latest typed in the panel gives TD201");
  const td201At = await td201.first().locator(".finding-main .loc").textContent();
  check(td201At.startsWith("9:"), "jsonnet: TD201 points at the Jsonnet line of the image", td201At);
  await page.screenshot({ path: join(shots, "jsonnet.png") });

  // The rendered view shows the evaluated JSON.
  await page.click("#render-toggle");
  const rendered = await renderedText(page);
  check(
    rendered.includes('"image": "nginx:latest"') && rendered.includes('"essential": true'),
    "jsonnet: the rendered view shows the evaluated JSON (with the import and the typed TAG)",
    rendered,
  );
  await page.screenshot({ path: join(shots, "jsonnet-rendered.png") });
  await page.click("#render-toggle");
  await tag.fill("1.27");
  await page.waitForTimeout(20);
  await settled(page);
  eq(await page.locator('.finding[data-code="TD201"]').count(), 0, "jsonnet: TAG=1.27 clears TD201");

  // A syntax error: IN012 at its line and column.
  const editor = page.locator('textarea[id^="input-"]').first();
  const broken = TD.replace("  memory: '4096',", "  memory: '4096'\n  oops: ,");
  await editor.evaluate((area, text) => {
    area.focus();
    area.value = text;
    area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, broken);
  await page.waitForTimeout(20);
  await settled(page);
  const in012 = page.locator('.finding[data-code="IN012"]');
  eq(await in012.count(), 1, "jsonnet: a syntax error is IN012");
  const in012At = await in012.first().locator(".finding-main .loc").textContent();
  check(/^8:\d+$/.test(in012At), "jsonnet: IN012 points at the line of the error", in012At);
  await page.screenshot({ path: join(shots, "jsonnet-error.png") });
  eq(requests.filter(isJsonnetModule).length, 2, "jsonnet: the evaluator is not downloaded again");
  await context.close();

  // While the module loads, the file says so; if it cannot be loaded, EP010 says why. (Requests
  // are held or refused here on purpose, so this page is not watched for failed requests.)
  for (const refuse of [false, true]) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "light" });
    const p = await ctx.newPage();
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await p.route((u) => isJsonnetModule(u.href), async (route) => {
      if (refuse) return route.abort();
      await held;
      return route.continue();
    });
    await p.goto(url, { waitUntil: "load" });
    await p.waitForSelector("#version", { timeout: 30_000 });
    await settled(p);
    await p.evaluate((TD) => {
      const dt = new DataTransfer();
      dt.items.add(new File([TD], "ecs-task-def.jsonnet", { type: "text/plain" }));
      dt.items.add(new File(["{ essential: true }"], "lib/container.libsonnet", { type: "text/plain" }));
      window.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, TD);
    await p.waitForFunction(() => document.querySelector('#file-tree .tree-item[data-path="ecs-task-def.jsonnet"]'));
    await p.locator('#file-tree .tree-item[data-path="ecs-task-def.jsonnet"]').click();
    await settled(p);
    const note = p.locator('.finding[data-code="EP010"]');
    if (refuse) {
      await p.waitForFunction(() => document.querySelector('.finding[data-code="EP010"]')?.textContent.includes("could not load"));
      check((await note.textContent()).includes("could not load its Jsonnet evaluator"), "jsonnet: a failed load keeps EP010 with the reason", await note.textContent());
    } else {
      await p.waitForSelector('.finding[data-code="EP010"]');
      check((await note.textContent()).includes("waiting for the Jsonnet evaluator"), "jsonnet: while the evaluator loads, EP010 says so", await note.textContent());
      release();
      await p.waitForSelector('.finding[data-code="TD001"]', { timeout: 60_000 });
      eq(await note.count(), 0, "jsonnet: once loaded, the waiting note is gone");
    }
    await ctx.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The first visit (issue 23): the example says it is one, can be replaced in one action, and the
// user's first file in it asks whether to keep the other example files.
// Screenshots: first-visit.png, first-visit-question.png, first-visit-dark.png.
async function firstVisitChecks(browser) {
  const slugs = ["taskdef", "servicedef", "dockerfile", "ecspresso"];
  const fresh = async (colorScheme = "light") => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme });
    const p = await ctx.newPage();
    await p.goto(url, { waitUntil: "load" });
    await p.waitForSelector("#version");
    await settled(p);
    return { ctx, p };
  };
  const values = (p) => p.evaluate((n) => Array.from({ length: n }, (_, i) => document.getElementById(`input-${i}`)?.value), 1);
  {
    const { ctx, p } = await fresh();
    check(await p.isVisible("#example-note"), "first visit: the example project says it is an example");
    await p.screenshot({ path: join(shots, "first-visit.png") });
    await paste(p, "taskdef", '{"family": "mine", "containerDefinitions": []}\n');
    await p.waitForSelector("#example-question");
    check(!(await p.isVisible("#example-note")), "first visit: the label goes once a file of the user's is in");
    check((await p.textContent("#example-question")).includes("3 panes"), "first visit: the question counts the example files left", await p.textContent("#example-question"));
    await p.screenshot({ path: join(shots, "first-visit-question.png") });
    await p.click("#drop-examples");
    await settled(p);
    const left = [];
    for (const slug of slugs.slice(1)) {
      await p.click(`#tab-${slug}`);
      left.push(await p.inputValue(`#input-${slugs.indexOf(slug)}`));
    }
    eq(left, ["", "", ""], "first visit: removing the example files empties the other panes");
    await p.click("#tab-taskdef");
    check((await p.inputValue("#input-0")).includes('"mine"'), "first visit: the user's file stays");
    check(!(await p.isVisible("#example-question")), "first visit: the question is answered");
    await ctx.close();
  }
  {
    const { ctx, p } = await fresh("dark");
    await p.screenshot({ path: join(shots, "first-visit-dark.png") });
    await p.click("#start-empty");
    await settled(p);
    await p.waitForTimeout(50);
    eq(await p.evaluate(() => document.activeElement?.id), "input-0", "first visit: starting empty puts the caret in the task definition");
    eq((await values(p))[0], "", "first visit: starting empty empties the task definition");
    check(!(await p.isVisible("#example-note")), "first visit: no example label on an empty project");
    check((await p.textContent("#status")).includes("0 files") || (await p.textContent("#status")).includes("linted 0"), "first visit: nothing is left to lint", await p.textContent("#status"));
    await ctx.close();
  }
}
