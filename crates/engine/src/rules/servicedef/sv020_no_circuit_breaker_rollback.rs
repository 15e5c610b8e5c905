use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Finds a service using rolling updates (the default `ECS` deployment controller) whose
    /// `deploymentConfiguration.deploymentCircuitBreaker` is absent, or does not have both
    /// `enable` and `rollback` set to `true`. A breaker that is turned off is reported once, not
    /// once per member. Services with the `CODE_DEPLOY` or `EXTERNAL` controller are not
    /// checked: the circuit breaker only works with the `ECS` controller. With that controller
    /// the `deploymentConfiguration.strategy` is read: `ROLLING` (the default) and `BLUE_GREEN`
    /// are checked, the two deployment types AWS documents the circuit breaker for; `LINEAR`
    /// and `CANARY` are not (AWS does not say the breaker applies to them). `DAEMON` services
    /// are not checked either.
    ///
    /// ## Why is this bad?
    /// Without the circuit breaker, a deployment whose tasks never become healthy (a crash on
    /// start, a failing health check, an image that cannot be pulled) keeps launching and
    /// stopping tasks for hours. With it, ECS marks the deployment failed; with `rollback`, it
    /// goes back to the last deployment that worked, and `ecspresso deploy` exits non-zero.
    ///
    /// ## Example
    /// ```json
    /// { "deploymentConfiguration": { "maximumPercent": 200, "minimumHealthyPercent": 100 } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "deploymentConfiguration": { "maximumPercent": 200, "minimumHealthyPercent": 100,
    ///     "deploymentCircuitBreaker": { "enable": true, "rollback": true } } }
    /// ```
    /// The fix offered adds the circuit breaker (or sets `enable`/`rollback` to `true`).
    ///
    /// ## Fix safety
    /// It turns on automatic rollback: a deployment whose tasks keep failing goes back to the last
    /// version that reached a steady state, where before it would keep trying. That is the point,
    /// but it changes what a failed deployment does.
    ///
    /// ## References
    /// - [How the Amazon ECS deployment circuit breaker detects failures](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html)
    /// - [DeploymentCircuitBreaker](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentCircuitBreaker.html)
    ///   ("can only be used for services using the rolling update (ECS) deployment type")
    /// - [Amazon ECS deployment failure detection](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-failure-detection.html):
    ///   the circuit breaker and CloudWatch alarms "only support rolling update deployment and
    ///   blue/green deployment types"
    /// - [DeploymentConfiguration strategy](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html)
    ///   (`ROLLING`, `BLUE_GREEN`, `LINEAR`, `CANARY`)
    /// - Checklist 7.3 (a rollback procedure exists). No Security Hub, Checkov or cfn-lint
    ///   check covers it.
    pub static RULE = {
        code: "SV020",
        name: "no-circuit-breaker-rollback",
        target: ServiceDef,
        severity: Warning,
        category: Reliability,
        summary: "rolling deployments without the deployment circuit breaker and rollback",
        fix: Unsafe,
    }
}

const BREAKER: &str = "\"deploymentCircuitBreaker\": { \"enable\": true, \"rollback\": true }";

crate::messages! {
    "SV020";
    NO_CONFIG = "no `deploymentConfiguration`, so a failing deployment is never stopped or rolled back";
    HELP = "add `\"deploymentCircuitBreaker\": {\"enable\": true, \"rollback\": true}` inside `deploymentConfiguration`";
    FIX_ADD = "add the circuit breaker with rollback";
    NO_BREAKER = "`deploymentConfiguration` has no `deploymentCircuitBreaker`, so a failing deployment is never stopped or rolled back";
    OFF = "the deployment circuit breaker is turned off (`enable: false`)";
    NO_ROLLBACK = "the deployment circuit breaker stops a failing deployment but does not roll it back (`rollback: false`)";
    HELP_BOTH = "set both `enable` and `rollback` to true";
    FIX_SET_TRUE = "set `{key}` to true";
    MISSING_KEY = "`deploymentCircuitBreaker` has no `{key}`, which defaults to false";
    FIX_ADD_KEY = "add `\"{key}\": true`";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    if !ctx.is_object() || !ctx.is_rolling() || ctx.is_daemon() {
        return;
    }
    let Some(config) = ctx.service.get_set("deploymentConfiguration") else {
        if ctx.service.is_opaque() {
            return;
        }
        let diagnostic = sink.report_msg(ctx.service_head_span(), crate::msg!(NO_CONFIG));
        diagnostic.set_help_msg(crate::msg!(HELP));
        if let Some(edit) = crate::syntax::json_edit::insert_member(
            ctx.text,
            ctx.service,
            &format!("\"deploymentConfiguration\": {{ {BREAKER} }}"),
        ) {
            diagnostic.set_fix_msg(crate::msg!(FIX_ADD), edit.span, edit.content);
        }
        return;
    };
    if config.is_placeholder() || config.as_object().is_none() || config.is_opaque() {
        return;
    }
    match config.get_set("strategy") {
        Some(s) if s.is_placeholder() => return,
        Some(s)
            if s.as_str()
                .is_some_and(|s| s != "ROLLING" && s != "BLUE_GREEN") =>
        {
            return
        }
        _ => {}
    }
    let Some(breaker) = config.get_set("deploymentCircuitBreaker") else {
        let span = ctx
            .service
            .member("deploymentConfiguration")
            .map_or(config.span, |m| m.key_span);
        let diagnostic = sink.report_msg(span, crate::msg!(NO_BREAKER));
        diagnostic.set_help_msg(crate::msg!(HELP));
        if let Some(edit) = crate::syntax::json_edit::insert_member(ctx.text, config, BREAKER) {
            diagnostic.set_fix_msg(crate::msg!(FIX_ADD), edit.span, edit.content);
        }
        return;
    };
    if breaker.is_placeholder() || breaker.as_object().is_none() {
        return;
    }
    for key in ["enable", "rollback"] {
        match breaker.member(key) {
            Some(m) if m.value.as_bool() == Some(false) => {
                // A breaker that is off says nothing about rollback: one finding is enough.
                let stop = key == "enable";
                let message = if key == "enable" {
                    crate::msg!(OFF)
                } else {
                    crate::msg!(NO_ROLLBACK)
                };
                sink.report_msg(m.value.span, message)
                    .set_help_msg(crate::msg!(HELP_BOTH))
                    .set_fix_msg(crate::msg!(FIX_SET_TRUE, key = key), m.value.span, "true");
                if stop {
                    return;
                }
            }
            None if !breaker.is_opaque() => {
                let diagnostic = sink.report_msg(
                    ctx.service
                        .get("deploymentConfiguration")
                        .and_then(|c| c.member("deploymentCircuitBreaker"))
                        .map_or(breaker.span, |m| m.key_span),
                    crate::msg!(MISSING_KEY, key = key),
                );
                diagnostic.set_help_msg(crate::msg!(HELP_BOTH));
                if let Some(edit) = crate::syntax::json_edit::insert_member(
                    ctx.text,
                    breaker,
                    &format!("\"{key}\": true"),
                ) {
                    diagnostic.set_fix_msg(
                        crate::msg!(FIX_ADD_KEY, key = key),
                        edit.span,
                        edit.content,
                    );
                }
                if key == "enable" {
                    return;
                }
            }
            _ => {}
        }
    }
}
