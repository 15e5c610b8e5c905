//! What front ends show: a [`Diagnostic`] resolved to lines and columns ([`Finding`]), with the
//! applicability of its fix from the rule's declaration. The JSON contract in the README is the
//! serialised form of [`Finding`].

use serde::Serialize;

use crate::input::msg::{Keyed, Msg};
use crate::rules::rule::{render_msg, Lang};

use crate::input::diagnostic::{Applicability, Diagnostic, Place, Severity};
use crate::input::span::{LineIndex, Span};

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
    /// The keyed form of `message` (migrated rules), for [`Finding::localize`]; not part of the
    /// JSON contract.
    #[serde(skip)]
    pub keyed: Option<Msg>,
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
    pub applicability: Applicability,
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
    /// The keyed forms of the message, help and fix title (migrated rules), for
    /// [`Finding::localize`]; not part of the JSON contract.
    #[serde(skip)]
    pub keyed: Keyed,
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
                    keyed: r.keyed.clone().filter(|m| m.en() == r.message),
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
            applicability: crate::rules::registry::rule(diagnostic.code)
                .map_or(Applicability::Unsafe, |rule| rule.fix),
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
            keyed: still_keyed(diagnostic),
        })
    }

    /// Renders the message, help and fix title in `lang` where the rule gave them as keyed
    /// templates; English stays byte for byte what the rule said. Codes, keys, spans and edits
    /// never change.
    pub fn localize(&mut self, lang: Lang) {
        if lang == Lang::En {
            return;
        }
        if let Some(m) = &self.keyed.message {
            self.message = render_msg(m, lang);
        }
        if let (Some(m), Some(help)) = (&self.keyed.help, &mut self.help) {
            *help = render_msg(m, lang);
        }
        if let (Some(m), Some(fix)) = (&self.keyed.fix_title, &mut self.fix) {
            fix.title = render_msg(m, lang);
        }
        for related in &mut self.related {
            if let Some(m) = &related.keyed {
                related.message = render_msg(m, lang);
            }
        }
    }
}

/// The keyed forms that still say what the strings say (a later stage of the run may have
/// rewritten a message, for example to name the source of a rendered input; then the string
/// wins, in English).
fn still_keyed(d: &Diagnostic) -> Keyed {
    let same = |m: &Option<Msg>, s: Option<&str>| {
        m.as_ref()
            .filter(|m| s.is_some_and(|s| m.en() == s))
            .cloned()
    };
    Keyed {
        message: same(&d.keyed.message, Some(&d.message)),
        help: same(&d.keyed.help, d.help.as_deref()),
        fix_title: same(&d.keyed.fix_title, d.fix.as_ref().map(|f| f.title.as_str())),
    }
}

/// Applies a fix's edits to a text (edits must not overlap; later ones are applied first).
pub fn apply_edits(text: &str, edits: &[FindingEdit]) -> String {
    let mut edits: Vec<&FindingEdit> = edits.iter().collect();
    crate::input::order::sort_by_key(&mut edits, |e| std::cmp::Reverse(e.start));
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
