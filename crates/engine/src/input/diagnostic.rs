//! What rules emit ([`Diagnostic`], byte spans) and what front ends show ([`Finding`], lines and
//! columns). The JSON contract in the README is the serialised form of [`Finding`].

use serde::Serialize;

use crate::input::msg::{Keyed, Msg};
use crate::input::span::Span;

/// How bad a finding is. The policy, the same for every rule:
/// **error**: AWS or Docker rejects it, or it fails at run time;
/// **warning**: a security or reliability risk;
/// **info**: best-practice advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a related span lives: in the same file as the finding, or in another input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    SameFile,
    /// Index of another input of the same lint run.
    File(usize),
}

/// A second span that explains a finding ("the task's memory is here").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub place: Place,
    pub span: Span,
    pub message: String,
    /// The keyed form of `message` (migrated rules); `message` is always its English rendering.
    pub keyed: Option<Msg>,
}

/// One replacement of a span by new text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    #[serde(skip)]
    pub span: Span,
    pub content: String,
}

/// A fix for a finding. Only fixes that cannot change behaviour beyond what the message says are
/// offered; a front end applies all edits of a fix at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// What applying it does, imperative: "set memory to 2048".
    pub title: String,
    pub edits: Vec<Edit>,
}

/// A rule's finding on one input, located by byte spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    pub related: Vec<Related>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
    /// The keyed forms of `message`, `help` and the fix's title, for rules migrated to message
    /// templates (the strings above are always their English rendering).
    pub keyed: Keyed,
}

impl Diagnostic {
    pub fn new(
        code: &'static str,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            span,
            related: Vec::new(),
            help: None,
            fix: None,
            keyed: Keyed::default(),
        }
    }

    /// A diagnostic whose message is a keyed template.
    pub fn new_msg(code: &'static str, severity: Severity, span: Span, message: Msg) -> Diagnostic {
        let mut d = Diagnostic::new(code, severity, span, message.en());
        d.keyed.message = Some(message);
        d
    }

    /// Sets the help from a keyed template.
    pub fn set_help_msg(&mut self, help: Msg) -> &mut Diagnostic {
        self.help = Some(help.en());
        self.keyed.help = Some(help);
        self
    }

    /// Sets a one-edit fix whose title is a keyed template (the edit is code, never translated).
    pub fn set_fix_msg(
        &mut self,
        title: Msg,
        span: Span,
        content: impl Into<String>,
    ) -> &mut Diagnostic {
        self.set_fix(title.en(), span, content);
        self.keyed.fix_title = Some(title);
        self
    }

    pub fn set_help(&mut self, help: impl Into<String>) -> &mut Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn add_related(&mut self, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        self.related.push(Related {
            place: Place::SameFile,
            span,
            message: message.into(),
            keyed: None,
        });
        self
    }

    pub fn add_related_in(
        &mut self,
        file: usize,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.related.push(Related {
            place: Place::File(file),
            span,
            message: message.into(),
            keyed: None,
        });
        self
    }

    /// A related span whose message is a keyed template.
    pub fn add_related_msg(&mut self, span: Span, message: Msg) -> &mut Diagnostic {
        self.related.push(Related {
            place: Place::SameFile,
            span,
            message: message.en(),
            keyed: Some(message),
        });
        self
    }

    /// A related span in input `file` whose message is a keyed template.
    pub fn add_related_in_msg(&mut self, file: usize, span: Span, message: Msg) -> &mut Diagnostic {
        self.related.push(Related {
            place: Place::File(file),
            span,
            message: message.en(),
            keyed: Some(message),
        });
        self
    }

    pub fn set_fix(
        &mut self,
        title: impl Into<String>,
        span: Span,
        content: impl Into<String>,
    ) -> &mut Diagnostic {
        self.fix = Some(Fix {
            title: title.into(),
            edits: vec![Edit {
                span,
                content: content.into(),
            }],
        });
        self
    }

    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    #[must_use]
    pub fn with_related(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.related.push(Related {
            place: Place::SameFile,
            span,
            message: message.into(),
            keyed: None,
        });
        self
    }

    #[must_use]
    pub fn with_related_in(
        mut self,
        file: usize,
        span: Span,
        message: impl Into<String>,
    ) -> Diagnostic {
        self.related.push(Related {
            place: Place::File(file),
            span,
            message: message.into(),
            keyed: None,
        });
        self
    }

    #[must_use]
    pub fn with_fix(
        mut self,
        title: impl Into<String>,
        span: Span,
        content: impl Into<String>,
    ) -> Diagnostic {
        self.fix = Some(Fix {
            title: title.into(),
            edits: vec![Edit {
                span,
                content: content.into(),
            }],
        });
        self
    }
}

/// Whether a rule's fixes may be applied without a look (ruff's fix applicability).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// The fix makes the file what it evidently meant, or what AWS, BuildKit or ecspresso would
    /// accept, and changes nothing that already ran.
    Safe,
    /// The fix changes what happens at run time (a size, a deployment's behaviour, how a
    /// command is started): right in most cases, but a person should decide. The rule's
    /// documentation says why under `## Fix safety`.
    Unsafe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}
