use crate::input::Kind;
use crate::models::ecspresso::{self, plugin_for_function};
use crate::models::project::ProjectCtx;
use crate::rules::check::Sink;
use crate::syntax::template;

crate::declare_rule! {
    /// ## What it does
    /// Reports a plugin's template function (`tfstate`, `tfstatef`, `ssm`,
    /// `secretsmanager_arn`, `cfn_output`, `cfn_export`, with any `func_prefix`) used in the
    /// ecspresso config itself, when the config may run on ecspresso v2 (its `required_version`
    /// does not pin v3).
    ///
    /// ## Why is this bad?
    /// ecspresso v2 renders the config before it sets up any plugin, even the default `ssm` and
    /// `secretsmanager`: Go's template parser stops at the call with `function "tfstate" not
    /// defined`, and no command runs. Plugin functions work in the definitions the config
    /// names. ecspresso v3 loads the config in two passes and allows them. So the finding is an
    /// error when `required_version` allows only v2, and a warning when it pins no major version
    /// (the config fails on v2 and works on v3).
    ///
    /// ## Example
    /// ```yaml
    /// cluster: '{{ tfstate `aws_ecs_cluster.main.name` }}'
    /// plugins:
    ///   - name: tfstate
    ///     config: { path: terraform.tfstate }
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// cluster: '{{ must_env `CLUSTER` }}'
    /// ```
    /// or pin ecspresso v3: `required_version: ">= 3.0.0"`.
    ///
    /// ## References
    /// - ecspresso v2 `config.go`: `Load` renders the file with the loader's functions, and the
    ///   plugins' functions are added (`l.Funcs`) only after `Restrict` set the plugins up
    /// - [kayac/ecspresso#852](https://github.com/kayac/ecspresso/issues/852): "function
    ///   tfstate not defined" in the config, by design in v2
    /// - ecspresso `docs/v2-v3.md`: plugin functions in top-level configuration fields (#1023)
    pub static RULE = {
        code: "EP013",
        name: "plugin-function-in-config",
        target: Ecspresso,
        severity: Error,
        category: Cicd,
        summary: "a plugin function in the config itself: ecspresso v2 cannot render it",
    }
}

crate::messages! {
    "EP013";
    NOT_DEFINED = "ecspresso v2 renders the config before it sets up plugins: `{func}` is not defined there (`function \"{func}\" not defined`)";
    NOT_DEFINED_ASSUMED_V2 = "ecspresso v2 renders the config before it sets up plugins: `{func}` is not defined there (`function \"{func}\" not defined`) (required_version does not pin v3, so ecsplain assumes v2, the current release)";
    HELP = "use the {plugin} plugin's functions in the task or service definition, pass the value with `must_env`, or pin ecspresso v3 (`required_version: \">= 3.0.0\"`)";
}

pub fn check(ctx: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    for (file, input) in ctx.inputs.iter().enumerate() {
        if input.kind != Some(Kind::Ecspresso)
            || ecspresso::Format::from_path(input.path) == ecspresso::Format::Jsonnet
        {
            continue;
        }
        let Some(config) = input.tree() else {
            continue;
        };
        let versions = ecspresso::versions(config);
        if versions.v3_only() {
            continue;
        }
        // The calls as written: values given to the run would have rendered them away.
        for action in template::scan(input.source).actions {
            for call in &action.calls {
                let base = template::base_function(&call.func);
                let Some(plugin) = plugin_for_function(base) else {
                    continue;
                };
                let message = if versions.v2_only() {
                    crate::msg!(NOT_DEFINED, func = call.func.as_str())
                } else {
                    crate::msg!(NOT_DEFINED_ASSUMED_V2, func = call.func.as_str())
                };
                let d = sink
                    .report_msg_in(file, input.from_source(call.func_span), message)
                    .set_help_msg(crate::msg!(HELP, plugin = plugin));
                // Only a config pinned to v2 certainly fails; v3 accepts the call, so an
                // unpinned config gets a warning (severity is a promise).
                if !versions.v2_only() {
                    d.severity = crate::input::diagnostic::Severity::Warning;
                }
            }
        }
    }
}
