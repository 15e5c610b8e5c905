use crate::models::ecspresso::{plugins, EcspressoCtx, DEFAULT_PLUGINS};
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Reports two plugins of the same kind (two `tfstate`, two `cloudformation`...) configured
    /// with the same `func_prefix`, or both without one.
    ///
    /// ## Why is this bad?
    /// Both would define the same template functions (`tfstate`, `tfstatef`...). ecspresso
    /// refuses the clash, so the config cannot be loaded. A `func_prefix` gives each instance
    /// its own names (`network_tfstate`, `app_tfstate`). `ssm` and `secretsmanager` are not
    /// reported: ecspresso loads them by default and skips a function they would define again.
    ///
    /// ## Example
    /// ```yaml
    /// plugins:
    ///   - name: tfstate
    ///     config: { path: network.tfstate }
    ///   - name: tfstate
    ///     config: { path: app.tfstate }
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// plugins:
    ///   - name: tfstate
    ///     config: { path: network.tfstate }
    ///     func_prefix: network_
    ///   - name: tfstate
    ///     config: { path: app.tfstate }
    /// ```
    ///
    /// ## References
    /// - [ecspresso: plugins (multiple tfstate)](https://github.com/kayac/ecspresso#multiple-tfstate-support)
    /// - ecspresso `plugin.go` (`AppendFuncMap`: "template function %s already exists. set
    ///   func_prefix to %s plugin", and the skip for the default plugins); its test
    ///   `config_test.go` expects that error for two `tfstate` plugins without a prefix
    pub static RULE = {
        code: "EP007",
        name: "plugin-function-clash",
        target: Ecspresso,
        severity: Error,
        category: Cicd,
        summary: "two plugins of the same kind define the same functions",
    }
}

crate::messages! {
    "EP007";
    CLASH_NO_PREFIX = "this {plugin} plugin has no func_prefix, like an earlier one: their functions clash";
    CLASH_PREFIX = "this {plugin} plugin has func_prefix `{prefix}`, like an earlier one: their functions clash";
    RELATED_EARLIER = "the earlier plugin";
    HELP = "give one of them a distinct `func_prefix` (for example `func_prefix: network_`) and use the prefixed names, such as `network_tfstate`";
}

pub fn check(ctx: &EcspressoCtx<'_>, sink: &mut Sink<'_>) {
    let list = plugins(ctx.config);
    for (i, plugin) in list.iter().enumerate() {
        // `external` plugins name their own functions. ssm and secretsmanager are loaded by
        // default, and a function they would add again is skipped, not an error (plugin.go
        // `AppendFuncMap`: "already exists by default plugins. skip"; the name is compared as
        // written, while the plugin kind is matched without case).
        if plugin.name == "external" || DEFAULT_PLUGINS.contains(&plugin.name) {
            continue;
        }
        let Some(first) = list[..i].iter().find(|p| {
            p.name.eq_ignore_ascii_case(plugin.name) && p.func_prefix == plugin.func_prefix
        }) else {
            continue;
        };
        let message = if plugin.func_prefix.is_empty() {
            crate::msg!(CLASH_NO_PREFIX, plugin = plugin.name)
        } else {
            crate::msg!(
                CLASH_PREFIX,
                plugin = plugin.name,
                prefix = plugin.func_prefix
            )
        };
        sink.report_msg(plugin.node.span, message)
            .add_related_msg(first.node.span, crate::msg!(RELATED_EARLIER))
            .set_help_msg(crate::msg!(HELP));
    }
}
