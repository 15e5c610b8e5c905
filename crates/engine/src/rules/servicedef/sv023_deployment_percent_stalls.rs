use crate::check::Sink;
use crate::servicedef::ServiceDefCtx;

crate::declare_rule! {
    /// ## What it does
    /// Works out, for the service's `desiredCount`, how many tasks a rolling deployment may
    /// run at most (`maximumPercent`, rounded down) and must keep running (`minimumHealthyPercent`,
    /// rounded up); defaults are 200 and 100. It warns when
    /// - the maximum is not above the minimum: ECS can neither start a new task (that would
    ///   pass the maximum) nor stop an old one (that would go below the minimum), so the
    ///   deployment never progresses (for example 100 and 100, or 100 and 50 with one task);
    /// - the minimum is 0 tasks: ECS may stop every running task before new ones are healthy.
    ///
    /// When `desiredCount` is not written, only the first case is checked where it holds for
    /// every count (maximum percent at or below minimum percent).
    ///
    /// ## Why is this bad?
    /// A stalled deployment waits until it times out or the circuit breaker gives up; a minimum
    /// of zero means downtime on every deploy.
    ///
    /// ## Example
    /// ```json
    /// { "desiredCount": 2,
    ///   "deploymentConfiguration": { "minimumHealthyPercent": 100, "maximumPercent": 100 } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "desiredCount": 2,
    ///   "deploymentConfiguration": { "minimumHealthyPercent": 100, "maximumPercent": 200 } }
    /// ```
    ///
    /// ## References
    /// - [DeploymentConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html)
    ///   (rounding rules and defaults).
    /// - KICS "ECS Service Without Running Tasks"; checklist 7.3 (safe deployments).
    pub static RULE = {
        code: "SV023",
        name: "deployment-percent-stalls",
        target: ServiceDef,
        severity: Warning,
        category: Reliability,
        summary: "minimumHealthyPercent and maximumPercent that stall a deployment or stop every task",
    }
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    if !ctx.is_rolling() || ctx.is_daemon() {
        return;
    }
    let Some(config) = ctx.service.get_set("deploymentConfiguration") else {
        return;
    };
    let read = |key: &str| match config.get_set(key) {
        None => Some((None, if key == "maximumPercent" { 200 } else { 100 })),
        Some(n) if n.is_placeholder() => None,
        Some(n) => n.as_i64_lenient().map(|v| (Some(n), v)),
    };
    let (Some((max_node, max)), Some((min_node, min))) =
        (read("maximumPercent"), read("minimumHealthyPercent"))
    else {
        return;
    };
    if max_node.is_none() && min_node.is_none() {
        return;
    }
    if !(0..=100).contains(&min) || max < 0 {
        return; // SV007 reports these.
    }
    let span = max_node.or(min_node).map_or(config.span, |n| n.span);
    let desired = ctx.desired_count().filter(|d| (1..=100_000).contains(d));
    let mut diagnostic = None;
    match desired {
        Some(d) => {
            let upper = d * max / 100;
            let lower = (d * min + 99) / 100;
            if upper <= lower {
                diagnostic = Some(sink.report(
                    span,
                    format!("with desiredCount {d}, maximumPercent {max} allows at most {upper} task(s) and minimumHealthyPercent {min} keeps at least {lower}: a deployment can neither start a new task nor stop an old one, so it never progresses"),
                ));
            } else if lower == 0 {
                diagnostic = Some(sink.report(
                    min_node.map_or(span, |n| n.span),
                    format!("with desiredCount {d}, minimumHealthyPercent {min} keeps no task running: ECS may stop every task before the new ones are healthy"),
                ));
            }
        }
        None => {
            if max <= min {
                diagnostic = Some(sink.report(
                    span,
                    format!("maximumPercent {max} is not above minimumHealthyPercent {min}: for any desiredCount a deployment can neither start a new task nor stop an old one, so it never progresses"),
                ));
            } else if min == 0 {
                diagnostic = Some(sink.report(
                    min_node.map_or(span, |n| n.span),
                    "minimumHealthyPercent 0 keeps no task running: ECS may stop every task before the new ones are healthy",
                ));
            }
        }
    }
    if let Some(diagnostic) = diagnostic {
        diagnostic.set_help(
            "the defaults (minimumHealthyPercent 100, maximumPercent 200) replace tasks without downtime; lower the minimum only when the cluster has no room for extra tasks, and keep the maximum at least one task above it",
        );
        if let (Some(a), Some(b)) = (max_node, min_node) {
            if a.span != span {
                diagnostic.add_related(a.span, "maximumPercent");
            } else {
                diagnostic.add_related(b.span, "minimumHealthyPercent");
            }
        }
        if let Some(m) = ctx.service.member("desiredCount").filter(|_| desired.is_some()) {
            diagnostic.add_related(m.span(), "the desired count");
        }
    }
}
