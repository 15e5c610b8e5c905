//! Text output in the manner of rustc and ruff: `path:line:col: severity[code] message`, then the
//! source line with carets under the span, then help and fix lines.

use std::fmt::Write;

use crate::diagnostic::{Finding, Severity};
use crate::lint::Input;
use crate::span::LineIndex;

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
        let _ = writeln!(out, "  {} {}", style.paint("1;32", "= fix:"), fix.title);
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
    let body = index.line_span(line0, text).text(text);
    let chars: Vec<char> = body
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let start = (column.max(1) - 1) as usize;
    let end = if end_line == line {
        (end_column.max(1) - 1) as usize
    } else {
        chars.len()
    };
    let end = end.max(start + 1);
    // Cut long lines to a window around the span.
    let window_start = if chars.len() > MAX_LINE {
        start.saturating_sub(40)
    } else {
        0
    };
    let window_end = (window_start + MAX_LINE).min(chars.len());
    let shown: String = chars
        .get(window_start..window_end)
        .map(|s| s.iter().collect())
        .unwrap_or_default();
    let prefix = if window_start > 0 { "…" } else { "" };
    let suffix = if window_end < chars.len() { "…" } else { "" };
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
