use crate::input::msg::Arg;
use crate::input::span::Span;
use crate::models::image::{describe_registry, untrusted_registry};
use crate::rules::check::Sink;
use crate::syntax::dockerfile::{DockerfileCtx, Flag};

crate::declare_rule! {
    /// ## What it does
    /// When the team lists its trusted registries (`trusted-registries` in `.ecsplain.yaml`),
    /// reports a `FROM` image pulled from any other registry, and likewise an image named by
    /// `COPY --from=` or `RUN --mount=from=`. Without that list the rule is silent.
    ///
    /// An image written without a registry host (`node:20`, `bitnami/redis`) comes from Docker Hub,
    /// which the list names as `docker.io` (hadolint's `hub.docker.com` is accepted too). A `*` in
    /// a pattern stands for any run of characters, so `*.dkr.ecr.*.amazonaws.com` covers every
    /// private ECR registry. `scratch`, earlier stage names and images held in build arguments
    /// (`FROM ${BASE}`) are never reported.
    ///
    /// ## Why is this bad?
    /// A base image is code that runs in production with your application. Pulling it from a
    /// registry the team does not control or vet means a compromised, replaced or deleted upstream
    /// image changes what you ship, and public registries rate-limit pulls at the worst moment.
    /// Teams mirror and scan the images they build on in a registry they trust (often ECR, close to
    /// the tasks) and build only from there.
    ///
    /// ## Example
    /// With `trusted-registries: ["*.dkr.ecr.*.amazonaws.com", "public.ecr.aws"]`:
    /// ```dockerfile
    /// FROM node:20-bookworm-slim
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM public.ecr.aws/docker/library/node:20-bookworm-slim
    /// ```
    /// or build from your own mirror in ECR.
    ///
    /// ## References
    /// - hadolint [DL3026](https://github.com/hadolint/hadolint/wiki/DL3026): the same code, so
    ///   `# hadolint ignore=DL3026` keeps working. hadolint reads the list from `trustedRegistries`
    ///   in `.hadolint.yaml`; ecsplain reads `trusted-registries` in `.ecsplain.yaml` (copy the
    ///   list across: ecsplain does not read `.hadolint.yaml`).
    ///
    /// Deliberate differences: hadolint rates this an error; Docker builds the image, so ecsplain
    /// warns (a team can raise it with `severity: { DL3026: error }`). A registry given by a build
    /// argument is unknown to ecsplain, so it stays silent where hadolint may report.
    /// - TD110 checks the task definition's `image` against the same list.
    /// - [Dockerfile reference: FROM](https://docs.docker.com/reference/dockerfile/#from)
    pub static RULE = {
        code: "DL3026",
        name: "untrusted-registry",
        target: Dockerfile,
        severity: Warning,
        category: Security,
        summary: "an image comes from a registry outside the trusted list",
    }
}

crate::messages! {
    "DL3026";
    HELP = "use an image from a trusted registry ({list}, from `trusted-registries` in .ecsplain.yaml), for example a copy mirrored into your ECR, or add `{registry}` to the list if the team trusts it";
    MESSAGE = "{what} pulls from {source}, which is not a trusted registry";
    DOCKER_HUB = "Docker Hub (`docker.io`)";
    WHAT_FROM = "`FROM {image}`";
    WHAT_COPY = "`COPY --from={image}`";
    WHAT_MOUNT = "`RUN --mount` from `{image}`";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    let trusted = &sink.settings().trusted_registries;
    if trusted.is_empty() {
        return;
    }
    let stages = &ctx.dockerfile.stages;
    let is_stage = |name: &str| {
        name.parse::<usize>().is_ok()
            || stages.iter().any(|s| {
                s.alias
                    .as_ref()
                    .is_some_and(|(a, _)| a.eq_ignore_ascii_case(name))
            })
    };
    let mut found: Vec<(Span, crate::input::msg::Msg, String)> = Vec::new();
    for stage in stages {
        let image = stage.image.as_str();
        let earlier_stage = stages.iter().take(stage.index).any(|s| {
            s.alias
                .as_ref()
                .is_some_and(|(a, _)| a.eq_ignore_ascii_case(image))
        });
        if earlier_stage {
            continue;
        }
        if let Some(registry) = untrusted_registry(image, trusted) {
            found.push((
                stage.image_span,
                crate::msg!(WHAT_FROM, image = image),
                registry,
            ));
        }
    }
    for ins in ctx.instructions() {
        if ins.is("COPY") {
            for flag in ins.flags_named("from") {
                let Some(value) = flag.value.as_deref() else {
                    continue;
                };
                if is_stage(value) {
                    continue;
                }
                if let Some(registry) = untrusted_registry(value, trusted) {
                    found.push((
                        flag.value_span,
                        crate::msg!(WHAT_COPY, image = value),
                        registry,
                    ));
                }
            }
        }
        if ins.is("RUN") {
            for flag in ins.flags_named("mount") {
                for (key, value) in flag.fields() {
                    if key != "from" || is_stage(&value) {
                        continue;
                    }
                    if let Some(registry) = untrusted_registry(&value, trusted) {
                        let span = field_span(ctx.text, flag, &value);
                        found.push((span, crate::msg!(WHAT_MOUNT, image = &value), registry));
                    }
                }
            }
        }
    }
    let list = Arg::List(
        trusted
            .iter()
            .map(|t| Arg::Code(format!("`{t}`")))
            .collect(),
    );
    for (span, what, registry) in found {
        // `describe_registry` names Docker Hub in words, any other registry as code.
        let shown = describe_registry(&registry);
        let source = if shown == format!("`{registry}`") {
            Arg::Code(shown)
        } else {
            Arg::from(crate::msg!(DOCKER_HUB))
        };
        sink.report_msg(span, crate::msg!(MESSAGE, what = what, source = source))
            .set_help_msg(crate::msg!(HELP, list = list.clone(), registry = registry));
    }
}

/// The span of a `from=` value inside a `--mount` flag's value, else the whole value.
fn field_span(text: &str, flag: &Flag, value: &str) -> Span {
    let start = flag.value_span.start as usize;
    let end = flag.value_span.end as usize;
    text.get(start..end)
        .and_then(|written| {
            let at = written.find(&format!("from={value}"))? + "from=".len();
            Some(Span::new(start + at, start + at + value.len()))
        })
        .unwrap_or(flag.value_span)
}
