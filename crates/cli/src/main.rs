//! `ecsplain`: the engine on the command line, for terminals and CI.
//!
//! Exit status: 0 when no finding is at or above `--fail-on`, 1 when some is, 2 on a usage or IO
//! error. Findings go to stdout; the summary and errors go to stderr.
#![forbid(unsafe_code)]
// The front end owns its output.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod args;
mod files;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use args::{Color, Command, Format, LintArgs, UsageError};
use ecsplain_engine::report::{json, text};
use ecsplain_engine::{lint, registry, Severity};

const OK: u8 = 0;
const FINDINGS: u8 = 1;
const TROUBLE: u8 = 2;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let code = match args::parse(&argv) {
        Ok(command) => run(command),
        Err(UsageError(message)) => {
            eprintln!("ecsplain: {message}\n(run `ecsplain --help` for usage)");
            TROUBLE
        }
    };
    ExitCode::from(code)
}

fn run(command: Command) -> u8 {
    match command {
        Command::Help => out(args::USAGE),
        Command::Version => out(&format!("ecsplain {}\n", ecsplain_engine::VERSION)),
        Command::Lint(lint) => run_lint(&lint),
        Command::Explain(code) => explain(&code),
        Command::Rules(format) => rules(format),
    }
}

/// Writes to stdout; a closed pipe (`ecsplain rules | head`) is not an error worth a panic.
fn out(text: &str) -> u8 {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => OK,
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => OK,
        Err(err) => {
            eprintln!("ecsplain: cannot write the output: {err}");
            TROUBLE
        }
    }
}

fn run_lint(args: &LintArgs) -> u8 {
    let collected = files::collect(&args.paths, args.kind);
    for problem in &collected.problems {
        eprintln!("ecsplain: {problem}");
    }
    // A named file of unknown kind is a usage error: nothing is linted.
    if collected
        .problems
        .iter()
        .any(|p| matches!(p, files::Problem::UnknownKind(_)))
    {
        return TROUBLE;
    }
    let report = lint(&collected.inputs);
    let rendered = match args.format {
        Format::Json => json::render(&report.findings),
        Format::Text => text::render(
            &report.findings,
            &collected.inputs,
            text::Style {
                color: use_color(args.color),
            },
        ),
    };
    if out(&rendered) != OK {
        return TROUBLE;
    }
    if args.format == Format::Text && !collected.inputs.is_empty() {
        eprintln!("{}", summary(&report, collected.inputs.len()));
    }
    if !collected.problems.is_empty() {
        return TROUBLE;
    }
    if collected.inputs.is_empty() {
        eprintln!("ecsplain: warning: no task definition, service definition, Dockerfile or ecspresso config found");
    }
    if report.findings.iter().any(|f| f.severity >= args.fail_on) {
        FINDINGS
    } else {
        OK
    }
}

fn use_color(choice: Color) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// "3 errors, 2 warnings, 1 info in 4 files".
fn summary(report: &ecsplain_engine::Report, files: usize) -> String {
    let plural = |n: usize, word: &str| {
        if n == 1 || word == "info" {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    let files = plural(files, "file");
    if report.findings.is_empty() {
        return format!("no findings in {files}");
    }
    format!(
        "{}, {}, {} in {files}",
        plural(report.count(Severity::Error), "error"),
        plural(report.count(Severity::Warning), "warning"),
        plural(report.count(Severity::Info), "info"),
    )
}

fn explain(code: &str) -> u8 {
    let Some(rule) = registry::rule(code) else {
        let all = registry::rules();
        let names: Vec<&str> = all.iter().flat_map(|r| [r.code, r.name]).collect();
        let hint = args::suggest(code, &names)
            .and_then(registry::rule)
            .map(|r| format!("; did you mean {} ({})?", r.code, r.name))
            .unwrap_or_else(|| "; `ecsplain rules` lists them all".to_string());
        eprintln!("ecsplain: unknown rule `{code}`{hint}");
        return TROUBLE;
    };
    out(&format!(
        "{} {}: {}\nseverity: {} · category: {} · applies to: {}\n\n{}\n",
        rule.code,
        rule.name,
        rule.summary,
        rule.severity,
        rule.category.as_str(),
        rule.target.as_str(),
        rule.docs_markdown()
    ))
}

fn rules(format: Format) -> u8 {
    let all = registry::rules();
    match format {
        Format::Json => {
            let rules: Vec<serde_json::Value> = all
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "code": r.code,
                        "name": r.name,
                        "severity": r.severity.as_str(),
                        "category": r.category.as_str(),
                        "target": r.target.as_str(),
                        "summary": r.summary,
                    })
                })
                .collect();
            let document = serde_json::json!({
                "version": ecsplain_engine::VERSION,
                "rules": rules,
            });
            let text = serde_json::to_string_pretty(&document).unwrap_or_default();
            out(&format!("{text}\n"))
        }
        Format::Text => {
            let rows: Vec<[&str; 5]> = all
                .iter()
                .map(|r| {
                    [
                        r.code,
                        r.name,
                        r.severity.as_str(),
                        r.category.as_str(),
                        r.summary,
                    ]
                })
                .collect();
            let header = ["CODE", "NAME", "SEVERITY", "CATEGORY", "SUMMARY"];
            let mut widths = header.map(str::len);
            for row in &rows {
                for (w, cell) in widths.iter_mut().zip(row) {
                    *w = (*w).max(cell.chars().count());
                }
            }
            let mut text = String::new();
            for row in std::iter::once(&header).chain(&rows) {
                let mut line = String::new();
                for (i, cell) in row.iter().enumerate() {
                    if i + 1 == row.len() {
                        line.push_str(cell);
                    } else {
                        line.push_str(&format!("{cell:<width$}  ", width = widths[i]));
                    }
                }
                text.push_str(line.trim_end());
                text.push('\n');
            }
            out(&text)
        }
    }
}
