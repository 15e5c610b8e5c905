use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `FROM --platform=` with a fixed value. `$BUILDPLATFORM`, `$TARGETPLATFORM` and other
    /// variables are accepted.
    ///
    /// ## Why is this bad?
    /// A fixed platform builds an image for one CPU architecture whatever the builder is asked for.
    /// An ECS task whose `runtimePlatform.cpuArchitecture` (or a Graviton instance) does not match
    /// fails
    /// to start with `exec format error`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM --platform=linux/amd64 node:20-slim
    /// ```
    ///
    /// ## Use instead
    /// Build with `docker buildx build --platform linux/arm64` (or both) and keep `--platform` for
    /// cross-compiling stages:
    /// ```dockerfile
    /// FROM --platform=$BUILDPLATFORM golang:1.22 AS build
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3029](https://github.com/hadolint/hadolint/wiki/DL3029)
    /// - [Amazon ECS
    ///   runtimePlatform](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html)
    ///
    /// With BuildKit's `# check=error=true` directive (and `FromPlatformFlagConstDisallowed` not in `skip=`) the finding
    /// is an error: BuildKit's build check
    /// [FromPlatformFlagConstDisallowed](https://docs.docker.com/go/dockerfile/rule/from-platform-flag-const-disallowed/) fires on
    /// a constant `--platform` whose OS and architecture do not appear in the stage name, and "to make the build fail on warnings, set `#check=error=true`"
    /// ([Dockerfile reference: check](https://docs.docker.com/reference/dockerfile/#check)).
    /// A stage "BuildKit builds" is the last one or one it needs, since no `--target` is known.
    pub static RULE = {
        code: "DL3029",
        name: "from-platform",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "a FROM pins a platform",
    }
}

crate::messages! {
    "DL3029";
    MESSAGE = "FROM pins the platform `{value}`";
    HELP = "choose the platform at build time (`docker buildx build --platform`) and make it match the task's runtimePlatform";
    BUILDKIT_FAILS = "`error=true`: BuildKit's check {check} fires here, so the build fails";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for ins in ctx.instructions().filter(|i| i.is("FROM")) {
        let Some(flag) = ins.flag("platform") else {
            continue;
        };
        let value = flag.value.as_deref().unwrap_or("");
        if value.contains('$') {
            continue;
        }
        let d = sink
            .report_msg(flag.span, crate::msg!(MESSAGE, value = value))
            .set_help_msg(crate::msg!(HELP));
        // BuildKit's check stays quiet when the stage's name holds the platform's OS or
        // architecture (`FROM --platform=linux/arm64 ... AS build-arm64`).
        let stage_name = ctx
            .dockerfile
            .stages
            .iter()
            .find(|s| Some(s.index) == ins.stage)
            .and_then(|s| s.alias.as_ref())
            .map_or("", |(a, _)| a.as_str());
        if let Some((os, arch)) = crate::syntax::dockerfile::refs::platform_os_arch(value) {
            if !value.contains('\\') && !stage_name.contains(&os) && !stage_name.contains(&arch) {
                crate::models::stages::buildkit_check(
                    ctx,
                    d,
                    "FromPlatformFlagConstDisallowed",
                    &BUILDKIT_FAILS,
                );
            }
        }
    }
}
