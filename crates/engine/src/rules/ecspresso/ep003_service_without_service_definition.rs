use crate::models::ecspresso::EcspressoCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Reports a config that sets `service` but no `service_definition` (absent or empty).
    ///
    /// ## Why is this bad?
    /// With `service` set, ecspresso manages that service and expects its definition file; by
    /// design, `ecspresso diff` fails without it (kayac/ecspresso#771), and the service's
    /// settings are not under version control. A config meant to manage a task definition only
    /// should not name a service.
    ///
    /// ## Example
    /// ```yaml
    /// cluster: default
    /// service: web
    /// task_definition: ecs-task-def.json
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// cluster: default
    /// service: web
    /// service_definition: ecs-service-def.json
    /// task_definition: ecs-task-def.json
    /// ```
    /// `ecspresso init --service web` writes the service definition for an existing service.
    ///
    /// ## References
    /// - [ecspresso: configuration file](https://github.com/kayac/ecspresso#configuration-file)
    /// - [kayac/ecspresso#771](https://github.com/kayac/ecspresso/issues/771)
    pub static RULE = {
        code: "EP003",
        name: "service-without-service-definition",
        target: Ecspresso,
        severity: Warning,
        category: Cicd,
        summary: "the config names a service but no service_definition",
    }
}

crate::messages! {
    "EP003";
    NAMED = "the config manages service `{name}` but names no `service_definition`";
    UNNAMED = "the config manages a service but names no `service_definition`";
    RELATED_EMPTY = "`service_definition` is empty here";
    HELP = "add `service_definition: ecs-service-def.json` (`ecspresso init` can write it), or remove `service` for a task-only config";
}

pub fn check(ctx: &EcspressoCtx<'_>, sink: &mut Sink<'_>) {
    if ctx.config.is_opaque() {
        return;
    }
    let Some(service) = ctx.config.get_set("service") else {
        return;
    };
    if service.as_str().is_some_and(|s| s.trim().is_empty()) {
        return;
    }
    let definition = ctx.config.get_set("service_definition");
    if definition.is_some_and(|d| d.as_str().is_none_or(|s| !s.trim().is_empty())) {
        return;
    }
    let message = match service.as_str() {
        Some(name) if !service.is_placeholder() => crate::msg!(NAMED, name = name),
        _ => crate::msg!(UNNAMED),
    };
    let key_span = ctx
        .config
        .member("service")
        .map_or(service.span, |m| m.key_span);
    let d = sink.report_msg(key_span, message);
    if let Some(definition) = definition {
        d.add_related_msg(definition.span, crate::msg!(RELATED_EMPTY));
    }
    d.set_help_msg(crate::msg!(HELP));
}
