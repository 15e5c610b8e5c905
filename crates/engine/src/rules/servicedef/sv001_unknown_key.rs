use super::schema::{self, Issue};
use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Checks every key of a service definition against the `CreateService` request shape (plus
    /// the members only `UpdateService` takes) of the ECS API model (generated from botocore's
    /// copy into `data/ecs-schema.json`), nested objects included, and suggests the
    /// closest known key for a misspelt one. Like ecspresso, the case of a key's first letter is
    /// not significant. Keys of `describe-services` output are explained by SV003 instead.
    ///
    /// ## Why is this bad?
    /// The AWS CLI refuses a request with an unknown key ("Unknown parameter in input"), and
    /// its key names are case-sensitive. ecspresso decodes the file with Go's `encoding/json`,
    /// which matches keys case-insensitively (`desiredcount` sets `desiredCount` there), and for
    /// a key that matches nothing it prints a warning and drops the key, so the setting you
    /// meant (`deploymentCircuitBreakers`, `minimumHealthPercent`) silently never applies.
    ///
    /// ## Example
    /// ```json
    /// { "desiredCount": 2, "deploymentConfiguration": { "minimumHealthPercent": 50 } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "desiredCount": 2, "deploymentConfiguration": { "minimumHealthyPercent": 50 } }
    /// ```
    /// The fix offered renames the key to the suggestion.
    ///
    /// ## References
    /// - [CreateService request syntax](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html)
    /// - ecspresso warns "unknown field" and decodes again leniently (`unmarshalJSON` in
    ///   `ecspresso.go`); Go's [encoding/json](https://pkg.go.dev/encoding/json#Unmarshal)
    ///   matches keys "preferring an exact match but also accepting a case-insensitive match".
    /// - cfn-lint's generic schema rules (E3002) do the same for CloudFormation templates.
    pub static RULE = {
        code: "SV001",
        name: "unknown-service-key",
        target: ServiceDef,
        severity: Error,
        category: Schema,
        summary: "a key the CreateService request does not have",
    }
}

crate::messages! {
    "SV001";
    UNKNOWN_TOP = "unknown key `{key}` in the service definition";
    UNKNOWN_TOP_SUGGEST = "unknown key `{key}` in the service definition; did you mean `{suggestion}`?";
    UNKNOWN_IN = "unknown key `{key}` in `{path}`";
    UNKNOWN_IN_SUGGEST = "unknown key `{key}` in `{path}`; did you mean `{suggestion}`?";
    HELP = "the AWS CLI rejects unknown keys and ecspresso drops them with a warning, so this setting never applies; fix the spelling or remove the key";
    FIX_RENAME = "rename to `{suggestion}`";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    if !ctx.is_object() {
        return;
    }
    for problem in schema::issues(ctx) {
        let Issue::UnknownKey {
            member,
            suggestion,
            path,
            ..
        } = problem
        else {
            continue;
        };
        let key = member.key.as_str();
        let message = match (&suggestion, path.is_empty()) {
            (Some(s), true) => crate::msg!(UNKNOWN_TOP_SUGGEST, key = key, suggestion = *s),
            (Some(s), false) => crate::msg!(
                UNKNOWN_IN_SUGGEST,
                key = key,
                path = path.as_str(),
                suggestion = *s
            ),
            (None, true) => crate::msg!(UNKNOWN_TOP, key = key),
            (None, false) => crate::msg!(UNKNOWN_IN, key = key, path = path.as_str()),
        };
        let diagnostic = sink.report_msg(member.key_span, message);
        diagnostic.set_help_msg(crate::msg!(HELP));
        if let Some(s) = suggestion {
            let quoted = member.key_span.text(ctx.text).starts_with('"');
            let content = if quoted {
                format!("\"{s}\"")
            } else {
                s.to_string()
            };
            diagnostic.set_fix_msg(
                crate::msg!(FIX_RENAME, suggestion = *s),
                member.key_span,
                content,
            );
        }
    }
}
