use crate::input::msg::Arg;
use crate::models::project::ProjectCtx;
use crate::rules::check::Sink;
use crate::rules::servicedef::pairing;
use crate::rules::taskdef::util;

crate::declare_rule! {
    /// ## What it does
    /// When a service definition and its task definition are linted together, checks that
    /// each `serviceConnectConfiguration.services[].portName` is the `name` of a port mapping
    /// of one of the task's containers.
    ///
    /// ## Why is this bad?
    /// Service Connect finds the port to publish by that name. A name no port mapping has (a
    /// typo, or a port mapping without `name`) makes `CreateService` fail.
    ///
    /// ## Example
    /// Task: `"portMappings": [{ "name": "http", "containerPort": 8080 }]`; service:
    /// `"serviceConnectConfiguration": { "enabled": true, "services": [{ "portName": "web" }] }`.
    ///
    /// ## Use instead
    /// Service: `"services": [{ "portName": "http", "clientAliases": [{ "port": 80 }] }]`.
    ///
    /// ## References
    /// - [ServiceConnectService portName](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html):
    ///   "The portName must match the name of one of the portMappings from all the containers
    ///   in the task definition of this Amazon ECS service." (also in the ECS API model
    ///   botocore ships)
    pub static RULE = {
        code: "XF111",
        name: "service-connect-unknown-port-name",
        target: CrossFile,
        severity: Error,
        category: Schema,
        summary: "a Service Connect portName that no port mapping of the task has",
    }
}

crate::messages! {
    "XF111";
    UNKNOWN_PORT_NAME = "Service Connect publishes port `{port_name}`, but no port mapping of the task definition has that name";
    HELP_DID_YOU_MEAN = "did you mean `{suggestion}`?";
    HELP_NAME_MAPPING = "give the port mapping a name: {\"name\": \"{port_name}\", \"containerPort\": ...}";
    HELP_NAMES_ARE = "the task's port mapping names are {names}";
    RELATED_TASK_DEFINITION = "the task definition";
}

pub fn check(project: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    for pair in pairing::pairs(project) {
        let (service, task) = (&pair.service, &pair.task);
        if task.containers.is_empty() || util::containers_opaque(task) {
            continue;
        }
        let Some(connect) = service.service.get_set("serviceConnectConfiguration") else {
            continue;
        };
        let mut names: Vec<&str> = Vec::new();
        for c in &task.containers {
            for pm in c.get_array("portMappings") {
                if let Some(n) = pm.get_set("name") {
                    // A templated name could be the one asked for.
                    let Some(name) = util::known_str(Some(n)) else {
                        return;
                    };
                    names.push(name);
                }
            }
        }
        for s in connect.get_array("services") {
            let Some(node) = s.get_set("portName") else {
                continue;
            };
            let Some(port_name) = util::known_str(Some(node)) else {
                continue;
            };
            if names.contains(&port_name) {
                continue;
            }
            let d = sink.report_msg_in(
                service.file,
                node.span,
                crate::msg!(UNKNOWN_PORT_NAME, port_name = port_name),
            );
            match crate::input::text::suggest(port_name, names.iter().copied()) {
                Some(n) => {
                    d.set_help_msg(crate::msg!(HELP_DID_YOU_MEAN, suggestion = n));
                }
                None if names.is_empty() => {
                    d.set_help_msg(crate::msg!(HELP_NAME_MAPPING, port_name = port_name));
                }
                None => {
                    d.set_help_msg(crate::msg!(
                        HELP_NAMES_ARE,
                        names =
                            Arg::List(names.iter().map(|n| Arg::Code(format!("`{n}`"))).collect())
                    ));
                }
            }
            d.add_related_in_msg(
                task.file,
                task.task
                    .member("containerDefinitions")
                    .map_or_else(|| task.task_head_span(), |m| m.key_span),
                crate::msg!(RELATED_TASK_DEFINITION),
            );
        }
    }
}
