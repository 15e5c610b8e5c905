//! `ecsplain`: the engine on the command line, for terminals and CI.
//!
//! Exit status: 0 when no finding is at or above `--fail-on` (or the configuration's `fail-on`), 1
//! when some is, 2 on a usage, IO or configuration error. Findings go to stdout; the summary and errors go to stderr.
#![forbid(unsafe_code)]
// The front end owns its output.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod args;
mod conf;
mod files;
mod fix;
mod messages;
mod project;
mod render;
mod server;
mod size;
mod vars;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use args::{Color, Command, ConfigArgs, Format, LintArgs, UsageError};
use ecsplain_engine::input::msg::{Msg, Template};
use ecsplain_engine::report::{github, gitlab, json, sarif, text};
use ecsplain_engine::{msg, registry, Finding, Input, Lang, Severity};
use messages::{error, say, t};

const OK: u8 = 0;
const FINDINGS: u8 = 1;
const TROUBLE: u8 = 2;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    // The language is known once `--lang` is read: every later message speaks it (a `--lang`
    // that cannot be read is reported in English).
    let parsed = args::take_lang(argv).and_then(|(argv, lang)| {
        let lang = lang.unwrap_or_else(|| args::lang_from_locale(|k| std::env::var(k).ok()));
        messages::set_lang(lang);
        Ok((args::parse(&argv)?, lang))
    });
    let code = match parsed {
        Ok((command, lang)) => run(command, lang),
        Err(UsageError(message)) => {
            eprintln!("ecsplain: {}\n{}", say(&message.0), say(&msg!(t::SEE_HELP)));
            TROUBLE
        }
    };
    ExitCode::from(code)
}

fn run(command: Command, lang: Lang) -> u8 {
    match command {
        Command::Help => out(args::usage(lang)),
        Command::Version => out(&format!("ecsplain {}\n", ecsplain_engine::VERSION)),
        Command::Lint(lint) => run_lint(&lint, lang),
        Command::Explain(code) => explain(&code, lang),
        Command::Rules(format) => rules(format, lang),
        Command::Config(config) => show_config(&config, lang),
        Command::Size(size) => size::run(&size, lang),
        Command::Render(render) => render::run(&render),
        Command::Server => server::run(),
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
            error(&msg!(t::CANNOT_WRITE_OUTPUT, reason = err.to_string()));
            TROUBLE
        }
    }
}

fn run_lint(args: &LintArgs, lang: Lang) -> u8 {
    if args.statistics && !matches!(args.format, Format::Text | Format::Json) {
        error(&msg!(t::STATISTICS_FORMAT, format = args.format.name()));
        return TROUBLE;
    }
    let walk = files::Walk {
        no_ignore: args.no_ignore,
        config: args.config.clone(),
    };
    let collected = files::collect(&args.paths, args.kind, &walk);
    let mut trouble = false;
    for problem in &collected.problems {
        error(&problem.msg());
        trouble = true;
    }
    // A named file of unknown kind is a usage error: nothing is linted.
    if collected
        .problems
        .iter()
        .any(|p| matches!(p, files::Problem::UnknownKind(_)))
    {
        return TROUBLE;
    }

    let values = match vars::load(&args.values, &collected.inputs) {
        Ok(values) => values,
        Err(message) => {
            eprintln!("ecsplain: {message}");
            return TROUBLE;
        }
    };
    // Definition paths written with templates are followed once the values render them.
    let mut collected = collected;
    let project = vars::project(&collected.inputs, &values);
    files::follow_rendered(&mut collected.inputs, &project);
    if !args.quiet {
        notes(args, &collected.inputs, &values);
    }

    let options = project::Options {
        config: args.config.as_deref(),
        no_inline_ignores: args.no_inline_ignores,
        fail_on: args.fail_on,
        fallback: args.paths.first().map(String::as_str),
        config_text: None,
    };
    let mut lint = |inputs: Vec<Input>| -> Result<project::Linted, u8> {
        project::lint(inputs, &options, &values).map_err(|message| {
            eprintln!("ecsplain: {message}");
            TROUBLE
        })
    };
    // `--fix` and `--diff` lint until the fixes settle; the last lint is what remains.
    let mut fixed = None;
    let run = if args.fix.apply || args.fix.diff {
        match fix::run(args.fix, collected.inputs, &mut lint) {
            Ok(outcome) if args.fix.diff => {
                return outcome
                    .show_diff(args.quiet)
                    .max(u8::from(trouble) * TROUBLE)
            }
            Ok(mut outcome) => {
                if let Err(message) = outcome.write() {
                    eprintln!("ecsplain: {message}");
                    return TROUBLE;
                }
                let run = outcome.take_run();
                fixed = Some(outcome);
                run
            }
            Err(code) => return code,
        }
    } else {
        match lint(collected.inputs) {
            Ok(run) => run,
            Err(code) => return code,
        }
    };
    let project::Linted {
        inputs,
        findings,
        linted,
        failing,
        config_problems,
        ..
    } = run;
    // Messages, help and fix titles in the run's language (migrated rules); codes, JSON keys
    // and SARIF structure stay the same.
    let mut findings = findings;
    for finding in &mut findings {
        finding.localize(lang);
    }
    trouble |= config_problems;

    let rendered = if args.statistics {
        statistics(&findings, args.format)
    } else {
        match args.format {
            Format::Json => json::render(&findings),
            Format::Sarif => sarif::render(&findings, &inputs, args.docs_url.as_deref()),
            Format::Github => github::render(&findings),
            Format::Gitlab => gitlab::render(&findings, &inputs),
            Format::Text => text::render(
                &findings,
                &inputs,
                text::Style {
                    color: use_color(args.color),
                },
            ),
        }
    };
    if out(&rendered) != OK {
        return TROUBLE;
    }
    if let Some(outcome) = &fixed {
        if !args.quiet {
            eprintln!("{}", outcome.summary(&findings));
        }
    }
    if args.format == Format::Text && !args.quiet && linted > 0 {
        eprintln!("{}", say(&summary(&findings, linted)));
    }
    if trouble {
        return TROUBLE;
    }
    if linted == 0 && !args.quiet {
        error(&msg!(t::NOTHING_FOUND));
    }
    if failing {
        FINDINGS
    } else {
        OK
    }
}

