//! The page's interface text in English and Japanese (issue 21): one catalogue, keyed.
//!
//! Every key is a method of [`Tr`]; a key with placeholders takes them as typed arguments
//! (`tr.linted_files(n)`), and the text is filled as a whole, never pieced together from
//! fragments. The English lives here, in the [`catalogue!`] below (it was in the first download
//! already); the Japanese lives in `src/i18n/ja.json` and is not compiled in:
//! `static/build/ui-ja.mjs` writes it as a script module beside the page (`ui-ja-<hash>.js`),
//! which `static/boot.js` imports before the page starts when the reader wants Japanese, and
//! the header's switch loads when it is chosen later. A test (below) fails when a key lacks its
//! Japanese, when the Japanese has a key the catalogue does not, or when the two texts'
//! placeholders differ.
//!
//! The language: the reader's saved choice (`localStorage["ecsplain.lang"]`), else the
//! browser's (`navigator.languages`: the first `en*` or `ja*` decides; none: English). A share
//! link carries nothing of it: it opens in the reader's own.

pub use ecsplain_engine::rule::Lang;

/// Where the reader's choice is kept.
pub const LANG_KEY: &str = "ecsplain.lang";

/// The Japanese texts, `{key: text}`, once loaded (`src/i18n/ja.json` as the page's module).
static JA: std::sync::OnceLock<std::collections::BTreeMap<String, String>> =
    std::sync::OnceLock::new();

/// Gives the page the Japanese texts (first call wins).
pub fn set_japanese(texts: std::collections::BTreeMap<String, String>) {
    let _ = JA.set(texts);
}

/// Whether the Japanese texts are at hand.
pub fn japanese_loaded() -> bool {
    JA.get().is_some()
}

/// The catalogue in one language: the interface's texts. Copy and cheap; the app provides it
/// as a context ([`use_tr`]), so a change of language draws every reader again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tr {
    pub lang: Lang,
}

impl Tr {
    pub fn new(lang: Lang) -> Tr {
        Tr { lang }
    }

    /// The text of `key` in this language: the Japanese once loaded, else the English.
    fn get(self, key: &str, en: &'static str) -> &'static str {
        if self.lang == Lang::Ja {
            if let Some(text) = JA.get().and_then(|ja| ja.get(key)) {
                return text.as_str();
            }
        }
        en
    }

    /// A kind of file as a title (`Kind::title` in this language).
    pub fn kind_title(self, kind: ecsplain_engine::Kind) -> &'static str {
        use ecsplain_engine::Kind;
        match kind {
            Kind::TaskDef => self.kind_taskdef(),
            Kind::ServiceDef => self.kind_servicedef(),
            Kind::Dockerfile => self.kind_dockerfile(),
            Kind::Ecspresso => self.kind_ecspresso(),
            Kind::Terraform => self.kind_terraform(),
            Kind::CloudFormation => self.kind_cloudformation(),
        }
    }

    /// `one` for a count of 1 in English, `many` otherwise (Japanese has no plural: both keys
    /// hold the same text there).
    pub fn count(
        self,
        n: usize,
        one: fn(Tr, usize) -> String,
        many: fn(Tr, usize) -> String,
    ) -> String {
        if n == 1 {
            one(self, n)
        } else {
            many(self, n)
        }
    }
}

/// Fills `{name}` placeholders with their values (an unknown `{name}` stays as written).
fn fill(text: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(&value.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholders (`{name}`) of a text, sorted.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        names.push(after[..close].to_string());
        rest = &after[close + 1..];
    }
    names.sort();
    names
}

/// Declares the catalogue: plain texts, then texts with typed placeholders.
macro_rules! catalogue {
    (
        $( $key:ident = $en:literal; )*
        ---
        $( $fkey:ident ( $( $arg:ident : $ty:ty ),+ ) = $fen:literal; )*
    ) => {
        impl Tr {
            $(
                #[doc = $en]
                pub fn $key(self) -> &'static str {
                    self.get(stringify!($key), $en)
                }
            )*
            $(
                #[doc = $fen]
                pub fn $fkey(self, $( $arg: $ty ),+) -> String {
                    fill(self.get(stringify!($fkey), $fen), &[$( (stringify!($arg), &$arg as &dyn std::fmt::Display) ),+])
                }
            )*
        }

        /// Every key, its English and the names of its typed arguments.
        pub const ENGLISH: &[(&str, &str, &[&str])] = &[
            $( (stringify!($key), $en, &[]), )*
            $( (stringify!($fkey), $fen, &[$( stringify!($arg) ),+]), )*
        ];
    };
}

