use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `FROM` image written without a tag or digest (`FROM node`). `scratch`, earlier stage
    /// names and images held in variables (`FROM ${BASE}`) are skipped.
    ///
    /// ## Why is this bad?
    /// Without a tag, Docker pulls `latest`, which moves: the next build (or the next ECS deployment
    /// of a rebuilt image) can get another major version without any change in the repository.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20.11-bookworm-slim
    /// ```
    /// A digest (`@sha256:...`) pins the exact image.
    ///
    /// ## References
    /// - hadolint [DL3006](https://github.com/hadolint/hadolint/wiki/DL3006)
    ///
    /// Deliberate difference: hadolint reports `FROM ${BASE}` and `FROM stage-${VARIANT}`; ecsplain
    /// cannot know what the variable holds (often a tagged image or a stage name), so it stays silent.
    /// - Checkov CKV_DOCKER_7
    /// - [Dockerfile reference: FROM](https://docs.docker.com/reference/dockerfile/#from)
    pub static RULE = {
        code: "DL3006",
        name: "untagged-base-image",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "a FROM image has no tag",
    }
}

crate::messages! {
    "DL3006";
    MESSAGE = "the image `{image}` has no tag, so Docker pulls `{image}:latest`";
    HELP = "add the version you tested, like `image:1.2`, or a digest `image@sha256:...`";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for stage in &ctx.dockerfile.stages {
        let image = stage.image.as_str();
        if image.is_empty() || image.contains('$') || image.eq_ignore_ascii_case("scratch") {
            continue;
        }
        if ctx.dockerfile.stages[..stage.index].iter().any(|s| {
            s.alias
                .as_ref()
                .is_some_and(|(a, _)| a.eq_ignore_ascii_case(image))
        }) {
            continue;
        }
        let last = image.rsplit('/').next().unwrap_or(image);
        if last.contains(':') || image.contains('@') {
            continue;
        }
        sink.report_msg(stage.image_span, crate::msg!(MESSAGE, image = image))
            .set_help_msg(crate::msg!(HELP));
    }
}
