use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `HEALTHCHECK` in the final stage: Amazon ECS does not run it. ECS runs only the
    /// `healthCheck` of the container definition in the task definition.
    ///
    /// ## Why is this bad?
    /// The check looks like it protects the service, but ECS never acts on it: an unhealthy container
    /// is not replaced unless the task definition has its own `healthCheck` (or a load balancer target
    /// group checks it).
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM nginx:1.27
    /// HEALTHCHECK CMD curl -f http://localhost/ || exit 1
    /// ```
    ///
    /// ## Use instead
    /// Put the check in the task definition:
    /// ```json
    /// "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], "interval": 30, "retries": 3}
    /// ```
    /// and keep the Dockerfile `HEALTHCHECK` only for local `docker run`, if you want.
    ///
    /// ## References
    /// - [Amazon ECS task definition
    ///   parameters](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html)
    /// - `HealthCheck` in the API reference: "Amazon ECS does not monitor Docker health checks
    ///   that are embedded in a container image and not specified in the container definition."
    /// - [Amazon ECS container health checks
    ///   (healthCheck)](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html)
    pub static RULE = {
        code: "DF004",
        name: "healthcheck-ignored-by-ecs",
        target: Dockerfile,
        severity: Info,
        category: Reliability,
        summary: "ECS ignores the Dockerfile HEALTHCHECK",
    }
}

crate::messages! {
    "DF004";
    MESSAGE = "Amazon ECS does not run a Dockerfile HEALTHCHECK; it runs only the task definition's healthCheck";
    HELP = "add the same check as `healthCheck` in the container definition";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    let Some(stage) = ctx.final_stage() else {
        return;
    };
    for ins in ctx
        .stage_instructions(stage)
        .iter()
        .filter(|i| i.is("HEALTHCHECK"))
    {
        if ins.text.trim().eq_ignore_ascii_case("none") {
            continue;
        }
        sink.report_msg(ins.keyword_span, crate::msg!(MESSAGE))
            .set_help_msg(crate::msg!(HELP));
    }
}
