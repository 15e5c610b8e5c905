use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;
use crate::syntax::value::Node;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Checks container `dependsOn` entries: the named container exists and is not the container
    /// itself, the dependencies form no cycle, and the `HEALTHY` condition is used only on a
    /// container that has a `healthCheck`, and `COMPLETE` or `SUCCESS` only on a container that
    /// is not essential.
    ///
    /// ## Why is this bad?
    /// ECS starts containers in dependency order. A dependency on a missing container is
    /// rejected at registration; a cycle can never start; `HEALTHY` on a container without a
    /// health check never becomes true, so the dependent container never starts. `COMPLETE`
    /// and `SUCCESS` wait for a container to exit, which an essential container may not do
    /// without stopping the task; the API reference says they can't be set on one.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "app:1.0", "dependsOn": [{ "containerName": "envoy", "condition": "HEALTHY" }] },
    ///  { "name": "envoy", "image": "envoy:1.30" }]
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// [{ "name": "app", "image": "app:1.0", "dependsOn": [{ "containerName": "envoy", "condition": "HEALTHY" }] },
    ///  { "name": "envoy", "image": "envoy:1.30",
    ///    "healthCheck": { "command": ["CMD-SHELL", "curl -s localhost:9901/ready"] } }]
    /// ```
    ///
    /// ## References
    /// - [Container dependency](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_dependson)
    /// - [ContainerDependency](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html):
    ///   COMPLETE and SUCCESS: "This condition can't be set on an essential container" (also in
    ///   the ECS API model botocore ships).
    /// - Observed errors: "Cannot depend on container + 'Daemon_ResolvConf_InitContainer' because it
    ///   does not exist" ([dagster-io/dagster#6926](https://github.com/dagster-io/dagster/issues/6926)) and "A
    ///   dependency container with SUCCESS or COMPLETE condition cannot be an essential container"
    ///   ([boto/boto3#2436](https://github.com/boto/boto3/issues/2436)).
    /// - No Security Hub control, checklist item, Checkov or cfn-lint check maps to it.
    pub static RULE = {
        code: "TD014",
        name: "invalid-depends-on",
        target: TaskDef,
        severity: Error,
        category: Reliability,
        summary: "a dependsOn entry naming a missing container, forming a cycle, or waiting for a health check that does not exist",
    }
}

