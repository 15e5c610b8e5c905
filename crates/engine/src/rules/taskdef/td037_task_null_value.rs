use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;
use crate::input::msg::Arg;

crate::declare_rule! {
    /// ## What it does
    /// Reports the `null` values in a task definition (once, at the first, with the others as
    /// related places) (`"ipcMode": null`, `"command": null`),
    /// unless the file is an ecspresso definition (an ecspresso config names it, or it holds
    /// Go-template calls): ecspresso reads `null` as "not set".
    ///
    /// ## Why is this bad?
    /// The AWS CLI and boto3 check every parameter's type before calling ECS, and `null` is no
    /// type a member takes: `aws ecs register-task-definition --cli-input-json file://task.json`
    /// stops with `Parameter validation failed: Invalid type for parameter ipcMode, value:
    /// None`. Console and SDK exports are full of them. Other clients (ecspresso, Terraform's
    /// `container_definitions`) drop them, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "ipcMode": null, "pidMode": null,
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1.0" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "family": "web", "containerDefinitions": [{ "name": "app", "image": "app:1.0" }] }
    /// ```
    ///
    /// ## References
    /// - The refusal, with console output given to the AWS CLI: `Invalid type for parameter
    ///   containerDefinitions[0].systemControls, value: None, type: <class 'NoneType'>, valid
    ///   types: <class 'list'>, <class 'tuple'>` ([aws/aws-cli#3622](https://github.com/aws/aws-cli/issues/3622));
    ///   the same from boto3 ([ansible-collections/community.aws#1890](https://github.com/ansible-collections/community.aws/issues/1890)).
    /// - botocore's parameter validation (`botocore/validate.py`): a string, list, structure,
    ///   boolean or number member must hold that type.
    /// - cfn-lint E3030/E3012 report `None` values too.
    pub static RULE = {
        code: "TD037",
        name: "task-null-value",
        target: TaskDef,
        severity: Warning,
        category: Schema,
        summary: "a null value, which the AWS CLI and boto3 refuse",
    }
}

crate::messages! {
    "TD037";
    ONE = "`{path}` is null; the AWS CLI and boto3 refuse null parameters";
    FEW = "{count} members are null ({paths}); the AWS CLI and boto3 refuse null parameters";
    MANY = "{count} members are null ({paths} and {more} more); the AWS CLI and boto3 refuse null parameters";
    HELP_REMOVE = "remove these members (null means \"not set\" only to ecspresso and Terraform)";
    RELATED_TOO = "`{path}` is null too";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    if ctx.ecspresso || ctx.text.contains("{{") {
        return;
    }
    // `util::report_nulls` in TD037's own keyed sentences (as SV018 words them under its code).
    let nulls = util::nulls(ctx.task);
    let Some((first, span)) = nulls.first() else {
        return;
    };
    let first = first.trim_start_matches('/');
    let names = Arg::List(
        nulls
            .iter()
            .take(3)
            .map(|(p, _)| Arg::Code(format!("`{}`", p.trim_start_matches('/'))))
            .collect(),
    );
    let message = match nulls.len() {
        1 => crate::msg!(ONE, path = first),
        n if n <= 3 => crate::msg!(FEW, count = n, paths = names),
        n => crate::msg!(MANY, count = n, paths = names, more = n - 3),
    };
    let d = sink.report_msg(*span, message);
    d.set_help_msg(crate::msg!(HELP_REMOVE));
    for (pointer, span) in nulls.iter().skip(1) {
        d.add_related_msg(
            *span,
            crate::msg!(RELATED_TOO, path = pointer.trim_start_matches('/')),
        );
    }
}
