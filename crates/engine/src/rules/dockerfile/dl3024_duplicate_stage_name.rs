use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `FROM ... AS name` whose name an earlier stage already uses (names compare
    /// case-insensitively).
    ///
    /// ## Why is this bad?
    /// `--from=name` and `--target name` become ambiguous: BuildKit builds the file, with the
    /// later stage of that name winning, and warns with its build check `DuplicateStageName`
    /// ("Duplicate stage name \"b\", stage names should be unique"; its own test,
    /// `testDuplicateStageName` in `frontend/dockerfile/dockerfile_check_test.go`, expects the
    /// warning, not a failure). A warning here too, unless the file asks BuildKit to fail on
    /// warnings (below).
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20 AS build
    /// FROM golang:1.22 AS build
    /// ```
    ///
    /// ## Use instead
    /// Give every stage its own name.
    ///
    /// ## References
    /// - hadolint [DL3024](https://github.com/hadolint/hadolint/wiki/DL3024)
    /// - Checkov CKV_DOCKER_11
    ///
    /// With BuildKit's `# check=error=true` directive (and `DuplicateStageName` not in `skip=`) the finding
    /// is an error: BuildKit's build check
    /// [DuplicateStageName](https://docs.docker.com/go/dockerfile/rule/duplicate-stage-name/) fires on
    /// every repeated stage name, and "to make the build fail on warnings, set `#check=error=true`"
    /// ([Dockerfile reference: check](https://docs.docker.com/reference/dockerfile/#check)).
    /// A stage "BuildKit builds" is the last one or one it needs, since no `--target` is known.
    pub static RULE = {
        code: "DL3024",
        name: "duplicate-stage-name",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "two stages have the same name",
    }
}

crate::messages! {
    "DL3024";
    MESSAGE = "the stage name `{name}` is already used";
    HELP = "rename one of the stages";
    RELATED = "first used here";
    BUILDKIT_FAILS = "`error=true`: BuildKit's check {check} fires here, so the build fails";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    let stages = &ctx.dockerfile.stages;
    for (i, stage) in stages.iter().enumerate() {
        let Some((name, span)) = &stage.alias else {
            continue;
        };
        if let Some(first) = stages[..i]
            .iter()
            .find(|s| s.alias.as_ref().is_some_and(|(a, _)| a == name))
        {
            let d = sink.report_msg(*span, crate::msg!(MESSAGE, name = name));
            if let Some((_, first_span)) = &first.alias {
                d.add_related_msg(*first_span, crate::msg!(RELATED));
            }
            d.set_help_msg(crate::msg!(HELP));
            crate::models::stages::buildkit_check(ctx, d, "DuplicateStageName", &BUILDKIT_FAILS);
        }
    }
}
