use super::schema::{self, expected_name, Issue};
use crate::models::ecs_schema::Kind;
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
                let shown = if shown.chars().count() > 40 {
                    node.type_name().to_string()
                } else {
                    format!("{} `{shown}`", node.type_name())
                };
                let diagnostic = sink.report(
                    node.span,
                    format!("`{path}` must be {}, not {shown}", expected_name(expected)),
                );
                diagnostic.set_help(format!(
                    "the AWS CLI refuses the request before sending it; write `{path}` as {}",
                    expected_name(expected)
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
                        diagnostic.set_fix(
                            format!("write {fixed} without quotes"),
                            node.span,
                            fixed,
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
                let list = allowed
                    .iter()
                    .map(|a| format!("`{a}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let message = match &suggestion {
                    Some(s) => format!(
                        "`{path}` is \"{value}\", which ECS does not accept; did you mean `{s}`?"
                    ),
                    None => format!("`{path}` is \"{value}\", which ECS does not accept"),
                };
                let diagnostic = sink.report(node.span, message);
                diagnostic.set_help(format!("`{path}` is one of {list} (case matters)"));
                if let Some(s) = suggestion {
                    diagnostic.set_fix(
                        format!("set `{path}` to {s}"),
                        node.span,
                        format!("\"{s}\""),
                    );
                }
            }
            _ => {}
        }
    }
}