crate::messages! {
    "TD014";
    SELF = "container `{name}` depends on itself";
    HELP_SELF = "remove this dependsOn entry";
    NOT_A_CONTAINER = "container `{name}` depends on `{target}`, which is not a container of this task";
    HELP_DID_YOU_MEAN = "did you mean `{suggestion}`?";
    FIX_DEPEND = "depend on `{suggestion}`";
    HELP_CONTAINERS = "the task's containers are {names}";
    WAITS_EXIT = "container `{name}` waits for `{target}` to exit, but `{target}` is essential, and that condition can't be set on an essential container";
    WAITS_EXIT_ZERO = "container `{name}` waits for `{target}` to exit with status 0, but `{target}` is essential, and that condition can't be set on an essential container";
    HELP_ESSENTIAL = "set \"essential\": false on `{target}` (a container that runs to completion, such as a migration), or wait for condition \"START\" or \"HEALTHY\"";
    RELATED_ESSENTIAL = "`{target}` is essential (the default when `essential` is not set)";
    WAITS_HEALTHY = "container `{name}` waits for `{target}` to be HEALTHY, but `{target}` has no healthCheck";
    HELP_HEALTHY = "add a healthCheck to `{target}`, or wait for condition \"START\"";
    RELATED_DEFINED = "`{target}` is defined here";
    CYCLE = "container dependencies form a cycle: {path}";
    HELP_CYCLE = "no container in a cycle can start; remove one of these dependsOn entries";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    let by_name = |name: &str| -> Option<&Node> {
        ctx.containers
            .iter()
            .copied()
            .find(|c| c.get_str("name") == Some(name))
    };
    // Edges for cycle detection: container index -> dependency index.
    let index_of = |name: &str| {
        ctx.containers
            .iter()
            .position(|c| c.get_str("name") == Some(name))
    };
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); ctx.containers.len()];
    for (i, c) in ctx.containers.iter().enumerate() {
        let name = ctx.container_name(c);
        for dep in c.get_array("dependsOn") {
            let Some(target_node) = dep.get_set("containerName") else {
                continue;
            };
            let Some(target) = util::known_str(Some(target_node)) else {
                continue;
            };
            if target == name {
                sink.report_msg(target_node.span, crate::msg!(SELF, name = &name))
                    .set_help_msg(crate::msg!(HELP_SELF));
                continue;
            }
            let Some(other) = by_name(target) else {
                if util::containers_opaque(ctx) {
                    continue;
                }
                let names: Vec<&str> = ctx
                    .containers
                    .iter()
                    .filter_map(|c| c.get_str("name"))
                    .collect();
                let d = sink.report_msg(
                    target_node.span,
                    crate::msg!(NOT_A_CONTAINER, name = &name, target = target),
                );
                match crate::input::text::suggest(target, names.iter().copied()) {
                    Some(s) => {
                        d.set_help_msg(crate::msg!(HELP_DID_YOU_MEAN, suggestion = s));
                        d.set_fix_msg(
                            crate::msg!(FIX_DEPEND, suggestion = s),
                            target_node.span,
                            format!("\"{s}\""),
                        );
                    }
                    None => {
                        d.set_help_msg(crate::msg!(
                            HELP_CONTAINERS,
                            names = crate::input::msg::Arg::List(
                                names
                                    .iter()
                                    .map(|n| crate::input::msg::Arg::Code(format!("`{n}`")))
                                    .collect()
                            )
                        ));
                    }
                }
                continue;
            };
            if let Some(j) = index_of(target) {
                if let Some(e) = edges.get_mut(i) {
                    e.push(j);
                }
            }
            let condition = util::known_str(dep.get_set("condition"));
            // COMPLETE and SUCCESS wait for the container to exit: an essential one cannot.
            let essential = match other.get_set("essential") {
                None => !other.is_opaque(),
                Some(e) => util::is_true(Some(e)),
            };
            if let (Some(cond @ ("COMPLETE" | "SUCCESS")), true) = (condition, essential) {
                let waits = if cond == "COMPLETE" {
                    &WAITS_EXIT
                } else {
                    &WAITS_EXIT_ZERO
                };
                let d = sink.report_msg(
                    dep.get("condition").map_or(target_node.span, |n| n.span),
                    crate::msg!(*waits, name = &name, target = target),
                );
                d.set_help_msg(crate::msg!(HELP_ESSENTIAL, target = target))
                    .add_related_msg(
                        other
                            .member("essential")
                            .map_or_else(|| TaskDefCtx::container_span(other), |m| m.span()),
                        crate::msg!(RELATED_ESSENTIAL, target = target),
                    );
            }
            if condition == Some("HEALTHY")
                && other.get_set("healthCheck").is_none()
                && !other.is_opaque()
            {
                let d = sink.report_msg(
                    dep.get("condition").map_or(target_node.span, |n| n.span),
                    crate::msg!(WAITS_HEALTHY, name = &name, target = target),
                );
                d.set_help_msg(crate::msg!(HELP_HEALTHY, target = target))
                    .add_related_msg(
                        TaskDefCtx::container_span(other),
                        crate::msg!(RELATED_DEFINED, target = target),
                    );
            }
        }
    }
    // Report each cycle once, at the dependency that closes it.
    let n = edges.len();
    let mut state = vec![0u8; n];
    for start in 0..n {
        if state[start] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        state[start] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            let targets = edges.get(node).map_or(&[][..], Vec::as_slice);
            if let Some(&t) = targets.get(*next) {
                *next += 1;
                match state.get(t) {
                    Some(0) => {
                        state[t] = 1;
                        stack.push((t, 0));
                    }
                    Some(1) => {
                        let path: Vec<String> = stack
                            .iter()
                            .skip_while(|(k, _)| *k != t)
                            .map(|(k, _)| ctx.container_name(ctx.containers[*k]))
                            .chain(std::iter::once(ctx.container_name(ctx.containers[t])))
                            .collect();
                        let from = ctx.containers[node];
                        let target_name = ctx.container_name(ctx.containers[t]);
                        let span = from
                            .get_array("dependsOn")
                            .iter()
                            .filter_map(|d| d.get("containerName"))
                            .find(|n| n.as_str() == Some(target_name.as_str()))
                            .map_or_else(|| TaskDefCtx::container_span(from), |n| n.span);
                        sink.report_msg(span, crate::msg!(CYCLE, path = path.join(" → ")))
                            .set_help_msg(crate::msg!(HELP_CYCLE));
                    }
                    _ => {}
                }
            } else {
                state[node] = 2;
                stack.pop();
            }
        }
    }
}
