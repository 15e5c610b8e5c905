//! How a rule is declared: its metadata and documentation in one place, in the rule's own file.

use crate::input::diagnostic::{Diagnostic, Severity};

pub use crate::input::kind::Kind;

/// What a rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// Any input: syntax and input-shape problems, reported by the parsers.
    Input,
    TaskDef,
    ServiceDef,
    Dockerfile,
    Ecspresso,
    /// Several inputs together: a config and the definitions it names, a Dockerfile and the task.
    CrossFile,
}

impl Target {
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Input => "input",
            Target::TaskDef => "taskdef",
            Target::ServiceDef => "servicedef",
            Target::Dockerfile => "dockerfile",
            Target::Ecspresso => "ecspresso",
            Target::CrossFile => "cross-file",
        }
    }
}

/// The theme of a rule, as the talk and checklist group them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    Syntax,
    Schema,
    Security,
    Reliability,
    Observability,
    Sizing,
    Cicd,
    ImageSize,
    Style,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Syntax => "syntax",
            Category::Schema => "schema",
            Category::Security => "security",
            Category::Reliability => "reliability",
            Category::Observability => "observability",
            Category::Sizing => "sizing",
            Category::Cicd => "ci-cd",
            Category::ImageSize => "image-size",
            Category::Style => "style",
        }
    }
}

pub use crate::input::diagnostic::Applicability;

/// The page's view that explains a rule's findings with the user's own numbers (its "Why?").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Explainer {
    /// Fargate's task sizes, the next size up and what it costs.
    FargateSizes,
    /// How CPU shares divide a host or a task's CPU under contention.
    CpuShares,
    /// Soft and hard memory limits over time, and the OOM kill.
    MemoryLimits,
    /// The task and its containers, drawn to scale.
    TaskDiagram,
}

/// A rule: its stable code, its name, what it checks, and its documentation.
pub struct Rule {
    /// Stable, never recycled. Dockerfile rules that match a hadolint rule keep its DL code.
    pub code: &'static str,
    /// kebab-case; reads naturally after "allow" and names the problem.
    pub name: &'static str,
    pub target: Target,
    pub severity: Severity,
    pub category: Category,
    /// One line, lower case, no trailing period. Empty in a build with the feature
    /// `external-docs` (the page), which gets it with the docs from [`set_docs`] (key
    /// `summary/<CODE>`, [`SUMMARY_PREFIX`]); read it with [`Rule::summary`] (the field is
    /// crate-private so that no front end reads the empty one by mistake).
    pub(crate) summary: &'static str,
    /// How safe its fixes are (declared `fix: Unsafe` in [`declare_rule!`]; safe otherwise).
    pub fix: Applicability,
    /// The view that explains its findings (declared `why: MemoryLimits`); none for most rules.
    pub why: Option<Explainer>,
    /// Markdown with the headings `## What it does`, `## Why is this bad?`, `## Example`,
    /// `## Use instead` and `## References`: the only copy of the rule's explanation. Empty in
    /// a build with the feature `external-docs` (the page), which gets them from [`set_docs`];
    /// read them with [`Rule::docs`].
    pub docs: &'static str,
    /// The file that declares it, for the docs' "source" link. Empty in a build with the
    /// feature `external-docs` (the page, which links no source; about 2 KB of its download).
    pub source_file: &'static str,
}

/// A language people read ecsplain in. Rule codes, JSON keys and SARIF structure never change
/// with it; only the human text does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    #[default]
    En,
    Ja,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ja];

    /// The name `--lang` takes (and a BCP 47 tag): `en`, `ja`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// `en` or `ja`, any case, also with a region (`ja-JP`, `en_US`).
    pub fn parse(s: &str) -> Option<Lang> {
        let tag = s.split(['-', '_', '.', '@']).next().unwrap_or(s);
        Lang::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(tag))
    }

    /// The language a POSIX locale name asks for (`ja_JP.UTF-8` -> Japanese); English for any
    /// other (`C`, `POSIX`, `en_US.UTF-8`, `de_DE`).
    pub fn from_locale(locale: &str) -> Lang {
        if locale
            .get(..2)
            .is_some_and(|p| p.eq_ignore_ascii_case("ja"))
        {
            Lang::Ja
        } else {
            Lang::En
        }
    }

    /// The key prefix of this language's texts in the on-demand docs ([`set_docs_in`]): none
    /// for English (`TD001`), `ja/` for Japanese (`ja/TD001`).
    pub fn key_prefix(self) -> &'static str {
        match self {
            Lang::En => "",
            Lang::Ja => "ja/",
        }
    }
}

