use super::pairing;
use crate::models::project::ProjectCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// When a service definition and its task definition are linted together, finds a task
    /// using the `awsvpc` network mode (always the case on Fargate) whose service has no
    /// `networkConfiguration.awsvpcConfiguration`, and the other way round a service with an
    /// `awsvpcConfiguration` whose task uses another network mode (`bridge`, `host`, `none`).
    ///
    /// ## Why is this bad?
    /// With `awsvpc`, each task gets its own network interface, and ECS needs to know in which
    /// subnets and with which security groups to create it. `CreateService` rejects a
    /// service for an `awsvpc` task without a network configuration, and one with a network
    /// configuration for a task of any other network mode.
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
    /// - [CreateService networkConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html):
    ///   "This parameter is required for task definitions that use the awsvpc network mode to
    ///   receive their own elastic network interface, and it isn't supported for other network
    ///   modes." (also in the ECS API model botocore ships). The refusal for a bridge task:
    ///   `InvalidParameterException: Network Configuration is not valid for the given
    ///   networkMode of this task definition`, as reported in
    ///   [DataDog/test-infra-definitions#57](https://github.com/DataDog/test-infra-definitions/pull/57)
    ///   and [boltops-tools/ufo#112](https://github.com/boltops-tools/ufo/pull/112).
    /// - [Amazon ECS task networking options for Fargate](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html)
    /// - cfn-lint E3052; `ecspresso verify` (awsvpc needs networkConfiguration).
    pub static RULE = {
        code: "SV063",
        name: "awsvpc-without-network-configuration",
        target: CrossFile,
        severity: Error,
        category: Schema,
        summary: "an awsvpc task's service has no networkConfiguration, or another mode's has one",
    }
}

crate::messages! {
    "SV063";
    NOT_AWSVPC = "the service has a network configuration, but its task uses the \"{mode}\" network mode, for which CreateService does not accept one";
    HELP_REMOVE = "remove networkConfiguration, or give the task \"networkMode\": \"awsvpc\"";
    RELATED_MODE = "{mode} network mode";
    NO_CONFIG = "the task uses the awsvpc network mode, but the service has no `networkConfiguration.awsvpcConfiguration` saying which subnets and security groups to use";
    HELP_ADD = "add `\"networkConfiguration\": {\"awsvpcConfiguration\": {\"subnets\": [...], \"securityGroups\": [...]}}`";
    RELATED_AWSVPC = "awsvpc network mode";
}

pub fn check(project: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    for pair in pairing::pairs(project) {
        let (service, task) = (&pair.service, &pair.task);
        if !service.is_object() || service.service.is_opaque() {
            continue;
        }
        let Some(mode) = task.network_mode() else {
            continue;
        };
        if mode != "awsvpc" {
            // A network configuration for a task that gets no interface of its own.
            let Some(m) = service
                .service
                .get_set("networkConfiguration")
                .and_then(|n| n.member("awsvpcConfiguration"))
                .filter(|m| m.value.as_object().is_some())
            else {
                continue;
            };
            let related = task
                .task
                .member("networkMode")
                .map_or_else(|| task.task_head_span(), |m| m.span());
            sink.report_msg_in(
                service.file,
                m.key_span,
                crate::msg!(NOT_AWSVPC, mode = mode),
            )
            .set_help_msg(crate::msg!(HELP_REMOVE))
            .add_related_in_msg(
                task.file,
                related,
                crate::msg!(RELATED_MODE, mode = mode),
            );
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
        sink.report_msg_in(service.file, span, crate::msg!(NO_CONFIG))
            .set_help_msg(crate::msg!(HELP_ADD))
            .add_related_in_msg(task.file, related, crate::msg!(RELATED_AWSVPC));
    }
}
