use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Checks `networkConfiguration.awsvpcConfiguration`: it must list at least one subnet,
    /// at most 16 subnets and at most 5 security groups, and no id may carry whitespace around
    /// it.
    ///
    /// ## Why is this bad?
    /// With the `awsvpc` network mode (always on Fargate) each task gets its own network
    /// interface in one of these subnets. `subnets` is required, so ECS rejects the service
    /// without it; the API also caps the lists at 16 subnets and 5 security groups.
    ///
    /// ## Example
    /// ```json
    /// { "networkConfiguration": { "awsvpcConfiguration": { "securityGroups": ["sg-0123"] } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "networkConfiguration": { "awsvpcConfiguration": {
    ///     "subnets": ["subnet-0aaa", "subnet-0bbb"], "securityGroups": ["sg-0123"] } } }
    /// ```
    ///
    /// ## References
    /// - [AwsVpcConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html)
    /// - ecspresso README "Deploy to Fargate" (`networkConfiguration.awsvpcConfiguration`).
    pub static RULE = {
        code: "SV008",
        name: "awsvpc-without-subnets",
        target: ServiceDef,
        severity: Error,
        category: Schema,
        summary: "awsvpcConfiguration without subnets, or with too many subnets or security groups",
    }
}

crate::messages! {
    "SV008";
    NO_SUBNETS = "`awsvpcConfiguration` has no `subnets`; ECS needs at least one subnet for the tasks' network interfaces";
    HELP_ADD_SUBNETS = "add `\"subnets\": [...]` with private subnets in two or more Availability Zones";
    EMPTY_SUBNETS = "`subnets` is empty; ECS needs at least one subnet for the tasks' network interfaces";
    HELP_LIST_SUBNETS = "list private subnets in two or more Availability Zones";
    TOO_MANY_SUBNETS = "`subnets` lists {count} subnets; ECS accepts at most 16";
    HELP_AT_MOST_16 = "keep at most 16 subnets";
    WHITESPACE_SUBNET = "`{key}` entry \"{id}\" has whitespace around the id, so no subnet of that name exists";
    WHITESPACE_GROUP = "`{key}` entry \"{id}\" has whitespace around the id, so no security group of that name exists";
    HELP_TRIM = "remove the spaces";
    FIX_TRIM = "trim the id";
    TOO_MANY_GROUPS = "`securityGroups` lists {count} groups; ECS accepts at most 5";
    HELP_AT_MOST_5 = "merge rules into at most 5 security groups";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    let Some(awsvpc) = ctx.awsvpc() else {
        return;
    };
    match awsvpc.get_set("subnets") {
        None if !awsvpc.is_opaque() => {
            let span = ctx
                .service
                .get("networkConfiguration")
                .and_then(|n| n.member("awsvpcConfiguration"))
                .map_or(awsvpc.span, |m| m.key_span);
            sink.report_msg(span, crate::msg!(NO_SUBNETS))
                .set_help_msg(crate::msg!(HELP_ADD_SUBNETS));
        }
        Some(subnets) => {
            if let Some(list) = subnets.as_array() {
                if list.is_empty() {
                    sink.report_msg(subnets.span, crate::msg!(EMPTY_SUBNETS))
                        .set_help_msg(crate::msg!(HELP_LIST_SUBNETS));
                } else if list.len() > 16 {
                    sink.report_msg(
                        subnets.span,
                        crate::msg!(TOO_MANY_SUBNETS, count = list.len()),
                    )
                    .set_help_msg(crate::msg!(HELP_AT_MOST_16));
                }
            }
        }
        None => {}
    }
    // An id with stray whitespace names no subnet or group ("The subnet ID ' subnet-1' does
    // not exist"), and a template never adds it.
    for key in ["subnets", "securityGroups"] {
        for item in awsvpc.get_array(key) {
            let Some(id) = item.as_str() else { continue };
            if id.trim() == id || id.trim().is_empty() || item.is_placeholder() {
                continue;
            }
            let message = if key == "subnets" {
                crate::msg!(WHITESPACE_SUBNET, key = key, id = id)
            } else {
                crate::msg!(WHITESPACE_GROUP, key = key, id = id)
            };
            sink.report_msg(item.span, message)
                .set_help_msg(crate::msg!(HELP_TRIM))
                .set_fix_msg(
                    crate::msg!(FIX_TRIM),
                    item.span,
                    format!("\"{}\"", id.trim()),
                );
        }
    }
    if let Some(groups) = awsvpc
        .get_set("securityGroups")
        .and_then(|g| g.as_array().map(|a| (g, a)))
    {
        if groups.1.len() > 5 {
            sink.report_msg(
                groups.0.span,
                crate::msg!(TOO_MANY_GROUPS, count = groups.1.len()),
            )
            .set_help_msg(crate::msg!(HELP_AT_MOST_5));
        }
    }
}
