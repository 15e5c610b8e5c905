use crate::input::msg::Arg;
use crate::models::config::tag_keys;
use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// When the team lists tag keys every resource must carry (`required-tags` in
    /// `.ecsplain.yaml`), reports a service whose `tags` lack one of them, naming the missing
    /// keys. Without that list the rule is silent.
    ///
    /// ecspresso's `Tags` with `Key`/`Value` count like `tags` with `key`/`value`. Keys are compared
    /// exactly, as written. A `tags` list held in a template, or holding a templated key, is never
    /// reported. `describe-services` output only holds tags when asked for (`--include TAGS`), so
    /// output without `tags` is not reported either.
    ///
    /// ## Why is this bad?
    /// Teams find, bill and operate their resources by tags: the application, the environment,
    /// the owner. A service created without them is missing from cost reports and inventories
    /// filtered on those tags, and with `propagateTags: SERVICE` its tasks carry nothing either.
    ///
    /// ## Example
    /// With `required-tags: [service, env]`:
    /// ```json
    /// { "serviceName": "web", "tags": [{ "key": "service", "value": "web" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "serviceName": "web",
    ///   "tags": [{ "key": "service", "value": "web" }, { "key": "env", "value": "prod" }] }
    /// ```
    ///
    /// ## References
    /// - Checklist: task definition 6 and 7 (tags carry the version and attributes); SV040 checks
    ///   that the tags reach the tasks (checklist task definition 5).
    /// - Security Hub ECS.13 (services should have tags, with an optional list of required tag
    ///   keys); TD308 is the same check for task definitions (ECS.15).
    /// - [CreateService: tags](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html)
    pub static RULE = {
        code: "SV025",
        name: "missing-required-service-tag",
        target: ServiceDef,
        severity: Warning,
        category: Cicd,
        summary: "the service lacks a tag the team requires",
    }
}

crate::messages! {
    "SV025";
    NO_TAG = "the service has no tag {name}, which `required-tags` in .ecsplain.yaml requires";
    NO_TAGS = "the service lacks the tags {rest} and {last}, which `required-tags` in .ecsplain.yaml requires";
    HELP = "add {items} to `tags`";
    HELP_NEAR = "add {items} to `tags`; {near}";
    CASE_DIFFERS = "`{present}` is not `{missing}` (the case differs)";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    if !ctx.is_object() {
        return;
    }
    let from_describe = !std::ptr::eq(ctx.service, ctx.document);
    let tags = match ctx.service.member("tags") {
        Some(m) if !m.value.is_null() => Some(m),
        _ if from_describe || ctx.service.is_opaque() => return,
        _ => None,
    };
    let value = tags.map(|m| &m.value);
    let missing = sink.settings().missing_tags(value);
    if missing.is_empty() {
        return;
    }
    // `config::missing_tags_message` (shared with TD308) in SV025's own keyed sentences.
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
        crate::msg!(HELP, items = items)
    } else {
        crate::msg!(HELP_NEAR, items = items, near = Arg::List(near))
    };
    let span = tags.map_or_else(|| ctx.service_head_span(), |m| m.key_span);
    sink.report_msg(span, message).set_help_msg(help);
}
