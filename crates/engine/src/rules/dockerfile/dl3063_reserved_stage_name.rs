use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports a stage named `scratch` or `context`.
    ///
    /// ## Why is this bad?
    /// `FROM scratch` and `--from=context` already mean something to BuildKit: a stage with that name
    /// is confusing, and BuildKit's build check `ReservedStageName` warns ("'scratch' is reserved
    /// and should not be used as a stage name").
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM golang:1.22 AS scratch
    /// ```
    ///
    /// ## Use instead
    /// Name the stage after what it builds: `AS build`.
    ///
    /// ## References
    /// - hadolint [DL3063](https://github.com/hadolint/hadolint/wiki/DL3063)
    ///
    /// Stage names are compared lower-cased, as BuildKit does (hadolint compares them as written).
    ///
    /// With BuildKit's `# check=error=true` directive (and `ReservedStageName` not in `skip=`) the finding
    /// is an error: BuildKit's build check
    /// [ReservedStageName](https://docs.docker.com/go/dockerfile/rule/reserved-stage-name/) fires on
    /// the stage names `scratch` and `context`, and "to make the build fail on warnings, set `#check=error=true`"
    /// ([Dockerfile reference: check](https://docs.docker.com/reference/dockerfile/#check)).
    /// A stage "BuildKit builds" is the last one or one it needs, since no `--target` is known.
    pub static RULE = {
        code: "DL3063",
        name: "reserved-stage-name",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "a stage name is a reserved word",
    }
}

crate::messages! {
    "DL3063";
    MESSAGE = "`{name}` is a reserved word, not a good stage name";
    HELP = "rename the stage";
    BUILDKIT_FAILS = "`error=true`: BuildKit's check {check} fires here, so the build fails";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for stage in &ctx.dockerfile.stages {
        if let Some((name, span)) = &stage.alias {
            if name == "scratch" || name == "context" {
                let d = sink
                    .report_msg(*span, crate::msg!(MESSAGE, name = name))
                    .set_help_msg(crate::msg!(HELP));
                crate::models::stages::buildkit_check(ctx, d, "ReservedStageName", &BUILDKIT_FAILS);
            }
        }
    }
}
