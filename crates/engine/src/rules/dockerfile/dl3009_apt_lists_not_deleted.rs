use crate::models::pkg::{self, Pm};
use crate::models::stages as support;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `apt-get install` in the final stage (or a stage it is built on) when the same `RUN`
    /// neither removes
    /// `/var/lib/apt/lists` nor mounts a cache or tmpfs there.
    ///
    /// ## Why is this bad?
    /// `apt-get update` downloads the package lists; left in the layer they make every
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
    ///
    /// Known differences from hadolint (docs/hadolint-parity.md): ecsplain reports `apt-get install`
    /// (hadolint `apt-get update`) and only in stages that reach the final image, or in `ONBUILD RUN`
    /// (which runs in the images built on this one). A cache mount on /var/lib/apt counts unless
    /// Docker's docker-clean configuration was removed, in which case /var/cache/apt must be mounted
    /// too. When two `--mount` flags are separated by a backslash inside one line (no line break),
    /// BuildKit takes only the first as a flag, and so does ecsplain; hadolint's parser takes both.
    pub static RULE = {
        code: "DL3009",
        name: "apt-lists-not-deleted",
        target: Dockerfile,
        severity: Info,
        category: ImageSize,
        summary: "apt lists are left in the final image",
    }
}

crate::messages! {
    "DL3009";
    MESSAGE = "{name} install leaves the package lists in the image";
    HELP = "end the RUN with `&& rm -rf /var/lib/apt/lists/*`, or mount a cache on /var/lib/apt/lists";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for (outer, run) in support::runs_in(ctx) {
        if !support::run_in_image(ctx, outer) {
            continue;
        }
        let targets = run.cache_mount_targets();
        let mounted = |dir: &str| {
            targets
                .iter()
                .any(|t| t == dir || t.starts_with(&format!("{dir}/")) || t.contains('$'))
        };
        // With Docker's `docker-clean` apt configuration removed, apt keeps the downloaded
        // packages in /var/cache/apt: a mount on /var/lib/apt alone no longer keeps the layer
        // clean.
        let keeps_debs = support::runs_in(ctx)
            .take_while(|(o, _)| o.span.start <= outer.span.start)
            .any(|(_, r)| {
                r.commands.iter().any(|c| {
                    c.args().iter().any(|a| {
                        a.text.contains("/etc/apt/apt.conf.d/docker-clean")
                            || a.text.contains("Keep-Downloaded-Packages")
                    })
                })
            });
        let lists = mounted("/var/lib/apt/lists")
            || (targets.iter().any(|t| t == "/var/lib/apt")
                && (!keeps_debs || mounted("/var/cache/apt")));
        if lists {
            continue;
        }
        let calls = pkg::calls(run);
        let Some((at, c)) = calls
            .iter()
            .find(|(_, c)| c.is(&[Pm::AptGet, Pm::Apt, Pm::Aptitude]) && c.installs())
        else {
            continue;
        };
        let removed = run
            .commands
            .iter()
            .skip(at + 1)
            .any(|c| pkg::removes(c, &["/var/lib/apt/lists"]));
        if !removed {
            let name = c.command.name().unwrap_or("apt-get");
            sink.report_msg(c.command.span, crate::msg!(MESSAGE, name = name))
                .set_help_msg(crate::msg!(HELP));
        }
    }
}
