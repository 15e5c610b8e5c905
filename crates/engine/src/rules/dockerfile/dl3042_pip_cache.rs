use super::support;
use crate::check::Sink;
use crate::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `pip install` without `--no-cache-dir`, unless `PIP_NO_CACHE_DIR` is set with `ENV` or
    /// the `RUN` mounts a cache on pip's cache folder (`/root/.cache/pip` or `/root/.cache`).
    ///
    /// ## Why is this bad?
    /// pip keeps every downloaded wheel in `~/.cache/pip`; in an image that is dead weight, often
    /// larger than the packages.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// RUN pip install flask==3.0.3
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// RUN pip install --no-cache-dir flask==3.0.3
    /// ```
    /// or `RUN --mount=type=cache,target=/root/.cache/pip pip install flask==3.0.3`, which is faster on
    /// rebuilds.
    ///
    /// ## References
    /// - hadolint [DL3042](https://github.com/hadolint/hadolint/wiki/DL3042)
    /// - [Docker build cache: cache
    ///   mounts](https://docs.docker.com/build/cache/optimize/#use-cache-mounts)
    ///
    /// Deliberate difference: pip called by path (`/venv/bin/pip`) is recognised; hadolint knows only
    /// the bare name.
    pub static RULE = {
        code: "DL3042",
        name: "pip-cache",
        target: Dockerfile,
        severity: Warning,
        category: ImageSize,
        summary: "pip install keeps its download cache",
    }
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    if support::env_set(ctx, "PIP_NO_CACHE_DIR") {
        return;
    }
    for (run, c) in support::commands(ctx) {
        let Some(pip) = support::pip_command(c) else {
            continue;
        };
        if pip.subcommand().is_none_or(|w| w.text != "install") || pip.has_option("--no-cache-dir")
        {
            continue;
        }
        if run.has_cache_mount(&["/root/.cache/pip"])
            || run
                .cache_mount_targets()
                .iter()
                .any(|t| t.ends_with(".cache/pip") || t.ends_with("/.cache"))
        {
            continue;
        }
        sink.report(
            c.name_span(),
            "pip install keeps its download cache in the image",
        )
        .set_help("add `--no-cache-dir`, or mount a cache on /root/.cache/pip");
    }
}
