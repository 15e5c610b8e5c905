// Starts the page without an inline script and without fetch(): the CSP allows scripts from
// 'self' only and forbids every connection. Trunk writes the hashed file names into this script
// tag's data attributes; static/build/embed-wasm.mjs turned the .wasm into a .wasm.js module.

// The theme before the page renders, so a dark page does not flash white (same key and rule as
// src/app.rs: a saved choice, else the system preference).
let theme = null;
try {
  theme = localStorage.getItem("ecsplain.theme");
} catch {}
if (theme !== "dark" && theme !== "light") {
  theme = matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}
document.documentElement.dataset.theme = theme;

async function start() {
  const tag = document.querySelector("script[data-ecsplain-js]");
  const [{ default: init }, { default: hex }] = await Promise.all([
    import(tag.dataset.ecsplainJs),
    import(`${tag.dataset.ecsplainWasm}.js`),
  ]);
  let bytes;
  if (typeof Uint8Array.fromHex === "function") {
    bytes = Uint8Array.fromHex(hex);
  } else {
    const nibble = (c) => (c <= 57 ? c - 48 : c - 87); // '0'-'9', 'a'-'f'
    bytes = new Uint8Array(hex.length >> 1);
    for (let i = 0; i < bytes.length; i++) {
      bytes[i] = (nibble(hex.charCodeAt(2 * i)) << 4) | nibble(hex.charCodeAt(2 * i + 1));
    }
  }
  await init({ module_or_path: bytes });
}

try {
  await start();
  document.getElementById("loading")?.remove();
} catch (err) {
  const loading = document.getElementById("loading");
  if (loading) loading.textContent = `ecsplain could not start in this browser: ${err}`;
  throw err;
}
