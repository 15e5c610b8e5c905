use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Finds a Fargate service pinned to an old platform version: `platformVersion` 1.3.0 or
    /// older. `LATEST` and 1.4.0 (the latest Linux version) are fine. 1.0.0 is reported with a
    /// note, because it is the latest version for Windows tasks.
    ///
    /// ## Why is this bad?
    /// Old platform versions miss security patches and features: `ephemeralStorage` and
    /// `pidMode` need Linux platform 1.4.0 or later ("only supported for tasks that are hosted
    /// on Fargate if the tasks are using platform version 1.4.0 or later"), and so do the 8 and
    /// 16 vCPU sizes. Fargate Spot needs 1.3.0 or later for X86_64 tasks and 1.4.0 for ARM64.
    ///
    /// ## Example
    /// ```json
    /// { "launchType": "FARGATE", "platformVersion": "1.3.0" }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "launchType": "FARGATE", "platformVersion": "LATEST" }
    /// ```
    ///
    /// ## Fix safety
    /// It moves the service to another Fargate platform version at its next deployment: a new
    /// kernel and runtime under the same application.
    ///
    /// ## References
    /// - Security Hub [ECS.10](https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-10)
    ///   (Fargate services should run on the latest platform version: Linux 1.4.0, Windows 1.0.0).
    /// - Checkov CKV_AWS_332 (fails any version other than LATEST; we accept a pinned 1.4.0);
    ///   Prowler `ecs_service_fargate_latest_platform_version`.
    /// - [Fargate platform versions](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-fargate.html)
    /// - The API reference: `RegisterTaskDefinition.pidMode` and `ephemeralStorage` (1.4.0 or
    ///   later), `cpu` (8 and 16 vCPU: "Linux platform version 1.4.0 or later"),
    ///   [CapacityProviderStrategyItem](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html)
    ///   (Fargate Spot: X86_64 on 1.3.0 or later, ARM64 on 1.4.0 or later).
    pub static RULE = {
        code: "SV041",
        name: "old-platform-version",
        target: ServiceDef,
        severity: Info,
        category: Security,
        summary: "a Fargate service pinned to an old platform version",
        fix: Unsafe,
    }
}

crate::messages! {
    "SV041";
    OLD = "platform version {version} is old: the latest Linux Fargate platform is 1.4.0";
    HELP_WINDOWS = "use `LATEST` (or 1.4.0); if this service runs Windows tasks, 1.0.0 is the latest Windows version and is fine";
    HELP = "use `LATEST`, or pin 1.4.0";
    FIX = "use platform version LATEST";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    let Some(node) = ctx.service.get_set("platformVersion") else {
        return;
    };
    if matches!(ctx.launch_type(), Some("EC2" | "EXTERNAL")) {
        return;
    }
    let Some(version) = node
        .as_str()
        .filter(|v| !node.is_placeholder() && *v != "LATEST")
    else {
        return;
    };
    let parts: Vec<u32> = version
        .trim()
        .trim_start_matches('v')
        .split('.')
        .map_while(|p| p.parse().ok())
        .collect();
    let Some((&major, rest)) = parts.split_first() else {
        return;
    };
    let minor = rest.first().copied().unwrap_or(0);
    if (major, minor) >= (1, 4) {
        return;
    }
    let diagnostic = sink.report_msg(node.span, crate::msg!(OLD, version = version));
    let help = if (major, minor) == (1, 0) {
        crate::msg!(HELP_WINDOWS)
    } else {
        crate::msg!(HELP)
    };
    diagnostic.set_help_msg(help);
    if (major, minor) != (1, 0) {
        diagnostic.set_fix_msg(crate::msg!(FIX), node.span, "\"LATEST\"");
    }
}
