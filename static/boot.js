// Starts the page without an inline script: the CSP allows scripts from 'self' only. Trunk
// writes the hashed file names into this script tag's data attributes.

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

const tag = document.querySelector("script[data-ecsplain-js]");

// The rules' documentation is not in the first download: src/docs.rs calls this the first time
// an explanation, a lesson or the checklist needs it (static/build/rule-docs.mjs wrote the
// module and its name).
globalThis.ecsplainDocs = () => {
  const docs = tag.dataset.ecsplainDocs;
  if (!docs) return Promise.reject(new Error("this build has no rule-docs module"));
  return import(docs).then((module) => module.default);
};

// The rules' Japanese documentation (`{"ja/<CODE>": text}`), for a reader who chose Japanese:
// the page passes it to the engine's `rule::set_docs_in(Lang::Ja, ..)` (rule-docs.mjs wrote it).
globalThis.ecsplainDocsJa = () => {
  const docs = tag.dataset.ecsplainDocsJa;
  if (!docs) return Promise.reject(new Error("this build has no Japanese rule-docs module"));
  return import(docs).then((module) => module.default);
};

// The interface's Japanese texts (src/i18n.rs, issue 21; static/build/ui-ja.mjs wrote the
// module): the reader's saved choice, else the first English or Japanese of the browser's
// languages (the same rule as src/i18n.rs). Imported before the page starts for a Japanese
// reader, so the first view is drawn in Japanese; the header's switch calls it later.
let uiJa = null;
globalThis.ecsplainUiJa = () => {
  uiJa ??= (() => {
    const ui = tag.dataset.ecsplainUiJa;
    if (!ui) return Promise.reject(new Error("this build has no Japanese interface module"));
    return import(ui).then((module) => (globalThis.ecsplainUiJaText = module.default));
  })().catch((err) => {
    uiJa = null;
    throw err;
  });
  return uiJa;
};
function wantsJapanese() {
  let saved = null;
  try {
    saved = localStorage.getItem("ecsplain.lang");
  } catch {}
  if (saved === "ja" || saved === "en") return saved === "ja";
  for (const tag of navigator.languages ?? [navigator.language ?? ""]) {
    const primary = String(tag).toLowerCase().split(/[-_]/)[0];
    if (primary === "ja") return true;
    if (primary === "en") return false;
  }
  return false;
}

// The on-demand wasm modules (static/build/side-module.mjs built each one and named its glue and
// .wasm in this script's tag as data-ecsplain-<name> and data-ecsplain-<name>-wasm). Each loader
// imports its module once, from the page's own origin (CSP 'self', 'wasm-unsafe-eval'), and
// resolves to the one function the module exports, which the page then calls synchronously with
// JSON text; a failed load may be retried (a later call imports again).
const sideModule = (key, what, exported) => {
  let loading = null;
  return () => {
    if (!loading) {
      const js = tag.dataset[key];
      const wasm = tag.dataset[`${key}Wasm`];
      loading = !js || !wasm
        ? Promise.reject(new Error(`this build has no ${what}`))
        : import(js).then(async (module) => {
            await module.default({ module_or_path: fetch(wasm) });
            return module[exported];
          });
      loading.catch(() => {
        loading = null;
      });
    }
    return loading;
  };
};
// The Jsonnet evaluator: src/jsonnet.rs, when a project holds a Jsonnet file;
// `evaluate(request) -> response`.
globalThis.ecsplainJsonnet = sideModule("ecsplainJsonnet", "Jsonnet module", "evaluate");
// The Terraform reader: src/terraform.rs, when a project holds a `.tf` file; `read(text) -> answer`.
globalThis.ecsplainTerraform = sideModule("ecsplainTerraform", "Terraform module", "read");
// The Go-template engine: src/template.rs, when a project holds a `{{ ... }}` action;
// `answer(request) -> answer`.
globalThis.ecsplainTemplate = sideModule("ecsplainTemplate", "template module", "answer");
// The Dockerfile reader and the Dockerfile rules: src/dockerfile.rs, when a project holds a
// Dockerfile; `answer(request) -> answer`.
globalThis.ecsplainDockerfile = sideModule("ecsplainDockerfile", "Dockerfile module", "answer");

// The teaching views (Sizing, CPU & memory, Learn) are a second wasm module (src/teach.rs):
// src/components/teach_host.rs calls this the first time one of them opens, and gets the started
// module (static/build/teach.mjs wrote its names). One download however often it is asked for; a
// failed one may be retried.
let teach = null;
globalThis.ecsplainTeach = () => {
  teach ??= (async () => {
    const { ecsplainTeachJs: js, ecsplainTeachWasm: wasm } = tag.dataset;
    if (!js || !wasm) throw new Error("this build has no teaching module");
    const bytes = fetch(wasm);
    const module = await import(js);
    await module.default({ module_or_path: bytes });
    return module;
  })().catch((err) => {
    teach = null;
    throw err;
  });
  return teach;
};

// The first view the build drew ahead (static/build/first-view.mjs): the example project and
// its findings, shown read-only (`inert`) while the wasm arrives, on a first visit only: no share
// link or other fragment, and nothing of the page's own in localStorage but
// the theme and the language (a draft, settings or ticks would change what the page shows); the
// copy is in the reader's language.
// The page replaces it when it starts: Yew empties #app before it draws.
function showFirstView() {
  // The copy in the reader's language (static/build/first-view.mjs draws one per language).
  const template = document.getElementById(wantsJapanese() ? "first-view-ja" : "first-view");
  const app = document.getElementById("app");
  if (!template || !app || location.hash) return;
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) ?? "";
      if (key.startsWith("ecsplain.") && key !== "ecsplain.theme" && key !== "ecsplain.lang") return;
    }
  } catch {
    return;
  }
  const view = template.content.firstElementChild?.cloneNode(true);
  if (!view) return;
  view.inert = true;
  app.replaceChildren(view);
  document.getElementById("loading")?.classList.add("visually-hidden");
}
showFirstView();

async function start() {
  // The module is fetched (CSP `connect-src 'self'`: the page's own origin only) while the glue
  // loads, and compiles as it streams in.
  const wasm = fetch(tag.dataset.ecsplainWasm);
  // A Japanese reader's texts load beside the glue (a failure leaves the page in English).
  const ui = wantsJapanese() ? globalThis.ecsplainUiJa().catch(() => null) : null;
  const [{ default: init }] = await Promise.all([import(tag.dataset.ecsplainJs), ui]);
  await init({ module_or_path: wasm });
}

try {
  await start();
  document.getElementById("loading")?.remove();
} catch (err) {
  document.querySelector("#app > .first-view")?.remove();
  const loading = document.getElementById("loading");
  loading?.classList.remove("visually-hidden");
  if (loading) loading.textContent = `ecsplain could not start in this browser: ${err}`;
  throw err;
}
