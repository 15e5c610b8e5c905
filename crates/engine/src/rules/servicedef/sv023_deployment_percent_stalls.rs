use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Works out, for the service's `desiredCount`, how many tasks a rolling deployment may
    /// run at most (`maximumPercent`, rounded down) and must keep running (`minimumHealthyPercent`,
    /// rounded up); defaults are 200 and 100. It warns when
    /// - the maximum is not above the minimum: ECS can neither start a new task (that would
    ///   pass the maximum) nor stop an old one (that would go below the minimum), so the
    ///   deployment never progresses (for example 100 and 100, or 100 and 50 with one task);
    /// - the minimum is 0 tasks: ECS may stop every running task before new ones are healthy;
    /// - `minimumHealthyPercent` is above 100 or a percentage is negative: the minimum is a
    ///   share of `desiredCount`, so more than 100 asks for more healthy tasks than the
    ///   service wants.
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
    let span = max_node.or(min_node).map_or(config.span, |n| n.span);
    if !(0..=100).contains(&min) || max < 0 {
        let (node, key, value) = match (min_node, max_node) {
            (Some(n), _) if !(0..=100).contains(&min) => (n, "minimumHealthyPercent", min),
            (_, Some(n)) => (n, "maximumPercent", max),
            _ => return,
        };
        let problem = if value < 0 {
            "a negative percentage means nothing here".to_string()
        } else {
            format!("it asks for {value}% of `desiredCount` to stay healthy, more tasks than the service wants")
        };
        sink.report(node.span, format!("`{key}` is {value}: {problem}"))
            .set_help("minimumHealthyPercent is between 0 and 100 (default 100); maximumPercent is above it (default 200)");
        return;
    }
    let desired = ctx.desired_count().filter(|d| (1..=100_000).contains(d));
    let tasks = |n: i64| {
        if n == 1 {
            "1 task".to_string()
        } else {
            format!("{n} tasks")
        }
    };
    let min_span = min_node.map_or(span, |n| n.span);
    let found: Option<(crate::input::span::Span, String)> = match desired {
        Some(d) => {
            let upper = d.saturating_mul(max) / 100;
            let lower = (d.saturating_mul(min).saturating_add(99)) / 100;
            if upper <= lower {
                Some((span, format!("with desiredCount {d}, maximumPercent {max} allows at most {} and minimumHealthyPercent {min} keeps at least {}: a deployment can neither start a new task nor stop an old one, so it never progresses", tasks(upper), tasks(lower))))
            } else if lower == 0 {
                Some((min_span, format!("with desiredCount {d}, minimumHealthyPercent {min} keeps no task running: ECS may stop every task before the new ones are healthy")))
            } else {
                None
            }
        }
        None if max <= min => Some((span, format!("maximumPercent {max} is not above minimumHealthyPercent {min}: for any desiredCount a deployment can neither start a new task nor stop an old one, so it never progresses"))),
        None if min == 0 => Some((min_span, "minimumHealthyPercent 0 keeps no task running: ECS may stop every task before the new ones are healthy".to_string())),
        None => None,
    };
    let Some((primary, message)) = found else {
        return;
    };
    let diagnostic = sink.report(primary, message);
    diagnostic.set_help(
        "the defaults (minimumHealthyPercent 100, maximumPercent 200) replace tasks without downtime; lower the minimum only when the cluster has no room for extra tasks, and keep the maximum at least one task above it",
    );
    for (node, label) in [
        (max_node, "maximumPercent"),
        (min_node, "minimumHealthyPercent"),
    ] {
        if let Some(node) = node.filter(|n| n.span != primary) {
            diagnostic.add_related(node.span, label);
        }
    }
    if let Some(m) = ctx
        .service
        .member("desiredCount")
        .filter(|_| desired.is_some())
    {
        diagnostic.add_related(m.span(), "the desired count");
    }
}
