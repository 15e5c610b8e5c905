use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;
use crate::syntax::value::Node;

use super::util;
use crate::input::msg::Arg;

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

crate::messages! {
    "TD045";
    GPU_BOTH = "container `{container}` gives its GPU requirement both a value and a sharingStrategy";
    HELP_GPU_BOTH = "give the number of GPUs (value) or a sharingStrategy, not both";
    GPU_NEITHER = "container `{container}` asks for GPUs without a value (the number of GPUs) or a sharingStrategy";
    HELP_GPU_NEITHER = "set value to the number of GPUs, or a sharingStrategy to share one";
    GPU_SHARED_EXTERNAL = "container `{container}` shares a GPU, which tasks that require EXTERNAL do not support";
    HELP_GPU_SHARED_EXTERNAL = "remove sharingStrategy, or run the task on EC2 or Managed Instances";
    RELATED_EXTERNAL = "the task requires EXTERNAL here";
    NEURON_VALUE = "container `{container}` asks for NeuronDevice {value}; the value must be ALL";
    HELP_NEURON_VALUE = "set value to \"ALL\": the container gets all Neuron devices of the instance";
    FIX_NEURON_ALL = "set the value to ALL";
    NEURON_LAUNCH_TYPE = "container `{container}` asks for Neuron devices, which only Managed Instances support";
    HELP_NEURON_LAUNCH_TYPE = "add MANAGED_INSTANCES to requiresCompatibilities and run the task on ECS Managed Instances";
    RELATED_LAUNCH_TYPES = "the task's launch types";
    SHARING_NOT_GPU = "container `{container}` sets a sharingStrategy on a {kind} requirement; only GPUs take one";
    HELP_REMOVE_SHARING = "remove sharingStrategy";
    NEURON_MANY = "more than one container asks for Neuron devices; only one container of a task may";
    HELP_NEURON_ONE = "give the Neuron devices to one container";
    RELATED_NEURON_FIRST = "the first container asking for them";
    GPU_MIXED = "the task's GPU containers use different options ({first} and {second})";
    EXCLUSIVE_GPUS = "exclusive GPUs";
    HELP_GPU_SAME = "give every GPU container the same sharingStrategy, or none";
    RELATED_GPU_FIRST = "the first GPU container's option";
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
                            sink.report_msg(s.span, crate::msg!(GPU_BOTH, container = &name))
                                .set_help_msg(crate::msg!(HELP_GPU_BOTH));
                        }
                        (None, None) if !r.is_opaque() => {
                            sink.report_msg(head, crate::msg!(GPU_NEITHER, container = &name))
                                .set_help_msg(crate::msg!(HELP_GPU_NEITHER));
                        }
                        _ => {}
                    }
                    gpu_options.push((sharing.and_then(Node::as_str).map(str::to_string), head));
                    if let Some(s) = sharing.filter(|_| ctx.compat.external) {
                        let d = sink.report_msg(
                            s.span,
                            crate::msg!(GPU_SHARED_EXTERNAL, container = &name),
                        );
                        d.set_help_msg(crate::msg!(HELP_GPU_SHARED_EXTERNAL));
                        if let Some(rs) = req {
                            d.add_related_msg(rs, crate::msg!(RELATED_EXTERNAL));
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
                        sink.report_msg(
                            v.span,
                            crate::msg!(
                                NEURON_VALUE,
                                container = &name,
                                value = format!("{shown:?}")
                            ),
                        )
                        .set_help_msg(crate::msg!(HELP_NEURON_VALUE))
                        .set_fix_msg(
                            crate::msg!(FIX_NEURON_ALL),
                            v.span,
                            "\"ALL\"",
                        );
                    }
                    if ctx.compat.declared && !ctx.compat.managed_instances {
                        let d = sink
                            .report_msg(head, crate::msg!(NEURON_LAUNCH_TYPE, container = &name));
                        d.set_help_msg(crate::msg!(HELP_NEURON_LAUNCH_TYPE));
                        if let Some(rs) = req {
                            d.add_related_msg(rs, crate::msg!(RELATED_LAUNCH_TYPES));
                        }
                    }
                    if let Some(s) = sharing {
                        sink.report_msg(
                            s.span,
                            crate::msg!(SHARING_NOT_GPU, container = &name, kind = "NeuronDevice"),
                        )
                        .set_help_msg(crate::msg!(HELP_REMOVE_SHARING));
                    }
                }
                _ => {
                    if let Some(s) = sharing {
                        sink.report_msg(
                            s.span,
                            crate::msg!(SHARING_NOT_GPU, container = &name, kind = kind),
                        )
                        .set_help_msg(crate::msg!(HELP_REMOVE_SHARING));
                    }
                }
            }
        }
    }
    if neuron.len() > 1 {
        let d = sink.report_msg(neuron[1], crate::msg!(NEURON_MANY));
        d.set_help_msg(crate::msg!(HELP_NEURON_ONE));
        d.add_related_msg(neuron[0], crate::msg!(RELATED_NEURON_FIRST));
    }
    if let Some((first_opt, first_span)) = gpu_options.first() {
        if let Some((opt, span)) = gpu_options.iter().find(|(o, _)| o != first_opt) {
            let show = |o: &Option<String>| match o {
                Some(s) => Arg::from(s),
                None => Arg::from(crate::msg!(EXCLUSIVE_GPUS)),
            };
            let d = sink.report_msg(
                *span,
                crate::msg!(GPU_MIXED, first = show(first_opt), second = show(opt)),
            );
            d.set_help_msg(crate::msg!(HELP_GPU_SAME));
            d.add_related_msg(*first_span, crate::msg!(RELATED_GPU_FIRST));
        }
    }
}
