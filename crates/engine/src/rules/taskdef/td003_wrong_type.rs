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

crate::messages! {
    "TD003";
    TAGS_OBJECT = "`{key}` is an object; the API wants an array of {\"key\", \"value\"} objects";
    HELP_TAGS = "write each tag as {\"key\": \"...\", \"value\": \"...\"} inside an array";
    FIX_TAGS = "rewrite tags as an array of key/value objects";
    WRONG_TYPE = "`{key}` is {found}; the API wants {expected}";
    TASK_SIZE_NUMBER = "task-level `{key}` is the number {raw}; the API wants a string";
    FOUND_NUMBER = "the number {raw}";
    FOUND_STRING = "the string {raw}";
    NULL = "null";
    BOOLEAN = "a boolean";
    NUMBER = "a number";
    STRING = "a string";
    ARRAY = "an array";
    OBJECT = "an object";
    PLACEHOLDER = "a template placeholder";
    INVALID = "invalid text";
    INTEGER = "an integer";
    TRUE_OR_FALSE = "true or false";
    STRING_MAP = "an object of string values";
    ANY_VALUE = "any value";
    STRING_ARRAY = "an array of strings";
    INTEGER_ARRAY = "an array of integers";
    TAG_ARRAY = "an array of {\"key\": ..., \"value\": ...} objects";
    PAIR_ARRAY = "an array of {\"name\": ..., \"value\": ...} objects";
    OBJECT_ARRAY = "an array of objects";
    HELP_WRONG_TYPE = "the AWS CLI and SDKs reject a value of the wrong type";
    HELP_TASK_SIZE = "task-level cpu and memory are strings (\"256\", \"1 vCPU\"), unlike the container-level integers";
    HELP_CONTAINER_INTEGER = "container-level `{key}` is an integer, unlike the task-level strings";
    FIX_QUOTE = "quote it: \"{raw}\"";
    FIX_NUMBER = "write the number {number}";
    FIX_UNQUOTE = "write {value} without quotes";
    FIX_WRAP = "wrap it in an array";
    BAD_ENUM = "`{key}` is \"{value}\", which is not one of {allowed}";
    HELP_ENUM = "the API accepts only the listed values, with this exact case";
    FIX_ENUM = "use \"{value}\"";
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
                let d = sink.report_msg(value.span, crate::msg!(TAGS_OBJECT, key = key));
                d.set_help_msg(crate::msg!(HELP_TAGS));
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
                    d.set_fix_msg(
                        crate::msg!(FIX_TAGS),
                        value.span,
                        format!("[{}]", pairs.join(", ")),
                    );
                }
                continue;
            }
        }
        let found = match &value.kind {
            NodeKind::Number(..) => crate::msg!(FOUND_NUMBER, raw = raw),
            NodeKind::String(_) => crate::msg!(FOUND_STRING, raw = raw),
            kind => type_name(kind),
        };
        let mut message = crate::msg!(
            WRONG_TYPE,
            key = key,
            found = found,
            expected = describe(model, expected)
        );
        let mut help = crate::msg!(HELP_WRONG_TYPE);
        let mut fix = None;
        match (&value.kind, model.kind(expected)) {
            (NodeKind::Number(..), Kind::String) => {
                if matches!(key.as_str(), "cpu" | "memory") {
                    message = crate::msg!(TASK_SIZE_NUMBER, key = key, raw = raw);
                    help = crate::msg!(HELP_TASK_SIZE);
                }
                fix = Some((crate::msg!(FIX_QUOTE, raw = raw), format!("\"{raw}\"")));
            }
            (NodeKind::String(s), Kind::Integer) => {
                if let Ok(i) = s.trim().parse::<i64>() {
                    if matches!(key.as_str(), "cpu" | "memory" | "memoryReservation") {
                        help = crate::msg!(HELP_CONTAINER_INTEGER, key = key);
                    }
                    fix = Some((crate::msg!(FIX_NUMBER, number = i), i.to_string()));
                }
            }
            (NodeKind::String(s), Kind::Boolean) if s == "true" || s == "false" => {
                fix = Some((crate::msg!(FIX_UNQUOTE, value = s), s.clone()));
            }
            (NodeKind::String(_), Kind::List(inner))
                if matches!(model.kind(inner), Kind::String | Kind::Enum(_)) =>
            {
                fix = Some((crate::msg!(FIX_WRAP), format!("[{raw}]")));
            }
            _ => {}
        }
        let d = sink.report_msg(value.span, message);
        d.set_help_msg(help);
        if let Some((title, content)) = fix {
            d.set_fix_msg(title, value.span, content);
        }
    }
}

/// A value's type, as `Node::type_name` words it.
fn type_name(kind: &NodeKind) -> crate::input::msg::Msg {
    match kind {
        NodeKind::Null => crate::msg!(NULL),
        NodeKind::Bool(_) => crate::msg!(BOOLEAN),
        NodeKind::Number(..) => crate::msg!(NUMBER),
        NodeKind::String(_) => crate::msg!(STRING),
        NodeKind::Array(_) => crate::msg!(ARRAY),
        NodeKind::Object(_) => crate::msg!(OBJECT),
        NodeKind::Placeholder(_) => crate::msg!(PLACEHOLDER),
        NodeKind::Invalid => crate::msg!(INVALID),
    }
}

/// What the API wants, as `Schema::describe` words it.
fn describe(
    model: &crate::models::ecs_schema::Schema,
    ty: &crate::models::ecs_schema::Ty,
) -> crate::input::msg::Msg {
    match model.kind(ty) {
        Kind::String | Kind::Enum(_) => crate::msg!(STRING),
        Kind::Integer => crate::msg!(INTEGER),
        Kind::Double => crate::msg!(NUMBER),
        Kind::Boolean => crate::msg!(TRUE_OR_FALSE),
        Kind::Map => crate::msg!(STRING_MAP),
        Kind::Any | Kind::Unknown => crate::msg!(ANY_VALUE),
        Kind::Structure(..) => crate::msg!(OBJECT),
        Kind::List(inner) => match model.kind(inner) {
            Kind::String | Kind::Enum(_) => crate::msg!(STRING_ARRAY),
            Kind::Integer => crate::msg!(INTEGER_ARRAY),
            Kind::Structure("Tag", _) => crate::msg!(TAG_ARRAY),
            Kind::Structure("KeyValuePair", _) => crate::msg!(PAIR_ARRAY),
            _ => crate::msg!(OBJECT_ARRAY),
        },
    }
}

fn bad_enum(
    sink: &mut Sink<'_>,
    value: &crate::syntax::value::Node,
    key: &str,
    s: &str,
    values: &[String],
) {
    let list = crate::input::msg::Arg::List(
        values
            .iter()
            .map(|v| crate::input::msg::Arg::Code(format!("\"{v}\"")))
            .collect(),
    );
    let suggestion = values
        .iter()
        .find(|v| v.eq_ignore_ascii_case(s))
        .or_else(|| {
            crate::input::text::suggest(s, values.iter().map(String::as_str))
                .and_then(|found| values.iter().find(|v| v.as_str() == found))
        });
    let d = sink.report_msg(
        value.span,
        crate::msg!(BAD_ENUM, key = key, value = s, allowed = list),
    );
    d.set_help_msg(crate::msg!(HELP_ENUM));
    if let Some(v) = suggestion {
        d.set_fix_msg(
            crate::msg!(FIX_ENUM, value = v),
            value.span,
            format!("\"{v}\""),
        );
    }
}
