use super::pairing;
use crate::models::project::ProjectCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// When a service definition and its task definition are linted together, finds a
    /// `FARGATE_SPOT` capacity provider for a task whose `runtimePlatform` is Windows.
    ///
    /// ## Why is this bad?
    /// Fargate Spot runs Linux tasks only (X86_64 on platform 1.3.0 or later, ARM64 on 1.4.0 or
    /// later). A Windows task on Spot is not placed, so the service never reaches its desired
    /// count.
    ///
    /// ## Example
    /// Task: `"runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" }`;
    /// service: `"capacityProviderStrategy": [{ "capacityProvider": "FARGATE_SPOT", "weight": 1 }]`.
    ///
    /// ## Use instead
    /// ```json
    /// { "capacityProviderStrategy": [{ "capacityProvider": "FARGATE", "weight": 1 }] }
    /// ```
    /// or run a Linux image to use Spot.
    ///
    /// ## References
    /// - [CapacityProviderStrategyItem](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html):
    ///   "FARGATE_SPOT supports Linux tasks with the X86_64 architecture on platform version
    ///   1.3.0 or later" and "with the ARM64 architecture on platform version 1.4.0 or later"
    ///   (checked 2026-11-23). Earlier versions of this rule, and older copies of the AWS
    ///   capacity provider guide, also rejected ARM64; AWS has since added it.
    /// - [AWS Fargate capacity providers](https://docs.aws.amazon.com/AmazonECS/latest/userguide/fargate-capacity-providers.html)
    ///   (Windows containers on Fargate do not support Fargate Spot).
    /// - Checklist 4.2 (Spot where the requirements allow it).
    pub static RULE = {
        code: "SV061",
        name: "spot-unsupported-platform",
        target: CrossFile,
        severity: Error,
        category: Schema,
        summary: "a Windows task on Fargate Spot",
    }
}

crate::messages! {
    "SV061";
    WINDOWS = "Fargate Spot runs only Linux tasks, but this task definition is Windows";
    HELP = "use the FARGATE capacity provider for this task, or run a Linux image to use Spot";
    RELATED_PLATFORM = "the task's runtime platform (Windows)";
}

pub fn check(project: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    for pair in pairing::pairs(project) {
        let (service, task) = (&pair.service, &pair.task);
        // ARM64 is fine on Spot since AWS added it (platform 1.4.0, which ARM64 needs anyway).
        if !task.is_windows() {
            continue;
        }
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
        sink.report_msg_in(service.file, span, crate::msg!(WINDOWS))
            .set_help_msg(crate::msg!(HELP))
            .add_related_in_msg(task.file, related, crate::msg!(RELATED_PLATFORM));
    }
}
