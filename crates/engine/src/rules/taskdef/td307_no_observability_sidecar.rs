use crate::models::taskdef::{Shape, TaskDefCtx};
use crate::rules::check::Sink;

use super::util;

/// Image name fragments of tracing and metrics collectors run as sidecars.
const COLLECTORS: &[&str] = &[
    "aws-otel-collector",
    "opentelemetry-collector",
    "otel/opentelemetry",
    "aws-xray-daemon",
    "xray-daemon",
    "cloudwatch-agent",
    "datadog/agent",
    "splunk-otel-collector",
];

crate::declare_rule! {
    /// ## What it does
    /// Looks for an observability sidecar: the AWS Distro for OpenTelemetry (ADOT) collector,
    /// the X-Ray daemon, the CloudWatch agent or another collector. With none, it notes it once.
    /// With an OpenTelemetry collector, it notes application containers that set no `OTEL_*`
    /// environment variable, so they probably do not send it anything.
    ///
    /// ## Why is this bad?
    /// Logs show what happened in one container; traces and application metrics show where time
    /// goes across services and containers. A collector sidecar next to the application is the
    /// usual way to get them on ECS, and the SDKs find it through `OTEL_EXPORTER_OTLP_ENDPOINT`,
    /// `OTEL_SERVICE_NAME` and `OTEL_RESOURCE_ATTRIBUTES`.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "app:1.0" }]
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// [{ "name": "app", "image": "app:1.0", "environment": [
    ///    { "name": "OTEL_EXPORTER_OTLP_ENDPOINT", "value": "http://localhost:4318" },
    ///    { "name": "OTEL_SERVICE_NAME", "value": "web" }] },
    ///  { "name": "aws-otel-collector", "image": "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0",
    ///    "essential": false, "command": ["--config=/etc/ecs/ecs-default-config.yaml"] }]
    /// ```
    ///
    /// ## References
    /// - [AWS Distro for OpenTelemetry on Amazon ECS](https://aws-otel.github.io/docs/setup/ecs)
    /// - Checklist: observability 2 and 3.
    pub static RULE = {
        code: "TD307",
        name: "no-observability-sidecar",
        target: TaskDef,
        severity: Info,
        category: Observability,
        summary: "no tracing or metrics sidecar, or an OpenTelemetry collector the application is not configured for",
    }
}

fn collector(image: &str) -> Option<&'static str> {
    COLLECTORS.iter().copied().find(|c| image.contains(c))
}

crate::messages! {
    "TD307";
    NO_SIDECAR = "no observability sidecar (ADOT collector, X-Ray daemon or CloudWatch agent) in this task";
    HELP_ADD_SIDECAR = "add an ADOT collector sidecar and point the application's OpenTelemetry SDK at it with OTEL_* variables, if you want traces and application metrics";
    NO_OTEL = "container `{container}` sets no OTEL_* variable, though the task runs an OpenTelemetry collector";
    HELP_OTEL = "set OTEL_SERVICE_NAME and OTEL_EXPORTER_OTLP_ENDPOINT (e.g. http://localhost:4318, OTLP over HTTP, the SDKs' default protocol) so the SDK sends to the sidecar";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    if ctx.shape == Shape::ContainerArray
        || ctx.containers.is_empty()
        || util::containers_opaque(ctx)
    {
        return;
    }
    let images: Vec<Option<&str>> = ctx
        .containers
        .iter()
        .map(|c| c.get_set("image").and_then(|n| n.as_str()))
        .collect();
    // A placeholder image might be the collector.
    if images
        .iter()
        .any(|i| i.is_none_or(crate::syntax::value::is_placeholder_text))
    {
        return;
    }
    let found: Vec<&str> = images
        .iter()
        .flatten()
        .filter_map(|i| collector(i))
        .collect();
    if found.is_empty() {
        let span = ctx
            .task
            .member("containerDefinitions")
            .map_or_else(|| ctx.task_head_span(), |m| m.key_span);
        sink.report_msg(span, crate::msg!(NO_SIDECAR))
            .set_help_msg(crate::msg!(HELP_ADD_SIDECAR));
        return;
    }
    if !found
        .iter()
        .any(|f| f.contains("otel") || f.contains("opentelemetry"))
    {
        return;
    }
    for (c, image) in ctx.containers.iter().zip(images.iter()) {
        let is_sidecar = image.is_some_and(|i| {
            collector(i).is_some()
                || i.contains("fluent")
                || i.contains("envoy")
                || i.contains("xray")
        });
        if is_sidecar || c.get_set("firelensConfiguration").is_some() {
            continue;
        }
        let has_otel = c
            .get_array("environment")
            .iter()
            .any(|v| v.get_str("name").is_some_and(|n| n.starts_with("OTEL_")))
            || c.get_array("secrets")
                .iter()
                .any(|v| v.get_str("name").is_some_and(|n| n.starts_with("OTEL_")));
        if has_otel {
            continue;
        }
        sink.report_msg(
            TaskDefCtx::container_span(c),
            crate::msg!(NO_OTEL, container = ctx.container_name(c)),
        )
        .set_help_msg(crate::msg!(HELP_OTEL));
    }
}
