use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Checks that a task that requires Fargate sets `"networkMode": "awsvpc"`.
    ///
    /// ## Why is this bad?
    /// Fargate gives every task its own network interface and supports only `awsvpc`;
    /// `RegisterTaskDefinition` rejects `bridge`, `host` or `none` for a task whose
    /// `requiresCompatibilities` includes `FARGATE`. Leaving `networkMode` out does not help:
    /// the API's default is `bridge`, so a Fargate task definition without it is refused too
    /// ("Fargate only supports network mode 'awsvpc'").
    ///
    /// ## Example
    /// ```json
    /// { "requiresCompatibilities": ["FARGATE"], "networkMode": "bridge" }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc" }
    /// ```
    ///
    /// ## References
    /// - [RegisterTaskDefinition networkMode](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html#ECS-RegisterTaskDefinition-request-networkMode):
    ///   "If no network mode is specified, the default is bridge. For Amazon ECS tasks on
    ///   Fargate, the awsvpc network mode is required." (also in the ECS API model botocore ships)
    /// - The refusal when networkMode is left out: `ClientException: Fargate only supports
    ///   network mode 'awsvpc'.` ([aws/amazon-ecs-cli#1145](https://github.com/aws/amazon-ecs-cli/issues/1145)).
    /// - [Fargate task networking](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html)
    /// - Checklist: security 5 (awsvpc). cfn-lint E3048. AWS Control Tower CT.ECS.PR.4.
    pub static RULE = {
        code: "TD005",
        name: "fargate-network-mode",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "a Fargate task whose network mode is not awsvpc",
    }
}

crate::messages! {
    "TD005";
    NO_MODE = "a Fargate task needs \"networkMode\": \"awsvpc\"; without it the API's default, \"bridge\", applies and Fargate refuses it";
    HELP_ADD = "add \"networkMode\": \"awsvpc\" at the task level; each task then gets its own network interface and security groups";
    FIX_ADD = "add networkMode awsvpc";
    WRONG_MODE = "network mode \"{mode}\" is not available on Fargate, which supports only \"awsvpc\"";
    HELP_SET = "set \"networkMode\": \"awsvpc\"; each task then gets its own network interface and security groups";
    RELATED_FARGATE = "the task requires Fargate here";
    FIX_SET = "set networkMode to awsvpc";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    if !ctx.is_fargate() {
        return;
    }
    let Some(node) = ctx.task.get_set("networkMode") else {
        // A bare container list has no task-level keys, and an object with template
        // members may set networkMode where we cannot see it.
        if ctx.shape == crate::models::taskdef::Shape::ContainerArray || ctx.task.is_opaque() {
            return;
        }
        let span = ctx
            .task
            .member("requiresCompatibilities")
            .map_or_else(|| ctx.task_head_span(), |m| m.key_span);
        let d = sink.report_msg(span, crate::msg!(NO_MODE));
        d.set_help_msg(crate::msg!(HELP_ADD));
        if let Some(edit) = crate::syntax::json_edit::insert_member(
            ctx.text,
            ctx.task,
            "\"networkMode\": \"awsvpc\"",
        ) {
            d.set_fix_msg(crate::msg!(FIX_ADD), edit.span, edit.content);
        }
        return;
    };
    let Some(mode) = util::known_str(Some(node)) else {
        return;
    };
    if mode == "awsvpc" {
        return;
    }
    let d = sink.report_msg(node.span, crate::msg!(WRONG_MODE, mode = mode));
    d.set_help_msg(crate::msg!(HELP_SET));
    if let Some(req) = ctx.task.member("requiresCompatibilities") {
        d.add_related_msg(req.value.span, crate::msg!(RELATED_FARGATE));
    }
    d.set_fix_msg(crate::msg!(FIX_SET), node.span, "\"awsvpc\"");
}