catalogue! {
    // The header.
    skip_link = "Skip to content";
    privacy = "Runs entirely in your browser: nothing you paste leaves this page";
    nav_views = "Views";
    nav_lint = "Lint";
    nav_sizing = "Sizing";
    nav_explain = "CPU & memory";
    nav_learn = "Learn";
    nav_checklist = "Checklist";
    nav_rules = "Rules";
    theme_to_dark = "Switch to the dark theme";
    theme_to_light = "Switch to the light theme";
    lang_label = "Language";
    lang_loading = "Loading Japanese…";
    // The example project.
    example_title = "This is an example project";
    example_body = ": four files with mistakes to find. Paste your own over them, add or drop your files, or ";
    start_empty = "start with empty files";
    drop_examples = "Remove the example files";
    keep_examples = "Keep them";
    undo = "Undo";
    rules_placeholder = "Pick a rule to read what it checks, why, and how to fix it.";
    // The status line.
    linting = "linting…";
    // The explanation.
    explain_label = "Rule explanation";
    explain_close = "Close the explanation";
    explain_loading = "Loading the explanation…";
    explain_not_translated = "This rule's documentation is not in Japanese yet: it is shown in English.";
    explain_ja_failed = "The Japanese documentation could not be loaded: it is shown in English.";
    // The findings.
    findings_heading = "Findings";
    findings_all_files = "all files";
    findings_none = "No findings. Nice.";
    findings_file_empty = "This file is empty.";
    findings_waiting = "Linting…";
    finding_why = "Why?";
    finding_why_title = "see it with your numbers";
    finding_explain_title = "explain this rule";
    finding_help = "help: ";
    finding_ignore = "Ignore here";
    finding_ignore_json = "ignore this finding here: adds a per-path ignore (JSON has no comments) to the settings";
    finding_ignore_slashes = "ignore this finding here: adds a `// ecsplain ignore=` comment on the line before";
    finding_ignore_hash = "ignore this finding here: adds an `# ecsplain ignore=` comment on the line before";
    severity_error = "error";
    severity_warning = "warning";
    severity_info = "info";
    // The share tools in the header.
    share_copy_link = "Copy link";
    share_copy_link_title = "Copy a link holding your inputs (Ctrl+S)";
    share_export = "Export";
    share_settings = "Settings";
    share_reset = "Reset";
    share_shortcuts = "Keyboard shortcuts";
    share_shortcuts_title = "Keyboard shortcuts (?)";
    // The kinds of file, as titles.
    kind_taskdef = "Task definition";
    kind_servicedef = "Service definition";
    kind_dockerfile = "Dockerfile";
    kind_ecspresso = "ecspresso config";
    kind_terraform = "Terraform";
    kind_cloudformation = "CloudFormation template";
    // The editor's pane.
    pane_path_title = "the path this file is linted under";
    pane_rendered = "Rendered";
    pane_rendered_title = "Show the file with the variables' values filled in (read-only)";
    pane_load_example = "Load example";
    pane_clear = "Clear";
    pane_help = "Paste or type; findings update as you type. Tab indents; press Esc, then Tab, to leave the editor.";
    // The rules view.
    rules_heading = "Rules";
    rules_search = "Search rules";
    rules_search_placeholder = "Search by code, name, category, input…";
    // The project tree.
    project_title = "Project";
    project_new_file = "New file";
    project_add_files = "Add files…";
    project_add_folder = "Add folder…";
    project_reading = "Reading files…";
    ---
    example_others_one(n: usize) = "The other {n} pane still holds the example, and is linted with your file.";
    example_others(n: usize) = "The other {n} panes still hold the example, and are linted with your file.";
    status_files_one(n: usize) = "{n} file";
    status_files(n: usize) = "{n} files";
    status_errors_one(n: usize) = "{n} error";
    status_errors(n: usize) = "{n} errors";
    status_warnings_one(n: usize) = "{n} warning";
    status_warnings(n: usize) = "{n} warnings";
    status_linted(files: String, ms: String, errors: String, warnings: String, infos: usize) = "linted {files} in {ms} ms · {errors}, {warnings}, {infos} info";
    status_updating(status: String) = "{status} · updating…";
    explain_no_rule(code: String) = "No rule {code}";
    explain_permalink(code: String) = "Permalink: #rule/{code}";
    explain_failed(error: String, code: String) = "The explanation could not be loaded ({error}); `ecsplain explain {code}` prints it.";
    pane_large(mb: String) = "This input is large ({mb} MB): the browser's text box is slow at this size, and findings update a moment after you stop typing.";
    rules_count_one(n: usize) = "{n} rule";
    rules_count(n: usize) = "{n} rules";
    project_count_one(n: usize) = "{n} file";
    project_count(n: usize) = "{n} files";
    findings_in(scope: String) = "Findings in {scope}";
    findings_pane_empty(noun: String) = "This pane is empty: paste a {noun} or load the example.";
    findings_more(more: usize) = "…and {more} more findings, not listed. Fix the ones above first, or lint the file with the CLI to see them all.";
    finding_where(code: String, line: u32, column: u32) = ", rule {code} at line {line} column {column}";
    finding_fix(title: String) = "Apply fix: {title}";
    finding_unsafe_fix(title: String) = "Apply unsafe fix: {title}";
    finding_unsafe_fix_title(title: String) = "{title}: this changes behaviour at run time; see the rule's Fix safety";
}

