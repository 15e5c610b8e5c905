use super::pairing;
use crate::check::Sink;
use crate::project::ProjectCtx;

crate::declare_rule! {
    /// ## What it does
    /// When a service definition and its task definition are linted together, finds a task
    /// using the `awsvpc` network mode (always the case on Fargate) whose service has no
    /// `networkConfiguration.awsvpcConfiguration`.
    ///
    /// ## Why is this bad?
    /// With `awsvpc`, each task gets its own network interface, and ECS needs to know in which
    /// subnets and with which security groups to create it. `CreateService` rejects a
    /// service for an `awsvpc` task without a network configuration.
    ///
    /// ## Example
    /// Task: `"networkMode": "awsvpc"`; service: no `networkConfiguration`.
    ///
    /// ## Use instead
    /// ```json
    /// { "networkConfiguration": { "awsvpcConfiguration": {
    ///     "subnets": ["subnet-0aaa", "subnet-0bbb"], "securityGroups": ["sg-0123"],
    ///     "assignPublicIp": "DISABLED" } } }
    /// ```
    ///
    /// ## References
    /// - [Amazon ECS task networking options for Fargate](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html)
    /// - cfn-lint E3052; `ecspresso verify` (awsvpc needs networkConfiguration).
    pub static RULE = {
        code: "SV063",
        name: "awsvpc-without-network-configuration",
        target: CrossFile,
        severity: Error,
        category: Schema,
        summary: "an awsvpc task's service has no networkConfiguration",
    }
}

pub fn check(project: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    for pair in pairing::pairs(project) {
        let (service, task) = (&pair.service, &pair.task);
        if task.network_mode() != Some("awsvpc")
            || !service.is_object()
            || service.service.is_opaque()
        {
            continue;
        }
        let network = service.service.get_set("networkConfiguration");
        if network.is_some_and(|n| n.is_placeholder() || n.get_set("awsvpcConfiguration").is_some())
        {
            continue;
        }
        let span = service
            .service
            .member("networkConfiguration")
            .map_or_else(|| service.service_head_span(), |m| m.key_span);
        let related = task
            .task
            .member("networkMode")
            .map_or_else(|| task.task_head_span(), |m| m.span());
        sink.report_in(
            service.file,
            span,
            "the task uses the awsvpc network mode, but the service has no `networkConfiguration.awsvpcConfiguration` saying which subnets and security groups to use",
        )
        .set_help("add `\"networkConfiguration\": {\"awsvpcConfiguration\": {\"subnets\": [...], \"securityGroups\": [...]}}`")
        .add_related_in(task.file, related, "awsvpc network mode");
    }
}
