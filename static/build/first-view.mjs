// Trunk post_build step (run by compress.mjs before it compresses): the first view, drawn ahead
// of time (issue 23, item 6).
//
// On a slow phone the page's wasm takes seconds to arrive, and until it starts the visitor sees
// "Loading ecsplain…". A first visit always shows the same thing: the example project and the
// engine's findings on it. So the build opens the built page once in headless Chromium, waits
// until the engine has linted the example, and keeps a copy of what the page drew as
// `<template id="first-view">` in index.html. boot.js shows that copy, read-only (`inert`), on a
// first visit only (no draft, settings or share link in play), in the reader's language (English,
// or Japanese for a browser or a saved choice that asks for it), and the page
// replaces it when it starts: Yew empties its root before it draws. Nothing in the copy is
// invented: every finding in it is what the engine said about the example, in this build, and the
// end-to-end test checks that the live page shows the same findings.
//
// The copy drops element ids (the live page owns them; tests wait for them), the form controls'
// current values are written into it (a textarea's text is a property, not markup), and the
// status line says the page is still loading.
//
// Needs Chromium and playwright-core (`cargo xtask setup` installs both). Without them it says so
// and leaves index.html as it is: the page then starts as before.
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("first-view: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)");
  process.exit(2);
}
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
let chromium;
try {
  chromium = createRequire(join(root, "tools", "package.json"))("playwright-core").chromium;
} catch {
  chromium = null;
}
if (!chromium || !existsSync(chromiumPath)) {
  console.log("first-view: no Chromium or playwright-core here (cargo xtask setup installs them); the first view is not drawn ahead");
  process.exit(0);
}

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
};
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const file = join(dir, path.endsWith("/") ? `${path}index.html` : path);
  if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
    return res.writeHead(404).end();
  }
  res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({ executablePath: chromiumPath });
// The two readers a first visit can have: English, and a browser whose language is Japanese
// (the page's language follows it; boot.js picks the copy in the reader's language).
const readers = [
  { id: "first-view", locale: "en-US", status: "Starting ecsplain… the example below is read-only until it starts." },
  { id: "first-view-ja", locale: "ja-JP", status: "ecsplain を起動しています… 起動するまで、下の例は読み取り専用です。" },
];
const copies = [];
try {
  for (const reader of readers) copies.push({ ...reader, html: await capture(reader) });
} finally {
  await browser.close();
  server.close();
}

/** What the page draws on a first visit in the reader's language, as markup. */
async function capture({ locale, status }) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale,
    colorScheme: "light",
  });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('#status[data-fresh="true"]', { timeout: 120_000 });
    await page.waitForSelector("#app .finding", { timeout: 30_000 });
    if (locale.startsWith("ja")) {
      // The findings' Japanese comes with the Japanese module, after the first lint.
      await page.waitForFunction(
        () => {
          const messages = [...document.querySelectorAll("#app .finding .message")];
          return messages.length > 0 && messages.every((m) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(m.textContent));
        },
        null,
        { timeout: 30_000 },
      );
    }
    return await page.evaluate((statusText) => {
      const live = document.querySelector("#app > .app");
      const copy = live.cloneNode(true);
      // Form state lives in properties: write it into the markup.
      const liveFields = live.querySelectorAll("textarea, input, select");
      copy.querySelectorAll("textarea, input, select").forEach((field, i) => {
        const source = liveFields[i];
        if (field.tagName === "TEXTAREA") field.textContent = source.value;
        else if (field.tagName === "SELECT") {
          [...field.options].forEach((o, j) => o.toggleAttribute("selected", source.options[j]?.selected));
        } else if (field.type === "checkbox" || field.type === "radio") {
          field.toggleAttribute("checked", source.checked);
        } else field.setAttribute("value", source.value);
      });
      for (const el of [copy, ...copy.querySelectorAll("*")]) {
        for (const name of ["id", "for", "aria-labelledby", "aria-describedby", "aria-controls"]) {
          el.removeAttribute(name);
        }
      }
      copy.querySelector(".skip-link")?.remove();
      const status = copy.querySelector("footer.status");
      if (status) {
        status.setAttribute("data-fresh", "false");
        status.textContent = statusText;
      }
      copy.classList.add("first-view");
      return copy.outerHTML;
    }, status);
  } finally {
    await context.close();
  }
}

const index = join(dir, "index.html");
const page = readFileSync(index, "utf8");
const anchor = '<div id="app"></div>';
if (!page.includes(anchor)) {
  console.error(`first-view: index.html has no ${anchor}`);
  process.exit(1);
}
const templates = copies.map(({ id, html }) => `<template id="${id}">${html}</template>`).join("\n    ");
writeFileSync(index, page.replace(anchor, `${templates}\n    ${anchor}`));
for (const { id, locale, html } of copies) {
  console.log(`first-view: the example's first view (${locale}) drawn ahead into index.html as #${id} (${html.length} bytes of markup)`);
}
