use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Reports container parameters the task's network mode does not support: `hostname` and
    /// `extraHosts` under `awsvpc` (always so on Fargate), and `portMappings` under `none`.
    /// (`links` outside `bridge` are TD017.)
    ///
    /// ## Why is this bad?
    /// Under `awsvpc` the task's network interface, not the container, owns the host name and
    /// `/etc/hosts`; under `none` there is no network to map a port on. The API reference says
    /// these parameters are not supported there, and `RegisterTaskDefinition` refuses them.
    ///
    /// ## Example
    /// ```json
    /// { "networkMode": "awsvpc", "containerDefinitions": [{ "name": "app", "image": "app:1.0",
    ///   "hostname": "app", "extraHosts": [{ "hostname": "db", "ipAddress": "10.0.0.5" }] }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "networkMode": "awsvpc", "containerDefinitions": [{ "name": "app", "image": "app:1.0" }] }
    /// ```
    /// Resolve other hosts through DNS (a Route 53 private zone, Cloud Map, Service Connect).
    ///
    /// ## References
    /// - [ContainerDefinition](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html):
    ///   hostname "The hostname parameter is not supported if you're using the awsvpc network
    ///   mode"; extraHosts "This parameter isn't supported for Windows containers or tasks that
    ///   use the awsvpc network mode"; portMappings "If the network mode of a task definition is
    ///   set to none, then you can't specify port mappings" (also in the ECS API model botocore
    ///   ships).
    /// - The refusal at registration: `ClientException: hostname is not supported on container
    ///   when networkMode=awsvpc` ([labd/ecs-deplojo#26](https://github.com/labd/ecs-deplojo/issues/26));
    ///   extraHosts under awsvpc fails `RegisterTaskDefinition` too
    ///   ([dkegldh/sb11-mople-team2#255](https://github.com/dkegldh/sb11-mople-team2/issues/255)).
    pub static RULE = {
        code: "TD026",
        name: "network-mode-unsupported-parameter",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "hostname or extraHosts under awsvpc, or port mappings under the none network mode",
    }
}

crate::messages! {
    "TD026";
    UNSUPPORTED = "container `{name}` sets {key}, which the \"{mode}\" network mode does not support";
    HELP_HOSTNAME = "remove hostname: under awsvpc the task's network interface has the host name";
    HELP_EXTRA_HOSTS = "remove extraHosts and resolve these names through DNS (a Route 53 private zone, Cloud Map or Service Connect)";
    HELP_PORT_MAPPINGS = "remove portMappings, or use a network mode with networking (awsvpc, bridge or host)";
    RELATED_MODE = "the network mode";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    let Some(mode) = ctx.network_mode() else {
        return;
    };
    let keys: &[&str] = match mode {
        "awsvpc" => &["hostname", "extraHosts"],
        "none" => &["portMappings"],
        _ => return,
    };
    for c in &ctx.containers {
        let name = ctx.container_name(c);
        for key in keys {
            let Some(m) = c.member(key) else { continue };
            // Empty values (`""`, `[]`, null) are how exports write "not set".
            let empty = m.value.is_null()
                || m.value.as_str().is_some_and(str::is_empty)
                || m.value.as_array().is_some_and(<[_]>::is_empty);
            if empty {
                continue;
            }
            let d = sink.report_msg(
                m.key_span,
                crate::msg!(UNSUPPORTED, name = &name, key = *key, mode = mode),
            );
            d.set_help_msg(match *key {
                "hostname" => crate::msg!(HELP_HOSTNAME),
                "extraHosts" => crate::msg!(HELP_EXTRA_HOSTS),
                _ => crate::msg!(HELP_PORT_MAPPINGS),
            });
            if let Some(n) = ctx.task.get("networkMode") {
                d.add_related_msg(n.span, crate::msg!(RELATED_MODE));
            }
        }
    }
}
