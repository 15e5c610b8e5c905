use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;
use crate::syntax::value::Node;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Checks containers' `resourceRequirements` against the rules the API reference gives:
    /// a `GPU` requirement has a `value` or a `sharingStrategy`, not both; the task's GPU
    /// containers all use the same sharing option; GPU sharing is not used on a task that
    /// requires `EXTERNAL`; a `NeuronDevice` requirement has the value `ALL`, only one container
    /// asks for one, and the task requires `MANAGED_INSTANCES`; `sharingStrategy` only on GPU.
    ///
    /// ## Why is this bad?
    /// `RegisterTaskDefinition` refuses these combinations, so the task definition never
    /// registers.
    ///
    /// ## Example
    /// ```json
    /// { "requiresCompatibilities": ["MANAGED_INSTANCES"], "containerDefinitions": [{ "name": "infer", "image": "infer:1.0",
    ///   "resourceRequirements": [{ "type": "NeuronDevice", "value": "2" }] }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "requiresCompatibilities": ["MANAGED_INSTANCES"], "containerDefinitions": [{ "name": "infer", "image": "infer:1.0",
    ///   "resourceRequirements": [{ "type": "NeuronDevice", "value": "ALL" }] }] }
    /// ```
    ///
    /// ## References
    /// - [ResourceRequirement](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ResourceRequirement.html):
    ///   value "You must specify this parameter unless the type is GPU and you specify
    ///   sharingStrategy", "When the type is NeuronDevice, the value must be ALL", "Only one
    ///   container in a task can specify NeuronDevice resources", "This resource type is only
    ///   supported on Managed Instances"; sharingStrategy "Specify a sharing strategy only when
    ///   the type is GPU. For a GPU resource requirement, specify either value or
    ///   sharingStrategy, but not both", "The containers in a task that request GPUs must all
    ///   use the same option", "Task definitions that require EXTERNAL compatibility don't
    ///   support GPU sharing." (In the ECS API model botocore ships; catalogued in
    ///   `data/ecs-constraints.json`.)
    pub static RULE = {
        code: "TD045",
        name: "invalid-resource-requirement",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "a GPU or Neuron resource requirement in a combination ECS refuses",
    }
}

/// A member set to a known, non-empty value.
fn set<'a>(node: &'a Node, key: &str) -> Option<&'a Node> {
    node.get_set(key)
        .filter(|n| !n.is_placeholder() && n.as_str().is_none_or(|s| !s.is_empty()))
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    let mut gpu_options: Vec<(Option<String>, crate::input::span::Span)> = Vec::new();
    let mut neuron: Vec<crate::input::span::Span> = Vec::new();
    let req = ctx
        .task
        .member("requiresCompatibilities")
        .map(|m| m.value.span);
    for c in &ctx.containers {
        let name = ctx.container_name(c);
        for r in c.get_array("resourceRequirements") {
            let Some(kind) = util::known_str(r.get_set("type")) else {
                continue;
            };
            let head = r.get("type").map_or(r.span, |n| n.span);
            let value = set(r, "value");
            let sharing = set(r, "sharingStrategy");
            match kind {
                "GPU" => {
                    match (value, sharing) {
                        (Some(_), Some(s)) => {
                            sink.report(s.span, format!("container `{name}` gives its GPU requirement both a value and a sharingStrategy"))
                                .set_help("give the number of GPUs (value) or a sharingStrategy, not both");
                        }
                        (None, None) if !r.is_opaque() => {
                            sink.report(head, format!("container `{name}` asks for GPUs without a value (the number of GPUs) or a sharingStrategy"))
                                .set_help("set value to the number of GPUs, or a sharingStrategy to share one");
                        }
                        _ => {}
                    }
                    gpu_options.push((sharing.and_then(Node::as_str).map(str::to_string), head));
                    if let Some(s) = sharing.filter(|_| ctx.compat.external) {
                        let d = sink.report(s.span, format!("container `{name}` shares a GPU, which tasks that require EXTERNAL do not support"));
                        d.set_help(
                            "remove sharingStrategy, or run the task on EC2 or Managed Instances",
                        );
                        if let Some(rs) = req {
                            d.add_related(rs, "the task requires EXTERNAL here");
                        }
                    }
                }
                "NeuronDevice" => {
                    neuron.push(head);
                    if let Some(v) = value.filter(|v| v.as_str() != Some("ALL")) {
                        let shown = v.as_str().map_or_else(
                            || ctx.text.get(v.span.range()).unwrap_or_default().to_string(),
                            str::to_string,
                        );
                        sink.report(v.span, format!("container `{name}` asks for NeuronDevice {shown:?}; the value must be ALL"))
                            .set_help("set value to \"ALL\": the container gets all Neuron devices of the instance")
                            .set_fix("set the value to ALL", v.span, "\"ALL\"");
                    }
                    if ctx.compat.declared && !ctx.compat.managed_instances {
                        let d = sink.report(head, format!("container `{name}` asks for Neuron devices, which only Managed Instances support"));
                        d.set_help("add MANAGED_INSTANCES to requiresCompatibilities and run the task on ECS Managed Instances");
                        if let Some(rs) = req {
                            d.add_related(rs, "the task's launch types");
                        }
                    }
                    if let Some(s) = sharing {
                        sink.report(s.span, format!("container `{name}` sets a sharingStrategy on a NeuronDevice requirement; only GPUs take one"))
                            .set_help("remove sharingStrategy");
                    }
                }
                _ => {
                    if let Some(s) = sharing {
                        sink.report(s.span, format!("container `{name}` sets a sharingStrategy on a {kind} requirement; only GPUs take one"))
                            .set_help("remove sharingStrategy");
                    }
                }
            }
        }
    }
    if neuron.len() > 1 {
        let d = sink.report(
            neuron[1],
            "more than one container asks for Neuron devices; only one container of a task may",
        );
        d.set_help("give the Neuron devices to one container");
        d.add_related(neuron[0], "the first container asking for them");
    }
    if let Some((first_opt, first_span)) = gpu_options.first() {
        if let Some((opt, span)) = gpu_options.iter().find(|(o, _)| o != first_opt) {
            let show =
                |o: &Option<String>| o.clone().unwrap_or_else(|| "exclusive GPUs".to_string());
            let d = sink.report(
                *span,
                format!(
                    "the task's GPU containers use different options ({} and {})",
                    show(first_opt),
                    show(opt)
                ),
            );
            d.set_help("give every GPU container the same sharingStrategy, or none");
            d.add_related(*first_span, "the first GPU container's option");
        }
    }
}
