use crate::check::Sink;
use crate::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `COPY` or `ADD` with more than one source whose destination does not end with `/`.
    ///
    /// ## Why is this bad?
    /// Docker fails the build: with several sources the destination must be a directory, written with a
    /// trailing slash.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// COPY package.json package-lock.json /app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// COPY package.json package-lock.json /app/
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3021](https://github.com/hadolint/hadolint/wiki/DL3021)
    /// - [Dockerfile reference: COPY](https://docs.docker.com/reference/dockerfile/#copy)
    pub static RULE = {
        code: "DL3021",
        name: "copy-multiple-sources-to-file",
        target: Dockerfile,
        severity: Error,
        category: Reliability,
        summary: "a COPY with several sources needs a destination ending in /",
    }
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for ins in ctx.instructions().filter(|i| i.is("COPY") || i.is("ADD")) {
        let words: Vec<&crate::dockerfile::Word> = match &ins.args {
            crate::dockerfile::Args::Exec(w) => w.iter().collect(),
            crate::dockerfile::Args::Shell => ins.words.iter().collect(),
        };
        let Some((dest, sources)) = words.split_last() else {
            continue;
        };
        if sources.len() < 2
            || dest.text.ends_with('/')
            || dest.text.ends_with('\\')
            || dest.is_dynamic()
        {
            continue;
        }
        sink.report(
            dest.span,
            format!(
                "{} copies {} sources, so `{}` must end with `/`",
                ins.keyword,
                sources.len(),
                dest.text
            ),
        )
        .set_help("add a trailing slash to the destination folder")
        .set_fix(
            "add a trailing slash",
            crate::span::Span::at(dest.span.end as usize),
            "/",
        );
    }
}
