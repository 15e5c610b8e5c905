// The page in the two other browser engines (issue 23): Firefox (Debian's firefox-esr, driven
// over WebDriver BiDi by puppeteer-core) and WebKit (WebKitGTK's MiniBrowser, driven by
// Debian's WebKitWebDriver under a virtual X display). Each opens the page, waits for the
// example's findings, picks a task definition through the real "Add files…" input and checks
// that the file joins the project and is linted, then takes a screenshot.
//
// "Add folder…" is not driven here: neither driver can pick a directory (Firefox answers
// `input.setFiles` for a folder with "unsupported operation … Is directory"; WebKitWebDriver
// accepts the path and selects nothing), so the folder input is covered in Chromium only
// (run.mjs). Both inputs share one handler, whose order of reading and clearing is what
// issue 23 found broken.
//
// Env: ECSPLAIN_URL (the served dist/), ECSPLAIN_SHOTS (screenshot folder), FIREFOX,
// WEBKIT_DRIVER, MINIBROWSER (paths, Debian's by default).
import { createRequire } from "node:module";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createServer } from "node:net";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const require = createRequire(join(root, "tools", "package.json"));
const puppeteer = require("puppeteer-core");

const url = process.env.ECSPLAIN_URL || "http://127.0.0.1:8080/";
const shots = process.env.ECSPLAIN_SHOTS || join(root, "target", "e2e-shots");
mkdirSync(shots, { recursive: true });
const firefoxBin = process.env.FIREFOX || "/usr/bin/firefox-esr";
const webkitDriver = process.env.WEBKIT_DRIVER || "/usr/bin/WebKitWebDriver";
const miniBrowser =
  process.env.MINIBROWSER || "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

// A task whose family name holds a space, which ECS rejects: TD028, which the example project lacks.
const PICKED = `{
  "family": "picked task",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "4096",
  "containerDefinitions": [
    { "name": "app", "image": "public.ecr.aws/nginx/nginx:1.27", "essential": true }
  ]
}
`;
const dir = mkdtempSync(join(tmpdir(), "ecsplain-browsers-"));
const picked = join(dir, "picked-td.json");
writeFileSync(picked, PICKED);

let failures = 0;
const check = (ok, what, detail = "") => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${!ok && detail ? `: ${detail}` : ""}`);
  if (!ok) failures++;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// What each engine is asked, in the page's own terms.
// Only the live page's findings (it has the version badge; the first view drawn ahead has no ids).
const FINDING_CODES = "return document.getElementById('version') ? [...document.querySelectorAll('#app .finding[data-code]')].map(e => e.dataset.code) : []";
const TREE_PATHS = "return [...document.querySelectorAll('#file-tree .tree-item')].map(e => e.dataset.path)";

/// Polls `probe` until `ok` holds or the time is up; returns the last value.
async function until(probe, ok, ms = 60_000) {
  const end = Date.now() + ms;
  let value;
  for (;;) {
    try {
      value = await probe();
      if (ok(value)) return value;
    } catch {
      // the page is still loading
    }
    if (Date.now() > end) return value;
    await sleep(250);
  }
}

/// The same checks for every engine; `b` runs a script in the page and picks a file.
async function exercise(name, b) {
  const codes = await until(() => b.run(FINDING_CODES), (c) => Array.isArray(c) && c.length > 0);
  check(Array.isArray(codes) && codes.length > 0, `${name}: the example project is linted`, JSON.stringify(codes));
  check(Array.isArray(codes) && !codes.includes("TD028"), `${name}: the example has no TD028 before the pick`);
  await b.pick("#add-files", picked);
  const paths = await until(() => b.run(TREE_PATHS), (p) => Array.isArray(p) && p.includes("picked-td.json"), 20_000);
  check(Array.isArray(paths) && paths.includes("picked-td.json"), `${name}: Add files… adds the picked file to the project`, JSON.stringify(paths));
  const after = await until(() => b.run(FINDING_CODES), (c) => Array.isArray(c) && c.includes("TD028"), 20_000);
  check(Array.isArray(after) && after.includes("TD028"), `${name}: the picked file is linted (TD028)`, JSON.stringify(after));
  await b.shot(join(shots, `${name}-add-files.png`));
}

async function firefox() {
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: firefoxBin,
    headless: true,
    env: { ...process.env, HOME: process.env.HOME || dir },
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(url);
    const version = await browser.version();
    console.log(`firefox: ${version}`);
    await exercise("firefox", {
      run: (script) => page.evaluate(new Function(script)),
      pick: async (selector, file) => {
        const input = await page.waitForSelector(selector, { timeout: 60_000 });
        await input.uploadFile(file);
      },
      shot: (path) => page.screenshot({ path }),
    });
  } finally {
    await browser.close();
  }
}

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
    s.on("error", rej);
  });
}

async function webkit() {
  const port = await freePort();
  // MiniBrowser needs an X display: xvfb-run gives the driver (and the browser it starts) one.
  const driver = spawn("xvfb-run", ["-a", webkitDriver, `--port=${port}`], { stdio: "ignore", detached: true });
  const base = `http://127.0.0.1:${port}`;
  const wd = async (method, path, body) => {
    const r = await fetch(base + path, {
      method,
      headers: { "content-type": "application/json" },
      body: body ? JSON.stringify(body) : undefined,
    });
    const j = await r.json();
    if (!r.ok) throw new Error(`${method} ${path}: ${JSON.stringify(j.value).slice(0, 300)}`);
    return j.value;
  };
  try {
    await until(() => wd("GET", "/status"), (s) => s && s.ready, 20_000);
    const session = await wd("POST", "/session", {
      capabilities: {
        alwaysMatch: { "webkitgtk:browserOptions": { binary: miniBrowser, args: ["--automation"] } },
      },
    });
    const sid = session.sessionId;
    console.log(`webkit: ${session.capabilities.browserName} ${session.capabilities.browserVersion}`);
    try {
      await wd("POST", `/session/${sid}/window/rect`, { width: 1280, height: 800 }).catch(() => {});
      await wd("POST", `/session/${sid}/url`, { url });
      await exercise("webkit", {
        run: (script) => wd("POST", `/session/${sid}/execute/sync`, { script, args: [] }),
        pick: async (selector, file) => {
          const el = await until(
            () => wd("POST", `/session/${sid}/element`, { using: "css selector", value: selector }),
            (e) => e && Object.keys(e).length > 0,
          );
          await wd("POST", `/session/${sid}/element/${Object.values(el)[0]}/value`, { text: file });
        },
        shot: async (path) => {
          // WebKitGTK's screenshot is the last frame it composited: give it time to paint.
          await sleep(1500);
          const png = await wd("GET", `/session/${sid}/screenshot`);
          writeFileSync(path, Buffer.from(png, "base64"));
        },
      });
    } finally {
      await wd("DELETE", `/session/${sid}`).catch(() => {});
    }
  } finally {
    try {
      process.kill(-driver.pid);
    } catch {
      // already gone
    }
  }
}

for (const [name, run] of [["firefox", firefox], ["webkit", webkit]]) {
  try {
    await run();
  } catch (e) {
    check(false, `${name}: the run finished`, e.message);
  }
}
console.log(failures ? `browsers: ${failures} check(s) failed` : "browsers: all checks passed");
process.exit(failures ? 1 : 0);