/// The texts a build with the feature `external-docs` left out, once given by [`set_docs`] /
/// [`set_docs_in`]: one map per language, each set once.
static LOADED_DOCS: [std::sync::OnceLock<std::collections::BTreeMap<String, String>>; 2] =
    [std::sync::OnceLock::new(), std::sync::OnceLock::new()];

/// The key prefix of a rule's one-line summary among the on-demand texts of [`set_docs`]:
/// `summary/TD001` ([`Rule::summary`]).
pub const SUMMARY_PREFIX: &str = "summary/";

/// Gives a build with the feature `external-docs` the texts it left out, as the `rule_docs`
/// example prints them: each rule's [`Rule::docs`] under its code and its [`Rule::summary`]
/// under `summary/<CODE>` ([`SUMMARY_PREFIX`]), each lesson's body under
/// `lesson/<id>` and its solution under `lesson/<id>/solution`, and the checklist's data under
/// `checklist.json`. The page compiles them out
/// to stay small and loads them when a view needs them. The first call wins; returns whether
/// this call's texts were taken. The same as `set_docs_in(Lang::En, docs)`.
pub fn set_docs(docs: std::collections::BTreeMap<String, String>) -> bool {
    set_docs_in(Lang::En, docs)
}

/// Gives the on-demand texts of one language: for English those of [`set_docs`]; for Japanese
/// what `rule_docs --lang ja` prints, each rule's `.ja.md` under `ja/<CODE>` and each message
/// template's Japanese under `ja-msg/<key>` ([`ja_message`], [`render_msg`] and
/// `Finding::localize` read them from here). A build that compiled its docs in (the CLI) needs
/// neither. The first call per language wins.
pub fn set_docs_in(lang: Lang, docs: std::collections::BTreeMap<String, String>) -> bool {
    LOADED_DOCS[lang as usize].set(docs).is_ok()
}

/// A text given by [`set_docs`] or [`set_docs_in`].
pub(crate) fn external_text(key: &str) -> Option<&'static str> {
    LOADED_DOCS
        .iter()
        .find_map(|docs| docs.get()?.get(key).map(String::as_str))
}

/// Whether the rules' documentation, the lessons' bodies and the checklist are at hand:
/// compiled in, or given by [`set_docs`].
pub fn docs_available() -> bool {
    docs_available_in(Lang::En)
}

/// Whether the rules' documentation in `lang` is at hand: compiled in, or given by
/// [`set_docs_in`]. (A rule without a translation still falls back to English, which needs
/// [`docs_available`] too.)
pub fn docs_available_in(lang: Lang) -> bool {
    !cfg!(feature = "external-docs") || LOADED_DOCS[lang as usize].get().is_some()
}

mod compiled {
    // `JA_DOCS`: `(code, text)` sorted by code, empty with the feature `external-docs`.
    include!(concat!(env!("OUT_DIR"), "/ja_docs.rs"));
    // `JA_MESSAGES`: `(key, template)` sorted by key, from the rules' `<stem>.ja.msg`.
    include!(concat!(env!("OUT_DIR"), "/ja_messages.rs"));
}

/// The translation files compiled into this build, `(code, file text)` sorted by code: every
/// rule's `<stem>.ja.md` beside its `.rs` (see build.rs). Empty in a build with the feature
/// `external-docs`.
pub fn compiled_docs(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::En => &[],
        Lang::Ja => compiled::JA_DOCS,
    }
}

