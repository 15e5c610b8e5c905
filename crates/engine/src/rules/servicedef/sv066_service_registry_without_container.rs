use super::pairing;
use crate::models::project::ProjectCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// When a service definition and its task definition are linted together, checks that a
    /// service whose task uses the `bridge` or `host` network mode gives each
    /// `serviceRegistries` entry a `containerName` and a `containerPort`.
    ///
    /// ## Why is this bad?
    /// Without a network interface of its own, a task is registered in Cloud Map by the host
    /// port of one of its containers; ECS has to be told which container and port, and
    /// `CreateService` refuses the registry without them.
    ///
    /// ## Example
    /// A service with `"serviceRegistries": [{ "registryArn": "arn:aws:servicediscovery:...:service/srv-..." }]`
    /// whose task definition has `"networkMode": "bridge"`.
    ///
    /// ## Use instead
    /// ```json
    /// { "serviceRegistries": [{ "registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-abcdefgh12345678",
    ///   "containerName": "app", "containerPort": 8080 }] }
    /// ```
    ///
    /// ## References
    /// - [ServiceRegistry](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceRegistry.html):
    ///   "If the task definition that your service task specifies uses the bridge or host
    ///   network mode, you must specify a containerName and containerPort combination from the
    ///   task definition." (In the ECS API model botocore ships; catalogued in
    ///   `data/ecs-constraints.json`.)
    pub static RULE = {
        code: "SV066",
        name: "service-registry-without-container",
        target: CrossFile,
        severity: Error,
        category: Schema,
        summary: "a service registry without containerName and containerPort for a bridge or host task",
    }
}

crate::messages! {
    "SV066";
    NO_CONTAINER = "this service registry names no container and port, which a task in the \"{mode}\" network mode needs";
    HELP = "add containerName and containerPort: the container and the port Cloud Map should point at";
    RELATED = "the task's network mode";
}

pub fn check(project: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    for pair in pairing::pairs(project) {
        let service = &pair.service;
        let task = &pair.task;
        let Some(mode) = task
            .network_mode()
            .filter(|m| *m == "bridge" || *m == "host")
        else {
            continue;
        };
        for r in service.service.get_array("serviceRegistries") {
            if r.as_object().is_none() || r.is_opaque() {
                continue;
            }
            let has = |k: &str| r.get_set(k).is_some();
            if has("containerName") && has("containerPort") {
                continue;
            }
            let span =
                crate::input::span::Span::new(r.span.start as usize, r.span.start as usize + 1);
            let d = sink.report_msg_in(service.file, span, crate::msg!(NO_CONTAINER, mode = mode));
            d.set_help_msg(crate::msg!(HELP));
            if let Some(n) = task.task.get("networkMode") {
                d.add_related_in_msg(task.file, n.span, crate::msg!(RELATED));
            }
        }
    }
}
