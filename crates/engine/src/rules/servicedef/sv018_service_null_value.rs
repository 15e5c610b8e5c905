use crate::input::msg::Arg;
use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;
use crate::rules::taskdef::util;

crate::declare_rule! {
    /// ## What it does
    /// Reports the `null` values in a `create-service` input (once, at the first, with the
    /// others as related places) (`"platformVersion": null`),
    /// unless the file looks like an ecspresso service definition, which reads `null` as
    /// "not set".
    ///
    /// ## Why is this bad?
    /// The AWS CLI and boto3 check every parameter's type before calling ECS, and `null` is no
    /// type a member takes: `aws ecs create-service --cli-input-json file://service.json` stops
    /// with `Parameter validation failed: Invalid type for parameter ..., value: None`. Other
    /// clients (ecspresso, the Go SDK) drop them, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "cluster": "prod", "serviceName": "web", "taskDefinition": "web:3",
    ///   "desiredCount": 2, "platformVersion": null }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "cluster": "prod", "serviceName": "web", "taskDefinition": "web:3", "desiredCount": 2 }
    /// ```
    ///
    /// ## References
    /// - The refusal, with console output given to the AWS CLI: `Invalid type for parameter
    ///   networkMode, value: None, type: <class 'NoneType'>, valid types: <class 'str'>`
    ///   ([aws/aws-cli#3622](https://github.com/aws/aws-cli/issues/3622)).
    /// - botocore's parameter validation (`botocore/validate.py`).
    pub static RULE = {
        code: "SV018",
        name: "service-null-value",
        target: ServiceDef,
        severity: Warning,
        category: Schema,
        summary: "a null value, which the AWS CLI and boto3 refuse",
    }
}

crate::messages! {
    "SV018";
    ONE = "`{path}` is null; the AWS CLI and boto3 refuse null parameters";
    FEW = "{count} members are null ({paths}); the AWS CLI and boto3 refuse null parameters";
    MANY = "{count} members are null ({paths} and {more} more); the AWS CLI and boto3 refuse null parameters";
    HELP = "remove these members (null means \"not set\" only to ecspresso and the Go SDK)";
    RELATED_TOO = "`{path}` is null too";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    if !ctx.is_object() || ctx.looks_like_ecspresso() {
        return;
    }
    // `util::report_nulls` (shared with TD037) in SV018's own keyed sentences.
    let nulls = util::nulls(ctx.service);
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
    d.set_help_msg(crate::msg!(HELP));
    for (pointer, span) in nulls.iter().skip(1) {
        d.add_related_msg(
            *span,
            crate::msg!(RELATED_TOO, path = pointer.trim_start_matches('/')),
        );
    }
}
