use crate::input::msg::Arg;
use crate::models::image::{describe_registry, untrusted_registry};
use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// When the team lists its trusted registries (`trusted-registries` in `.ecsplain.yaml`),
    /// reports a container whose `image` comes from any other registry. Without that list the rule
    /// is silent.
    ///
    /// Images are matched by registry host: a private ECR image
    /// (`123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2`) by its ECR host, an image with
    /// no host (`nginx:1.27`) as Docker Hub, `docker.io`. A `*` in a pattern stands for any run of
    /// characters, so `*.dkr.ecr.*.amazonaws.com` covers every private ECR registry. An image held
    /// in a template or variable (`{{ must_env `IMAGE` }}`, `${REGISTRY}/app`) is never reported:
    /// its registry is not known until deploy time. A template in the tag alone
    /// (`ghcr.io/example/app:{{ must_env `TAG` }}`) does not hide the registry, so that is checked.
    ///
    /// ## Why is this bad?
    /// ECS runs whatever the registry serves under that name. An image from a registry the team
    /// does not control can be replaced, deleted or rate-limited upstream, and it skipped the
    /// scanning and review the team's own registry gives. Keeping every task on images from
    /// trusted repositories is the talk's advice; pulling from ECR in the task's own region also
    /// keeps scaling fast.
    ///
    /// ## Example
    /// With `trusted-registries: ["*.dkr.ecr.*.amazonaws.com"]`:
    /// ```json
    /// { "name": "app", "image": "ghcr.io/example/app:1.4.2" }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "app", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2" }
    /// ```
    /// (push or mirror the image into your ECR), or add the registry to the list if the team
    /// trusts it.
    ///
    /// ## References
    /// - The talk's "images from trusted repositories" (issue 9). The author's checklist has no
    ///   item of its own for it; the nearest are security 10 and 11 (images scanned at build time
    ///   and periodically), scans that teams usually run in the registry they trust.
    /// - hadolint DL3026 checks a Dockerfile's `FROM` against its `trustedRegistries`; ecsplain's
    ///   DL3026 and this rule read the same `trusted-registries` list with the same matching.
    /// - [Image (task definition parameters)](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_image)
    pub static RULE = {
        code: "TD110",
        name: "untrusted-image-registry",
        target: TaskDef,
        severity: Warning,
        category: Security,
        summary: "a container image comes from a registry outside the trusted list",
    }
}

crate::messages! {
    "TD110";
    UNTRUSTED = "container `{container}` pulls its image from {registry}, which is not a trusted registry";
    HELP_TRUSTED = "use an image from a trusted registry ({trusted}, from `trusted-registries` in .ecsplain.yaml), for example pushed or mirrored into your ECR, or add `{registry}` to the list if the team trusts it";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    let trusted = &sink.settings().trusted_registries;
    if trusted.is_empty() {
        return;
    }
    let list = || {
        Arg::List(
            trusted
                .iter()
                .map(|t| Arg::from(format!("`{t}`")))
                .collect(),
        )
    };
    for c in &ctx.containers {
        let Some(node) = c.get_set("image") else {
            continue;
        };
        let Some(image) = node.as_str() else {
            continue;
        };
        let Some(registry) = untrusted_registry(image, trusted) else {
            continue;
        };
        let name = ctx.container_name(c);
        sink.report_msg(
            node.span,
            crate::msg!(
                UNTRUSTED,
                container = name,
                registry = describe_registry(&registry)
            ),
        )
        .set_help_msg(crate::msg!(
            HELP_TRUSTED,
            trusted = list(),
            registry = &registry
        ));
    }
}
