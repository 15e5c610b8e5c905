use crate::input::msg::Arg;
use crate::models::config::tag_keys;
use crate::models::taskdef::{Shape, TaskDefCtx};
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// When the team lists tag keys every resource must carry (`required-tags` in
    /// `.ecsplain.yaml`), reports a task definition whose `tags` lack one of them, naming the
    /// missing keys. Without that list the rule is silent.
    ///
    /// ecspresso's `Tags` with `Key`/`Value` count like `tags` with `key`/`value`. Keys are compared
    /// exactly, as written. A `tags` list held in a template, or holding a templated key, is never
    /// reported: the tag may be there at deploy time. `describe-task-definition` output only holds
    /// tags when asked for (`--include TAGS`), so output without `tags` is not reported either.
    ///
    /// ## Why is this bad?
    /// Teams find, bill and operate their resources by tags: the application and its version,
    /// the environment, the owner. A task definition registered without them is missing from cost
    /// reports and inventories filtered on those tags, and with tag propagation its tasks carry
    /// nothing either.
    ///
    /// ## Example
    /// With `required-tags: [service, env]`:
    /// ```json
    /// { "family": "web", "tags": [{ "key": "service", "value": "web" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "family": "web",
    ///   "tags": [{ "key": "service", "value": "web" }, { "key": "env", "value": "prod" }] }
    /// ```
    ///
    /// ## References
    /// - Checklist: task definition 6 (tags carry the application version) and 7 (tags carry
    ///   attributes such as the environment or the role).
    /// - Security Hub ECS.15 (task definitions should have tags, with an optional list of required
    ///   tag keys); SV025 is the same check for services (ECS.13).
    /// - [RegisterTaskDefinition: tags](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html)
    pub static RULE = {
        code: "TD308",
        name: "missing-required-task-tag",
        target: TaskDef,
        severity: Warning,
        category: Cicd,
        summary: "the task definition lacks a tag the team requires",
    }
}

crate::messages! {
    "TD308";
    NO_TAG = "the task definition has no tag {name}, which `required-tags` in .ecsplain.yaml requires";
    NO_TAGS = "the task definition lacks the tags {rest} and {last}, which `required-tags` in .ecsplain.yaml requires";
    HELP_ADD = "add {items} to `tags`";
    HELP_ADD_NEAR = "add {items} to `tags`; {near}";
    CASE_DIFFERS = "`{present}` is not `{missing}` (the case differs)";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    let tags = match ctx.shape {
        Shape::Register => match ctx.task.member("tags") {
            Some(m) if !m.value.is_null() => Some(m),
            _ if ctx.task.is_opaque() => return,
            _ => None,
        },
        // Output of describe-task-definition: tags sit beside `taskDefinition`, when included.
        Shape::Describe => match ctx.document.member("tags") {
            Some(m) if !m.value.is_null() => Some(m),
            _ => return,
        },
        Shape::ContainerArray | Shape::Other => return,
    };
    let value = tags.map(|m| &m.value);
    let missing = sink.settings().missing_tags(value);
    if missing.is_empty() {
        return;
    }
    // `config::missing_tags_message` in TD308's own keyed sentences (as SV025 words them under
    // its code).
    let quoted =
        |keys: &[&str]| -> Vec<Arg> { keys.iter().map(|k| Arg::Code(format!("`{k}`"))).collect() };
    let message = match missing.as_slice() {
        [one] => crate::msg!(NO_TAG, name = Arg::Code(format!("`{one}`"))),
        [rest @ .., last] => crate::msg!(
            NO_TAGS,
            rest = Arg::List(quoted(rest)),
            last = Arg::Code(format!("`{last}`"))
        ),
        [] => return,
    };
    let items = Arg::List(
        missing
            .iter()
            .map(|k| Arg::Code(format!("{{\"key\": \"{k}\", \"value\": \"...\"}}")))
            .collect(),
    );
    let present = tag_keys(value);
    let near: Vec<Arg> = missing
        .iter()
        .filter_map(|m| {
            present
                .iter()
                .find(|p| p.eq_ignore_ascii_case(m))
                .map(|p| Arg::from(crate::msg!(CASE_DIFFERS, present = *p, missing = *m)))
        })
        .collect();
    let help = if near.is_empty() {
        crate::msg!(HELP_ADD, items = items)
    } else {
        crate::msg!(HELP_ADD_NEAR, items = items, near = Arg::List(near))
    };
    let span = tags.map_or_else(|| ctx.task_head_span(), |m| m.key_span);
    sink.report_msg(span, message).set_help_msg(help);
}
