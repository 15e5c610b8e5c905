use crate::input::Kind;
use crate::models::ecspresso::{self, plugin_for_function, plugins, DEFAULT_PLUGINS};
use crate::models::project::ProjectCtx;
use crate::rules::check::Sink;
use crate::syntax::template;

crate::declare_rule! {
    /// ## What it does
    /// Reports a template function that comes from an ecspresso plugin (`tfstate`, `tfstatef`,
    /// `cfn_output`, `cfn_export`, or one of these with a `func_prefix` such as
    /// `network_tfstate`) used in the config or in the definition files it names, when the
    /// config does not configure that plugin with that prefix. `ssm` and `secretsmanager_arn` need
    /// no configuration: ecspresso loads those plugins by default (since v2.3.0).
    ///
    /// ## Why is this bad?
    /// Go's template engine rejects an undefined function (`function "tfstate" not defined`), so
    /// ecspresso cannot render the file and nothing is deployed.
    ///
    /// ## Example
    /// ```yaml
    /// # ecspresso.yml: no plugins
    /// task_definition: ecs-task-def.json
    /// ```
    /// ```json
    /// { "executionRoleArn": "{{ tfstate `aws_iam_role.exec.arn` }}" }
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// task_definition: ecs-task-def.json
    /// plugins:
    ///   - name: tfstate
    ///     config:
    ///       path: terraform.tfstate
    /// ```
    ///
    /// ## References
    /// - [ecspresso: plugins](https://github.com/kayac/ecspresso#plugins)
    /// - ecspresso `plugin.go`; kayac/ecspresso#641 (ssm and secretsmanager loaded by default)
    pub static RULE = {
        code: "EP006",
        name: "plugin-not-configured",
        target: Ecspresso,
        severity: Error,
        category: Cicd,
        summary: "a plugin's template function is used but the plugin is not configured",
    }
}

crate::messages! {
    "EP006";
    NEEDS_PLUGIN = "`{func}` needs the {plugin} plugin, which `{config}` does not configure";
    NEEDS_PREFIXED = "`{func}` needs a {plugin} plugin with func_prefix `{prefix}`, which `{config}` does not configure";
    RELATED_PLUGINS = "the config's plugins";
    HELP_ADD = "add to the config's plugins: `- name: {plugin}`";
    HELP_ADD_PREFIX = "add to the config's plugins: `- name: {plugin}` with `func_prefix: {prefix}`";
    HELP_ADD_TFSTATE = "add to the config's plugins: `- name: {plugin}` and `config: {path: terraform.tfstate}` (or `url:`)";
    HELP_ADD_PREFIX_TFSTATE = "add to the config's plugins: `- name: {plugin}` with `func_prefix: {prefix}` and `config: {path: terraform.tfstate}` (or `url:`)";
}

pub fn check(ctx: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    for (config_file, input) in ctx.inputs.iter().enumerate() {
        if input.kind != Some(Kind::Ecspresso) {
            continue;
        }
        let Some(config) = input.tree() else {
            continue;
        };
        if config.is_opaque() {
            continue;
        }
        let configured = plugins(config);
        let plugins_span = config
            .member("plugins")
            .map_or(crate::input::span::Span::at(0), |m| m.key_span);
        let mut files = vec![config_file];
        for reference in ecspresso::references_in(input.path, config) {
            if reference.template {
                continue;
            }
            if let Some(i) = ctx
                .inputs
                .iter()
                .position(|other| ecspresso::normalize_path(other.path) == reference.resolved)
            {
                if !files.contains(&i) {
                    files.push(i);
                }
            }
        }
        for file in files {
            let Some(target) = ctx.inputs.get(file) else {
                continue;
            };
            // Template calls, and in Jsonnet `std.native('tfstate')` (the same plugin functions).
            // Calls as written: Go rejects a function no plugin defines when it parses the
            // template, whatever values the run was given (which render the calls away).
            let mut calls: Vec<(String, crate::input::span::Span)> = template::scan(target.source)
                .actions
                .iter()
                .flat_map(|a| {
                    a.calls
                        .iter()
                        .map(|c| (c.func.clone(), target.from_source(c.func_span)))
                })
                .collect();
            if ecspresso::Format::from_path(target.path) == ecspresso::Format::Jsonnet {
                calls.extend(ecspresso::jsonnet::native_calls(target.text));
            }
            {
                for (func, func_span) in &calls {
                    let base = template::base_function(func);
                    let Some(plugin) = plugin_for_function(base) else {
                        continue;
                    };
                    let prefix = func.strip_suffix(base).unwrap_or("");
                    let ok = configured
                        .iter()
                        .any(|p| p.name == plugin && p.func_prefix == prefix)
                        || (prefix.is_empty() && DEFAULT_PLUGINS.contains(&plugin));
                    if ok {
                        continue;
                    }
                    let config = input.path;
                    let message = if prefix.is_empty() {
                        crate::msg!(NEEDS_PLUGIN, func = func, plugin = plugin, config = config)
                    } else {
                        crate::msg!(
                            NEEDS_PREFIXED,
                            func = func,
                            plugin = plugin,
                            prefix = prefix,
                            config = config
                        )
                    };
                    let d = sink.report_msg_in(file, *func_span, message);
                    if file != config_file {
                        d.add_related_in_msg(
                            config_file,
                            plugins_span,
                            crate::msg!(RELATED_PLUGINS),
                        );
                    }
                    let help = match (prefix.is_empty(), plugin == "tfstate") {
                        (true, false) => crate::msg!(HELP_ADD, plugin = plugin),
                        (true, true) => crate::msg!(HELP_ADD_TFSTATE, plugin = plugin),
                        (false, false) => {
                            crate::msg!(HELP_ADD_PREFIX, plugin = plugin, prefix = prefix)
                        }
                        (false, true) => {
                            crate::msg!(HELP_ADD_PREFIX_TFSTATE, plugin = plugin, prefix = prefix)
                        }
                    };
                    d.set_help_msg(help);
                }
            }
        }
    }
}
