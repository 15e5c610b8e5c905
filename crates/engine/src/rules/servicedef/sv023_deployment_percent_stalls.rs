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

crate::messages! {
    "SV023";
    NEGATIVE = "`{key}` is {value}: a negative percentage means nothing here";
    ABOVE_DESIRED = "`{key}` is {value}: it asks for {value}% of `desiredCount` to stay healthy, more tasks than the service wants";
    HELP_RANGE = "minimumHealthyPercent is between 0 and 100 (default 100); maximumPercent is above it (default 200)";
    ONE_TASK = "1 task";
    TASKS = "{n} tasks";
    STALLS = "with desiredCount {desired}, maximumPercent {max} allows at most {upper} and minimumHealthyPercent {min} keeps at least {lower}: a deployment can neither start a new task nor stop an old one, so it never progresses";
    NONE_KEPT = "with desiredCount {desired}, minimumHealthyPercent {min} keeps no task running: ECS may stop every task before the new ones are healthy";
    STALLS_ANY = "maximumPercent {max} is not above minimumHealthyPercent {min}: for any desiredCount a deployment can neither start a new task nor stop an old one, so it never progresses";
    NONE_KEPT_ZERO = "minimumHealthyPercent 0 keeps no task running: ECS may stop every task before the new ones are healthy";
    HELP = "the defaults (minimumHealthyPercent 100, maximumPercent 200) replace tasks without downtime; lower the minimum only when the cluster has no room for extra tasks, and keep the maximum at least one task above it";
    RELATED_MAX = "maximumPercent";
    RELATED_MIN = "minimumHealthyPercent";
    RELATED_DESIRED = "the desired count";
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
        let message = if value < 0 {
            crate::msg!(NEGATIVE, key = key, value = value)
        } else {
            crate::msg!(ABOVE_DESIRED, key = key, value = value)
        };
        sink.report_msg(node.span, message)
            .set_help_msg(crate::msg!(HELP_RANGE));
        return;
    }
    let desired = ctx.desired_count().filter(|d| (1..=100_000).contains(d));
    let tasks = |n: i64| {
        if n == 1 {
            crate::msg!(ONE_TASK)
        } else {
            crate::msg!(TASKS, n = n)
        }
    };
    let min_span = min_node.map_or(span, |n| n.span);
    let found: Option<(crate::input::span::Span, crate::input::msg::Msg)> = match desired {
        Some(d) => {
            let upper = d.saturating_mul(max) / 100;
            let lower = (d.saturating_mul(min).saturating_add(99)) / 100;
            if upper <= lower {
                Some((
                    span,
                    crate::msg!(
                        STALLS,
                        desired = d,
                        max = max,
                        upper = tasks(upper),
                        min = min,
                        lower = tasks(lower)
                    ),
                ))
            } else if lower == 0 {
                Some((min_span, crate::msg!(NONE_KEPT, desired = d, min = min)))
            } else {
                None
            }
        }
        None if max <= min => Some((span, crate::msg!(STALLS_ANY, max = max, min = min))),
        None if min == 0 => Some((min_span, crate::msg!(NONE_KEPT_ZERO))),
        None => None,
    };
    let Some((primary, message)) = found else {
        return;
    };
    let diagnostic = sink.report_msg(primary, message);
    diagnostic.set_help_msg(crate::msg!(HELP));
    for (node, label) in [(max_node, &RELATED_MAX), (min_node, &RELATED_MIN)] {
        if let Some(node) = node.filter(|n| n.span != primary) {
            diagnostic.add_related_msg(node.span, crate::msg!(*label));
        }
    }
    if let Some(m) = ctx
        .service
        .member("desiredCount")
        .filter(|_| desired.is_some())
    {
        diagnostic.add_related_msg(m.span(), crate::msg!(RELATED_DESIRED));
    }
}
