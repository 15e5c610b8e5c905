use super::schema;
use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;
use crate::rules::taskdef::td061_value_out_of_range::report_out_of_range;

crate::declare_rule! {
    /// ## What it does
    /// Checks the bounds the ECS API model states for service definition values:
    /// a capacity provider's `weight` 0–1000 and `base`
    /// 0–100000, a Service Connect `port` or `ingressPortOverride` 0–65535, at most 50 `tags`, lifecycle hook durations,
    /// `monitoring` metric counts and resolutions, and the other ranges and lengths the model
    /// lists (kept in `data/ecs-schema.json`, generated from botocore's copy of the model).
    /// Template placeholders are never judged.
    ///
    /// ## Why is this bad?
    /// The API refuses a value outside the bounds its model states (for a capacity provider's
    /// weight, "The valid range is 0 to 1,000"), so the service is neither created nor updated.
    ///
    /// ## Example
    /// ```json
    /// { "capacityProviderStrategy": [{ "capacityProvider": "FARGATE_SPOT", "weight": 2000 }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "capacityProviderStrategy": [{ "capacityProvider": "FARGATE_SPOT", "weight": 2 }] }
    /// ```
    ///
    /// ## References
    /// - [CapacityProviderStrategyItem](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html) (weight "Valid Range: Minimum value of 0. Maximum value of 1000.")
    /// - [DeploymentConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html)
    /// - The ECS API model (botocore's `ecs/2014-11-13/service-2.json`): the `min` and `max` of each shape.
    /// - cfn-lint E3034 (number range), for CloudFormation templates.
    pub static RULE = {
        code: "SV031",
        name: "service-value-out-of-range",
        target: ServiceDef,
        severity: Error,
        category: Schema,
        summary: "a service value, length or item count outside the bounds the API states",
    }
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    if !ctx.is_object() {
        return;
    }
    report_out_of_range(schema::issues(ctx), sink);
}
