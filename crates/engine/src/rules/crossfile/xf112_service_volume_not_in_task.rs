use crate::models::project::ProjectCtx;
use crate::rules::check::Sink;
use crate::rules::servicedef::pairing;
use crate::rules::taskdef::util;

crate::declare_rule! {
    /// ## What it does
    /// When a service definition and its task definition are linted together, checks that
    /// each `volumeConfigurations[].name` of the service is the name of a volume of the task
    /// definition.
    ///
    /// ## Why is this bad?
    /// A volume configured at deployment (an EBS volume) fills in a task volume marked
    /// `configuredAtLaunch`; it is found by name. A name the task does not have makes
    /// `CreateService` fail.
    ///
    /// ## Example
    /// Task: `"volumes": [{ "name": "data", "configuredAtLaunch": true }]`; service:
    /// `"volumeConfigurations": [{ "name": "date", "managedEBSVolume": { ... } }]`.
    ///
    /// ## Use instead
    /// Service: `"volumeConfigurations": [{ "name": "data", "managedEBSVolume": { ... } }]`.
    ///
    /// ## References
    /// - [ServiceVolumeConfiguration name](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceVolumeConfiguration.html):
    ///   "This value must match the volume name from the Volume object in the task definition."
    ///   (also in the ECS API model botocore ships)
    pub static RULE = {
        code: "XF112",
        name: "service-volume-not-in-task",
        target: CrossFile,
        severity: Error,
        category: Schema,
        summary: "a service volume configuration whose name is not a volume of the task",
    }
}

crate::messages! {
    "XF112";
    UNKNOWN_VOLUME = "the service configures volume `{name}`, but the task definition has no volume of that name";
    HELP_DID_YOU_MEAN = "did you mean `{suggestion}`?";
    HELP_ADD_VOLUME = "add {\"name\": \"{name}\", \"configuredAtLaunch\": true} to the task's volumes";
}

pub fn check(project: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    for pair in pairing::pairs(project) {
        let (service, task) = (&pair.service, &pair.task);
        if task.task.is_opaque() {
            continue;
        }
        let volumes = task.task.get_array("volumes");
        // A volume we cannot read (a placeholder, a templated name) could be the one.
        if volumes.iter().any(|v| {
            v.is_placeholder()
                || v.is_opaque()
                || v.get_set("name")
                    .is_some_and(|n| util::known_str(Some(n)).is_none())
        }) {
            continue;
        }
        let names: Vec<&str> = volumes
            .iter()
            .filter_map(|v| util::known_str(v.get_set("name")))
            .collect();
        for vc in service.service.get_array("volumeConfigurations") {
            let Some(node) = vc.get_set("name") else {
                continue;
            };
            let Some(name) = util::known_str(Some(node)) else {
                continue;
            };
            if names.contains(&name) {
                continue;
            }
            let d = sink.report_msg_in(
                service.file,
                node.span,
                crate::msg!(UNKNOWN_VOLUME, name = name),
            );
            match crate::input::text::suggest(name, names.iter().copied()) {
                Some(n) => d.set_help_msg(crate::msg!(HELP_DID_YOU_MEAN, suggestion = n)),
                None => d.set_help_msg(crate::msg!(HELP_ADD_VOLUME, name = name)),
            };
        }
    }
}
