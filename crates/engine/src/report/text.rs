//! Text output in the manner of rustc and ruff: `path:line:col: severity[code] message`, then the
//! source line with carets under the span, then help and fix lines.

use std::fmt::Write;

use crate::input::diagnostic::Severity;
use crate::input::span::LineIndex;
use crate::input::Input;
use crate::lint::finding::Finding;

#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// ANSI colours.
    pub color: bool,
}

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("\u{1b}[{code}m{text}\u{1b}[0m")
        } else {
            text.to_string()
        }
    }
}

/// Longest source line shown; longer lines are cut around the span.
const MAX_LINE: usize = 160;

pub fn render(findings: &[Finding], inputs: &[Input], style: Style) -> String {
    let indexes: Vec<LineIndex> = inputs.iter().map(|i| LineIndex::new(&i.text)).collect();
    let mut out = String::new();
    for f in findings {
        render_one(&mut out, f, inputs, &indexes, style);
    }
    out
}

fn render_one(
    out: &mut String,
    f: &Finding,
    inputs: &[Input],
    indexes: &[LineIndex],
    style: Style,
) {
    let (sev_color, sev) = match f.severity {
        Severity::Error => ("1;31", "error"),
        Severity::Warning => ("1;33", "warning"),
        Severity::Info => ("1;36", "info"),
    };
    let _ = writeln!(
        out,
        "{}:{}:{}: {}[{}] {}",
        style.paint("1", &f.path),
        f.line,
        f.column,
        style.paint(sev_color, sev),
        style.paint("1", f.code),
        f.message
    );
    if let (Some(input), Some(index)) = (inputs.get(f.file), indexes.get(f.file)) {
        excerpt(
            out,
            &input.text,
            index,
            f.line,
            f.column,
            f.end_line,
            f.end_column,
            style,
            sev_color,
        );
    }
    for r in &f.related {
        let _ = writeln!(
            out,
            "  {} {}:{}:{}: {}",
            style.paint("1;34", "="),
            r.path,
            r.line,
            r.column,
            r.message
        );
    }
    if let Some(help) = &f.help {
        let _ = writeln!(out, "  {} {help}", style.paint("1;34", "= help:"));
    }
    if let Some(fix) = &f.fix {
        let label = match fix.applicability {
            crate::rules::rule::Applicability::Safe => "= fix:",
            crate::rules::rule::Applicability::Unsafe => "= unsafe fix:",
        };
        let _ = writeln!(out, "  {} {}", style.paint("1;32", label), fix.title);
    }
    out.push('\n');
}

#[allow(clippy::too_many_arguments)]
fn excerpt(
    out: &mut String,
    text: &str,
    index: &LineIndex,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    style: Style,
    color: &str,
) {
    if text.is_empty() {
        return;
    }
    let line0 = (line.max(1) - 1) as usize;
    let line_span = index.line_span(line0, text);
    let body = line_span.text(text);
    let start = (column.max(1) - 1) as usize;
    // Only the shown window of the line is read: a one-line file of megabytes with thousands of
    // findings stays linear. A line of more than 4 * MAX_LINE bytes has more than MAX_LINE
    // characters; a shorter one is counted.
    let long = body.len() > 4 * MAX_LINE || body.chars().count() > MAX_LINE;
    let window_start = if long { start.saturating_sub(40) } else { 0 };
    let from = index.char_offset(text, line0, window_start);
    let to = index.char_offset(text, line0, window_start + MAX_LINE);
    let shown: String = text
        .get(from..to)
        .unwrap_or_default()
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let window_end = window_start + shown.chars().count();
    let end = if end_line == line {
        (end_column.max(1) - 1) as usize
    } else {
        usize::MAX
    };
    let end = end.max(start + 1);
    let prefix = if window_start > 0 { "…" } else { "" };
    let suffix = if to < line_span.end as usize {
        "…"
    } else {
        ""
    };
    let number = line.to_string();
    let pad = " ".repeat(number.len());
    let _ = writeln!(out, "{pad} {}", style.paint("1;34", "|"));
    let _ = writeln!(
        out,
        "{} {} {prefix}{shown}{suffix}",
        style.paint("1;34", &number),
        style.paint("1;34", "|")
    );
    let caret_start = start.saturating_sub(window_start) + prefix.chars().count();
    let caret_len = (end.min(window_end).saturating_sub(start)).max(1);
    let _ = writeln!(
        out,
        "{pad} {} {}{}",
        style.paint("1;34", "|"),
        " ".repeat(caret_start),
        style.paint(color, &"^".repeat(caret_len))
    );
}
