use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;
use crate::input::msg::{Arg, Msg};

crate::declare_rule! {
    /// ## What it does
    /// Checks that a `taskRoleArn` or `executionRoleArn` written as an ARN is an IAM role's:
    /// `arn:<partition>:iam::<12-digit account>:role/<path and name>`. A bare role name (the
    /// API takes "the short name or full ARN" of the task role), an empty string (TD018 says
    /// when an execution role is needed) and placeholders (`{{ ... }}`, `${...}`, an account
    /// written as `XXXXXXXXXXXX` or `ACCOUNT_ID`) are not checked.
    ///
    /// ## Why is this bad?
    /// ECS validates the roles when the task definition is registered and refuses one that is
    /// not a role (`ClientException: Role is not valid`): an account id with a digit missing,
    /// a policy, user or cluster ARN pasted in its place, a typo in `arn:aws:iam`.
    ///
    /// ## Example
    /// ```json
    /// { "executionRoleArn": "arn:aws:iam::12345678901:role/ecsTaskExecutionRole",
    ///   "taskRoleArn": "arn:aws:ecs:us-east-1:123456789012:cluster/prod" }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
    ///   "taskRoleArn": "arn:aws:iam::123456789012:role/app-task" }
    /// ```
    ///
    /// ## References
    /// - [IAM ARNs](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-identifiers.html#identifiers-arns):
    ///   `arn:aws:iam::account:role/role-name-with-path`; an account id is 12 digits.
    /// - [RegisterTaskDefinition](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html):
    ///   taskRoleArn "The short name or full Amazon Resource Name (ARN) of the IAM role";
    ///   executionRoleArn "The Amazon Resource Name (ARN) of the task execution role".
    /// - The refusal: `An error occurred (ClientException) when calling the
    ///   RegisterTaskDefinition operation: Role is not valid` with an ECS cluster ARN given as
    ///   the execution role ([aws-samples/aws-modern-application-workshop#9](https://github.com/aws-samples/aws-modern-application-workshop/issues/9)).
    /// - cfn-lint E1156 / E3511 (the same pattern in CloudFormation's resource schema).
    pub static RULE = {
        code: "TD036",
        name: "malformed-role-arn",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "a task or execution role ARN that is not an IAM role ARN",
    }
}

crate::messages! {
    "TD036";
    NOT_SIX_PARTS = "{key} does not have the six parts of an ARN";
    PARTITION = "{key} has the partition {partition}, not aws (or aws-cn, aws-us-gov)";
    SERVICE = "{key} is an ARN of the {service} service, not an IAM role";
    REGION = "{key} names the region {region}; IAM ARNs have none (arn:aws:iam::…)";
    ACCOUNT = "{key} has the account id {account}, which is not 12 digits";
    NOT_ROLE = "{key} names {resource}, not role/<name>";
    NO_ROLE_NAME = "{key} has no role name after role/";
    BAD_CHAR = "{key} has {bad} in the role name";
    SPACES = "{key} has spaces around it";
    HELP_ROLE_ARN = "give the IAM role's ARN as IAM shows it: arn:aws:iam::<12-digit account>:role/<name>; ECS refuses anything else with \"Role is not valid\"";
}

/// What is wrong with an ARN-looking role, or `None` when it is a role ARN or a placeholder.
/// The message's `{key}` (the member) is filled by the caller.
pub fn role_arn_problem(arn: &str) -> Option<Msg> {
    let rest = arn.strip_prefix("arn:")?;
    let mut parts = rest.splitn(5, ':');
    let (Some(partition), Some(service), Some(region), Some(account), Some(resource)) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return Some(crate::msg!(NOT_SIX_PARTS));
    };
    // An account written as a placeholder (`XXXXXXXXXXXX`, `ACCOUNT_ID`, `<account>`).
    let placeholder = |s: &str| {
        !s.is_empty()
            && (s.contains(['x', 'X', '<', '%']) || !s.bytes().any(|b| b.is_ascii_digit()))
    };
    if placeholder(account) {
        return None;
    }
    if !partition.starts_with("aws") {
        return Some(crate::msg!(PARTITION, partition = format!("{partition:?}")));
    }
    if service != "iam" {
        return Some(crate::msg!(SERVICE, service = format!("{service:?}")));
    }
    if !region.is_empty() {
        return Some(crate::msg!(REGION, region = format!("{region:?}")));
    }
    if account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) {
        return Some(crate::msg!(ACCOUNT, account = format!("{account:?}")));
    }
    let Some(name) = resource.strip_prefix("role/") else {
        return Some(crate::msg!(NOT_ROLE, resource = format!("{resource:?}")));
    };
    let ok = |c: char| c.is_ascii_alphanumeric() || "+=,.@_/-".contains(c);
    if name.is_empty() || name.ends_with('/') {
        return Some(crate::msg!(NO_ROLE_NAME));
    }
    if let Some(bad) = name.chars().find(|c| !ok(*c)) {
        return Some(crate::msg!(BAD_CHAR, bad = format!("{bad:?}")));
    }
    None
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    for key in ["taskRoleArn", "executionRoleArn"] {
        let Some(node) = ctx.task.get_set(key) else {
            continue;
        };
        let Some(arn) = util::known_str(Some(node)) else {
            continue;
        };
        let Some(mut problem) = role_arn_problem(arn.trim())
            .or_else(|| (arn.trim() != arn).then(|| crate::msg!(SPACES)))
        else {
            continue;
        };
        problem.args.push(("key", Arg::from(key)));
        sink.report_msg(node.span, problem)
            .set_help_msg(crate::msg!(HELP_ROLE_ARN));
    }
}

#[cfg(test)]
mod tests {
    use super::role_arn_problem;

    #[test]
    fn role_arns() {
        assert_eq!(
            role_arn_problem("arn:aws:iam::123456789012:role/ecsTaskExecutionRole"),
            None
        );
        assert_eq!(
            role_arn_problem("arn:aws-cn:iam::123456789012:role/path/to/app-role"),
            None
        );
        assert_eq!(role_arn_problem("ecsTaskExecutionRole"), None);
        assert_eq!(
            role_arn_problem("arn:aws:iam::XXXXX:role/ecsTaskRole"),
            None
        );
        assert_eq!(role_arn_problem("arn:aws:iam::ACCOUNT_ID:role/x"), None);
        assert!(
            role_arn_problem("arn:aws:iam::11111111111:role/ecsTaskExecutionRole")
                .is_some_and(|p| p.en().contains("12 digits"))
        );
        assert!(
            role_arn_problem("arn:aws:ecs:us-east-1:123456789012:cluster/prod")
                .is_some_and(|p| p.en().contains("\"ecs\""))
        );
        assert!(role_arn_problem("arn:aws:iam::123456789012:policy/x").is_some());
        assert!(role_arn_problem("arn:aws:iam::123456789012:role/").is_some());
        assert!(role_arn_problem("arn:aws:iam::123456789012").is_some());
    }
}