#[cfg(target_arch = "wasm32")]
pub use web::*;

#[cfg(target_arch = "wasm32")]
mod web {
    use super::*;
    use gloo::storage::{LocalStorage, Storage};
    use wasm_bindgen::{JsCast, JsValue};
    use yew::prelude::*;

    /// The reader's saved choice, else the browser's language.
    pub fn initial_lang() -> Lang {
        // Raw text (as boot.js reads it), not JSON.
        if let Some(saved) = LocalStorage::raw().get_item(LANG_KEY).ok().flatten() {
            if let Some(lang) = Lang::parse(&saved) {
                return lang;
            }
        }
        browser_lang()
    }

    /// The first of `navigator.languages` that is English or Japanese; English when none is.
    pub fn browser_lang() -> Lang {
        let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
            return Lang::En;
        };
        let languages = navigator.languages();
        for tag in languages.iter().filter_map(|t| t.as_string()) {
            if let Some(lang) = Lang::parse(&tag) {
                return lang;
            }
        }
        navigator
            .language()
            .and_then(|tag| Lang::parse(&tag))
            .unwrap_or(Lang::En)
    }

    /// Keeps the reader's choice.
    pub fn save_lang(lang: Lang) {
        let _ = LocalStorage::raw().set_item(LANG_KEY, lang.as_str());
    }

    /// Takes the Japanese texts boot.js loaded before the page started
    /// (`globalThis.ecsplainUiJaText`), if it did.
    pub fn take_preloaded() -> bool {
        if japanese_loaded() {
            return true;
        }
        let Some(window) = web_sys::window() else {
            return false;
        };
        match js_sys::Reflect::get(&window, &JsValue::from_str("ecsplainUiJaText")) {
            Ok(value) if value.is_object() => {
                set_japanese(entries(&value));
                true
            }
            _ => false,
        }
    }

    fn entries(value: &JsValue) -> std::collections::BTreeMap<String, String> {
        let mut texts = std::collections::BTreeMap::new();
        if let Some(object) = value.dyn_ref::<js_sys::Object>() {
            for entry in js_sys::Object::entries(object).iter() {
                let pair: js_sys::Array = entry.unchecked_into();
                if let (Some(key), Some(text)) = (pair.get(0).as_string(), pair.get(1).as_string())
                {
                    texts.insert(key, text);
                }
            }
        }
        texts
    }

    /// Loads the Japanese texts (`ecsplainUiJa()` in boot.js).
    pub async fn load_japanese() -> Result<(), String> {
        if take_preloaded() {
            return Ok(());
        }
        let value = crate::loader::load("ecsplainUiJa", "Japanese interface module").await?;
        set_japanese(entries(&value));
        Ok(())
    }

    /// The interface's texts in the reader's language (the app provides them).
    #[hook]
    pub fn use_tr() -> Tr {
        use_context::<Tr>().unwrap_or_default()
    }

    /// The Japanese rule docs (ja21's `rule-docs-ja` module): `Some(Ok)` once at hand.
    #[derive(Clone, Debug, PartialEq)]
    pub enum JaDocs {
        NotWanted,
        Loading,
        Ready,
        Failed(String),
    }

    /// Loads the Japanese rule docs when `lang` is Japanese.
    #[hook]
    pub fn use_ja_docs(lang: Lang) -> JaDocs {
        let wanted = lang == Lang::Ja;
        let loaded = ecsplain_engine::rule::docs_available_in(Lang::Ja);
        let state = use_state(|| JaDocs::Loading);
        {
            let state = state.clone();
            use_effect_with(wanted, move |wanted| {
                if *wanted && !ecsplain_engine::rule::docs_available_in(Lang::Ja) {
                    wasm_bindgen_futures::spawn_local(async move {
                        let result = async {
                            let value =
                                crate::loader::load("ecsplainDocsJa", "Japanese rule docs").await?;
                            ecsplain_engine::rule::set_docs_in(Lang::Ja, entries(&value));
                            Ok::<(), String>(())
                        }
                        .await;
                        state.set(match result {
                            Ok(()) => JaDocs::Ready,
                            Err(e) => JaDocs::Failed(e),
                        });
                    });
                }
                || ()
            });
        }
        if !wanted {
            JaDocs::NotWanted
        } else if loaded {
            JaDocs::Ready
        } else {
            match &*state {
                JaDocs::Failed(e) => JaDocs::Failed(e.clone()),
                _ => JaDocs::Loading,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn japanese() -> BTreeMap<String, String> {
        serde_json::from_str(include_str!("i18n/ja.json"))
            .expect("src/i18n/ja.json is a JSON object of strings")
    }

    #[test]
    fn every_key_has_its_japanese_with_the_same_placeholders() {
        let ja = japanese();
        let mut problems = Vec::new();
        for (key, en, args) in ENGLISH {
            let mut expected: Vec<String> = args.iter().map(|a| a.to_string()).collect();
            expected.sort();
            if placeholders(en) != expected {
                problems.push(format!(
                    "{key}: the English's placeholders {:?} are not its arguments {expected:?}",
                    placeholders(en)
                ));
            }
            match ja.get(*key) {
                None => problems.push(format!("{key}: no Japanese")),
                Some(text) if text.trim().is_empty() => {
                    problems.push(format!("{key}: empty Japanese"))
                }
                Some(text) if placeholders(text) != placeholders(en) => problems.push(format!(
                    "{key}: placeholders differ: English {:?}, Japanese {:?}",
                    placeholders(en),
                    placeholders(text)
                )),
                Some(_) => {}
            }
        }
        for key in ja.keys() {
            if !ENGLISH.iter().any(|(k, _, _)| k == key) {
                problems.push(format!(
                    "{key}: Japanese for a key the catalogue does not have"
                ));
            }
        }
        assert!(
            problems.is_empty(),
            "src/i18n/ja.json:\n{}",
            problems.join("\n")
        );
        assert!(
            ENGLISH.len() >= 40,
            "the catalogue holds {} keys",
            ENGLISH.len()
        );
    }

    #[test]
    fn texts_are_filled_whole_in_each_language() {
        set_japanese(japanese());
        let en = Tr::new(Lang::En);
        let ja = Tr::new(Lang::Ja);
        assert_eq!(
            en.count(1, Tr::status_files_one, Tr::status_files),
            "1 file"
        );
        assert_eq!(
            en.count(3, Tr::status_files_one, Tr::status_files),
            "3 files"
        );
        assert_eq!(
            en.explain_permalink("TD001".into()),
            "Permalink: #rule/TD001"
        );
        assert_eq!(
            ja.explain_permalink("TD001".into()),
            "パーマリンク: #rule/TD001"
        );
        assert_eq!(ja.nav_rules(), "ルール");
        assert_eq!(
            ja.count(3, Tr::status_files_one, Tr::status_files),
            "3 ファイル"
        );
        assert_eq!(
            fill("{a} and {b} and {c}", &[("a", &1), ("b", &"x")]),
            "1 and x and {c}"
        );
    }
}
