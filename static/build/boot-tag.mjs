// Names a file written by a post_build hook in index.html's boot script tag (as data
// attributes before `data-ecsplain-js=`). Trunk runs the hooks of one stage at the same time,
// so the read-modify-write of the staged index.html happens under a lock (a directory: its
// creation is atomic), or one hook's attributes could be lost.
import { mkdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Adds `attributes` (`{"data-x": "value"}`) to the boot script tag; exits the hook on failure. */
export function tagBootScript(dir, attributes, who) {
  const lock = join(dir, ".index.html.lock");
  for (let tries = 0; ; tries++) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if (err.code !== "EEXIST" || tries > 600) throw err;
      Atomics.wait(pause, 0, 0, 50);
    }
  }
  try {
    const htmlPath = join(dir, "index.html");
    const html = readFileSync(htmlPath, "utf8");
    const text = Object.entries(attributes)
      .map(([name, value]) => `${name}="${value}" `)
      .join("");
    const tagged = html.replace("data-ecsplain-js=", `${text}data-ecsplain-js=`);
    if (tagged === html) {
      console.error(`${who}: no boot script tag (data-ecsplain-js) in index.html`);
      process.exit(1);
    }
    writeFileSync(htmlPath, tagged, "utf8");
  } finally {
    rmdirSync(lock);
  }
}
