use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Checks that a container's `healthCheck.command` starts with `CMD` (run the arguments
    /// directly) or `CMD-SHELL` (run one string with the container's shell). A command whose
    /// first element is the program itself (`["curl", "-f", "http://localhost/"]`) or a whole
    /// shell line (`["curl -f http://localhost/ || exit 1"]`) is reported. (An empty command is
    /// TD021's.)
    ///
    /// ## Why is this bad?
    /// ECS hands the array to the container runtime as Docker's `Test`, whose first element
    /// says how to run the rest. Anything other than `CMD`, `CMD-SHELL` (or Docker's `NONE`) is
    /// not a probe type: the check does not run as written, the container's health stays
    /// `UNKNOWN`, and nothing replaces an unhealthy task.
    ///
    /// ## Example
    /// ```json
    /// { "name": "app", "image": "app:1.0",
    ///   "healthCheck": { "command": ["curl -f http://localhost/health || exit 1"] } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "app", "image": "app:1.0",
    ///   "healthCheck": { "command": ["CMD-SHELL", "curl -f http://localhost/health || exit 1"] } }
    /// ```
    ///
    /// ## References
    /// - [HealthCheck command](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html):
    ///   "The string array must start with CMD to run the command arguments directly, or
    ///   CMD-SHELL to run the command with the container's default shell." (also in the ECS
    ///   API model botocore ships; catalogued in `data/ecs-constraints.json`)
    /// - [Docker HEALTHCHECK / HealthConfig.Test](https://docs.docker.com/reference/api/engine/version/v1.47/#tag/Container/operation/ContainerCreate):
    ///   `[]` inherit, `["NONE"]` disable, `["CMD", args...]`, `["CMD-SHELL", command]`.
    /// - Observed: the AWS Distro for OpenTelemetry sample's `["/healthcheck"]` "works" only in
    ///   the sense that it never fails, while `["CMD", "/healthcheck"]` runs the check
    ///   ([aws-observability/aws-otel-community#1320](https://github.com/aws-observability/aws-otel-community/issues/1320),
    ///   [aws/aws-cdk#34389](https://github.com/aws/aws-cdk/issues/34389)).
    /// - A warning, not an error: the API reference does not say `RegisterTaskDefinition`
    ///   refuses it, only that the array must start so.
    pub static RULE = {
        code: "TD033",
        name: "health-check-command-prefix",
        target: TaskDef,
        severity: Warning,
        category: Reliability,
        summary: "a health check command that does not start with CMD or CMD-SHELL",
    }
}

crate::messages! {
    "TD033";
    BAD_PREFIX = "container `{container}` health check command starts with {head}, not CMD or CMD-SHELL";
    HELP_CMD_SHELL = "put \"CMD-SHELL\" first to run the line with the container's shell";
    FIX_CMD_SHELL = "run it with CMD-SHELL";
    HELP_CMD = "put \"CMD\" first to run the program with these arguments, or \"CMD-SHELL\" and one command line";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    for c in &ctx.containers {
        let Some(command) = c
            .get_set("healthCheck")
            .and_then(|h| h.get_set("command"))
            .and_then(|n| n.as_array())
        else {
            continue;
        };
        let Some(first) = command.first() else {
            continue;
        };
        let Some(head) = util::known_str(Some(first)) else {
            continue;
        };
        if matches!(head, "CMD" | "CMD-SHELL" | "NONE") {
            continue;
        }
        let name = ctx.container_name(c);
        let d = sink.report_msg(
            first.span,
            crate::msg!(BAD_PREFIX, container = name, head = format!("{head:?}")),
        );
        // One element holding a whole shell line: CMD-SHELL runs it as written.
        if command.len() == 1 || head.contains(' ') {
            d.set_help_msg(crate::msg!(HELP_CMD_SHELL));
            // The fix inserts into a JSON array (`["..."]`), not a YAML block sequence.
            let original = ctx.text.get(first.span.range()).unwrap_or_default();
            if command.len() == 1 && original.starts_with('"') {
                d.set_fix_msg(
                    crate::msg!(FIX_CMD_SHELL),
                    first.span,
                    format!("\"CMD-SHELL\", {original}"),
                );
            }
        } else {
            d.set_help_msg(crate::msg!(HELP_CMD));
        }
    }
}