/// Notes on stderr: variables left unknown when values were given, and a Jsonnet library
/// named alone (checked for Jsonnet errors only).
fn notes(args: &LintArgs, inputs: &[Input], values: &vars::Loaded) {
    if args.values.any() {
        let unset = vars::unset(inputs, values, false);
        if !unset.is_empty() {
            let names = ecsplain_engine::input::msg::Arg::List(
                unset.iter().map(|n| n.as_str().into()).collect(),
            );
            error(&msg!(t::NO_VALUE_FOR, names = names));
        }
    }
    for path in args.paths.iter().filter(|p| files::is_library(p)) {
        let wanted = files::normalize(path);
        let imported = inputs.iter().any(|i| {
            ecsplain_engine::ecspresso::jsonnet::imports(&i.text)
                .iter()
                .any(|w| {
                    files::normalize(&ecsplain_engine::ecspresso::jsonnet::import_path(
                        &i.path, w,
                    )) == wanted
                })
        });
        if !imported {
            error(&msg!(t::JSONNET_LIBRARY, path = path));
        }
    }
}

/// How many findings each rule has, most first (like ruff's `--statistics`).
fn statistics(findings: &[Finding], format: Format) -> String {
    let mut counts: Vec<(&'static str, Severity, usize)> = Vec::new();
    for f in findings {
        match counts.iter_mut().find(|(code, _, _)| *code == f.code) {
            Some((_, severity, n)) => {
                *n += 1;
                *severity = (*severity).max(f.severity);
            }
            None => counts.push((f.code, f.severity, 1)),
        }
    }
    counts.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
    let name = |code: &str| registry::rule(code).map_or("", |r| r.name);
    if format == Format::Json {
        let rows: Vec<serde_json::Value> = counts
            .iter()
            .map(|(code, severity, n)| {
                serde_json::json!({
                    "code": code,
                    "name": name(code),
                    "severity": severity.as_str(),
                    "count": n,
                })
            })
            .collect();
        return format!(
            "{}\n",
            serde_json::to_string_pretty(&rows).unwrap_or_default()
        );
    }
    let width = counts.first().map_or(1, |(_, _, n)| n.to_string().len());
    let code_width = counts.iter().map(|(c, _, _)| c.len()).max().unwrap_or(0);
    let mut text = String::new();
    for (code, severity, n) in &counts {
        text.push_str(&format!(
            "{n:>width$}  {code:<code_width$}  {:<7}  {}\n",
            severity.as_str(),
            name(code)
        ));
    }
    text
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
fn summary(findings: &[Finding], files: usize) -> Msg {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let plural = |n: usize, one: &'static Template, many: &'static Template| {
        Msg::new(if n == 1 { one } else { many }).with("n", n.into())
    };
    let files = plural(files, &t::FILE_ONE, &t::FILE_MANY);
    if findings.is_empty() {
        return msg!(t::NO_FINDINGS, files = files);
    }
    msg!(
        t::SUMMARY,
        errors = plural(count(Severity::Error), &t::ERROR_ONE, &t::ERROR_MANY),
        warnings = plural(count(Severity::Warning), &t::WARNING_ONE, &t::WARNING_MANY),
        infos = msg!(t::INFO, n = count(Severity::Info)),
        files = files,
    )
}

fn explain(code: &str, lang: Lang) -> u8 {
    let Some(rule) = registry::rule(code) else {
        let all = registry::rules();
        let names: Vec<&str> = all.iter().flat_map(|r| [r.code, r.name]).collect();
        let said = match args::suggest(code, &names).and_then(registry::rule) {
            Some(r) => msg!(
                t::UNKNOWN_RULE_DID_YOU_MEAN,
                code = code,
                suggestion = r.code,
                name = r.name
            ),
            None => msg!(t::UNKNOWN_RULE, code = code),
        };
        error(&said);
        return TROUBLE;
    };
    // Codes, names, severities and categories are the same in every language.
    let (severity, category, applies_to) = match lang {
        Lang::En => ("severity", "category", "applies to"),
        Lang::Ja => ("重大度", "カテゴリ", "対象"),
    };
    let note = match lang {
        Lang::Ja if !rule.has_docs_in(lang) => {
            "(この説明はまだ日本語に翻訳されていません。英語で表示します)\n\n"
        }
        _ => "",
    };
    out(&format!(
        "{} {}: {}\n{severity}: {} · {category}: {} · {applies_to}: {}\n\n{note}{}\n",
        rule.code,
        rule.name,
        rule.summary_in(lang),
        rule.severity,
        rule.category.as_str(),
        rule.target.as_str(),
        rule.docs_markdown_in(lang)
    ))
}

fn rules(format: Format, lang: Lang) -> u8 {
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
                        // Machine output: English, whatever the language.
                        "summary": r.summary(),
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
        _ => {
            let rows: Vec<[&str; 5]> = all
                .iter()
                .map(|r| {
                    [
                        r.code,
                        r.name,
                        r.severity.as_str(),
                        r.category.as_str(),
                        r.summary_in(lang),
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

/// `ecsplain config [PATH]`: the configuration that applies to PATH, and where it comes from.
fn show_config(args: &ConfigArgs, lang: Lang) -> u8 {
    let path = args.config.clone().or_else(|| conf::find(&args.path));
    let loaded = match &path {
        None => conf::Loaded::defaults(),
        Some(path) => match conf::load(path) {
            Ok(loaded) => loaded,
            Err(message) => {
                eprintln!("ecsplain: {message}");
                return TROUBLE;
            }
        },
    };
    let status = if loaded.problems.is_empty() {
        OK
    } else {
        let inputs: Vec<Input> = loaded.input().into_iter().collect();
        let mut findings: Vec<Finding> = loaded.problems.clone();
        for finding in &mut findings {
            finding.localize(lang);
        }
        eprint!(
            "{}",
            text::render(&findings, &inputs, text::Style { color: false })
        );
        TROUBLE
    };
    let printed = match args.format {
        Format::Json => {
            let document = serde_json::json!({
                "file": loaded.path,
                "config": conf::to_json(&loaded.config),
            });
            format!(
                "{}\n",
                serde_json::to_string_pretty(&document).unwrap_or_default()
            )
        }
        _ => {
            let origin = match &loaded.path {
                Some(p) => format!("{}\n", say(&msg!(t::CONFIG_FROM, path = p))),
                None => format!(
                    "{}\n",
                    say(&msg!(
                        t::CONFIG_DEFAULTS,
                        names = ecsplain_engine::config::FILE_NAMES.join(" / "),
                        path = &args.path
                    ))
                ),
            };
            format!("{origin}{}", conf::to_yaml(&loaded.config))
        }
    };
    let written = out(&printed);
    status.max(written)
}
