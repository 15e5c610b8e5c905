use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Checks each `serviceRegistries` entry: `containerName` and `containerPort` come
    /// together (one without the other names no port), and on a service whose tasks use
    /// `awsvpc` (it has an `awsvpcConfiguration`, or runs on Fargate) an entry gives either
    /// that pair or a `port`, not both.
    ///
    /// ## Why is this bad?
    /// ECS registers each task in Cloud Map with the container and port the entry names; a
    /// half pair, or a pair and a port that contradict each other, make `CreateService` refuse
    /// the registry.
    ///
    /// ## Example
    /// ```json
    /// { "launchType": "FARGATE", "serviceRegistries": [{
    ///   "registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-abcdefgh12345678",
    ///   "containerName": "app", "containerPort": 8080, "port": 8080 }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "launchType": "FARGATE", "serviceRegistries": [{
    ///   "registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-abcdefgh12345678",
    ///   "containerName": "app", "containerPort": 8080 }] }
    /// ```
    ///
    /// ## References
    /// - [ServiceRegistry](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceRegistry.html)
    ///   containerName and containerPort: "you must specify a containerName and containerPort
    ///   combination from the task definition"; "If the task definition that your service task
    ///   specifies uses the awsvpc network mode and a type SRV DNS record is used, you must
    ///   specify either a containerName and containerPort combination or a port value. However,
    ///   you can't specify both." (In the ECS API model botocore ships; catalogued in
    ///   `data/ecs-constraints.json`.)
    pub static RULE = {
        code: "SV035",
        name: "service-registry-invalid",
        target: ServiceDef,
        severity: Error,
        category: Schema,
        summary: "a service registry with containerName or containerPort alone, or with both the pair and a port under awsvpc",
    }
}

crate::messages! {
    "SV035";
    NO_CONTAINER_PORT = "this service registry names a container but no containerPort";
    HELP_ADD_PORT = "add the containerPort of that container to register";
    NO_CONTAINER_NAME = "this service registry names a containerPort but no containerName";
    HELP_ADD_NAME = "add the containerName whose port this is";
    BOTH = "this service registry gives both a container and port pair and a port; an awsvpc service takes one or the other";
    HELP_ONE = "keep containerName and containerPort, or only port";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    let awsvpc = ctx.awsvpc().is_some() || ctx.is_fargate();
    for r in ctx.service.get_array("serviceRegistries") {
        if r.as_object().is_none() || r.is_opaque() {
            continue;
        }
        let name = r.member("containerName").filter(|m| {
            m.value.as_str().is_some_and(|s| !s.is_empty()) || m.value.is_placeholder()
        });
        let cport = r.member("containerPort").filter(|m| !m.value.is_null());
        let port = r.member("port").filter(|m| !m.value.is_null());
        match (name, cport) {
            (Some(m), None) => {
                sink.report_msg(m.key_span, crate::msg!(NO_CONTAINER_PORT))
                    .set_help_msg(crate::msg!(HELP_ADD_PORT));
            }
            (None, Some(m)) => {
                sink.report_msg(m.key_span, crate::msg!(NO_CONTAINER_NAME))
                    .set_help_msg(crate::msg!(HELP_ADD_NAME));
            }
            _ => {}
        }
        if awsvpc && (name.is_some() || cport.is_some()) {
            if let Some(p) = port {
                sink.report_msg(p.key_span, crate::msg!(BOTH))
                    .set_help_msg(crate::msg!(HELP_ONE));
            }
        }
    }
}
