use super::pairing;
use crate::check::Sink;
use crate::project::ProjectCtx;

crate::declare_rule! {
    /// ## What it does
    /// When a service definition and its task definition are linted together, finds a
    /// `FARGATE_SPOT` capacity provider for a task whose `runtimePlatform` is ARM64 or Windows.
    ///
    /// ## Why is this bad?
    /// Fargate Spot runs Linux x86_64 tasks only. ARM64 and Windows tasks on Spot are not
    /// placed, so the service never reaches its desired count.
    ///
    /// ## Example
    /// Task: `"runtimePlatform": { "cpuArchitecture": "ARM64" }`; service:
    /// `"capacityProviderStrategy": [{ "capacityProvider": "FARGATE_SPOT", "weight": 1 }]`.
    ///
    /// ## Use instead
    /// ```json
    /// { "capacityProviderStrategy": [{ "capacityProvider": "FARGATE", "weight": 1 }] }
    /// ```
    /// or build the image for X86_64 to use Spot.
    ///
    /// ## References
    /// - [AWS Fargate capacity providers](https://docs.aws.amazon.com/AmazonECS/latest/userguide/fargate-capacity-providers.html)
    ///   (Fargate Spot: Linux x86_64 only, platform 1.3.0+).
    /// - Checklist 4.2 (Spot where the requirements allow it).
    pub static RULE = {
        code: "SV061",
        name: "spot-unsupported-platform",
        target: CrossFile,
        severity: Error,
        category: Schema,
        summary: "an ARM64 or Windows task on Fargate Spot",
    }
}

pub fn check(project: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    for pair in pairing::pairs(project) {
        let (service, task) = (&pair.service, &pair.task);
        let what = if task.is_windows() {
            "Windows"
        } else if task.arch == Some("ARM64") {
            "ARM64"
        } else {
            continue;
        };
        let Some(spot) = service
            .capacity_providers()
            .find(|p| p.get_str("capacityProvider") == Some("FARGATE_SPOT"))
        else {
            continue;
        };
        let span = spot.get("capacityProvider").map_or(spot.span, |n| n.span);
        let related = task
            .task
            .member("runtimePlatform")
            .map_or_else(|| task.task_head_span(), |m| m.key_span);
        sink.report_in(
            service.file,
            span,
            format!("Fargate Spot runs only Linux x86_64 tasks, but this task definition is {what}"),
        )
        .set_help("use the FARGATE capacity provider for this task, or build it for Linux X86_64 to use Spot")
        .add_related_in(task.file, related, format!("the task's runtime platform ({what})"));
    }
}
