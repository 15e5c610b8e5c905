// Starts the page without an inline script and without fetch(): the CSP allows scripts from
// 'self' only and forbids every connection. Trunk writes the hashed file names into this script
// tag's data attributes; static/build/embed-wasm.mjs turned the .wasm into a .wasm.js module.
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
