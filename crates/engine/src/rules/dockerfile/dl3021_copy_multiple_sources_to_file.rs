use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `COPY` or `ADD` with more than one source whose destination does not end with `/`.
    ///
    /// ## Why is this bad?
    /// The Dockerfile reference says that with several sources "the destination must be a
    /// directory (must end with a slash `/`)". Docker's legacy builder refused such a file;
    /// BuildKit, which `docker build` uses since Docker 23, has no such check
    /// (`frontend/dockerfile/dockerfile2llb/convert_copy.go` copies each source to the path as
    /// written), so the build goes on and the sources land on one path instead of in a
    /// directory. A warning, then: the image is not what the line says, but nothing refuses it.
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
    /// - [Dockerfile reference: COPY](https://docs.docker.com/reference/dockerfile/#copy) and
    ///   [ADD](https://docs.docker.com/reference/dockerfile/#add) ("If you specify multiple source
    ///   files ... the destination must be a directory")
    /// - BuildKit's `dispatchCopy` (moby/buildkit `frontend/dockerfile/dockerfile2llb/convert_copy.go`):
    ///   no refusal of several sources to a path without `/`.
    pub static RULE = {
        code: "DL3021",
        name: "copy-multiple-sources-to-file",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "a COPY with several sources needs a destination ending in /",
    }
}

crate::messages! {
    "DL3021";
    HELP = "add a trailing slash to the destination folder";
    MESSAGE = "{keyword} copies {count} sources, so `{dest}` must end with `/`";
    FIX = "add a trailing slash";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for ins in ctx.instructions().filter(|i| i.is("COPY") || i.is("ADD")) {
        let words: Vec<&crate::syntax::dockerfile::Word> = match &ins.args {
            crate::syntax::dockerfile::Args::Exec(w) => w.iter().collect(),
            crate::syntax::dockerfile::Args::Shell => ins.words.iter().collect(),
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
        sink.report_msg(
            dest.span,
            crate::msg!(
                MESSAGE,
                keyword = &ins.keyword,
                count = sources.len(),
                dest = &dest.text
            ),
        )
        .set_help_msg(crate::msg!(HELP))
        .set_fix_msg(
            crate::msg!(FIX),
            crate::input::span::Span::at(dest.span.end as usize),
            "/",
        );
    }
}
