use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Checks `portMappings[].containerPortRange` (`"8000-8100"`): the task uses the `bridge`
    /// or `awsvpc` network mode, both ports are 1–65535 and the first is lower than the last,
    /// a container's ranges do not overlap, and a container has at most 100 ranges.
    ///
    /// ## Why is this bad?
    /// `RegisterTaskDefinition` refuses a task definition that breaks any of these, so the
    /// deployment stops before a task runs.
    ///
    /// ## Example
    /// ```json
    /// { "networkMode": "awsvpc", "containerDefinitions": [{ "name": "media", "image": "media:1.0",
    ///   "portMappings": [{ "containerPortRange": "10100-10000", "protocol": "udp" },
    ///   { "containerPortRange": "10050-10200", "protocol": "udp" }] }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "networkMode": "awsvpc", "containerDefinitions": [{ "name": "media", "image": "media:1.0",
    ///   "portMappings": [{ "containerPortRange": "10000-10200", "protocol": "udp" }] }] }
    /// ```
    ///
    /// ## References
    /// - [PortMapping containerPortRange](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html):
    ///   "You must use either the bridge network mode or the awsvpc network mode"; "You can
    ///   specify a maximum of 100 port ranges per container"; "The containerPortRange valid
    ///   values are between 1 and 65535"; "You cannot specify overlapping port ranges"; "The
    ///   first port in the range must be less than last port in the range." (In the ECS API
    ///   model botocore ships; catalogued in `data/ecs-constraints.json`.)
    pub static RULE = {
        code: "TD039",
        name: "invalid-container-port-range",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "a container port range that is reversed, out of 1–65535, overlapping, over 100, or outside bridge/awsvpc",
    }
}

/// The two ports of `"first-last"`, when both are numbers.
fn parse_range(text: &str) -> Option<(i64, i64)> {
    let (a, b) = text.split_once('-')?;
    Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
}

crate::messages! {
    "TD039";
    MODE = "container `{container}` maps a port range, which the \"{mode}\" network mode does not support";
    HELP_MODE = "port ranges need the bridge or awsvpc network mode";
    RELATED_MODE = "the network mode";
    NOT_RANGE = "container `{container}` port range {range} is not two ports joined by a hyphen";
    HELP_NOT_RANGE = "write the range as \"first-last\", for example \"8000-8100\"";
    OUTSIDE = "container `{container}` port range {range} is outside 1–65535";
    HELP_OUTSIDE = "ports are 1 to 65535";
    NOT_ASCENDING = "container `{container}` port range {range} does not go from a lower to a higher port";
    HELP_LOWER_FIRST = "put the lower port first";
    HELP_SINGLE_PORT = "map a single port with containerPort instead";
    OVERLAP = "container `{container}` port range {range} overlaps {first}-{last}";
    HELP_OVERLAP = "merge the ranges or make them disjoint";
    RELATED_OTHER = "the other range";
    TOO_MANY = "container `{container}` maps {count} port ranges; ECS accepts at most 100";
    HELP_TOO_MANY = "merge adjacent ranges";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    let mode = ctx.network_mode();
    for c in &ctx.containers {
        let name = ctx.container_name(c);
        let mut ranges: Vec<(i64, i64, crate::input::span::Span)> = Vec::new();
        let mut count = 0usize;
        for pm in c.get_array("portMappings") {
            let Some(node) = pm.get_set("containerPortRange") else {
                continue;
            };
            let Some(text) = util::known_str(Some(node)).filter(|t| !t.is_empty()) else {
                continue;
            };
            count += 1;
            let range = format!("{text:?}");
            if let Some(m) = mode.filter(|m| *m != "bridge" && *m != "awsvpc") {
                let d = sink.report_msg(node.span, crate::msg!(MODE, container = &name, mode = m));
                d.set_help_msg(crate::msg!(HELP_MODE));
                if let Some(n) = ctx.task.get("networkMode") {
                    d.add_related_msg(n.span, crate::msg!(RELATED_MODE));
                }
            }
            let Some((first, last)) = parse_range(text) else {
                sink.report_msg(
                    node.span,
                    crate::msg!(NOT_RANGE, container = &name, range = &range),
                )
                .set_help_msg(crate::msg!(HELP_NOT_RANGE));
                continue;
            };
            if !(1..=65535).contains(&first) || !(1..=65535).contains(&last) {
                sink.report_msg(
                    node.span,
                    crate::msg!(OUTSIDE, container = &name, range = &range),
                )
                .set_help_msg(crate::msg!(HELP_OUTSIDE));
                continue;
            }
            if first >= last {
                sink.report_msg(
                    node.span,
                    crate::msg!(NOT_ASCENDING, container = &name, range = &range),
                )
                .set_help_msg(if first > last {
                    crate::msg!(HELP_LOWER_FIRST)
                } else {
                    crate::msg!(HELP_SINGLE_PORT)
                });
                continue;
            }
            if let Some((a, b, other)) = ranges
                .iter()
                .find(|(a, b, _)| first <= *b && *a <= last)
                .copied()
            {
                sink.report_msg(
                    node.span,
                    crate::msg!(
                        OVERLAP,
                        container = &name,
                        range = &range,
                        first = a,
                        last = b
                    ),
                )
                .set_help_msg(crate::msg!(HELP_OVERLAP))
                .add_related_msg(other, crate::msg!(RELATED_OTHER));
            }
            ranges.push((first, last, node.span));
        }
        if count > 100 {
            if let Some(m) = c.member("portMappings") {
                sink.report_msg(
                    m.key_span,
                    crate::msg!(TOO_MANY, container = &name, count = count),
                )
                .set_help_msg(crate::msg!(HELP_TOO_MANY));
            }
        }
    }
}
