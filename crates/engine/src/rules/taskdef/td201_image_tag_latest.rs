use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Reports container images with the tag `latest` or with no tag (which means `latest`),
    /// unless they are pinned by digest. A template placeholder is never reported as a bad
    /// value: `{{ must_env `IMAGE` }}` or `app:${TAG}` could hold any tag (`TD309` notes that
    /// the check could not decide). Literal text after the last placeholder still counts:
    /// `${repository_url}:latest` is reported.
    ///
    /// When an ecspresso config among the files linted names the task definition, the help
    /// suggests ecspresso's way: a tag filled at deploy time by `{{ must_env `IMAGE_TAG` }}`.
    ///
    /// ## Why is this bad?
    /// `latest` moves, so the task definition revision does not say which code it runs. ECS
    /// narrows this within one service deployment: when the deployment starts it resolves the tag
    /// to a digest, and every task of that deployment, including tasks started later to scale out
    /// or replace a failed one, runs that digest (software version consistency; services created
    /// or updated since 2024-06-25, Fargate platform 1.4.0+ or ECS agent 1.70.0+). The next
    /// deployment resolves the tag again: a forced new deployment picks up a new image under the
    /// same tag, and redeploying an older revision (`ecspresso rollback`) runs today's `latest`,
    /// so it rolls back nothing. A container with `"versionConsistency": "disabled"` is not
    /// resolved at all, and a standalone task (`RunTask`, a scheduled task) is not part of a
    /// service deployment. A version tag ties the revision to the code it runs.
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
    /// - [Container image resolution](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html#deployment-container-image-stability)
    ///   and `ContainerDefinition.versionConsistency` in the API reference ("Specifies whether
    ///   Amazon ECS will resolve the container image tag ... to an image digest. By default, the
    ///   value is enabled.")
    /// - [What's New, 2024-07-11](https://aws.amazon.com/about-aws/whats-new/2024/07/amazon-ecs-software-version-consistency-containerized-applications/):
    ///   tags are resolved "when you deploy an update to your Amazon ECS service", and a scale-out
    ///   after the deployment uses the same image; the dates and versions above.
    /// - [ForceNewDeployment](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-service-forcenewdeployment.html):
    ///   a new deployment can "update a service's tasks to use a newer Docker image with the same
    ///   image/tag combination (my_image:latest)".
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

// The *_ECSPRESSO helps are for a task definition an ecspresso config names: let ecspresso put
// the version in at deploy time.
crate::messages! {
    "TD201";
    LATEST = "container `{container}` uses the moving tag `latest`";
    NO_TAG = "container `{container}` uses image \"{image}\" with no tag, which means `latest`";
    HELP_LATEST = "tag images with a version (the release or the commit) and use that tag, or pin the digest";
    HELP_LATEST_ECSPRESSO = "tag images with a version (the release or the commit) and use that tag, or pin the digest; with ecspresso, write the tag as a template the deploy fills, e.g. `\"image\": \"<repository>:{{ must_env `IMAGE_TAG` }}\"`, and export IMAGE_TAG (the release or the commit) in the pipeline";
    HELP_NO_TAG = "add a version tag (the release or the commit), or pin the digest";
    HELP_NO_TAG_ECSPRESSO = "add a version tag (the release or the commit), or pin the digest; with ecspresso, write the tag as a template the deploy fills, e.g. `\"image\": \"<repository>:{{ must_env `IMAGE_TAG` }}\"`, and export IMAGE_TAG (the release or the commit) in the pipeline";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    for c in &ctx.containers {
        let Some(node) = c.get_set("image") else {
            continue;
        };
        let Some(image) = node.as_str() else {
            continue;
        };
        if image.contains('%') || util::is_bare_token(image) || image.trim().is_empty() {
            continue;
        }
        let name = ctx.container_name(c);
        match util::image_tag(image) {
            util::ImageTag::Tag(Some("latest")) => {
                let help = if ctx.ecspresso {
                    crate::msg!(HELP_LATEST_ECSPRESSO)
                } else {
                    crate::msg!(HELP_LATEST)
                };
                sink.report_msg(node.span, crate::msg!(LATEST, container = name))
                    .set_help_msg(help);
            }
            util::ImageTag::Tag(None) => {
                let help = if ctx.ecspresso {
                    crate::msg!(HELP_NO_TAG_ECSPRESSO)
                } else {
                    crate::msg!(HELP_NO_TAG)
                };
                sink.report_msg(
                    node.span,
                    crate::msg!(NO_TAG, container = name, image = image),
                )
                .set_help_msg(help);
            }
            _ => {}
        }
    }
}
