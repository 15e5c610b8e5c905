use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `FROM` image with the `:latest` tag.
    ///
    /// ## Why is this bad?
    /// `latest` is whatever was pushed last: builds are not reproducible, and a rebuild of the
    /// application's image can bring another major version of its base into the next deployment
    /// with no change in the repository.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:latest
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3007](https://github.com/hadolint/hadolint/wiki/DL3007)
    /// - Checkov CKV_DOCKER_7
    pub static RULE = {
        code: "DL3007",
        name: "latest-tag",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "a FROM image uses the `latest` tag",
    }
}

crate::messages! {
    "DL3007";
    MESSAGE = "`{image}` uses the moving `latest` tag";
    HELP = "use the version tag you tested, or a digest";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for stage in &ctx.dockerfile.stages {
        let image = stage.image.as_str();
        let without_digest = image.split('@').next().unwrap_or(image);
        if image.contains('@') {
            continue;
        }
        if without_digest
            .rsplit('/')
            .next()
            .is_some_and(|l| l.ends_with(":latest"))
        {
            sink.report_msg(stage.image_span, crate::msg!(MESSAGE, image = image))
                .set_help_msg(crate::msg!(HELP));
        }
    }
}
