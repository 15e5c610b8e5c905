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
        let place = schema::shape_noun(shape);
        let message = match suggestion {
            Some(s) => format!("unknown key `{key}` in {place}: did you mean `{s}`?"),
            None => format!("unknown key `{key}` in {place}"),
        };
        let d = sink.report(key_span, message);
        match suggestion {
            Some(s) => {
                d.set_help(format!(
                    "the API has no `{key}`; rename it to `{s}`, or remove it"
                ));
                d.set_fix(format!("rename to `{s}`"), key_span, format!("\"{s}\""));
            }
            None => {
                d.set_help(format!(
                    "the API has no `{key}` here; the known keys are {}",
                    known_keys(shape)
                ));
            }
        }
    }
}

fn known_keys(shape: &str) -> String {
    let keys: Vec<&str> = crate::models::ecs_schema::schema()
        .structure(shape)
        .map(|s| s.members.iter().map(|(k, _)| k.as_str()).collect())
        .unwrap_or_default();
    if keys.len() > 12 {
        format!("listed in the API reference ({} keys)", keys.len())
    } else {
        keys.iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}
