use crate::models::stages as support;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `COPY` or `ADD` to a relative destination in a stage where no `WORKDIR` is set (in the
    /// stage or in the stage it is built on).
    ///
    /// ## Why is this bad?
    /// The destination is relative to the base image's working directory, which you did not choose and
    /// which can change with the base image: the files land in `/` today and elsewhere tomorrow.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// COPY package.json .
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// WORKDIR /app
    /// COPY package.json .
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3045](https://github.com/hadolint/hadolint/wiki/DL3045)
    pub static RULE = {
        code: "DL3045",
        name: "copy-relative-without-workdir",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "a COPY goes to a relative path before any WORKDIR",
    }
}

crate::messages! {
    "DL3045";
    MESSAGE = "`{t}` is relative, and no WORKDIR is set in this stage";
    HELP = "set `WORKDIR /app` (or another absolute path) before copying, or copy to an absolute path";
}

fn has_workdir(
    ctx: &DockerfileCtx<'_>,
    stage: &crate::syntax::dockerfile::Stage,
    before: usize,
    depth: usize,
) -> bool {
    let own = ctx
        .dockerfile
        .instructions
        .get(stage.instructions.start..before.min(stage.instructions.end))
        .unwrap_or(&[])
        .iter()
        .any(|i| i.is("WORKDIR"));
    own || (depth < 64
        && support::parent_stage(ctx, stage)
            .is_some_and(|p| has_workdir(ctx, p, p.instructions.end, depth + 1)))
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for (index, ins) in ctx.dockerfile.instructions.iter().enumerate() {
        if !(ins.is("COPY") || ins.is("ADD")) {
            continue;
        }
        let words: Vec<&crate::syntax::dockerfile::Word> = match &ins.args {
            crate::syntax::dockerfile::Args::Exec(w) => w.iter().collect(),
            crate::syntax::dockerfile::Args::Shell => ins.words.iter().collect(),
        };
        let Some(dest) = words.last() else { continue };
        let t = dest.text.as_str();
        let b = t.as_bytes();
        let absolute = t.starts_with('/')
            || t.starts_with('\\')
            || t.starts_with('$')
            || (b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':');
        if absolute || words.len() < 2 {
            continue;
        }
        // Before any FROM there is no WORKDIR either.
        let stage = ins.stage.and_then(|s| ctx.dockerfile.stages.get(s));
        if stage.is_some_and(|stage| has_workdir(ctx, stage, index, 0)) {
            continue;
        }
        sink.report_msg(dest.span, crate::msg!(MESSAGE, t = t))
            .set_help_msg(crate::msg!(HELP));
    }
}
