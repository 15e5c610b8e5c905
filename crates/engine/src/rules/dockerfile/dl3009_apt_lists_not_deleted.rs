use super::support;
use crate::check::Sink;
use crate::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `apt-get install` in the final stage (or a stage it is built on) when the same `RUN`
    /// neither removes
    /// `/var/lib/apt/lists` nor mounts a cache or tmpfs there.
    ///
    /// ## Why is this bad?
    /// `apt-get update` downloads tens of megabytes of package lists; left in the layer they make every
    /// image pull (and every ECS task start on a new host) slower.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl \
    ///  && rm -rf /var/lib/apt/lists/*
    /// ```
    /// or keep the lists out of the image with a cache mount:
    /// ```dockerfile
    /// RUN --mount=type=cache,target=/var/lib/apt/lists --mount=type=cache,target=/var/cache/apt \
    ///     apt-get update && apt-get install -y --no-install-recommends curl
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3009](https://github.com/hadolint/hadolint/wiki/DL3009)
    /// - [Docker build cache: cache
    ///   mounts](https://docs.docker.com/build/cache/optimize/#use-cache-mounts)
    ///
    /// Only the stages whose layers end up in the image are checked: the final stage and the stages it
    /// is built `FROM`. hadolint also checks any stage a later stage is built on, even when the final
    /// image does not include it (deliberate difference). A cache or tmpfs mount on
    /// `/var/lib/apt/lists` (or `/var/lib/apt`) counts as cleaning.
    pub static RULE = {
        code: "DL3009",
        name: "apt-lists-not-deleted",
        target: Dockerfile,
        severity: Info,
        category: ImageSize,
        summary: "apt lists are left in the final image",
    }
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for run in ctx.runs() {
        if !support::in_image(ctx, run) || run.has_cache_mount(&["/var/lib/apt/lists"]) {
            continue;
        }
        let cleaned = run.commands.iter().any(|c| {
            c.is("rm")
                && c.args()
                    .iter()
                    .any(|a| a.text.starts_with("/var/lib/apt/lists"))
        });
        if cleaned {
            continue;
        }
        if let Some(c) = run
            .commands
            .iter()
            .find(|c| support::runs(c, &["apt-get", "apt"], &["install"], support::APT_OPTIONS))
        {
            sink.report(c.span, format!("{} install leaves the package lists in the image", c.name().unwrap_or("apt-get")))
                .set_help("end the RUN with `&& rm -rf /var/lib/apt/lists/*`, or mount a cache on /var/lib/apt/lists");
        }
    }
}
