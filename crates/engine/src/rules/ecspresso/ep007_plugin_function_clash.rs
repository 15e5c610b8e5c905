use crate::check::Sink;
use crate::ecspresso::{plugins, EcspressoCtx};

crate::declare_rule! {
    /// ## What it does
    /// Reports two plugins of the same kind (two `tfstate`, two `cloudformation`...) configured
    /// with the same `func_prefix`, or both without one.
    ///
    /// ## Why is this bad?
    /// Both would define the same template functions (`tfstate`, `tfstatef`...). ecspresso
    /// refuses the clash, so the config cannot be loaded. A `func_prefix` gives each instance
    /// its own names (`network_tfstate`, `app_tfstate`).
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
    /// - ecspresso `plugin.go`
    pub static RULE = {
        code: "EP007",
        name: "plugin-function-clash",
        target: Ecspresso,
        severity: Error,
        category: Cicd,
        summary: "two plugins of the same kind define the same functions",
    }
}

pub fn check(ctx: &EcspressoCtx<'_>, sink: &mut Sink<'_>) {
    let list = plugins(ctx.config);
    for (i, plugin) in list.iter().enumerate() {
        // `external` plugins name their own functions; ssm and secretsmanager are handled by
        // ecspresso's defaults.
        if plugin.name == "external" {
            continue;
        }
        let Some(first) = list[..i]
            .iter()
            .find(|p| p.name == plugin.name && p.func_prefix == plugin.func_prefix)
        else {
            continue;
        };
        let prefix = if plugin.func_prefix.is_empty() {
            "no func_prefix".to_string()
        } else {
            format!("func_prefix `{}`", plugin.func_prefix)
        };
        sink.report(
            plugin.node.span,
            format!(
                "this {} plugin has {prefix}, like an earlier one: their functions clash",
                plugin.name
            ),
        )
        .add_related(first.node.span, "the earlier plugin")
        .set_help("give one of them a distinct `func_prefix` (for example `func_prefix: network_`) and use the prefixed names, such as `network_tfstate`");
    }
}