/// A translation file split into its optional title line (`# ...`, the rule's summary in that
/// language) and the Markdown after it.
fn split_title(text: &str) -> (Option<&str>, &str) {
    let text = text.trim_start_matches('\u{feff}');
    match text.strip_prefix("# ") {
        Some(rest) => {
            let (title, body) = rest.split_once('\n').unwrap_or((rest, ""));
            (Some(title.trim()).filter(|t| !t.is_empty()), body)
        }
        None => (None, text),
    }
}

impl Rule {
    /// The documentation as written in the rule's doc comment (each line with its leading
    /// space); empty in a build with the feature `external-docs` until [`set_docs`] was called.
    pub fn docs(&self) -> &str {
        if !self.docs.is_empty() {
            return self.docs;
        }
        external_text(self.code).unwrap_or("")
    }

    /// The one-line summary (lower case, no trailing period) in English; empty in a build with
    /// the feature `external-docs` until [`set_docs`] was called (key `summary/<CODE>`).
    pub fn summary(&self) -> &'static str {
        if !self.summary.is_empty() {
            return self.summary;
        }
        external_text(&format!("{SUMMARY_PREFIX}{}", self.code)).unwrap_or("")
    }

    /// The documentation as plain Markdown (doc comments carry one leading space per line).
    pub fn docs_markdown(&self) -> String {
        let docs = self.docs();
        let mut out = String::with_capacity(docs.len());
        for line in docs.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out.trim().to_string()
    }

    /// The rule's translation file in `lang` as written (`<stem>.ja.md`, with its title line),
    /// compiled in or given by [`set_docs_in`] under `ja/<CODE>`; `None` for English, for a
    /// rule not translated yet, and before the page loaded them.
    pub fn translation(&self, lang: Lang) -> Option<&'static str> {
        if lang == Lang::En {
            return None;
        }
        let table = compiled_docs(lang);
        if let Ok(i) = table.binary_search_by(|(code, _)| (*code).cmp(self.code)) {
            return table.get(i).map(|(_, text)| *text);
        }
        external_text(&format!("{}{}", lang.key_prefix(), self.code))
    }

    /// Whether the rule's documentation exists in `lang` (always for English).
    pub fn has_docs_in(&self, lang: Lang) -> bool {
        lang == Lang::En || self.translation(lang).is_some()
    }

    /// The documentation in `lang` as plain Markdown, in English where it has no translation
    /// (yet): check [`Rule::has_docs_in`] to say so.
    pub fn docs_markdown_in(&self, lang: Lang) -> String {
        match self.translation(lang) {
            Some(text) => split_title(text).1.trim().to_string(),
            None => self.docs_markdown(),
        }
    }

    /// The one-line summary in `lang`: the translation file's title line, else the English
    /// [`Rule::summary`] (empty in a build with the feature `external-docs` until the English
    /// docs were given).
    pub fn summary_in(&self, lang: Lang) -> &'static str {
        self.translation(lang)
            .and_then(|text| split_title(text).0)
            .unwrap_or_else(|| self.summary())
    }

    /// A finding of this rule with its default severity.
    pub fn diag(&self, span: crate::input::span::Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.code, self.severity, span, message)
    }
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule")
            .field("code", &self.code)
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// Declares a rule. The doc comment is the rule's documentation; the fields are its metadata.
///
/// ```ignore
/// declare_rule! {
///     /// ## What it does
///     /// ...
///     pub static RULE = {
///         code: "TD001",
///         name: "invalid-fargate-size",
///         target: TaskDef,
///         severity: Error,
///         category: Sizing,
///         summary: "the task's cpu and memory are not a size Fargate offers",
///         fix: Unsafe,         // optional: fixes that change run-time behaviour
///         why: FargateSizes,   // optional: the view that explains it
///     }
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])+
        pub static $ident:ident = {
            code: $code:literal,
            name: $name:literal,
            target: $target:ident,
            severity: $severity:ident,
            category: $category:ident,
            summary: $summary:literal
            $(, fix: $fix:ident)?
            $(, why: $why:ident)? $(,)?
        }
    ) => {
        pub static $ident: $crate::rules::rule::Rule = $crate::rules::rule::Rule {
            code: $code,
            name: $name,
            target: $crate::rules::rule::Target::$target,
            severity: $crate::input::diagnostic::Severity::$severity,
            category: $crate::rules::rule::Category::$category,
            // Only the views that wait for the docs show it: the page loads it with them.
            #[cfg(not(feature = "external-docs"))]
            summary: $summary,
            #[cfg(feature = "external-docs")]
            summary: "",
            fix: $crate::__fix_applicability!($($fix)?),
            why: $crate::__explainer!($($why)?),
            // The page builds with the feature `external-docs` and loads them when needed
            // (`set_docs`); the doc comment stays the only copy either way.
            #[cfg(not(feature = "external-docs"))]
            docs: concat!($($doc, "\n"),+),
            #[cfg(feature = "external-docs")]
            docs: "",
            #[cfg(not(feature = "external-docs"))]
            source_file: file!(),
            #[cfg(feature = "external-docs")]
            source_file: "",
        };
    };
}

