use crate::input::Kind;
use crate::models::ecspresso;
use crate::models::project::ProjectCtx;
use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;
use crate::rules::taskdef::util;
use crate::syntax::value::Node;

crate::declare_rule! {
    /// ## What it does
    /// When an ecspresso config and the task definition it names are linted together, compares
    /// the region of each Amazon ECR image with the config's `region` (where ecspresso deploys
    /// the service): when they differ, the tasks pull their image from another region.
    ///
    /// A placeholder in the config's `region` or in the image's registry is skipped. When the
    /// task's `awslogs-region` is known and already differs from the image's region, `TD305`
    /// reports the image and this rule stays quiet (one finding per image).
    ///
    /// ## Why is this bad?
    /// A cross-region pull is slower (so scale-out and replacement tasks start later), costs
    /// data transfer, and makes the service depend on a second region's availability. ECR
    /// replication keeps a copy in the region the tasks run in.
    ///
    /// ## Example
    /// `ecspresso.yml`: `region: eu-west-1`; task definition:
    /// ```json
    /// { "name": "app", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:{{ must_env `IMAGE_TAG` }}" }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "app", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:{{ must_env `IMAGE_TAG` }}" }
    /// ```
    ///
    /// ## References
    /// - [Private image replication in Amazon ECR](https://docs.aws.amazon.com/AmazonECR/latest/userguide/replication.html)
    /// - Checklist: auto scaling 4 (tasks and ECR in the same region).
    /// - `ecspresso verify` checks the image in the region its URI names, not the deploy region.
    pub static RULE = {
        code: "XF109",
        name: "image-region-differs-from-deploy",
        target: CrossFile,
        severity: Info,
        category: Sizing,
        summary: "an ECR image in a different region from the one the ecspresso config deploys to",
    }
}

crate::messages! {
    "XF109";
    OTHER_REGION = "container `{name}` pulls from ECR in {image_region}, but the ecspresso config deploys to {region}";
    HELP_REPLICATE = "replicate the repository to {region} (ECR replication) and pull from there";
    RELATED_DEPLOY_REGION = "the deploy region";
}

/// The `awslogs-region` of the task, when a container gives a known one (as `TD305` reads it).
fn log_region<'a>(task: &TaskDefCtx<'a>) -> Option<&'a str> {
    task.containers.iter().find_map(|c| {
        let node = c
            .get_set("logConfiguration")?
            .get_set("options")?
            .get_set("awslogs-region")?;
        util::known_str(Some(node))
    })
}

pub fn check(project: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    for (config_file, input) in project.inputs.iter().enumerate() {
        if input.kind != Some(Kind::Ecspresso) {
            continue;
        }
        let Some(config) = input.tree() else { continue };
        let Some(region_node) = config.get_set("region") else {
            continue;
        };
        let Some(region) = util::known_str(Some(region_node)).map(str::trim) else {
            continue;
        };
        if region.is_empty() {
            continue;
        }
        for reference in ecspresso::references_in(input.path, config) {
            if reference.template || reference.role != Kind::TaskDef {
                continue;
            }
            for (task_file, task_input) in project.inputs.iter().enumerate() {
                if task_input.kind != Some(Kind::TaskDef)
                    || ecspresso::normalize_path(task_input.path) != reference.resolved
                {
                    continue;
                }
                let Some(root) = task_input.tree() else {
                    continue;
                };
                let task = TaskDefCtx::new(task_input.text, task_file, root);
                let logs = log_region(&task);
                for c in &task.containers {
                    let Some(node) = c.get_set("image") else {
                        continue;
                    };
                    let Some(image_region) = node.as_str().and_then(util::ecr_region_of) else {
                        continue;
                    };
                    if image_region == region || logs.is_some_and(|l| l != image_region) {
                        continue;
                    }
                    report(
                        sink,
                        &task,
                        c,
                        node,
                        image_region,
                        region,
                        config_file,
                        region_node,
                    );
                }
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn report(
    sink: &mut Sink<'_>,
    task: &TaskDefCtx<'_>,
    container: &Node,
    image: &Node,
    image_region: &str,
    region: &str,
    config_file: usize,
    region_node: &Node,
) {
    sink.report_msg_in(
        task.file,
        image.span,
        crate::msg!(
            OTHER_REGION,
            name = task.container_name(container),
            image_region = image_region,
            region = region
        ),
    )
    .set_help_msg(crate::msg!(HELP_REPLICATE, region = region))
    .add_related_in_msg(
        config_file,
        region_node.span,
        crate::msg!(RELATED_DEPLOY_REGION),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::taskdef::util::ecr_region_of as image_region;

    #[test]
    fn regions_of_templated_images() {
        assert_eq!(
            image_region("123.dkr.ecr.us-east-1.amazonaws.com/app:{{ must_env `TAG` }}"),
            Some("us-east-1")
        );
        assert_eq!(
            image_region("123.dkr.ecr.{{ must_env `AWS_REGION` }}.amazonaws.com/app"),
            None
        );
        assert_eq!(image_region("{{ must_env `IMAGE` }}"), None);
        assert_eq!(image_region("nginx:1.27"), None);
    }
}
