use super::pairing_docker::{self, DockerPair};
use crate::models::project::ProjectCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// When a Dockerfile and the task definition that runs its image are linted together,
    /// reports a container `healthCheck` that needs a shell (`CMD-SHELL`) or calls `curl` or
    /// `wget`, while the image is built `FROM scratch` or from a distroless base (other than
    /// the `:debug` variants, which carry busybox). A Dockerfile that copies a shell, busybox,
    /// curl or wget into the image is trusted.
    ///
    /// ## Why is this bad?
    /// `CMD-SHELL` runs the command "with the container's default shell" (`/bin/sh -c` on
    /// Linux), and distroless and scratch images have
    /// no `/bin/sh`; nor do they have `curl` or `wget`. The check cannot start, so it fails
    /// every time: the container never becomes healthy and, if it is essential, ECS keeps
    /// replacing the task. Nothing shows this before the deployment.
    ///
    /// ## Example
    /// `Dockerfile`: `FROM gcr.io/distroless/static-debian12`; task definition:
    /// ```json
    /// { "healthCheck": { "command": ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"] } }
    /// ```
    ///
    /// ## Use instead
    /// Build a small health probe into the image (Go: a `-health` flag of the program itself)
    /// and run it without a shell:
    /// ```json
    /// { "healthCheck": { "command": ["CMD", "/app/server", "-health"] } }
    /// ```
    /// or rely on the load balancer's target group health check.
    ///
    /// ## References
    /// - [Amazon ECS task definition parameters: healthCheck](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html)
    /// - [HealthCheck](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html)
    /// - [Distroless images](https://github.com/GoogleContainerTools/distroless)
    pub static RULE = {
        code: "XF104",
        name: "health-check-tool-missing",
        target: CrossFile,
        severity: Error,
        category: Reliability,
        summary: "the task's health check needs a shell, curl or wget that the distroless or scratch image lacks",
    }
}

crate::messages! {
    "XF104";
    SHELL_TOOL = "container `{name}`: the health check runs `{tool}` through `/bin/sh`, but the image (FROM `{base}`) has neither a shell nor {tool}, so the check always fails";
    SHELL_ONLY = "container `{name}`: the health check is CMD-SHELL, which needs `/bin/sh`, but the image (FROM `{base}`) has no shell, so the check always fails";
    EXEC_TOOL = "container `{name}`: the health check runs `{tool}`, but the image (FROM `{base}`) has no {tool}, so the check always fails";
    HELP_PROBE = "run a probe the image contains without a shell, e.g. [\"CMD\", \"/app/server\", \"-health\"], or rely on the load balancer's health check";
    RELATED_BARE = "the final image has no shell or HTTP client";
}

/// What the final image is, when it is known to have no shell and no curl.
fn bare_base(pair: &DockerPair<'_>) -> Option<String> {
    let base = pair.base_image()?;
    let bare = base == "scratch"
        || (base.contains("distroless") && !base.contains("debug"))
        || base.contains("chainguard/static");
    if !bare {
        return None;
    }
    // A shell or a client copied in makes the check possible.
    let copies_tool = pair.image_instructions().iter().any(|i| {
        (i.is("COPY") || i.is("ADD"))
            && ["curl", "wget", "busybox", "/bin/sh", "/bin/bash", "bin/ash"]
                .iter()
                .any(|t| i.text.contains(t))
    });
    (!copies_tool).then_some(base)
}

pub fn check(project: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    for pair in pairing_docker::pairs(project) {
        let Some(command) = pair
            .container
            .get_set("healthCheck")
            .and_then(|h| h.get_set("command"))
        else {
            continue;
        };
        let Some(words) = command.as_array() else {
            continue;
        };
        if words.iter().any(|w| w.is_placeholder()) {
            continue;
        }
        let texts: Vec<&str> = words.iter().filter_map(|w| w.as_str()).collect();
        let Some(base) = bare_base(&pair) else {
            continue;
        };
        let (mode, rest) = match texts.split_first() {
            Some((first, rest)) => (*first, rest),
            None => continue,
        };
        let tool = |program: &str| {
            let name = program.rsplit('/').next().unwrap_or(program);
            matches!(name, "curl" | "wget").then(|| name.to_string())
        };
        let name = pair.name();
        let message = match mode {
            "CMD-SHELL" => {
                let script = rest.join(" ");
                let called = crate::syntax::dockerfile::shell::split(&script)
                    .iter()
                    .find_map(|c| c.words.first().and_then(|w| tool(&w.text)));
                match called {
                    Some(t) => crate::msg!(SHELL_TOOL, name = &name, tool = t, base = &base),
                    None => crate::msg!(SHELL_ONLY, name = &name, base = &base),
                }
            }
            "CMD" => match rest.first().and_then(|p| tool(p)) {
                Some(t) => crate::msg!(EXEC_TOOL, name = &name, tool = t, base = &base),
                None => continue,
            },
            _ => continue,
        };
        sink.report_msg_in(pair.task.file, command.span, message)
            .set_help_msg(crate::msg!(HELP_PROBE))
            .add_related_in_msg(
                pair.docker.file,
                pair.base_span(),
                crate::msg!(RELATED_BARE),
            );
    }
}
