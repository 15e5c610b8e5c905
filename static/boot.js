// Starts the page without an inline script and without fetch(): the CSP allows scripts from
// 'self' only and forbids every connection. Trunk writes the hashed file names into this script
// tag's data attributes; static/build/embed-wasm.mjs turned the .wasm into a .wasm.js module.
const tag = document.querySelector("script[data-ecsplain-js]");
const [{ default: init }, { default: base64 }] = await Promise.all([
  import(tag.dataset.ecsplainJs),
  import(`${tag.dataset.ecsplainWasm}.js`),
]);
const binary = atob(base64);
const bytes = new Uint8Array(binary.length);
for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
await init({ module_or_path: bytes });
