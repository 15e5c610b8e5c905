use crate::check::Sink;
use crate::taskdef::TaskDefCtx;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Reports container images with the tag `latest` or with no tag (which means `latest`),
    /// unless they are pinned by digest. Template placeholders (`{{ must_env `IMAGE` }}`,
    /// `${IMAGE}`) are never reported.
    ///
    /// ## Why is this bad?
    /// `latest` moves. Each task that starts, including replacements after a crash and scale-out
    /// in the middle of the night, may pull a different image from the one you tested, and a
    /// rollback to the previous task definition revision rolls back nothing. A version tag ties
    /// the revision to the code it runs.
    ///
    /// ## Example
    /// ```json
    /// { "name": "app", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:latest" }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "app", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2" }
    /// ```
    ///
    /// ## References
    /// - [Image (task definition parameters)](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_image)
    /// - Checklist: container image 5 (version tag); task definition 6 (version in tags). hadolint DL3006/DL3007 and Checkov CKV_DOCKER_7 for the Dockerfile side; Trivy DS-0001.
    pub static RULE = {
        code: "TD201",
        name: "image-tag-latest",
        target: TaskDef,
        severity: Warning,
        category: Reliability,
        summary: "a container image tagged latest or not tagged at all",
    }
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    for c in &ctx.containers {
        let Some(node) = c.get_set("image") else {
            continue;
        };
        let Some(image) = util::known_str(Some(node)) else {
            continue;
        };
        if image.contains('%') || util::is_bare_token(image) || image.trim().is_empty() {
            continue;
        }
        let parsed = crate::image::parse_image(image);
        if parsed.digest.is_some() {
            continue;
        }
        let name = ctx.container_name(c);
        match parsed.tag {
            Some("latest") => {
                sink.report(node.span, format!("container `{name}` uses the moving tag `latest`"))
                    .set_help("tag images with a version (the release or the commit) and use that tag, or pin the digest");
            }
            None => {
                sink.report(node.span, format!("container `{name}` uses image \"{image}\" with no tag, which means `latest`"))
                    .set_help("add a version tag (the release or the commit), or pin the digest");
            }
            Some(_) => {}
        }
    }
}