/// The applicability a [`declare_rule!`] gives when it names none: safe.
#[doc(hidden)]
#[macro_export]
macro_rules! __fix_applicability {
    () => {
        $crate::rules::rule::Applicability::Safe
    };
    ($fix:ident) => {
        $crate::rules::rule::Applicability::$fix
    };
}

/// The explainer a [`declare_rule!`] names, if any.
#[doc(hidden)]
#[macro_export]
macro_rules! __explainer {
    () => {
        None
    };
    ($why:ident) => {
        Some($crate::rules::rule::Explainer::$why)
    };
}

/// The key prefix of a message template's Japanese text among the on-demand texts of
/// [`set_docs_in`]`(Lang::Ja, ..)`: `ja-msg/EP004.NOT_DURATION`.
pub const JA_MESSAGE_PREFIX: &str = "ja-msg/";

/// The Japanese text of a message template (`EP004.NOT_DURATION`), when its rule has one:
/// compiled in (native builds), or, in a build with the feature `external-docs` (the page),
/// given by [`set_docs_in`]`(Lang::Ja, ..)` under [`JA_MESSAGE_PREFIX`] once the page loaded
/// its Japanese module (`None` before).
pub fn ja_message(key: &str) -> Option<&'static str> {
    if let Some(text) = compiled::JA_MESSAGES
        .binary_search_by(|(k, _)| (*k).cmp(key))
        .ok()
        .and_then(|i| compiled::JA_MESSAGES.get(i))
        .map(|(_, text)| *text)
    {
        return Some(text);
    }
    if !cfg!(feature = "external-docs") {
        return None;
    }
    LOADED_DOCS[Lang::Ja as usize]
        .get()?
        .get(&format!("{JA_MESSAGE_PREFIX}{key}"))
        .map(String::as_str)
}

/// Every compiled Japanese message template, `(key, text)` sorted by key. Empty in a build with
/// the feature `external-docs`: there they come with the Japanese docs ([`ja_message`]).
pub fn ja_messages() -> &'static [(&'static str, &'static str)] {
    compiled::JA_MESSAGES
}

/// Whether the findings' Japanese templates are at hand: compiled in, or given by
/// [`set_docs_in`]`(Lang::Ja, ..)` (the same module as the Japanese docs). Before that a keyed
/// message renders in English.
pub fn ja_messages_available() -> bool {
    docs_available_in(Lang::Ja)
}

/// Renders a keyed message in `lang` (English where its Japanese is missing).
pub fn render_msg(msg: &crate::input::msg::Msg, lang: Lang) -> String {
    match lang {
        Lang::En => msg.en(),
        Lang::Ja => msg.ja(&ja_message),
    }
}
