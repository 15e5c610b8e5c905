use super::schema::{self, Issue};
use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Checks that every object of a service definition holds the members the ECS API model marks
    /// as required: `enable` and `rollback` in a `deploymentCircuitBreaker`, `alarmNames`,
    /// `enable` and `rollback` in deployment `alarms`, `subnets` in an `awsvpcConfiguration`,
    /// `capacityProvider` in a capacity provider strategy item, `type` in a
    /// `deploymentController`, `enabled` in a `serviceConnectConfiguration`, `roleArn` in a
    /// managed EBS volume, and the others the model lists (kept in `data/ecs-schema.json`,
    /// generated from botocore's copy of the model). The top level is not judged: ecspresso
    /// takes the service's name from its config. A member set to `null` counts as absent.
    ///
    /// ## Why is this bad?
    /// The AWS CLI and the SDKs (ecspresso's Go SDK included) refuse a request without a
    /// required member before sending it ("missing required field,
    /// DeploymentCircuitBreaker.Rollback"), so the service is neither created nor updated.
    ///
    /// ## Example
    /// ```json
    /// { "deploymentConfiguration": { "deploymentCircuitBreaker": { "enable": true } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "deploymentConfiguration": { "deploymentCircuitBreaker": { "enable": true, "rollback": true } } }
    /// ```
    ///
    /// ## References
    /// - [DeploymentCircuitBreaker](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentCircuitBreaker.html) ("Required: Yes")
    /// - [CreateService request parameters](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html)
    /// - The ECS API model (botocore's `ecs/2014-11-13/service-2.json`): the `required` list of each shape.
    /// - [aws-controllers-k8s/community#2087](https://github.com/aws-controllers-k8s/community/issues/2087): "missing required field, UpdateServiceInput.DeploymentConfiguration.Alarms.AlarmNames" for an imported service whose `alarms` had no `alarmNames`
    /// - cfn-lint E3003 (required property), for CloudFormation templates.
    pub static RULE = {
        code: "SV030",
        name: "missing-required-service-member",
        target: ServiceDef,
        severity: Error,
        category: Schema,
        summary: "an object without a member the service API requires",
    }
}

crate::messages! {
    "SV030";
    MISSING_TOP = "the service definition has no `{member}`, which the API requires";
    MISSING_IN = "`{path}` has no `{member}`, which the API requires";
    HELP = "add `{member}`: the AWS CLI and the SDKs refuse this `{shape}` without it";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    if !ctx.is_object() {
        return;
    }
    for problem in schema::issues(ctx) {
        let Issue::Missing {
            anchor,
            path,
            shape,
            member,
            ..
        } = problem
        else {
            continue;
        };
        let message = if path.is_empty() {
            crate::msg!(MISSING_TOP, member = *member)
        } else {
            crate::msg!(MISSING_IN, path = path.as_str(), member = *member)
        };
        let d = sink.report_msg(*anchor, message);
        d.set_help_msg(crate::msg!(HELP, member = *member, shape = *shape));
    }
}
