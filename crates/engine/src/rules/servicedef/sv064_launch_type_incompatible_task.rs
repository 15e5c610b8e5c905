use super::pairing;
use crate::models::project::ProjectCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// When a service definition and its task definition are linted together, finds a service
    /// that runs on Fargate (`launchType` `FARGATE` or a Fargate capacity provider) while the
    /// task definition's `requiresCompatibilities` is written without `FARGATE`.
    ///
    /// ## Why is this bad?
    /// ECS validates a task definition for the launch types it lists. A task definition
    /// registered only for EC2 is not checked against Fargate's rules, and ECS refuses to run
    /// it with the Fargate launch type.
    ///
    /// ## Example
    /// Task: `"requiresCompatibilities": ["EC2"]`; service: `"launchType": "FARGATE"`.
    ///
    /// ## Use instead
    /// ```json
    /// { "requiresCompatibilities": ["FARGATE"] }
    /// ```
    /// in the task definition (with `awsvpc`, task-level `cpu` and `memory`).
    ///
    /// ## References
    /// - [RegisterTaskDefinition: requiresCompatibilities](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html)
    /// - Observed error: "InvalidParameterException ... Task definition does not support launch_type
    ///   FARGATE." ([aws/aws-cli#3983](https://github.com/aws/aws-cli/issues/3983))
    /// - cfn-lint E3054.
    pub static RULE = {
        code: "SV064",
        name: "launch-type-incompatible-task",
        target: CrossFile,
        severity: Error,
        category: Schema,
        summary: "a Fargate service for a task definition not declared Fargate-compatible",
    }
}

crate::messages! {
    "SV064";
    NOT_FARGATE = "the service runs on Fargate, but the task definition's `requiresCompatibilities` does not include FARGATE";
    HELP = "add \"FARGATE\" to the task's `requiresCompatibilities` (Fargate also needs awsvpc and task-level cpu and memory)";
    RELATED = "the launch types the task supports";
}

pub fn check(project: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    for pair in pairing::pairs(project) {
        let (service, task) = (&pair.service, &pair.task);
        if !service.is_fargate() || !task.compat.declared || task.compat.fargate {
            continue;
        }
        if task
            .task
            .get_array("requiresCompatibilities")
            .iter()
            .any(crate::syntax::value::Node::is_placeholder)
        {
            continue;
        }
        let span = service
            .service
            .member("launchType")
            .filter(|_| service.launch_type() == Some("FARGATE"))
            .map(|m| m.span())
            .or_else(|| {
                service
                    .capacity_providers()
                    .find(|p| {
                        matches!(
                            p.get_str("capacityProvider"),
                            Some("FARGATE" | "FARGATE_SPOT")
                        )
                    })
                    .and_then(|p| p.get("capacityProvider"))
                    .map(|n| n.span)
            })
            .unwrap_or_else(|| service.service_head_span());
        let related = task
            .task
            .member("requiresCompatibilities")
            .map_or_else(|| task.task_head_span(), |m| m.span());
        sink.report_msg_in(service.file, span, crate::msg!(NOT_FARGATE))
            .set_help_msg(crate::msg!(HELP))
            .add_related_in_msg(task.file, related, crate::msg!(RELATED));
    }
}
