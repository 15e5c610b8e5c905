//! The task definition's schema checks: a walk of the tree against the `RegisterTaskDefinition`
//! input shape of the ECS API model (`data/ecs-schema.json`, generated from botocore's model; see
//! [`crate::models::ecs_schema`]). Read by TD002 (unknown keys), TD003 (types and enums), TD004 (output
//! keys), TD060 (required members) and TD061 (ranges and lengths).

pub use crate::models::ecs_schema::Issue;
use crate::models::ecs_schema::{self, Walk};

/// The input shape of `RegisterTaskDefinition`.
pub fn root() -> &'static str {
    ecs_schema::schema().input("RegisterTaskDefinition")
}

/// An output-only key of `describe-task-definition` (a member of the model's `TaskDefinition`
/// that `RegisterTaskDefinition` does not take), first letter's case ignored.
pub fn is_output_only(key: &str) -> bool {
    ecs_schema::schema()
        .output_only("TaskDefinition", key)
        .is_some()
}

/// The issues of a task definition, whatever its shape.
pub fn issues<'c, 'a>(ctx: &'c crate::models::taskdef::TaskDefCtx<'a>) -> &'c [Issue<'a>] {
    ctx.schema_issues.get_or_init(|| find_issues(ctx))
}

fn find_issues<'a>(ctx: &crate::models::taskdef::TaskDefCtx<'a>) -> Vec<Issue<'a>> {
    use crate::models::taskdef::Shape;
    let mut out = Vec::new();
    match ctx.shape {
        Shape::Register | Shape::Describe => {
            let options = Walk {
                skip_top: &|key| is_output_only(key),
                root_required: true,
            };
            ecs_schema::walk(ctx.task, root(), &options, &mut out);
        }
        Shape::ContainerArray => {
            let container = ecs_schema::named("ContainerDefinition");
            for (i, item) in ctx.task.as_array().unwrap_or(&[]).iter().enumerate() {
                ecs_schema::walk_value(item, container, &format!("[{i}]"), &mut out);
            }
        }
        Shape::Other => {}
    }
    out
}

/// A shape's name for messages.
pub fn shape_noun(shape: &str) -> String {
    match shape {
        "ContainerDefinition" => "a container definition".into(),
        s if s == root() => "the task definition".into(),
        other => format!("a `{other}` object"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn suggestions_are_close_keys_only() {
        let keys = ["memory", "memoryReservation", "image"];
        assert_eq!(
            crate::input::text::suggest("memoryReservations", keys),
            Some("memoryReservation")
        );
        assert_eq!(crate::input::text::suggest("imgae", keys), Some("image"));
        assert_eq!(
            crate::input::text::suggest("completelyDifferent", keys),
            None
        );
    }

    #[test]
    fn the_root_is_the_register_input() {
        assert_eq!(super::root(), "RegisterTaskDefinitionRequest");
        assert!(super::is_output_only("revision"));
        assert!(super::is_output_only("TaskDefinitionArn"));
        assert!(!super::is_output_only("family"));
    }
}
