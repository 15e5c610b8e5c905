//! Stage "check": the selected rules run on each input and on the project, then suppression
//! comments are applied (rules never see them).

use super::*;

pub(super) fn run_checks(
    file: usize,
    input: &ParsedInput<'_>,
    settings: &crate::models::config::Settings,
    dockerfile_findings: Vec<Diagnostic>,
    raw: &mut Vec<(usize, Diagnostic)>,
) {
    match (input.kind, &input.model) {
        (Some(Kind::TaskDef), Model::Tree(Some(root))) => {
            let mut ctx = taskdef::TaskDefCtx::new(input.text, file, root);
            ctx.ecspresso = input.named_by_config;
            for check in registry::checks() {
                if let Check::TaskDef(rule, run) = check {
                    run(
                        &ctx,
                        &mut Sink::new(rule, file, raw).with_settings(settings),
                    );
                }
            }
        }
        (Some(Kind::ServiceDef), Model::Tree(Some(root))) => {
            let ctx = servicedef::ServiceDefCtx::new(input.text, file, root);
            for check in registry::checks() {
                if let Check::ServiceDef(rule, run) = check {
                    run(
                        &ctx,
                        &mut Sink::new(rule, file, raw).with_settings(settings),
                    );
                }
            }
        }
        (Some(Kind::Ecspresso), Model::Tree(Some(root))) => {
            let ctx = ecspresso::EcspressoCtx {
                text: input.text,
                file,
                path: input.path,
                format: ecspresso::Format::from_path(input.path),
                config: root,
            };
            for check in registry::checks() {
                if let Check::Ecspresso(rule, run) = check {
                    run(
                        &ctx,
                        &mut Sink::new(rule, file, raw).with_settings(settings),
                    );
                }
            }
        }
        // The Dockerfile reader ran the Dockerfile rules as it read the file (the parse stage,
        // through `dockerfile::read`: built in, or the page's Dockerfile module).
        (Some(Kind::Dockerfile), Model::Dockerfile(_)) => {
            raw.extend(dockerfile_findings.into_iter().map(|d| (file, d)));
        }
        _ => {}
    }
}

/// Applies each input's suppression comments to its diagnostics (rules never see them).
pub(super) fn apply_suppressions(parsed: &[ParsedInput<'_>], raw: &mut Vec<(usize, Diagnostic)>) {
    for (file, input) in parsed.iter().enumerate() {
        // JSON has no comments: its findings are ignored by path in the configuration.
        let Some(slashes) = suppress::comment_style(input.path, input.kind) else {
            continue;
        };
        let pragmas = suppress::scan(input.text, slashes);
        if pragmas.is_empty() {
            continue;
        }
        // A Dockerfile not read (IN015) has no findings yet: its suppressions are neither used
        // nor unused until it is read.
        let code = crate::input::codes::IN015.code;
        if raw.iter().any(|(f, d)| *f == file && d.code == code) {
            continue;
        }
        let extents: Vec<Span> = match &input.model {
            Model::Dockerfile(d) => d.instructions.iter().map(|i| i.span).collect(),
            _ => Vec::new(),
        };
        let (mut mine, others): (Vec<_>, Vec<_>) = std::mem::take(raw)
            .into_iter()
            .partition(|(f, _)| *f == file);
        let mut diagnostics: Vec<Diagnostic> = mine.drain(..).map(|(_, d)| d).collect();
        let about = suppress::apply(input.text, &pragmas, &extents, &mut diagnostics);
        *raw = others;
        raw.extend(diagnostics.into_iter().chain(about).map(|d| (file, d)));
    }
}
