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

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    if !ctx.is_object() || ctx.looks_like_ecspresso() {
        return;
    }
    util::report_nulls(
        ctx.service,
        sink,
        "remove these members (null means \"not set\" only to ecspresso and the Go SDK)",
    );
}
