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

crate::messages! {
    "SV003";
    DESCRIBE_OUTPUT = "this is `describe-services` output; create-service takes the object inside `{inner}`";
    HELP_DESCRIBE = "keep only the service object, without its output-only keys; name the cluster with `cluster` (or `--cluster`), since `clusterArn` is output only";
    FIX_KEEP_SERVICE = "keep only the service, without output-only keys";
    OUTPUT_ECSPRESSO = "`{key}` is output of describe-services ({what}); ecspresso ignores it, but create-service would reject it";
    OUTPUT = "`{key}` is output of describe-services ({what}), not input";
    HELP_REMOVE_SPELLED = "remove it; create-service rejects it as an unknown parameter (the request spells it `{input}`)";
    HELP_REMOVE = "remove it; create-service rejects it as an unknown parameter";
    FIX_REMOVE = "remove `{key}`";
    WHAT_SERVICE_ARN = "the service's ARN, which ECS assigns";
    WHAT_CLUSTER_ARN = "the cluster's ARN; the input names the cluster with `cluster`";
    WHAT_STATUS = "the service's state (ACTIVE, DRAINING, INACTIVE)";
    WHAT_RUNNING_COUNT = "how many tasks run now";
    WHAT_PENDING_COUNT = "how many tasks are starting now";
    WHAT_TASK_SETS = "the task sets of an EXTERNAL or CODE_DEPLOY deployment";
    WHAT_DEPLOYMENTS = "the service's current and past deployments";
    WHAT_ROLE_ARN = "the role ECS uses; the input names it with `role`";
    WHAT_EVENTS = "the service's recent events";
    WHAT_CREATED_AT = "when the service was created";
    WHAT_CREATED_BY = "who created the service";
    WHAT_CURRENT_SERVICE_DEPLOYMENT = "the deployment in progress";
    WHAT_CURRENT_SERVICE_REVISIONS = "the service revisions running now";
    WHAT_RESOURCE_MANAGEMENT_TYPE = "who manages the service (CUSTOMER or ECS)";
    WHAT_PLATFORM_FAMILY = "the operating system family of the running tasks, which ECS reports";
    WHAT_SET_BY_ECS = "set by ECS";
    WHAT_DATA = "{what}";
}

/// The keyed phrase for what an output-only key is: the English of
/// `data/servicedef-output-keys.json` (a test keeps the two in step), with its Japanese beside
/// it. A key described only in the data file keeps the data's English in every language.
fn what_msg(name: &str, what: &str) -> crate::input::msg::Msg {
    let template = match name {
        "serviceArn" => &WHAT_SERVICE_ARN,
        "clusterArn" => &WHAT_CLUSTER_ARN,
        "status" => &WHAT_STATUS,
        "runningCount" => &WHAT_RUNNING_COUNT,
        "pendingCount" => &WHAT_PENDING_COUNT,
        "taskSets" => &WHAT_TASK_SETS,
        "deployments" => &WHAT_DEPLOYMENTS,
        "roleArn" => &WHAT_ROLE_ARN,
        "events" => &WHAT_EVENTS,
        "createdAt" => &WHAT_CREATED_AT,
        "createdBy" => &WHAT_CREATED_BY,
        "currentServiceDeployment" => &WHAT_CURRENT_SERVICE_DEPLOYMENT,
        "currentServiceRevisions" => &WHAT_CURRENT_SERVICE_REVISIONS,
        "resourceManagementType" => &WHAT_RESOURCE_MANAGEMENT_TYPE,
        "platformFamily" => &WHAT_PLATFORM_FAMILY,
        _ if what == WHAT_SET_BY_ECS.en => &WHAT_SET_BY_ECS,
        _ => return crate::msg!(WHAT_DATA, what = what),
    };
    if template.en == what {
        crate::input::msg::Msg {
            template,
            args: Vec::new(),
        }
    } else {
        crate::msg!(WHAT_DATA, what = what)
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
            let inner = if wrapper.key.eq_ignore_ascii_case("services") {
                "services[0]"
            } else {
                "service"
            };
            let diagnostic = sink.report_msg(
                wrapper.key_span,
                crate::msg!(DESCRIBE_OUTPUT, inner = inner),
            );
            diagnostic.set_help_msg(crate::msg!(HELP_DESCRIBE));
            if crate::syntax::json_edit::is_json_text(ctx.text) {
                if let Some(cleaned) = cleaned_service(ctx.text, ctx.service) {
                    diagnostic.set_fix_msg(
                        crate::msg!(FIX_KEEP_SERVICE),
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
        let key = member.key.as_str();
        let diagnostic = sink.report_msg(
            member.key_span,
            if ecspresso {
                crate::msg!(OUTPUT_ECSPRESSO, key = key, what = what_msg(name, what))
            } else {
                crate::msg!(OUTPUT, key = key, what = what_msg(name, what))
            },
        );
        if ecspresso {
            diagnostic.severity = crate::input::diagnostic::Severity::Info;
        }
        diagnostic.set_help_msg(match input_name {
            Some(input) => crate::msg!(HELP_REMOVE_SPELLED, input = input),
            None => crate::msg!(HELP_REMOVE),
        });
        if is_json {
            if let Some(edit) =
                crate::syntax::json_edit::remove_member(ctx.text, ctx.service, index)
            {
                diagnostic.set_fix_msg(crate::msg!(FIX_REMOVE, key = key), edit.span, edit.content);
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

#[cfg(test)]
mod what_tests {
    use super::*;

    #[test]
    fn every_output_only_key_has_a_keyed_description_equal_to_the_data() {
        let schema = crate::models::ecs_schema::schema();
        let keys = schema.output_only.get("Service").expect("Service");
        for key in keys {
            let (name, what) = schema::output_only(key).expect("output only");
            let msg = what_msg(name, what);
            assert_eq!(msg.en(), what, "{key}");
            assert!(
                !std::ptr::eq(msg.template, &WHAT_DATA),
                "give `{key}` a WHAT_ template in sv003 (and its Japanese)"
            );
        }
    }
}
