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
    /// One line, lower case, no trailing period.
    pub summary: &'static str,
    /// How safe its fixes are (declared `fix: Unsafe` in [`declare_rule!`]; safe otherwise).
    pub fix: Applicability,
    /// The view that explains its findings (declared `why: MemoryLimits`); none for most rules.
    pub why: Option<Explainer>,
    /// Markdown with the headings `## What it does`, `## Why is this bad?`, `## Example`,
    /// `## Use instead` and `## References`: the only copy of the rule's explanation. Empty in
    /// a build with the feature `external-docs` (the page), which gets them from [`set_docs`];
    /// read them with [`Rule::docs`].
    pub docs: &'static str,
    /// The file that declares it, for the docs' "source" link.
    pub source_file: &'static str,
}

/// The texts a build with the feature `external-docs` left out, once given by [`set_docs`].
static LOADED_DOCS: std::sync::OnceLock<std::collections::BTreeMap<String, String>> =
    std::sync::OnceLock::new();

/// Gives a build with the feature `external-docs` the texts it left out, as the `rule_docs`
/// example prints them: each rule's [`Rule::docs`] under its code, each lesson's body under
/// `lesson/<id>` and its solution under `lesson/<id>/solution`, and the checklist's data under
/// `checklist.json`. The page compiles them out
/// to stay small and loads them when a view needs them. The first call wins; returns whether
/// this call's texts were taken.
pub fn set_docs(docs: std::collections::BTreeMap<String, String>) -> bool {
    LOADED_DOCS.set(docs).is_ok()
}

/// A text given by [`set_docs`].
pub(crate) fn external_text(key: &str) -> Option<&'static str> {
    LOADED_DOCS.get()?.get(key).map(String::as_str)
}

/// Whether the rules' documentation, the lessons' bodies and the checklist are at hand:
/// compiled in, or given by [`set_docs`].
pub fn docs_available() -> bool {
    !cfg!(feature = "external-docs") || LOADED_DOCS.get().is_some()
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
            summary: $summary,
            fix: $crate::__fix_applicability!($($fix)?),
            why: $crate::__explainer!($($why)?),
            // The page builds with the feature `external-docs` and loads them when needed
            // (`set_docs`); the doc comment stays the only copy either way.
            #[cfg(not(feature = "external-docs"))]
            docs: concat!($($doc, "\n"),+),
            #[cfg(feature = "external-docs")]
            docs: "",
            source_file: file!(),
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
