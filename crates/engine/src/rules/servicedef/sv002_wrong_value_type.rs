use super::schema::{self, Issue};
use crate::input::msg::{Arg, Msg};
use crate::models::ecs_schema::{self, Kind};
use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;
use crate::syntax::value::NodeKind;

crate::declare_rule! {
    /// ## What it does
    /// Checks that each value of a service definition has the type the `CreateService` API
    /// takes (a whole number for `desiredCount`, `true`/`false` for `enableExecuteCommand`, an
    /// array for `subnets`...) and that enumerated values are ones the API knows
    /// (`launchType`, `propagateTags`, `assignPublicIp`, `schedulingStrategy`...).
    /// Placeholders such as `{{ must_env `COUNT` }}` are never reported.
    ///
    /// ## Why is this bad?
    /// The AWS CLI validates types before sending the request ("Invalid type for parameter
    /// desiredCount"), and ECS rejects unknown enum values, including the right word in the
    /// wrong case (`fargate`). ecspresso fails to decode the file.
    ///
    /// ## Example
    /// ```json
    /// { "desiredCount": "2", "launchType": "fargate", "enableExecuteCommand": "true" }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "desiredCount": 2, "launchType": "FARGATE", "enableExecuteCommand": true }
    /// ```
    /// The fixes offered unquote a number or boolean and correct an enum value's case.
    ///
    /// ## References
    /// - [CreateService request parameters](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html)
    /// - The ECS API model (botocore's `ecs/2014-11-13/service-2.json`, kept in `data/ecs-schema.json`): the types and enums checked here.
    /// - cfn-lint E3012 (type) and E3030 (allowed values) do the same for CloudFormation.
    pub static RULE = {
        code: "SV002",
        name: "wrong-service-value-type",
        target: ServiceDef,
        severity: Error,
        category: Schema,
        summary: "a service definition value of the wrong type or not one of the allowed values",
    }
}

crate::messages! {
    "SV002";
    WRONG_TYPE = "`{path}` must be {expected}, not {actual}";
    WRONG_TYPE_SHOWN = "`{path}` must be {expected}, not {actual} `{text}`";
    HELP_TYPE = "the AWS CLI refuses the request before sending it; write `{path}` as {expected}";
    FIX_UNQUOTE = "write {fixed} without quotes";
    BAD_ENUM = "`{path}` is \"{value}\", which ECS does not accept";
    BAD_ENUM_SUGGEST = "`{path}` is \"{value}\", which ECS does not accept; did you mean `{suggestion}`?";
    HELP_ENUM = "`{path}` is one of {list} (case matters)";
    FIX_SET = "set `{path}` to {suggestion}";
    EXPECT_OBJECT = "an object";
    EXPECT_ARRAY = "an array";
    EXPECT_STRING = "a string";
    EXPECT_INTEGER = "a whole number";
    EXPECT_NUMBER = "a number";
    EXPECT_BOOLEAN = "true or false";
    EXPECT_VALUE = "a value";
    GOT_NULL = "null";
    GOT_BOOLEAN = "a boolean";
    GOT_NUMBER = "a number";
    GOT_STRING = "a string";
    GOT_ARRAY = "an array";
    GOT_OBJECT = "an object";
    GOT_PLACEHOLDER = "a template placeholder";
    GOT_INVALID = "invalid text";
}

/// What the schema expects, as a phrase.
fn expected_name(ty: &ecs_schema::Ty) -> Msg {
    match ecs_schema::schema().kind(ty) {
        Kind::Structure(..) | Kind::Map => crate::msg!(EXPECT_OBJECT),
        Kind::List(_) => crate::msg!(EXPECT_ARRAY),
        Kind::String | Kind::Enum(_) => crate::msg!(EXPECT_STRING),
        Kind::Integer => crate::msg!(EXPECT_INTEGER),
        Kind::Double => crate::msg!(EXPECT_NUMBER),
        Kind::Boolean => crate::msg!(EXPECT_BOOLEAN),
        Kind::Any | Kind::Unknown => crate::msg!(EXPECT_VALUE),
    }
}

/// What the value is, as a phrase (the words of `Node::type_name`).
fn actual_name(node: &crate::syntax::value::Node) -> Msg {
    match node.kind {
        NodeKind::Null => crate::msg!(GOT_NULL),
        NodeKind::Bool(_) => crate::msg!(GOT_BOOLEAN),
        NodeKind::Number(..) => crate::msg!(GOT_NUMBER),
        NodeKind::String(_) => crate::msg!(GOT_STRING),
        NodeKind::Array(_) => crate::msg!(GOT_ARRAY),
        NodeKind::Object(_) => crate::msg!(GOT_OBJECT),
        NodeKind::Placeholder(_) => crate::msg!(GOT_PLACEHOLDER),
        NodeKind::Invalid => crate::msg!(GOT_INVALID),
    }
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    if !ctx.is_object() {
        return;
    }
    for problem in schema::issues(ctx) {
        match problem {
            Issue::WrongType {
                node,
                path,
                expected,
                ..
            } => {
                let shown = node.span.text(ctx.text);
                let path = path.as_str();
                let message = if shown.chars().count() > 40 {
                    crate::msg!(
                        WRONG_TYPE,
                        path = path,
                        expected = expected_name(expected),
                        actual = actual_name(node)
                    )
                } else {
                    crate::msg!(
                        WRONG_TYPE_SHOWN,
                        path = path,
                        expected = expected_name(expected),
                        actual = actual_name(node),
                        text = shown
                    )
                };
                let diagnostic = sink.report_msg(node.span, message);
                diagnostic.set_help_msg(crate::msg!(
                    HELP_TYPE,
                    path = path,
                    expected = expected_name(expected)
                ));
                if let NodeKind::String(s) = &node.kind {
                    let trimmed = s.trim();
                    let fixed = match crate::models::ecs_schema::schema().kind(expected) {
                        Kind::Integer if trimmed.parse::<i64>().is_ok() => {
                            Some(trimmed.to_string())
                        }
                        Kind::Boolean if trimmed == "true" || trimmed == "false" => {
                            Some(trimmed.to_string())
                        }
                        _ => None,
                    };
                    if let Some(fixed) = fixed {
                        diagnostic.set_fix_msg(
                            crate::msg!(FIX_UNQUOTE, fixed = fixed.as_str()),
                            node.span,
                            fixed.clone(),
                        );
                    }
                }
            }
            Issue::BadEnum {
                node,
                path,
                value,
                allowed,
                ..
            } => {
                let same_word = allowed
                    .iter()
                    .find(|a| a.eq_ignore_ascii_case(value.trim()));
                let suggestion = same_word.cloned().or_else(|| {
                    crate::input::text::suggest(value, allowed.iter().map(String::as_str))
                        .map(str::to_string)
                });
                let list = Arg::List(
                    allowed
                        .iter()
                        .map(|a| Arg::Code(format!("`{a}`")))
                        .collect(),
                );
                let path = path.as_str();
                let message = match &suggestion {
                    Some(s) => crate::msg!(
                        BAD_ENUM_SUGGEST,
                        path = path,
                        value = *value,
                        suggestion = s
                    ),
                    None => crate::msg!(BAD_ENUM, path = path, value = *value),
                };
                let diagnostic = sink.report_msg(node.span, message);
                diagnostic.set_help_msg(crate::msg!(HELP_ENUM, path = path, list = list));
                if let Some(s) = suggestion {
                    diagnostic.set_fix_msg(
                        crate::msg!(FIX_SET, path = path, suggestion = s.as_str()),
                        node.span,
                        format!("\"{s}\""),
                    );
                }
            }
            _ => {}
        }
    }
}
