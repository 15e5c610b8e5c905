use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::schema::{self, Issue};

crate::declare_rule! {
    /// ## What it does
    /// Checks every key of the task definition, its container definitions and their nested
    /// objects against the `RegisterTaskDefinition` input shape of the ECS API model (generated
    /// from botocore's copy into `data/ecs-schema.json`), and suggests the closest known key for a
    /// misspelt one.
    ///
    /// ## Why is this bad?
    /// The AWS CLI stops at the first unknown key ("Unknown parameter in input"), and tools that
    /// read the file into SDK types may drop it silently: a misspelt `memoryReservations` then
    /// leaves the container with no reservation at all, and nobody notices. Like ecspresso, the
    /// case of the first letter is not significant (`Image` is `image`). The output-only keys of
    /// `describe-task-definition` are reported by TD004 instead.
    ///
    /// ## Example
    /// ```json
    /// { "name": "app", "image": "app:1.0", "memoryReservations": 256 }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "app", "image": "app:1.0", "memoryReservation": 256 }
    /// ```
    /// When a close key exists, the fix renames the key.
    ///
    /// ## References
    /// - [RegisterTaskDefinition request syntax](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html)
    /// - [ContainerDefinition](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html)
    /// - cfn-lint's generic schema check E3002 (unknown property, for CloudFormation templates). No Security Hub control or checklist item.
    pub static RULE = {
        code: "TD002",
        name: "unknown-key",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "a key the task definition API does not know",
    }
}

crate::messages! {
    "TD002";
    UNKNOWN_DID_YOU_MEAN = "unknown key `{key}` in {place}: did you mean `{suggestion}`?";
    UNKNOWN = "unknown key `{key}` in {place}";
    PLACE_CONTAINER = "a container definition";
    PLACE_TASK = "the task definition";
    PLACE_OBJECT = "a `{shape}` object";
    HELP_RENAME = "the API has no `{key}`; rename it to `{suggestion}`, or remove it";
    FIX_RENAME = "rename to `{suggestion}`";
    HELP_KNOWN_KEYS = "the API has no `{key}` here; the known keys are {keys}";
    KEYS_IN_REFERENCE = "listed in the API reference ({count} keys)";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    for issue in schema::issues(ctx) {
        let Issue::UnknownKey {
            member,
            shape,
            suggestion,
            ..
        } = issue
        else {
            continue;
        };
        let key = &member.key;
        let key_span = member.key_span;
        let message = match suggestion {
            Some(s) => crate::msg!(
                UNKNOWN_DID_YOU_MEAN,
                key = key,
                place = place(shape),
                suggestion = *s
            ),
            None => crate::msg!(UNKNOWN, key = key, place = place(shape)),
        };
        let d = sink.report_msg(key_span, message);
        match suggestion {
            Some(s) => {
                d.set_help_msg(crate::msg!(HELP_RENAME, key = key, suggestion = *s));
                d.set_fix_msg(
                    crate::msg!(FIX_RENAME, suggestion = *s),
                    key_span,
                    format!("\"{s}\""),
                );
            }
            None => {
                d.set_help_msg(crate::msg!(
                    HELP_KNOWN_KEYS,
                    key = key,
                    keys = known_keys(shape)
                ));
            }
        }
    }
}

/// The object a key sits in, as `schema::shape_noun` words it.
fn place(shape: &str) -> crate::input::msg::Msg {
    match shape {
        "ContainerDefinition" => crate::msg!(PLACE_CONTAINER),
        s if s == schema::root() => crate::msg!(PLACE_TASK),
        other => crate::msg!(PLACE_OBJECT, shape = other),
    }
}

fn known_keys(shape: &str) -> crate::input::msg::Arg {
    use crate::input::msg::Arg;
    let keys: Vec<&str> = crate::models::ecs_schema::schema()
        .structure(shape)
        .map(|s| s.members.iter().map(|(k, _)| k.as_str()).collect())
        .unwrap_or_default();
    if keys.len() > 12 {
        Arg::from(crate::msg!(KEYS_IN_REFERENCE, count = keys.len()))
    } else {
        Arg::List(keys.iter().map(|k| Arg::Code(format!("`{k}`"))).collect())
    }
}
