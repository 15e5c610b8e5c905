use crate::models::ecspresso::{did_you_mean, EcspressoCtx, CONFIG_KEYS};
use crate::rules::check::Sink;
use crate::syntax::value::is_placeholder_text;

crate::declare_rule! {
    /// ## What it does
    /// Reports a top-level key of an ecspresso config that ecspresso does not know, and names
    /// the key it most likely meant (`task_defintion` → `task_definition`).
    ///
    /// ## Why is this bad?
    /// ecspresso prints `[WARNING] … unknown field` and then ignores the key. A misspelt
    /// `service_definition` or `timeout` is therefore silently not applied: the deploy runs with
    /// the default, or without the file you meant.
    ///
    /// ## Example
    /// ```yaml
    /// region: ap-northeast-1
    /// cluster: default
    /// task_defintion: ecs-task-def.json
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// region: ap-northeast-1
    /// cluster: default
    /// task_definition: ecs-task-def.json
    /// ```
    /// The known keys are `required_version`, `region`, `cluster`, `service`,
    /// `service_definition`, `task_definition`, `express_definition`, `timeout`, `plugins`,
    /// `appspec`, `codedeploy`, `ignore` and `filter_command`.
    ///
    /// ## Fix safety
    /// It renames the key to the one ecspresso knows, so a setting that ecspresso ignored until now
    /// takes effect at the next deploy.
    ///
    /// ## References
    /// - [ecspresso: configuration file](https://github.com/kayac/ecspresso#configuration-file)
    /// - ecspresso `config.go` and `unmarshalJSON` in `ecspresso.go` (unknown fields are warnings)
    pub static RULE = {
        code: "EP001",
        name: "unknown-config-key",
        target: Ecspresso,
        severity: Warning,
        category: Schema,
        summary: "the config has a key ecspresso does not know; it is ignored",
        fix: Unsafe,
    }
}

crate::messages! {
    "EP001";
    UNKNOWN = "`{key}` is not an ecspresso config key; ecspresso warns and ignores it";
    HELP_DID_YOU_MEAN = "did you mean `{suggestion}`?";
    FIX_RENAME = "rename to `{suggestion}`";
    HELP_REMOVE = "remove it, or move it where it belongs (a definition file or a plugin's `config`)";
}

pub fn check(ctx: &EcspressoCtx<'_>, sink: &mut Sink<'_>) {
    let Some(object) = ctx.config.as_object() else {
        return;
    };
    for member in &object.members {
        if CONFIG_KEYS.contains(&member.key.as_str()) || is_placeholder_text(&member.key) {
            continue;
        }
        let d = sink.report_msg(member.key_span, crate::msg!(UNKNOWN, key = &member.key));
        match did_you_mean(&member.key, &CONFIG_KEYS) {
            Some(suggestion) => {
                d.set_help_msg(crate::msg!(HELP_DID_YOU_MEAN, suggestion = suggestion));
                if member.key_span.text(ctx.text) == member.key {
                    d.set_fix_msg(
                        crate::msg!(FIX_RENAME, suggestion = suggestion),
                        member.key_span,
                        suggestion,
                    );
                }
            }
            None => {
                d.set_help_msg(crate::msg!(HELP_REMOVE));
            }
        }
    }
}
