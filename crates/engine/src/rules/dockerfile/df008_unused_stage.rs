use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports a stage that is not the last one and that no later stage uses (`FROM name`,
    /// `COPY --from=name`, `RUN --mount=from=name`). Such a stage is built only when asked for with
    /// `docker build --target name`; a plain build skips it.
    ///
    /// ## Why is this bad?
    /// This is often intended (a `test` or `dev` target), and then nothing is wrong. But if you
    /// expected
    /// the stage to run as part of the normal build (tests that must pass before the image is pushed to
    /// ECR), BuildKit silently skips it.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20 AS test
    /// RUN npm test
    /// FROM node:20-slim
    /// COPY . /app
    /// ```
    ///
    /// ## Use instead
    /// Build it on purpose with `docker build --target test .` in CI, or make the final image depend on
    /// it, for example `COPY --from=test /app/coverage /tmp/coverage`.
    ///
    /// ## References
    /// - [Docker docs: multi-stage builds, stop at a specific
    ///   stage](https://docs.docker.com/build/building/multi-stage/#stop-at-a-specific-build-stage)
    pub static RULE = {
        code: "DF008",
        name: "unused-stage",
        target: Dockerfile,
        severity: Info,
        category: Cicd,
        summary: "a stage is not used by the final image",
    }
}

crate::messages! {
    "DF008";
    MESSAGE = "the stage `{name}` is not used by the final image, so a plain `docker build` skips it";
    HELP = "build it with `docker build --target {name}`, or COPY something from it if it must run";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    let stages = &ctx.dockerfile.stages;
    let Some(last) = stages.last() else { return };
    let mut used = vec![false; stages.len()];
    if let Some(u) = used.get_mut(last.index) {
        *u = true;
    }
    // Walk back from the last stage: a stage is used if a used stage refers to it.
    for stage in stages.iter().rev() {
        if !used.get(stage.index).copied().unwrap_or(false) {
            continue;
        }
        let mut refs: Vec<String> = vec![stage.image.to_ascii_lowercase()];
        for ins in ctx.stage_instructions(stage) {
            let ins = ins.onbuild.as_deref().unwrap_or(ins);
            if let Some(v) = ins.flag("from").and_then(|f| f.value.clone()) {
                refs.push(v.to_ascii_lowercase());
            }
            for m in ins.flags_named("mount") {
                for (k, v) in m.fields() {
                    if k == "from" {
                        refs.push(v.to_ascii_lowercase());
                    }
                }
            }
        }
        for r in refs {
            let target = stages[..stage.index].iter().find(|s| {
                s.alias.as_ref().is_some_and(|(a, _)| *a == r) || r == s.index.to_string()
            });
            if let Some(t) = target {
                if let Some(u) = used.get_mut(t.index) {
                    *u = true;
                }
            }
            // A variable may name any stage: consider every stage used.
            if r.contains('$') {
                used.iter_mut().for_each(|u| *u = true);
            }
        }
    }
    for stage in stages {
        if used.get(stage.index).copied().unwrap_or(true) {
            continue;
        }
        let (name, span) = match &stage.alias {
            Some((a, s)) => (a.clone(), *s),
            None => (stage.index.to_string(), stage.image_span),
        };
        sink.report_msg(span, crate::msg!(MESSAGE, name = &name))
            .set_help_msg(crate::msg!(HELP, name = name));
    }
}
