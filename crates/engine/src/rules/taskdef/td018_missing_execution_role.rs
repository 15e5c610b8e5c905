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

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
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
    let lack = if empty {
        "the task's executionRoleArn is empty"
    } else {
        "the task has no executionRoleArn"
    };
    for c in &ctx.containers {
        let name = ctx.container_name(c);
        let mut needs: Vec<(crate::input::span::Span, &str)> = Vec::new();
        if let Some(m) = c
            .member("secrets")
            .filter(|m| m.value.as_array().is_some_and(|a| !a.is_empty()))
        {
            needs.push((m.key_span, "reads secrets"));
        }
        if let Some(m) = c
            .get_set("logConfiguration")
            .and_then(|l| l.member("secretOptions"))
            .filter(|m| m.value.as_array().is_some_and(|a| !a.is_empty()))
        {
            needs.push((m.key_span, "passes secrets to its log driver"));
        }
        if let Some(m) = c
            .member("repositoryCredentials")
            .filter(|m| !m.value.is_null())
        {
            needs.push((m.key_span, "pulls with repository credentials"));
        }
        if ctx.is_fargate() {
            if let Some(image) = c.get("image") {
                if util::known_str(Some(image))
                    .and_then(|s| crate::models::image::parse_image(s).registry)
                    .and_then(crate::models::image::ecr_region)
                    .is_some()
                {
                    needs.push((image.span, "pulls a private Amazon ECR image"));
                }
            }
            if util::log_driver(c) == Some("awslogs") {
                if let Some(d) = c
                    .get_set("logConfiguration")
                    .and_then(|l| l.get("logDriver"))
                {
                    needs.push((d.span, "logs with awslogs"));
                }
            }
        }
        let Some((span, what)) = needs.first().copied() else {
            continue;
        };
        let d = sink.report(span, format!("container `{name}` {what}, but {lack}"));
        if let Some(e) = exec.filter(|_| empty) {
            d.add_related(e.span, "the empty execution role");
        }
        d.set_help(
            "add an executionRoleArn for a role trusted by ecs-tasks.amazonaws.com with the \
             AmazonECSTaskExecutionRolePolicy (plus secretsmanager/ssm read for secrets)",
        );
        for (s, w) in needs.iter().skip(1) {
            d.add_related(*s, format!("also {w}"));
        }
    }
}
