use crate::input::diagnostic::{Edit, Fix};
use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;
use crate::syntax::value::NodeKind;

use super::schema::{self, Issue};
use crate::models::ecs_schema::Kind;

crate::declare_rule! {
    /// ## What it does
    /// Checks that every value has the type the `RegisterTaskDefinition` API wants, and that
    /// values with a small fixed set (`networkMode`, `condition`, `protocol`...) are one of them.
    /// `null` (as in console exports) means "not set" and is never reported; template
    /// placeholders are never reported.
    ///
    /// ## Why is this bad?
    /// The API's types are not the obvious ones. The task-level `cpu` and `memory` are
    /// **strings** (`"512"`, they also accept `"1 vCPU"` and `"2 GB"`), while the container-level
    /// `cpu`, `memory` and `memoryReservation` are **integers**. The AWS CLI checks types before
    /// sending ("Invalid type for parameter cpu"), and the SDKs fail too: the GitHub deploy
    /// action reports "STRING_VALUE cannot be converted to Integer" for a quoted integer.
    /// CloudFormation converts either way, which is how the wrong habit spreads. `tags` is an
    /// array of `{"key": ..., "value": ...}` objects, not a map.
    ///
    /// ## Example
    /// ```json
    /// { "cpu": 256, "memory": 512, "tags": { "team": "web" },
    ///   "containerDefinitions": [{ "name": "app", "memory": "512", "essential": "true" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "cpu": "256", "memory": "512", "tags": [{ "key": "team", "value": "web" }],
    ///   "containerDefinitions": [{ "name": "app", "memory": 512, "essential": true }] }
    /// ```
    /// The fix quotes or unquotes the value, or rewrites a `tags` map as the array.
    ///
    /// ## References
    /// - [RegisterTaskDefinition request parameters](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html)
    /// - [ContainerDefinition](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html)
    /// - [aws-actions/amazon-ecs-deploy-task-definition#587](https://github.com/aws-actions/amazon-ecs-deploy-task-definition/issues/587) (a string where an integer is wanted)
    /// - The ECS API model (botocore's `ecs/2014-11-13/service-2.json`, kept in `data/ecs-schema.json`): the types and enums checked here.
    /// - cfn-lint E3012 (value type) and E3030 (allowed values), for CloudFormation templates.
    pub static RULE = {
        code: "TD003",
        name: "wrong-type",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "a value of the wrong type, or not one of the allowed values",
    }
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    let model = crate::models::ecs_schema::schema();
    for issue in schema::issues(ctx) {
        if let Issue::BadEnum {
            node,
            key,
            value: s,
            allowed: values,
            ..
        } = issue
        {
            bad_enum(sink, node, key, s, values);
            continue;
        }
        let Issue::WrongType {
            key,
            node: value,
            expected,
            ..
        } = issue
        else {
            continue;
        };
        let raw = value.span.text(ctx.text);
        if let (Kind::List(inner), NodeKind::Object(object)) = (model.kind(expected), &value.kind) {
            if matches!(model.kind(inner), Kind::Structure("Tag", _)) {
                let d = sink.report(
                    value.span,
                    format!("`{key}` is an object; the API wants an array of {{\"key\", \"value\"}} objects"),
                );
                d.set_help(
                    "write each tag as {\"key\": \"...\", \"value\": \"...\"} inside an array",
                );
                let pairs: Option<Vec<String>> = object
                    .members
                    .iter()
                    .map(|m| {
                        let v = m.value.as_str()?;
                        Some(format!(
                            "{{\"key\": {}, \"value\": {}}}",
                            serde_json::to_string(&m.key).ok()?,
                            serde_json::to_string(v).ok()?
                        ))
                    })
                    .collect();
                if let Some(pairs) = pairs {
                    d.fix = Some(Fix {
                        title: "rewrite tags as an array of key/value objects".into(),
                        edits: vec![Edit {
                            span: value.span,
                            content: format!("[{}]", pairs.join(", ")),
                        }],
                    });
                }
                continue;
            }
        }
        let found = match &value.kind {
            NodeKind::Number(..) => format!("the number {raw}"),
            NodeKind::String(_) => format!("the string {raw}"),
            _ => value.type_name().to_string(),
        };
        let mut message = format!(
            "`{key}` is {found}; the API wants {}",
            model.describe(expected)
        );
        let mut help = String::from("the AWS CLI and SDKs reject a value of the wrong type");
        let mut fix = None;
        match (&value.kind, model.kind(expected)) {
            (NodeKind::Number(..), Kind::String) => {
                if matches!(key.as_str(), "cpu" | "memory") {
                    message =
                        format!("task-level `{key}` is the number {raw}; the API wants a string");
                    help = "task-level cpu and memory are strings (\"256\", \"1 vCPU\"), unlike the container-level integers".into();
                }
                fix = Some((format!("quote it: \"{raw}\""), format!("\"{raw}\"")));
            }
            (NodeKind::String(s), Kind::Integer) => {
                if let Ok(i) = s.trim().parse::<i64>() {
                    if matches!(key.as_str(), "cpu" | "memory" | "memoryReservation") {
                        help = format!(
                            "container-level `{key}` is an integer, unlike the task-level strings"
                        );
                    }
                    fix = Some((format!("write the number {i}"), i.to_string()));
                }
            }
            (NodeKind::String(s), Kind::Boolean) if s == "true" || s == "false" => {
                fix = Some((format!("write {s} without quotes"), s.clone()));
            }
            (NodeKind::String(_), Kind::List(inner))
                if matches!(model.kind(inner), Kind::String | Kind::Enum(_)) =>
            {
                fix = Some(("wrap it in an array".into(), format!("[{raw}]")));
            }
            _ => {}
        }
        let d = sink.report(value.span, message);
        d.set_help(help);
        if let Some((title, content)) = fix {
            d.set_fix(title, value.span, content);
        }
    }
}

fn bad_enum(
    sink: &mut Sink<'_>,
    value: &crate::syntax::value::Node,
    key: &str,
    s: &str,
    values: &[String],
) {
    let list = values
        .iter()
        .map(|v| format!("\"{v}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let suggestion = values
        .iter()
        .find(|v| v.eq_ignore_ascii_case(s))
        .or_else(|| {
            crate::input::text::suggest(s, values.iter().map(String::as_str))
                .and_then(|found| values.iter().find(|v| v.as_str() == found))
        });
    let d = sink.report(
        value.span,
        format!("`{key}` is \"{s}\", which is not one of {list}"),
    );
    d.set_help("the API accepts only the listed values, with this exact case");
    if let Some(v) = suggestion {
        d.set_fix(format!("use \"{v}\""), value.span, format!("\"{v}\""));
    }
}
