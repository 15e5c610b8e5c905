use super::schema::{self, Issue};
use crate::input::msg::Msg;
use crate::models::ecs_schema::Measure;
use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

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

crate::messages! {
    "SV031";
    VALUE = "`{path}` is {found}; the API takes {bounds}";
    HELP_VALUE = "use a value {bounds}";
    LENGTH = "`{path}` is {found} characters long; the API takes a length {bounds}";
    HELP_LENGTH = "use a string whose length is {bounds}";
    ITEMS = "`{path}` has {found} items; the API takes {bounds}";
    HELP_ITEMS = "give {bounds} items";
    BETWEEN = "between {min} and {max}";
    AT_LEAST = "at least {min}";
    AT_MOST = "at most {max}";
    UNBOUNDED = "unbounded";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    if !ctx.is_object() {
        return;
    }
    // TD061's sentences (`td061_value_out_of_range::out_of_range`), keyed under SV031.
    for issue in schema::issues(ctx) {
        let Issue::OutOfRange {
            node,
            path,
            measure,
            found,
            min,
            max,
            ..
        } = issue
        else {
            continue;
        };
        let path = path.as_str();
        let found = format!("{found}");
        let (message, help) = match measure {
            Measure::Value => (
                crate::msg!(
                    VALUE,
                    path = path,
                    found = found,
                    bounds = bounds(*min, *max)
                ),
                crate::msg!(HELP_VALUE, bounds = bounds(*min, *max)),
            ),
            Measure::Length => (
                crate::msg!(
                    LENGTH,
                    path = path,
                    found = found,
                    bounds = bounds(*min, *max)
                ),
                crate::msg!(HELP_LENGTH, bounds = bounds(*min, *max)),
            ),
            Measure::Items => (
                crate::msg!(
                    ITEMS,
                    path = path,
                    found = found,
                    bounds = bounds(*min, *max)
                ),
                crate::msg!(HELP_ITEMS, bounds = bounds(*min, *max)),
            ),
        };
        sink.report_msg(node.span, message).set_help_msg(help);
    }
}

/// The bounds as a phrase, worded as `ecs_schema::bounds_text` words them.
fn bounds(min: Option<i64>, max: Option<i64>) -> Msg {
    match (min, max) {
        (Some(a), Some(b)) => crate::msg!(BETWEEN, min = a, max = b),
        (Some(a), None) => crate::msg!(AT_LEAST, min = a),
        (None, Some(b)) => crate::msg!(AT_MOST, max = b),
        (None, None) => crate::msg!(UNBOUNDED),
    }
}

#[cfg(test)]
mod tests {
    use super::bounds;

    #[test]
    fn bounds_read_as_the_shared_text() {
        for (min, max) in [
            (Some(1), Some(5)),
            (Some(0), None),
            (None, Some(9)),
            (None, None),
        ] {
            assert_eq!(
                bounds(min, max).en(),
                crate::models::ecs_schema::bounds_text(min, max)
            );
        }
    }
}
