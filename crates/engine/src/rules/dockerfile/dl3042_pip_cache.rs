use crate::models::pkg::{self, Pm};
use crate::models::stages as support;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `pip install` without `--no-cache-dir`, unless `PIP_NO_CACHE_DIR` is set with `ENV` or
    /// the `RUN` mounts a cache on pip's cache folder (`/root/.cache/pip` or `/root/.cache`).
    ///
    /// ## Why is this bad?
    /// pip keeps the wheels and archives it downloads (and the wheels it builds) in its cache,
    /// `~/.cache/pip` on Linux by default; in an image that is dead weight next to the
    /// installed packages.
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
    /// - [pip: caching](https://pip.pypa.io/en/stable/topics/caching/)
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

crate::messages! {
    "DL3042";
    MESSAGE = "pip install keeps its download cache in the image";
    HELP = "add `--no-cache-dir`, or mount a cache on /root/.cache/pip";
}

/// pip reads `PIP_NO_CACHE_DIR` as a boolean: `1`, `true`, `yes`, `on` turn the cache off.
fn truthy(value: &str) -> bool {
    matches!(
        value
            .trim_matches(['"', '\''])
            .to_ascii_lowercase()
            .as_str(),
        "1" | "true" | "yes" | "on"
    )
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for f in pkg::find(ctx, &[Pm::Pip]) {
        if !f.call.sub_is(&["install"]) || f.call.has_option("--no-cache-dir") {
            continue;
        }
        const NAME: &str = "PIP_NO_CACHE_DIR";
        // The last setting before the command wins: ENV, then `export` in the RUN, then a
        // prefix on the command itself.
        let mut value = support::env_value(ctx, f.outer, NAME);
        for c in f.run.commands.iter().take(f.index) {
            if c.is("export") {
                for a in c.args() {
                    if let Some(v) = a.text.strip_prefix("PIP_NO_CACHE_DIR=") {
                        value = Some(v.to_string());
                    }
                }
            }
        }
        for a in &f.call.command.assignments {
            if let Some(v) = a.text.strip_prefix("PIP_NO_CACHE_DIR=") {
                value = Some(v.to_string());
            }
        }
        if value.is_some_and(|v| truthy(&v)) {
            continue;
        }
        if f.run.has_cache_mount(&["/root/.cache/pip"])
            || f.run
                .cache_mount_targets()
                .iter()
                .any(|t| t.ends_with(".cache/pip") || t.ends_with("/.cache"))
        {
            continue;
        }
        sink.report_msg(f.call.command.name_span(), crate::msg!(MESSAGE))
            .set_help_msg(crate::msg!(HELP));
    }
}
