use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Reports container images referenced by a version tag but not by digest
    /// (`image@sha256:...`). Untagged and `latest` images are TD201's findings; placeholders are
    /// never reported.
    ///
    /// ## Why is this bad?
    /// A tag can be moved to another image (unless the ECR repository is immutable). A digest
    /// names exactly one image, so every task of the revision runs the same bytes. ECS resolves
    /// a tag to a digest when a service deployment starts (`versionConsistency`, enabled by
    /// default), which keeps the tasks of that one deployment alike; the next deployment of the
    /// same revision (a forced one, or a rollback that redeploys it) resolves the tag again.
    ///
    /// ## Example
    /// ```json
    /// { "name": "app", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2" }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "app", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2@sha256:<digest>" }
    /// ```
    ///
    /// ## References
    /// - [Container image resolution](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html#deployment-container-image-stability);
    ///   [What's New, 2024-07-11](https://aws.amazon.com/about-aws/whats-new/2024/07/amazon-ecs-software-version-consistency-containerized-applications/)
    ///   (resolution "when you deploy an update to your Amazon ECS service");
    ///   [ForceNewDeployment](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-service-forcenewdeployment.html)
    ///   (a new deployment picks up "a newer Docker image with the same image/tag combination").
    /// - Checklist: container image 5 (version tag).
    pub static RULE = {
        code: "TD304",
        name: "image-not-pinned",
        target: TaskDef,
        severity: Info,
        category: Cicd,
        summary: "a container image referenced by tag, not by digest",
    }
}

crate::messages! {
    "TD304";
    TAG_NOT_DIGEST = "container `{container}` image is referenced by tag `{tag}`, not pinned by digest";
    HELP_PIN = "append the digest (image:tag@sha256:...) or use an immutable ECR repository";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    for c in &ctx.containers {
        let Some(node) = c.get_set("image") else {
            continue;
        };
        let Some(image) = util::known_str(Some(node)) else {
            continue;
        };
        if image.contains('%') || util::is_bare_token(image) {
            continue;
        }
        let parsed = crate::models::image::parse_image(image);
        match (parsed.tag, parsed.digest) {
            (Some(tag), None) if tag != "latest" => {
                sink.report_msg(
                    node.span,
                    crate::msg!(TAG_NOT_DIGEST, container = ctx.container_name(c), tag = tag),
                )
                .set_help_msg(crate::msg!(HELP_PIN));
            }
            _ => {}
        }
    }
}
