use crate::models::ecs_schema::{bounds_text, Measure};
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

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    report_out_of_range(schema::issues(ctx), sink);
}

/// Reports the values of a schema walk that are outside their bounds (shared with SV031).
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
        let d = sink.report(node.span, message);
        d.set_help(help);
    }
}

/// The message and help of a value outside its bounds (shared with SV031).
pub fn out_of_range(
    path: &str,
    measure: Measure,
    found: f64,
    min: Option<i64>,
    max: Option<i64>,
) -> (String, String) {
    let bounds = bounds_text(min, max);
    match measure {
        Measure::Value => (
            format!("`{path}` is {found}; the API takes {bounds}"),
            format!("use a value {bounds}"),
        ),
        Measure::Length => (
            format!("`{path}` is {found} characters long; the API takes a length {bounds}"),
            format!("use a string whose length is {bounds}"),
        ),
        Measure::Items => (
            format!("`{path}` has {found} items; the API takes {bounds}"),
            format!("give {bounds} items"),
        ),
    }
}
