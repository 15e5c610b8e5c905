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
            sink.report(span, "`awsvpcConfiguration` has no `subnets`; ECS needs at least one subnet for the tasks' network interfaces")
                .set_help("add `\"subnets\": [...]` with private subnets in two or more Availability Zones");
        }
        Some(subnets) => {
            if let Some(list) = subnets.as_array() {
                if list.is_empty() {
                    sink.report(subnets.span, "`subnets` is empty; ECS needs at least one subnet for the tasks' network interfaces")
                        .set_help("list private subnets in two or more Availability Zones");
                } else if list.len() > 16 {
                    sink.report(
                        subnets.span,
                        format!(
                            "`subnets` lists {} subnets; ECS accepts at most 16",
                            list.len()
                        ),
                    )
                    .set_help("keep at most 16 subnets");
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
            sink.report(
                item.span,
                format!("`{key}` entry \"{id}\" has whitespace around the id, so no {} of that name exists", if key == "subnets" { "subnet" } else { "security group" }),
            )
            .set_help("remove the spaces")
            .set_fix("trim the id", item.span, format!("\"{}\"", id.trim()));
        }
    }
    if let Some(groups) = awsvpc
        .get_set("securityGroups")
        .and_then(|g| g.as_array().map(|a| (g, a)))
    {
        if groups.1.len() > 5 {
            sink.report(
                groups.0.span,
                format!(
                    "`securityGroups` lists {} groups; ECS accepts at most 5",
                    groups.1.len()
                ),
            )
            .set_help("merge rules into at most 5 security groups");
        }
    }
}
