use crate::check::Sink;
use crate::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `WORKDIR` that is not an absolute path. Variables and Windows paths (`C:\app`) are
    /// accepted.
    ///
    /// ## Why is this bad?
    /// A relative `WORKDIR` is resolved against the previous one, which may come from the base image
    /// and
    /// change with it: the files land somewhere else and the command fails when the task starts.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// WORKDIR app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// WORKDIR /app
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3000](https://github.com/hadolint/hadolint/wiki/DL3000)
    ///
    /// hadolint rates this an error; Docker builds it, so ecsplain warns.
    /// - Checkov CKV_DOCKER_10
    /// - [Dockerfile reference: WORKDIR](https://docs.docker.com/reference/dockerfile/#workdir)
    pub static RULE = {
        code: "DL3000",
        name: "relative-workdir",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "the WORKDIR is a relative path",
    }
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for ins in ctx.instructions().filter(|i| i.is("WORKDIR")) {
        let Some(word) = ins.words.first() else {
            continue;
        };
        let t = word.text.as_str();
        let bytes = t.as_bytes();
        let windows = bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':';
        if t.starts_with('/') || t.starts_with('$') || t.starts_with('\\') || windows {
            continue;
        }
        sink.report(
            word.span,
            format!("`WORKDIR {t}` is relative to the previous working directory"),
        )
        .set_help(format!("write the absolute path, like `/{t}`"));
    }
}
