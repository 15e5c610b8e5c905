use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;
use crate::syntax::value::{Node, NodeKind};

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Notes where a check could not decide because the value it needs is a template
    /// placeholder inside a string (`"cpu": "{{ must_env `CPU` }}"`, `"image": "app:${TAG}"`):
    /// the Fargate size check (`TD001`) when the task's `cpu` or `memory` is a placeholder, and
    /// the `latest`-tag check (`TD201`) when a placeholder decides the image's tag
    /// (`${image_tag}`, `$TAG`, `{{ tfstate ... }}`). One note per placeholder value, on that
    /// value. ecspresso's `{{ must_env `IMAGE_TAG` }}` and `{{ env `IMAGE_TAG` }}` get no note:
    /// a version given at deploy time is the recommended way. An `env` whose default is
    /// `latest` (`{{ env `TAG` `latest` }}`) is noted: without the variable, the deploy runs
    /// `latest`.
    ///
    /// ## Why is this bad?
    /// It is not bad: placeholders are never reported as bad values, and a tag filled at deploy
    /// time is the good practice. But a silent skip
    /// reads like a pass: the note says the check did not run, so the rendered value still needs
    /// to be right (a Fargate size from the table, a version tag rather than `latest`).
    ///
    /// Placeholders that stand outside strings (`"cpu": {{ cpu }}`) are noted once per file by
    /// `IN005` instead, so no value gets two notes.
    ///
    /// ## Example
    /// ```json
    /// { "requiresCompatibilities": ["FARGATE"], "cpu": "{{ must_env `CPU` }}", "memory": "1024" }
    /// ```
    ///
    /// ## Use instead
    /// Lint the rendered definition (or give the variables values) to have every check run:
    /// ```json
    /// { "requiresCompatibilities": ["FARGATE"], "cpu": "512", "memory": "1024" }
    /// ```
    ///
    /// ## References
    /// - [ecspresso: template functions in definition files](https://github.com/kayac/ecspresso#template-syntax)
    /// - [Fargate task CPU and memory](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size)
    pub static RULE = {
        code: "TD309",
        name: "placeholder-skips-check",
        target: TaskDef,
        severity: Info,
        category: Syntax,
        summary: "a check could not decide because the value it needs is a placeholder",
    }
}

/// A placeholder inside a string (not one standing where a JSON value goes: `IN005` notes
/// those).
fn string_placeholder(node: &Node) -> Option<&str> {
    match &node.kind {
        NodeKind::String(s) if crate::syntax::value::is_placeholder_text(s) => Some(s),
        _ => None,
    }
}

/// The value as quoted in a message, shortened when long.
fn quoted(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        format!("`{s}`")
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("`{head}…`")
    }
}

crate::messages! {
    "TD309";
    PLACEHOLDER_SIZE = "the task's {key} is {value}, known only once rendered: the Fargate size check could not decide";
    HELP_SIZE = "make sure the rendered cpu and memory form a Fargate size (lint the rendered definition to check it)";
    LATEST_DEFAULT = "container `{container}` runs the moving tag `latest` whenever `{variable}` is not set (the default of `{action}`)";
    HELP_MUST_ENV = "use `{{ must_env `{variable}` }}` so that a deploy without a version fails instead of running `latest`";
    WHOLE_IMAGE = "container `{container}` gets its whole image reference at deploy time from {action}: the `latest`-tag check could not decide";
    IMAGE_TAG = "container `{container}` gets its image tag at deploy time from {action}: the `latest`-tag check could not decide";
    HELP_DEPLOY_TAG = "a tag filled at deploy time is good practice when it is a version (the release or the commit): make sure the pipeline never passes `latest`";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    if ctx.is_fargate() {
        let cpu = ctx.task.get_set("cpu");
        let memory = ctx.task.get_set("memory");
        if cpu.is_some() && memory.is_some() {
            for (key, node) in [("cpu", cpu), ("memory", memory)] {
                let Some(node) = node else { continue };
                let Some(text) = string_placeholder(node) else {
                    continue;
                };
                sink.report_msg(
                    node.span,
                    crate::msg!(PLACEHOLDER_SIZE, key = key, value = quoted(text)),
                )
                .set_help_msg(crate::msg!(HELP_SIZE));
            }
        }
    }
    for c in &ctx.containers {
        let Some(node) = c.get_set("image") else {
            continue;
        };
        let Some(image) = string_placeholder(node) else {
            continue;
        };
        if util::image_tag(image) != util::ImageTag::Unknown {
            continue;
        }
        let action = util::deciding(image);
        // ecspresso's `{{ must_env `IMAGE_TAG` }}` is the recommended way: nothing to note,
        // unless an `env` falls back to `latest`.
        let tail = image.trim_end().ends_with(action.trim());
        match util::env_call(action) {
            Some((variable, Some("latest"))) if tail => {
                sink.report_msg(
                    node.span,
                    crate::msg!(
                        LATEST_DEFAULT,
                        container = ctx.container_name(c),
                        variable = variable,
                        action = action.trim()
                    ),
                )
                .set_help_msg(crate::msg!(HELP_MUST_ENV, variable = variable));
                continue;
            }
            Some(_) => continue,
            None => {}
        }
        let message = if action.trim() == image.trim() {
            &WHOLE_IMAGE
        } else {
            &IMAGE_TAG
        };
        sink.report_msg(
            node.span,
            crate::msg!(
                *message,
                container = ctx.container_name(c),
                action = quoted(action)
            ),
        )
        .set_help_msg(crate::msg!(HELP_DEPLOY_TAG));
    }
}
