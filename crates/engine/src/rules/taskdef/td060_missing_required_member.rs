use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::schema::{self, Issue};
use crate::input::msg::Msg;

crate::declare_rule! {
    /// ## What it does
    /// Checks that every object of the task definition holds the members the ECS API model marks
    /// as required: `family` and `containerDefinitions` at the top, `command` in a
    /// `healthCheck`, `logDriver` in a `logConfiguration`, `name` and `valueFrom` in a secret,
    /// `containerName` and `condition` in a `dependsOn` item, `fileSystemId` in an
    /// `efsVolumeConfiguration`, `sizeInGiB` in `ephemeralStorage`, `name`, `softLimit` and
    /// `hardLimit` in a ulimit, and the others the model lists (kept in `data/ecs-schema.json`,
    /// generated from botocore's copy of the model). A member set to `null` counts as absent; an
    /// object with template placeholders where members go is not judged.
    ///
    /// ## Why is this bad?
    /// The AWS CLI and the SDKs (ecspresso's Go SDK included) check required members before
    /// sending the request ("Missing required parameter in containerDefinitions[0].healthCheck:
    /// \"command\""), so the task definition cannot be registered.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "containerDefinitions": [{ "name": "app", "image": "app:1.0",
    ///   "healthCheck": { "interval": 30 } }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "family": "web", "containerDefinitions": [{ "name": "app", "image": "app:1.0",
    ///   "healthCheck": { "command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], "interval": 30 } }] }
    /// ```
    ///
    /// ## References
    /// - [RegisterTaskDefinition request parameters](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html) ("Required: Yes" on each required member)
    /// - The ECS API model (botocore's `ecs/2014-11-13/service-2.json`): the `required` list of each shape.
    /// - cfn-lint E3003 (required property), for CloudFormation templates.
    pub static RULE = {
        code: "TD060",
        name: "missing-required-member",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "an object without a member the task definition API requires",
    }
}

crate::messages! {
    "TD060";
    MISSING_IN = "{place} has no `{member}`, which the API requires";
    MISSING_AT_PATH = "`{path}` has no `{member}`, which the API requires";
    PLACE_CONTAINER = "a container definition";
    PLACE_TASK = "the task definition";
    PLACE_OBJECT = "a `{shape}` object";
    HELP_ADD_TASK = "add `{member}`: the AWS CLI and the SDKs refuse this task definition without it";
    HELP_ADD_SHAPE = "add `{member}`: the AWS CLI and the SDKs refuse this `{shape}` without it";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    for issue in schema::issues(ctx) {
        let Issue::Missing {
            anchor,
            path,
            shape,
            member,
            ..
        } = issue
        else {
            continue;
        };
        let message = if path.is_empty() {
            crate::msg!(MISSING_IN, place = place(shape), member = *member)
        } else {
            crate::msg!(MISSING_AT_PATH, path = path.as_str(), member = *member)
        };
        let help = if *shape == schema::root() {
            crate::msg!(HELP_ADD_TASK, member = *member)
        } else {
            crate::msg!(HELP_ADD_SHAPE, member = *member, shape = *shape)
        };
        sink.report_msg(*anchor, message).set_help_msg(help);
    }
}

/// The object a member is missing from, as `schema::shape_noun` words it.
fn place(shape: &str) -> Msg {
    match shape {
        "ContainerDefinition" => crate::msg!(PLACE_CONTAINER),
        s if s == schema::root() => crate::msg!(PLACE_TASK),
        other => crate::msg!(PLACE_OBJECT, shape = other),
    }
}

#[cfg(test)]
mod tests {
    use super::place;
    use crate::rules::taskdef::schema;

    #[test]
    fn places_read_as_the_shared_text() {
        for shape in ["ContainerDefinition", schema::root(), "PortMapping"] {
            assert_eq!(place(shape).en(), schema::shape_noun(shape));
        }
    }
}
