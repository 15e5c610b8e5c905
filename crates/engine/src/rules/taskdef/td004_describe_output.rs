use crate::input::diagnostic::Fix;
use crate::input::span::Span;
use crate::models::taskdef::{Shape, TaskDefCtx};
use crate::rules::check::Sink;

use super::schema;

crate::declare_rule! {
    /// ## What it does
    /// Recognises `describe-task-definition` output: the `taskDefinition` wrapper and the keys
    /// AWS sets on a registered revision (`taskDefinitionArn`, `revision`, `status`,
    /// `requiresAttributes`, `compatibilities`, `registeredAt`, `registeredBy`,
    /// `deregisteredAt`, `deleteRequestedAt`: the members of the API model's `TaskDefinition` that
    /// `RegisterTaskDefinition` does not take). It reports them once and offers a fix that strips them (and unwraps
    /// the definition), leaving JSON that `register-task-definition` accepts.
    ///
    /// ## Why is this bad?
    /// Copying a running revision is the usual way to start a new one, but these keys are
    /// output only: the AWS CLI rejects the file with "Unknown parameter in input" for each of
    /// them, one at a time. ecspresso accepts describe output (it unwraps it and drops these
    /// keys), so this is a warning rather than an error: the file works with one tool and fails
    /// with the other. Everything else in the file is still checked.
    ///
    /// ## Example
    /// ```json
    /// { "taskDefinition": { "taskDefinitionArn": "arn:aws:ecs:...:task-definition/web:7",
    ///   "family": "web", "revision": 7, "status": "ACTIVE", "containerDefinitions": [] } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "family": "web", "containerDefinitions": [] }
    /// ```
    ///
    /// ## References
    /// - [DescribeTaskDefinition response](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeTaskDefinition.html)
    /// - [TaskDefinition data type (output fields)](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskDefinition.html)
    /// - No Security Hub control, checklist item, Checkov or cfn-lint check.
    pub static RULE = {
        code: "TD004",
        name: "describe-output-keys",
        target: TaskDef,
        severity: Warning,
        category: Schema,
        summary: "describe-task-definition output with keys that register-task-definition rejects",
    }
}

crate::messages! {
    "TD004";
    WRAPPED = "this is describe-task-definition output: the definition is wrapped in `taskDefinition`";
    WRAPPED_KEY = "this is describe-task-definition output: the definition is wrapped in `taskDefinition`, with the output-only key {keys}";
    WRAPPED_KEYS = "this is describe-task-definition output: the definition is wrapped in `taskDefinition`, with the output-only keys {keys}";
    OUTPUT_KEY = "this is describe-task-definition output with the output-only key {keys}";
    OUTPUT_KEYS = "this is describe-task-definition output with the output-only keys {keys}";
    HELP_UNWRAP = "AWS sets these on a registered revision; the AWS CLI's register-task-definition rejects them (\"Unknown parameter in input\") while ecspresso drops them; strip them and keep only the inner definition";
    HELP_STRIP = "AWS sets these on a registered revision; the AWS CLI's register-task-definition rejects them (\"Unknown parameter in input\") while ecspresso drops them; strip them";
    RELATED_OUTPUT_ONLY = "set by AWS, output only";
    FIX_STRIP = "strip the output-only keys";
    FIX_UNWRAP = "unwrap the definition and strip the output-only keys";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    let Some(object) = ctx.task.as_object() else {
        return;
    };
    if !matches!(ctx.shape, Shape::Register | Shape::Describe) {
        return;
    }
    let remove: Vec<bool> = object
        .members
        .iter()
        .map(|m| schema::is_output_only(&m.key))
        .collect();
    let found: Vec<&crate::syntax::value::Member> = object
        .members
        .iter()
        .filter(|m| schema::is_output_only(&m.key))
        .collect();
    let wrapper = (ctx.shape == Shape::Describe)
        .then(|| ctx.document.member("taskDefinition"))
        .flatten();
    let (span, names) = match (wrapper, found.first()) {
        (Some(w), _) => (
            w.key_span,
            found.iter().map(|m| m.key.as_str()).collect::<Vec<_>>(),
        ),
        (None, Some(first)) => (
            first.key_span,
            found.iter().map(|m| m.key.as_str()).collect(),
        ),
        (None, None) => return,
    };
    let keys = crate::input::msg::Arg::List(
        names
            .iter()
            .map(|n| crate::input::msg::Arg::Code(format!("`{n}`")))
            .collect(),
    );
    let message = match (wrapper.is_some(), names.len()) {
        (true, 0) => crate::msg!(WRAPPED),
        (true, 1) => crate::msg!(WRAPPED_KEY, keys = keys),
        (true, _) => crate::msg!(WRAPPED_KEYS, keys = keys),
        (false, 1) => crate::msg!(OUTPUT_KEY, keys = keys),
        (false, _) => crate::msg!(OUTPUT_KEYS, keys = keys),
    };
    let d = sink.report_msg(span, message);
    d.set_help_msg(if wrapper.is_some() {
        crate::msg!(HELP_UNWRAP)
    } else {
        crate::msg!(HELP_STRIP)
    });
    for m in found.iter().skip(usize::from(wrapper.is_none())) {
        d.add_related_msg(m.key_span, crate::msg!(RELATED_OUTPUT_ONLY));
    }
    let edits = crate::syntax::json_edit::remove_members(object, &remove);
    match wrapper {
        None => {
            let title = crate::msg!(FIX_STRIP);
            d.fix = Some(Fix {
                title: title.en(),
                edits,
            });
            d.keyed.fix_title = Some(title);
        }
        Some(_) => {
            // Unwrap only when the wrapper holds nothing else worth keeping.
            let others_empty = ctx.document.as_object().is_some_and(|o| {
                o.members.iter().all(|m| {
                    m.key == "taskDefinition"
                        || m.value.is_null()
                        || m.value.as_array().is_some_and(<[_]>::is_empty)
                        || m.key == "ResponseMetadata"
                })
            });
            if others_empty {
                if let Some(inner) =
                    crate::syntax::json_edit::apply_within(ctx.text, ctx.task.span, &edits)
                {
                    let whole = Span::new(
                        ctx.document.span.start as usize,
                        ctx.document.span.end as usize,
                    );
                    d.set_fix_msg(crate::msg!(FIX_UNWRAP), whole, inner);
                }
            }
        }
    }
}
