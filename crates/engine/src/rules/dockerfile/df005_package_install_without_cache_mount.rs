use crate::models::pkg::{self, Pm};
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `RUN` that installs packages (`apt-get install`, `apk add`, `yum`/`dnf install`,
    /// `pip install`, `npm ci`/`install`, `yarn`, `go mod download`, `bundle install`) with no
    /// `--mount=type=cache`.
    ///
    /// ## Why is this bad?
    /// Without a cache mount every rebuild downloads every package again, which is the slowest part of
    /// most CI builds. A cache mount keeps the downloads on the builder, out of the image, and also
    /// satisfies the "clean the cache" rules (DL3009, DL3019, DL3042, DL3060).
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// RUN pip install --no-cache-dir -r requirements.txt
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// # syntax=docker/dockerfile:1
    /// FROM python:3.12-slim
    /// RUN --mount=type=cache,target=/root/.cache/pip \
    ///     --mount=type=bind,source=requirements.txt,target=requirements.txt \
    ///     pip install -r requirements.txt
    /// ```
    ///
    /// ## References
    /// - [Docker build cache: cache
    ///   mounts](https://docs.docker.com/build/cache/optimize/#use-cache-mounts)
    /// - [Dockerfile reference: RUN
    ///   --mount=type=cache](https://docs.docker.com/reference/dockerfile/#run---mounttypecache)
    /// - hadolint issue #1139 asks for this advice.
    pub static RULE = {
        code: "DF005",
        name: "package-install-without-cache-mount",
        target: Dockerfile,
        severity: Info,
        category: Cicd,
        summary: "a package install does not use a BuildKit cache mount",
    }
}

crate::messages! {
    "DF005";
    MESSAGE = "`{program}` downloads every package again on each build";
    HELP = "add `--mount=type=cache,target=<the package manager's cache folder>` to the RUN";
}

fn installs(c: &crate::syntax::dockerfile::Command) -> bool {
    let sub = c.subcommand().map(|w| w.text.as_str());
    match c.name() {
        Some("go") => c.has_arg("download") && c.has_arg("mod"),
        Some("bundle") => sub == Some("install"),
        _ => pkg::call(c).is_some_and(|k| {
            k.installs()
                && k.is(&[
                    Pm::AptGet,
                    Pm::Apt,
                    Pm::Aptitude,
                    Pm::Yum,
                    Pm::Dnf,
                    Pm::Microdnf,
                    Pm::Apk,
                    Pm::Npm,
                    Pm::Yarn,
                    Pm::Pnpm,
                    Pm::Pip,
                ])
        }),
    }
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for run in ctx.runs() {
        let cached = run
            .flags_named("mount")
            .any(|f| f.fields().iter().any(|(k, v)| k == "type" && v == "cache"));
        if cached {
            continue;
        }
        if let Some(c) = run.commands.iter().find(|c| installs(c)) {
            let program = c.name().unwrap_or("the package manager");
            sink.report_msg(c.span, crate::msg!(MESSAGE, program = program))
                .set_help_msg(crate::msg!(HELP));
        }
    }
}
