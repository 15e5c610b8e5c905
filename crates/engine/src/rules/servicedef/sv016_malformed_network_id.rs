use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Checks the ids in `networkConfiguration.awsvpcConfiguration`: each subnet is
    /// `subnet-` and each security group `sg-`, followed by 8 or 17 hexadecimal digits.
    /// Placeholders (`{{ tfstate ... }}`, `${...}`, `subnet-xxxxxxxx`, `SUBNET_ID`) are not
    /// checked; whitespace around an id is SV008's.
    ///
    /// ## Why is this bad?
    /// ECS looks every subnet and security group up when it creates or updates the service;
    /// a name, a CIDR block or a made-up id names nothing, and `CreateService` fails
    /// (`Error retrieving subnet information for [...]: The subnet ID '...' does not exist`).
    ///
    /// ## Example
    /// ```json
    /// { "networkConfiguration": { "awsvpcConfiguration": {
    ///   "subnets": ["private-a", "10.0.1.0/24"], "securityGroups": ["web-sg"] } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "networkConfiguration": { "awsvpcConfiguration": {
    ///   "subnets": ["subnet-0abc1234def567890"], "securityGroups": ["sg-0123456789abcdef0"] } } }
    /// ```
    ///
    /// ## References
    /// - [EC2 resource ids](https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html):
    ///   a resource type prefix, a hyphen and 8 or 17 characters of hexadecimal.
    /// - The refusal at service creation: `CreateService error: Error retrieving subnet
    ///   information for [birdzview]: The subnet ID 'birdzview' does not exist (ErrorCode:
    ///   InvalidSubnetID.NotFound)` ([eddmann/serverless-fargate#20](https://github.com/eddmann/serverless-fargate/issues/20)).
    /// - cfn-lint E1154 (subnet ids) and E1150 (security group ids) check the same pattern.
    pub static RULE = {
        code: "SV016",
        name: "malformed-network-id",
        target: ServiceDef,
        severity: Error,
        category: Schema,
        summary: "a subnet or security group id that is not subnet-/sg- and 8 or 17 hex digits",
    }
}

/// Is `id` the `prefix-` and 8 or 17 lower-case hexadecimal digits of an EC2 id?
pub fn is_ec2_id(id: &str, prefix: &str) -> bool {
    id.strip_prefix(prefix)
        .and_then(|r| r.strip_prefix('-'))
        .is_some_and(|hex| {
            (hex.len() == 8 || hex.len() == 17)
                && hex
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
}

/// A value standing for an id rather than one: a masked id (`subnet-xxxxxxxx`), a bare
/// upper-case token (`SUBNET_ID`), `<subnet>`.
fn looks_masked(id: &str) -> bool {
    let tail = id.split_once('-').map_or(id, |(_, t)| t);
    id.is_empty()
        || tail.contains(['x', 'X', '*', '<', '%'])
        || tail.chars().all(|c| c == '.' || c == '0')
        || (id.len() > 1
            && id
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_'))
}

crate::messages! {
    "SV016";
    NOT_SUBNET_ID = "`{key}` entry \"{id}\" is not a subnet id ({prefix}- and 8 or 17 hex digits)";
    NOT_GROUP_ID = "`{key}` entry \"{id}\" is not a security group id ({prefix}- and 8 or 17 hex digits)";
    HELP_SUBNET = "give the subnet's id as the EC2 console shows it (for example {prefix}-0123456789abcdef0), not its name";
    HELP_GROUP = "give the security group's id as the EC2 console shows it (for example {prefix}-0123456789abcdef0), not its name";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    let Some(awsvpc) = ctx.awsvpc() else {
        return;
    };
    for (key, prefix, message, help) in [
        ("subnets", "subnet", &NOT_SUBNET_ID, &HELP_SUBNET),
        ("securityGroups", "sg", &NOT_GROUP_ID, &HELP_GROUP),
    ] {
        for item in awsvpc.get_array(key) {
            let Some(raw) = item.as_str() else { continue };
            let id = raw.trim();
            if item.is_placeholder() || looks_masked(id) || is_ec2_id(id, prefix) {
                continue;
            }
            sink.report_msg(
                item.span,
                crate::msg!(*message, key = key, id = id, prefix = prefix),
            )
            .set_help_msg(crate::msg!(*help, prefix = prefix));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{is_ec2_id, looks_masked};

    #[test]
    fn ec2_ids() {
        assert!(is_ec2_id("subnet-65abf80c", "subnet"));
        assert!(is_ec2_id("sg-0123456789abcdef0", "sg"));
        assert!(!is_ec2_id("sg-0123456789abcdef", "sg"));
        assert!(!is_ec2_id("very-real-subnet-id", "subnet"));
        assert!(!is_ec2_id("subnet-65ABF80C", "subnet"));
        assert!(looks_masked("subnet-xxxxxxxx"));
        assert!(looks_masked("SUBNET_ID_1"));
        assert!(!looks_masked("very-real-subnet-id"));
    }
}
