//! What rules emit ([`Diagnostic`], byte spans) and what front ends show ([`Finding`], lines and
//! columns). The JSON contract in the README is the serialised form of [`Finding`].

use serde::Serialize;

use crate::span::{LineIndex, Span};

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
        }
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

/// A related location in a finding, resolved to a path, line and column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RelatedFinding {
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub message: String,
    /// The byte span in the file at `path`, for front ends that select it in the text; not part
    /// of the JSON contract.
    #[serde(skip)]
    pub span: Span,
}

/// A resolved edit: the span as lines and columns, and the new text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindingEdit {
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub content: String,
    /// Byte offsets, for front ends that edit the text in place; not part of the JSON contract.
    #[serde(skip)]
    pub start: u32,
    #[serde(skip)]
    pub end: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindingFix {
    pub title: String,
    pub edits: Vec<FindingEdit>,
    /// `safe`, or `unsafe` when applying it changes what happens at run time (the rule's
    /// documentation says why); `ecsplain lint --fix` applies only safe ones unless given `--unsafe-fixes`.
    pub applicability: crate::rule::Applicability,
}

/// A finding as users see it: the JSON contract of `ecsplain lint --format json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub path: String,
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<RelatedFinding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<FindingFix>,
    /// Which input of the run it belongs to; not part of the JSON contract.
    #[serde(skip)]
    pub file: usize,
    /// The byte span in that input; not part of the JSON contract.
    #[serde(skip)]
    pub span: Span,
}

/// A text with its path and line index: what resolving spans needs.
pub struct Resolver<'a> {
    pub path: &'a str,
    pub text: &'a str,
    pub index: &'a LineIndex,
}

impl Resolver<'_> {
    fn range(&self, span: Span) -> (u32, u32, u32, u32) {
        let start = self.index.line_col(self.text, span.start);
        let end = self.index.line_col(self.text, span.end);
        (start.line, start.column, end.line, end.column)
    }
}

impl Finding {
    /// Resolves a diagnostic of input `file`; `inputs` gives every input of the run, so that
    /// related spans in other files resolve too.
    pub fn resolve(
        diagnostic: &Diagnostic,
        file: usize,
        inputs: &[Resolver<'_>],
    ) -> Option<Finding> {
        let own = inputs.get(file)?;
        let (line, column, end_line, end_column) = own.range(diagnostic.span);
        let related = diagnostic
            .related
            .iter()
            .filter_map(|r| {
                let target = match r.place {
                    Place::SameFile => own,
                    Place::File(i) => inputs.get(i)?,
                };
                let (line, column, end_line, end_column) = target.range(r.span);
                Some(RelatedFinding {
                    path: target.path.to_string(),
                    line,
                    column,
                    end_line,
                    end_column,
                    message: r.message.clone(),
                    span: r.span,
                })
            })
            .collect();
        let fix = diagnostic.fix.as_ref().map(|fix| FindingFix {
            title: fix.title.clone(),
            edits: fix
                .edits
                .iter()
                .map(|edit| {
                    let (line, column, end_line, end_column) = own.range(edit.span);
                    FindingEdit {
                        line,
                        column,
                        end_line,
                        end_column,
                        content: edit.content.clone(),
                        start: edit.span.start,
                        end: edit.span.end,
                    }
                })
                .collect(),
            applicability: crate::registry::rule(diagnostic.code)
                .map_or(crate::rule::Applicability::Unsafe, |rule| rule.fix),
        });
        Some(Finding {
            path: own.path.to_string(),
            code: diagnostic.code,
            severity: diagnostic.severity,
            message: diagnostic.message.clone(),
            line,
            column,
            end_line,
            end_column,
            related,
            help: diagnostic.help.clone(),
            fix,
            file,
            span: diagnostic.span,
        })
    }
}

/// Applies a fix's edits to a text (edits must not overlap; later ones are applied first).
pub fn apply_edits(text: &str, edits: &[FindingEdit]) -> String {
    let mut edits: Vec<&FindingEdit> = edits.iter().collect();
    crate::order::sort_by_key(&mut edits, |e| std::cmp::Reverse(e.start));
    let mut out = text.to_string();
    for edit in edits {
        let (start, end) = (edit.start as usize, edit.end as usize);
        if start <= end
            && end <= out.len()
            && out.is_char_boundary(start)
            && out.is_char_boundary(end)
        {
            out.replace_range(start..end, &edit.content);
        }
    }
    out
}
