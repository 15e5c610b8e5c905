use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Finds a container that maps the same `containerPort` twice, for example once for `tcp`
    /// and once for `udp`.
    ///
    /// ## Why is this bad?
    /// ECS exposes a container port for one protocol only; `RegisterTaskDefinition` returns an
    /// error for a second mapping of the same port. A DNS server that needs both protocols
    /// must listen on two ports.
    ///
    /// ## Example
    /// ```json
    /// { "portMappings": [{ "containerPort": 53, "protocol": "udp" },
    ///                    { "containerPort": 53, "protocol": "tcp" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "portMappings": [{ "containerPort": 53, "protocol": "udp" },
    ///                    { "containerPort": 5353, "protocol": "tcp" }] }
    /// ```
    ///
    /// ## References
    /// - [PortMapping](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html):
    ///   "You can't expose the same container port for multiple protocols. If you attempt this,
    ///   an error is returned." (also in the ECS API model botocore ships)
    pub static RULE = {
        code: "TD030",
        name: "duplicate-container-port",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "a container maps the same containerPort twice",
    }
}

crate::messages! {
    "TD030";
    DUPLICATE = "container `{container}` maps containerPort {port} a second time; ECS exposes a port for one protocol only";
    HELP_REMOVE = "remove the second mapping, or listen on another port for the other protocol";
    RELATED_FIRST = "the first mapping of this port";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    for c in &ctx.containers {
        let mut seen: Vec<(i64, crate::input::span::Span)> = Vec::new();
        for pm in c.get_array("portMappings") {
            let Some(node) = pm.get_set("containerPort") else {
                continue;
            };
            let Some(port) = util::int(Some(node)) else {
                continue;
            };
            if let Some((_, first)) = seen.iter().find(|(p, _)| *p == port) {
                sink.report_msg(
                    node.span,
                    crate::msg!(DUPLICATE, container = ctx.container_name(c), port = port),
                )
                .set_help_msg(crate::msg!(HELP_REMOVE))
                .add_related_msg(*first, crate::msg!(RELATED_FIRST));
            } else {
                seen.push((port, node.span));
            }
        }
    }
}
