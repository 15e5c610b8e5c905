use super::schema;
use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Finds keys that `describe-services` returns but `create-service` does not take
    /// (`serviceArn`, `status`, `runningCount`, `deployments`, `events`, `roleArn`...), says
    /// what each one is, and offers to remove it. It also says when the text is the whole
    /// `describe-services` answer (`{"services": [...]}`) rather than one service.
    ///
    /// ## Why is this bad?
    /// A service copied from the console or from `describe-services` carries ECS's own
    /// bookkeeping. The AWS CLI rejects those keys as unknown parameters, and they hide the
    /// settings that matter. `roleArn` and `clusterArn` are spelled `role` and `cluster` in
    /// the request.
    ///
    /// ecspresso reads its service definition into the output shape and ignores these keys
    /// (`ecspresso init` even writes `runningCount` and `platformFamily`), so in a file that
    /// looks like an ecspresso definition (no `serviceName`, `cluster` or `taskDefinition`)
    /// the finding is only information.
    ///
    /// ## Example
    /// ```json
    /// { "serviceArn": "arn:aws:ecs:us-east-1:123456789012:service/web/api", "status": "ACTIVE",
    ///   "runningCount": 2, "desiredCount": 2 }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "desiredCount": 2 }
    /// ```
    /// Each finding's fix removes one key and keeps the JSON valid; for a whole
    /// `describe-services` answer, the fix replaces it with the cleaned service object.
    ///
    /// ## References
    /// - [Service (describe-services output)](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Service.html)
    /// - [CreateService request syntax](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html)
    pub static RULE = {
        code: "SV003",
        name: "output-only-service-key",
        target: ServiceDef,
        severity: Error,
        category: Schema,
        summary: "a key of describe-services output that create-service does not take",
    }
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    let Some(object) = ctx.service.as_object() else {
        return;
    };
    if !std::ptr::eq(ctx.service, ctx.document) {
        if let Some(wrapper) = ctx
            .document
            .member("services")
            .or_else(|| ctx.document.member("service"))
        {
            let diagnostic = sink.report(
                wrapper.key_span,
                format!(
                    "this is `describe-services` output; create-service takes the object inside `{}`",
                    if wrapper.key.eq_ignore_ascii_case("services") {
                        "services[0]"
                    } else {
                        "service"
                    }
                ),
            );
            diagnostic
                .set_help("keep only the service object, without its output-only keys; name the cluster with `cluster` (or `--cluster`), since `clusterArn` is output only");
            if crate::syntax::json_edit::is_json_text(ctx.text) {
                if let Some(cleaned) = cleaned_service(ctx.text, ctx.service) {
                    diagnostic.set_fix(
                        "keep only the service, without output-only keys",
                        ctx.document.span,
                        cleaned,
                    );
                }
            }
        }
    }
    let is_json = crate::syntax::json_edit::is_json_text(ctx.text);
    for (index, member) in object.members.iter().enumerate() {
        let Some((name, what)) = schema::output_only(&member.key) else {
            continue;
        };
        let input_name = match name {
            "roleArn" => Some("role"),
            "clusterArn" => Some("cluster"),
            _ => None,
        };
        let ecspresso = ctx.looks_like_ecspresso();
        let diagnostic = sink.report(
            member.key_span,
            if ecspresso {
                format!("`{}` is output of describe-services ({what}); ecspresso ignores it, but create-service would reject it", member.key)
            } else {
                format!("`{}` is output of describe-services ({what}), not input", member.key)
            },
        );
        if ecspresso {
            diagnostic.severity = crate::input::diagnostic::Severity::Info;
        }
        diagnostic.set_help(match input_name {
            Some(input) => format!(
                "remove it; create-service rejects it as an unknown parameter (the request spells it `{input}`)"
            ),
            None => "remove it; create-service rejects it as an unknown parameter".to_string(),
        });
        if is_json {
            if let Some(edit) =
                crate::syntax::json_edit::remove_member(ctx.text, ctx.service, index)
            {
                diagnostic.set_fix(format!("remove `{}`", member.key), edit.span, edit.content);
            }
        }
    }
}

/// The service object as its own JSON document, without the output-only keys, re-indented to
/// two spaces per level (members keep their own text).
fn cleaned_service(text: &str, service: &crate::syntax::value::Node) -> Option<String> {
    let object = service.as_object()?;
    let mut members = Vec::new();
    for member in &object.members {
        if schema::output_only(&member.key).is_some() {
            continue;
        }
        let raw = text.get(member.span().range())?;
        let start = member.key_span.start as usize;
        let line_start = text.get(..start)?.rfind('\n').map_or(0, |i| i + 1);
        let indent = text.get(line_start..start)?;
        let indent = if indent.chars().all(|c| c == ' ') {
            indent.len()
        } else {
            2
        };
        let strip = indent.saturating_sub(2);
        let mut lines = raw.split('\n');
        let mut out = String::from("  ");
        out.push_str(lines.next().unwrap_or_default());
        for line in lines {
            out.push('\n');
            let spaces = line.len() - line.trim_start_matches(' ').len();
            out.push_str(&line[spaces.min(strip)..]);
        }
        members.push(out);
    }
    if members.is_empty() {
        return Some("{}".to_string());
    }
    Some(format!("{{\n{}\n}}", members.join(",\n")))
}
