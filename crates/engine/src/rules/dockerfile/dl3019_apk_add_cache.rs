use crate::models::pkg::{self, Pm};
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `apk add` without `--no-cache`, unless the `RUN` mounts a cache on `/var/cache/apk` or
    /// `/etc/apk/cache`.
    ///
    /// ## Why is this bad?
    /// The downloaded index and packages stay in the layer and grow the image.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN apk add curl=8.9.1-r0
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// RUN apk add --no-cache curl=8.9.1-r0
    /// ```
    /// or `RUN --mount=type=cache,target=/var/cache/apk apk add curl=8.9.1-r0`.
    ///
    /// ## References
    /// - hadolint [DL3019](https://github.com/hadolint/hadolint/wiki/DL3019)
    /// - [Docker build cache: cache
    ///   mounts](https://docs.docker.com/build/cache/optimize/#use-cache-mounts)
    pub static RULE = {
        code: "DL3019",
        name: "apk-add-cache",
        target: Dockerfile,
        severity: Info,
        category: ImageSize,
        summary: "apk add keeps its package cache",
    }
}

crate::messages! {
    "DL3019";
    MESSAGE = "apk add keeps the package cache in the image";
    HELP = "add `--no-cache`, or mount a cache on /var/cache/apk";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for f in pkg::find(ctx, &[Pm::Apk]) {
        if !f.call.installs()
            || f.call.has_option("--no-cache")
            || f.run.has_cache_mount(f.call.manager.cache_dirs)
        {
            continue;
        }
        sink.report_msg(f.call.command.name_span(), crate::msg!(MESSAGE))
            .set_help_msg(crate::msg!(HELP));
    }
}
