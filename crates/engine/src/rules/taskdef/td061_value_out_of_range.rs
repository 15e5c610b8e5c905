use crate::input::msg::Msg;
use crate::models::ecs_schema::Measure;
use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::schema::{self, Issue};

crate::declare_rule! {
    /// ## What it does
    /// Checks the bounds the ECS API model states for task definition values: at most 50
    /// `tags`, a tag key of 1 to 128 characters and a value of at most 256, an NVIDIA MPS
    /// `maxComputePercent` of 1 to 100, and the other ranges and lengths the model lists (kept in `data/ecs-schema.json`, generated from
    /// botocore's copy of the model). Template placeholders are never judged.
    ///
    /// ## Why is this bad?
    /// The API refuses a value outside the bounds its model states; the AWS CLI checks the lower
    /// bounds before sending ("Invalid length for parameter tags[0].key, value: 0, valid min
    /// length: 1") and ECS the rest, so the task definition is not registered.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "tags": [{ "key": "", "value": "web" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "family": "web", "tags": [{ "key": "app", "value": "web" }] }
    /// ```
    ///
    /// ## References
    /// - [Tag](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Tag.html) ("Maximum number of tags per resource - 50", key and value lengths)
    /// - The ECS API model (botocore's `ecs/2014-11-13/service-2.json`): the `min` and `max` of each shape.
    /// - cfn-lint E3034 (number range) and E3033 (string length), for CloudFormation templates.
    pub static RULE = {
        code: "TD061",
        name: "value-out-of-range",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "a value, length or item count outside the bounds the API states",
    }
}

crate::messages! {
    "TD061";
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

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    report_out_of_range(schema::issues(ctx), sink);
}

/// Reports the values of a schema walk that are outside their bounds.
pub fn report_out_of_range(issues: &[Issue<'_>], sink: &mut Sink<'_>) {
    for issue in issues {
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
        let (message, help) = out_of_range(path, *measure, *found, *min, *max);
        sink.report_msg(node.span, message).set_help_msg(help);
    }
}

/// The message and help of a value, length or item count out of its bounds.
pub fn out_of_range(
    path: &str,
    measure: Measure,
    found: f64,
    min: Option<i64>,
    max: Option<i64>,
) -> (Msg, Msg) {
    let found = format!("{found}");
    match measure {
        Measure::Value => (
            crate::msg!(
                VALUE,
                path = path,
                found = &found,
                bounds = bounds(min, max)
            ),
            crate::msg!(HELP_VALUE, bounds = bounds(min, max)),
        ),
        Measure::Length => (
            crate::msg!(
                LENGTH,
                path = path,
                found = &found,
                bounds = bounds(min, max)
            ),
            crate::msg!(HELP_LENGTH, bounds = bounds(min, max)),
        ),
        Measure::Items => (
            crate::msg!(
                ITEMS,
                path = path,
                found = &found,
                bounds = bounds(min, max)
            ),
            crate::msg!(HELP_ITEMS, bounds = bounds(min, max)),
        ),
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
