use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::schema::{self, Issue};

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
        let place = if path.is_empty() {
            schema::shape_noun(shape)
        } else {
            format!("`{path}`")
        };
        let d = sink.report(
            *anchor,
            format!("{place} has no `{member}`, which the API requires"),
        );
        d.set_help(format!(
            "add `{member}`: the AWS CLI and the SDKs refuse this {} without it",
            shape_word(shape)
        ));
    }
}

fn shape_word(shape: &str) -> String {
    if shape == schema::root() {
        "task definition".to_string()
    } else {
        format!("`{shape}`")
    }
}
