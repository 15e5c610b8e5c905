use crate::input::msg::Msg;
use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Checks a service's `serviceConnectConfiguration`: access logs
    /// (`accessLogConfiguration`) need a `logConfiguration` to write to; a `discoveryName` or
    /// client alias `dnsName` may not start with a hyphen, and a `dnsName` is a DNS name
    /// (letters, digits, hyphens and dots; labels of at most 63 characters).
    ///
    /// ## Why is this bad?
    /// `CreateService` and `UpdateService` refuse these: the Service Connect proxy has nowhere
    /// to send access logs without a log configuration, and names that are not DNS names
    /// cannot be registered in the Cloud Map namespace.
    ///
    /// ## Example
    /// ```json
    /// { "serviceConnectConfiguration": { "enabled": true, "namespace": "internal",
    ///   "accessLogConfiguration": { "format": "TEXT" },
    ///   "services": [{ "portName": "http", "discoveryName": "-web",
    ///     "clientAliases": [{ "port": 80, "dnsName": "web service" }] }] } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "serviceConnectConfiguration": { "enabled": true, "namespace": "internal",
    ///   "accessLogConfiguration": { "format": "TEXT" },
    ///   "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/sc",
    ///     "awslogs-region": "us-east-1", "awslogs-stream-prefix": "web" } },
    ///   "services": [{ "portName": "http", "discoveryName": "web",
    ///     "clientAliases": [{ "port": 80, "dnsName": "web.internal" }] }] } }
    /// ```
    ///
    /// ## References
    /// - [ServiceConnectConfiguration accessLogConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectConfiguration.html):
    ///   "To enable access logs, you must also specify a logConfiguration in the
    ///   serviceConnectConfiguration."
    /// - [ServiceConnectService discoveryName](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html)
    ///   and [ServiceConnectClientAlias dnsName](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectClientAlias.html):
    ///   "The name can't start with a hyphen"; "The name must be a valid DNS name but doesn't
    ///   need to be fully-qualified." (All in the ECS API model botocore ships; catalogued in
    ///   `data/ecs-constraints.json`.)
    pub static RULE = {
        code: "SV032",
        name: "service-connect-invalid",
        target: ServiceDef,
        severity: Error,
        category: Schema,
        summary: "access logs without a log configuration, or a Service Connect discovery or DNS name that is not a DNS name",
    }
}

/// What makes `name` not a DNS name, if anything.
/// What is wrong with DNS name `name` given as `key`, as the finding's message.
fn dns_problem(key: &str, name: &str) -> Option<Msg> {
    let text = format!("{name:?}");
    if name.starts_with('-') {
        return Some(crate::msg!(HYPHEN, key = key, text = text));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '.'))
    {
        return Some(crate::msg!(
            HOLDS,
            key = key,
            text = text,
            bad = format!("{bad:?}")
        ));
    }
    if name.len() > 253 {
        return Some(crate::msg!(LONG, key = key, text = text, len = name.len()));
    }
    if name.trim_end_matches('.').split('.').any(str::is_empty) {
        return Some(crate::msg!(EMPTY_LABEL, key = key, text = text));
    }
    if name.split('.').any(|l| l.len() > 63) {
        return Some(crate::msg!(LONG_LABEL, key = key, text = text));
    }
    None
}

crate::messages! {
    "SV032";
    ACCESS_LOGS = "Service Connect access logs are on, but serviceConnectConfiguration has no logConfiguration";
    HELP_LOGS = "add a logConfiguration (for example awslogs) for the Service Connect proxy's logs";
    HYPHEN = "{key} {text} starts with a hyphen";
    HOLDS = "{key} {text} holds {bad}";
    LONG = "{key} {text} is {len} characters long (at most 253)";
    EMPTY_LABEL = "{key} {text} has an empty label";
    LONG_LABEL = "{key} {text} has a label longer than 63 characters";
    HELP_DNS = "use letters, digits and hyphens (dots between labels), not starting with a hyphen";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    let Some(sc) = ctx
        .service
        .get_set("serviceConnectConfiguration")
        .filter(|s| s.as_object().is_some())
    else {
        return;
    };
    if let Some(m) = sc
        .member("accessLogConfiguration")
        .filter(|m| !m.value.is_null())
    {
        if sc.get_set("logConfiguration").is_none() && !sc.is_opaque() {
            sink.report_msg(m.key_span, crate::msg!(ACCESS_LOGS))
                .set_help_msg(crate::msg!(HELP_LOGS));
        }
    }
    for s in sc.get_array("services") {
        let mut names = Vec::new();
        if let Some(n) = s.get_set("discoveryName") {
            names.push(("discoveryName", n, false));
        }
        for alias in s.get_array("clientAliases") {
            if let Some(n) = alias.get_set("dnsName") {
                names.push(("dnsName", n, true));
            }
        }
        for (key, node, full) in names {
            let Some(text) = node
                .as_str()
                .filter(|t| !t.is_empty() && !node.is_placeholder())
            else {
                continue;
            };
            let problem = if full {
                dns_problem(key, text)
            } else {
                text.starts_with('-')
                    .then(|| crate::msg!(HYPHEN, key = key, text = format!("{text:?}")))
            };
            if let Some(problem) = problem {
                sink.report_msg(node.span, problem)
                    .set_help_msg(crate::msg!(HELP_DNS));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::dns_problem;

    #[test]
    fn dns_names() {
        assert_eq!(dns_problem("dnsName", "web"), None);
        assert_eq!(dns_problem("dnsName", "web.internal.example.com"), None);
        assert!(dns_problem("dnsName", "-web").is_some());
        assert_eq!(
            dns_problem("dnsName", "web service").map(|m| m.en()),
            Some("dnsName \"web service\" holds ' '".to_string())
        );
        assert!(dns_problem("dnsName", "web..internal").is_some());
        assert!(dns_problem("dnsName", &"a".repeat(64)).is_some());
    }
}
