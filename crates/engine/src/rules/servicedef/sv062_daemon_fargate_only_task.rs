use super::pairing;
use crate::models::project::ProjectCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// When a service definition and its task definition are linted together, finds a
    /// `DAEMON` service whose task definition declares only `FARGATE` in
    /// `requiresCompatibilities`.
    ///
    /// ## Why is this bad?
    /// A daemon service puts one task on each EC2 (or external) container instance; Fargate
    /// does not support the daemon strategy. A task definition validated only for Fargate
    /// cannot be placed on container instances, so the service cannot run.
    ///
    /// ## Example
    /// Task: `"requiresCompatibilities": ["FARGATE"]`; service: `"schedulingStrategy": "DAEMON"`.
    ///
    /// ## Use instead
    /// ```json
    /// { "requiresCompatibilities": ["EC2"] }
    /// ```
    /// in the task definition, or a `REPLICA` service on Fargate.
    ///
    /// ## References
    /// - [Service scheduler concepts: daemon strategy](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html)
    /// - `CreateService.schedulingStrategy` in the API reference: DAEMON "deploys exactly one task
    ///   on each active container instance"; "Tasks using the Fargate launch type ... don't support
    ///   the DAEMON scheduling strategy."
    /// - cfn-lint E3044 and E3054.
    pub static RULE = {
        code: "SV062",
        name: "daemon-with-fargate-task",
        target: CrossFile,
        severity: Error,
        category: Schema,
        summary: "a DAEMON service for a task definition that only supports Fargate",
    }
}

crate::messages! {
    "SV062";
    FARGATE_ONLY = "`DAEMON` scheduling needs container instances, but the task definition only supports Fargate";
    HELP = "add EC2 to the task's `requiresCompatibilities` and run the service on EC2, or use `REPLICA` on Fargate";
    RELATED = "the task supports only Fargate";
}

pub fn check(project: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    for pair in pairing::pairs(project) {
        let (service, task) = (&pair.service, &pair.task);
        if !service.is_daemon() || service.is_fargate() {
            continue; // SV005 reports DAEMON with a Fargate launch type.
        }
        let compat = task.compat;
        if !(compat.declared
            && compat.fargate
            && !compat.ec2
            && !compat.external
            && !compat.managed_instances)
        {
            continue;
        }
        let Some(strategy) = service.service.get("schedulingStrategy") else {
            continue;
        };
        let related = task
            .task
            .member("requiresCompatibilities")
            .map_or_else(|| task.task_head_span(), |m| m.span());
        sink.report_msg_in(service.file, strategy.span, crate::msg!(FARGATE_ONLY))
            .set_help_msg(crate::msg!(HELP))
            .add_related_in_msg(task.file, related, crate::msg!(RELATED));
    }
}
