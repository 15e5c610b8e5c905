use crate::models::taskdef::{Shape, TaskDefCtx};
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Checks that the task has an `executionRoleArn` (not an empty one) when something needs it: `secrets` (or
    /// log `secretOptions`) or `repositoryCredentials` on any launch type, and on Fargate a
    /// private Amazon ECR image or the `awslogs` log driver.
    ///
    /// ## Why is this bad?
    /// The ECS agent uses the task execution role to fetch secrets, pull private images and
    /// write logs for the task. On Fargate there is no instance role to fall back on. Without it
    /// the task fails to start (`ResourceInitializationError`) or is rejected at registration.
    ///
    /// ## Example
    /// ```json
    /// { "requiresCompatibilities": ["FARGATE"], "containerDefinitions": [{ "name": "app",
    ///   "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.0" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "requiresCompatibilities": ["FARGATE"],
    ///   "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
    ///   "containerDefinitions": [{ "name": "app",
    ///   "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.0" }] }
    /// ```
    ///
    /// ## References
    /// - The refusal on Fargate: `ClientException: Fargate requires task definition to have
    ///   execution role ARN to support log driver awslogs.`
    ///   ([virtual-kubelet/virtual-kubelet#193](https://github.com/virtual-kubelet/virtual-kubelet/issues/193)).
    /// - [Task execution IAM role](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html)
    /// - Checklist: task definition 8 (IAM roles). cfn-lint E3511 checks the role ARN's form.
    pub static RULE = {
        code: "TD018",
        name: "missing-execution-role",
        target: TaskDef,
        severity: Error,
        category: Security,
        summary: "secrets, a private image or awslogs without a task execution role",
    }
}

crate::messages! {
    "TD018";
    NO_ROLE = "container `{name}` {what}, but the task has no executionRoleArn";
    EMPTY_ROLE = "container `{name}` {what}, but the task's executionRoleArn is empty";
    READS_SECRETS = "reads secrets";
    LOG_SECRETS = "passes secrets to its log driver";
    REPOSITORY_CREDENTIALS = "pulls with repository credentials";
    PRIVATE_ECR_IMAGE = "pulls a private Amazon ECR image";
    AWSLOGS = "logs with awslogs";
    RELATED_EMPTY_ROLE = "the empty execution role";
    RELATED_ALSO = "also {what}";
    HELP = "add an executionRoleArn for a role trusted by ecs-tasks.amazonaws.com with the AmazonECSTaskExecutionRolePolicy (plus secretsmanager/ssm read for secrets)";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    use crate::input::msg::Template;
    if ctx.shape == Shape::ContainerArray || ctx.task.is_opaque() {
        return;
    }
    // An empty string (or null) names no role: AWS treats it as none.
    let exec = ctx.task.get_set("executionRoleArn");
    let empty = match exec {
        None => false,
        Some(n) if n.is_null() => true,
        Some(n) => n.as_str().is_some_and(|s| s.trim().is_empty()),
    };
    if exec.is_some() && !empty {
        return;
    }
    let lack: &'static Template = if empty { &EMPTY_ROLE } else { &NO_ROLE };
    for c in &ctx.containers {
        let name = ctx.container_name(c);
        let mut needs: Vec<(crate::input::span::Span, &'static Template)> = Vec::new();
        if let Some(m) = c
            .member("secrets")
            .filter(|m| m.value.as_array().is_some_and(|a| !a.is_empty()))
        {
            needs.push((m.key_span, &READS_SECRETS));
        }
        if let Some(m) = c
            .get_set("logConfiguration")
            .and_then(|l| l.member("secretOptions"))
            .filter(|m| m.value.as_array().is_some_and(|a| !a.is_empty()))
        {
            needs.push((m.key_span, &LOG_SECRETS));
        }
        if let Some(m) = c
            .member("repositoryCredentials")
            .filter(|m| !m.value.is_null())
        {
            needs.push((m.key_span, &REPOSITORY_CREDENTIALS));
        }
        if ctx.is_fargate() {
            if let Some(image) = c.get("image") {
                if util::known_str(Some(image))
                    .and_then(|s| crate::models::image::parse_image(s).registry)
                    .and_then(crate::models::image::ecr_region)
                    .is_some()
                {
                    needs.push((image.span, &PRIVATE_ECR_IMAGE));
                }
            }
            if util::log_driver(c) == Some("awslogs") {
                if let Some(d) = c
                    .get_set("logConfiguration")
                    .and_then(|l| l.get("logDriver"))
                {
                    needs.push((d.span, &AWSLOGS));
                }
            }
        }
        let Some((span, what)) = needs.first().copied() else {
            continue;
        };
        let d = sink.report_msg(
            span,
            crate::msg!(*lack, name = name, what = crate::msg!(*what)),
        );
        if let Some(e) = exec.filter(|_| empty) {
            d.add_related_msg(e.span, crate::msg!(RELATED_EMPTY_ROLE));
        }
        d.set_help_msg(crate::msg!(HELP));
        for (s, w) in needs.iter().skip(1) {
            d.add_related_msg(*s, crate::msg!(RELATED_ALSO, what = crate::msg!(**w)));
        }
    }
}
