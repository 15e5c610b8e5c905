use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Checks a container's `environmentFiles`: each S3 object's name ends in `.env`, and there
    /// are at most ten files.
    ///
    /// ## Why is this bad?
    /// The API reference states both limits. A file named `app.properties` or `config` is not
    /// one ECS passes to the container, and the task does not get its variables.
    ///
    /// ## Example
    /// ```json
    /// { "name": "app", "image": "app:1.0",
    ///   "environmentFiles": [{ "type": "s3", "value": "arn:aws:s3:::my-config/app.properties" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "app", "image": "app:1.0",
    ///   "environmentFiles": [{ "type": "s3", "value": "arn:aws:s3:::my-config/app.env" }] }
    /// ```
    ///
    /// ## References
    /// - [ContainerDefinition environmentFiles](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html)
    ///   and [EnvironmentFile](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EnvironmentFile.html):
    ///   "You can specify up to ten environment files. The file must have a .env file
    ///   extension." (In the ECS API model botocore ships; catalogued in
    ///   `data/ecs-constraints.json`.)
    /// - AWS Copilot refuses such a file before deploying (`environment file foo must have a
    ///   .env file extension`, aws/copilot-cli's task configuration validation).
    pub static RULE = {
        code: "TD043",
        name: "invalid-environment-files",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "an environment file without the .env extension, or more than ten of them",
    }
}

crate::messages! {
    "TD043";
    TOO_MANY = "container `{container}` has {count} environment files; ECS accepts at most ten";
    HELP_MERGE = "merge the files into at most ten";
    NOT_ENV = "container `{container}` environment file `{object}` does not end in .env";
    HELP_RENAME = "rename the S3 object to end in .env (one VARIABLE=VALUE a line)";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    for c in &ctx.containers {
        let name = ctx.container_name(c);
        let Some(m) = c.member("environmentFiles") else {
            continue;
        };
        let files = m.value.as_array().unwrap_or_default();
        if files.len() > 10 && !files.iter().any(crate::syntax::value::Node::is_placeholder) {
            sink.report_msg(
                m.key_span,
                crate::msg!(TOO_MANY, container = &name, count = files.len()),
            )
            .set_help_msg(crate::msg!(HELP_MERGE));
        }
        for f in files {
            let Some(node) = f.get_set("value") else {
                continue;
            };
            let Some(value) = util::known_str(Some(node)).filter(|v| !v.is_empty()) else {
                continue;
            };
            if value.ends_with(".env") || value.contains(['<', '%']) {
                continue;
            }
            let object = value.rsplit('/').next().unwrap_or(value);
            sink.report_msg(
                node.span,
                crate::msg!(NOT_ENV, container = &name, object = object),
            )
            .set_help_msg(crate::msg!(HELP_RENAME));
        }
    }
}
