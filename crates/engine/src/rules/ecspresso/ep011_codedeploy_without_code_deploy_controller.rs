use crate::input::Kind;
use crate::models::ecspresso;
use crate::models::project::ProjectCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Reports a config with `appspec` or `codedeploy` settings whose service definition does not
    /// use the `CODE_DEPLOY` deployment controller (no `deploymentController` means the default,
    /// `ECS`, rolling updates).
    ///
    /// ## Why is this bad?
    /// `appspec` (hooks, traffic shifting) and `codedeploy` (application and deployment group)
    /// only matter to blue/green deployments run by AWS CodeDeploy. On a rolling-update service
    /// they are never used, so the hooks the team relies on silently do not run.
    ///
    /// ## Example
    /// ```yaml
    /// service: web
    /// service_definition: ecs-service-def.json   # no deploymentController
    /// appspec:
    ///   Hooks:
    ///     - BeforeAllowTraffic: arn:aws:lambda:ap-northeast-1:123456789012:function:check
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "deploymentController": { "type": "CODE_DEPLOY" } }
    /// ```
    /// or remove `appspec` and `codedeploy` from the config for a rolling-update service.
    ///
    /// ## References
    /// - [ecspresso: blue/green deployment with CodeDeploy](https://github.com/kayac/ecspresso#bluegreen-deployment-with-aws-codedeploy)
    /// - [Amazon ECS deployment types](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-types.html)
    pub static RULE = {
        code: "EP011",
        name: "codedeploy-without-code-deploy-controller",
        target: Ecspresso,
        severity: Warning,
        category: Cicd,
        summary: "appspec or codedeploy is set but the service is not deployed by CodeDeploy",
    }
}

crate::messages! {
    "EP011";
    UNUSED = "the config sets `{key}`, but `{path}` uses the {used} deployment controller, not CODE_DEPLOY: it is never used";
    RELATED_CONTROLLER = "the deployment controller";
    RELATED_DEFAULT = "no deploymentController: rolling updates (ECS)";
    HELP = "set `\"deploymentController\": {\"type\": \"CODE_DEPLOY\"}` in the service definition for blue/green deployments, or remove it from the config";
}

pub fn check(ctx: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    for (file, input) in ctx.inputs.iter().enumerate() {
        if input.kind != Some(Kind::Ecspresso) {
            continue;
        }
        let Some(config) = input.tree() else {
            continue;
        };
        let Some(setting) = ["appspec", "codedeploy"]
            .into_iter()
            .find_map(|k| config.member(k).filter(|m| !m.value.is_null()))
        else {
            continue;
        };
        for reference in ecspresso::references_in(input.path, config) {
            if reference.template || reference.role != Kind::ServiceDef {
                continue;
            }
            let Some((service_file, service)) = ctx
                .inputs
                .iter()
                .enumerate()
                .find(|(_, i)| ecspresso::normalize_path(i.path) == reference.resolved)
            else {
                continue;
            };
            let Some(root) = service.tree() else {
                continue;
            };
            if root.is_opaque() || root.as_object().is_none_or(|o| o.members.is_empty()) {
                continue;
            }
            let controller = root.get_set("deploymentController");
            let kind = controller.and_then(|c| c.get_set("type"));
            if controller.is_some_and(|c| c.is_placeholder() || c.is_opaque())
                || kind.is_some_and(|k| k.is_placeholder() || k.as_str() == Some("CODE_DEPLOY"))
                || (controller.is_some() && kind.is_none())
            {
                continue;
            }
            let used = kind.and_then(|k| k.as_str()).unwrap_or("ECS");
            let d = sink.report_msg_in(
                file,
                setting.key_span,
                crate::msg!(
                    UNUSED,
                    key = setting.key.as_str(),
                    path = service.path,
                    used = used
                ),
            );
            match kind {
                Some(k) => {
                    d.add_related_in_msg(service_file, k.span, crate::msg!(RELATED_CONTROLLER));
                }
                None => {
                    d.add_related_in_msg(
                        service_file,
                        crate::input::span::Span::at(0),
                        crate::msg!(RELATED_DEFAULT),
                    );
                }
            }
            d.set_help_msg(crate::msg!(HELP));
        }
    }
}
