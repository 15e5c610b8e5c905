use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Compares the region of each Amazon ECR image with the region the task logs to
    /// (`awslogs-region`): when they differ, the task probably runs in one region and pulls its
    /// image from another. The registry is read even when the tag is a template
    /// (`...amazonaws.com/app:{{ must_env `TAG` }}`). `XF109` compares with the ecspresso
    /// config's `region` when the config is linted too.
    ///
    /// ## Why is this bad?
    /// A cross-region pull is slower (so scale-out is slower), costs data transfer, and makes the
    /// task depend on a second region's availability. Replicate the repository to the region the
    /// task runs in.
    ///
    /// ## Example
    /// ```json
    /// { "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0",
    ///   "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-region": "eu-west-1" } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.0",
    ///   "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-region": "eu-west-1" } } }
    /// ```
    ///
    /// ## References
    /// - [Private image replication in Amazon ECR](https://docs.aws.amazon.com/AmazonECR/latest/userguide/replication.html)
    /// - Checklist: auto scaling 4 (tasks and ECR in the same region).
    pub static RULE = {
        code: "TD305",
        name: "image-region-mismatch",
        target: TaskDef,
        severity: Info,
        category: Sizing,
        summary: "an ECR image in a different region from the one the task logs to",
    }
}

crate::messages! {
    "TD305";
    REGION_MISMATCH = "container `{container}` pulls from ECR in {image_region}, but the task logs to {region}";
    HELP_REPLICATE = "replicate the repository to the task's region and pull from there";
    RELATED_LOG_REGION = "the log region";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    // The log region of any container stands for the task's region.
    let log_region = ctx.containers.iter().find_map(|c| {
        let node = c
            .get_set("logConfiguration")?
            .get_set("options")?
            .get_set("awslogs-region")?;
        util::known_str(Some(node)).map(|r| (r, node))
    });
    let Some((region, region_node)) = log_region else {
        return;
    };
    for c in &ctx.containers {
        let Some(node) = c.get_set("image") else {
            continue;
        };
        // The registry is enough: the tag may be a template.
        let Some(image_region) = node.as_str().and_then(util::ecr_region_of) else {
            continue;
        };
        if image_region == region {
            continue;
        }
        sink.report_msg(
            node.span,
            crate::msg!(
                REGION_MISMATCH,
                container = ctx.container_name(c),
                image_region = image_region,
                region = region
            ),
        )
        .set_help_msg(crate::msg!(HELP_REPLICATE))
        .add_related_msg(region_node.span, crate::msg!(RELATED_LOG_REGION));
    }
}
