use crate::models::ecspresso::EcspressoCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Reports `filter_command` in an ecspresso config.
    ///
    /// ## Why is this bad?
    /// `filter_command` has been deprecated since ecspresso v2.0.0 (it logs a warning) and was
    /// removed in v3, where the key is ignored: the interactive filter (peco, fzf) configured
    /// here silently stops being used after an upgrade.
    ///
    /// ## Example
    /// ```yaml
    /// filter_command: peco
    /// ```
    ///
    /// ## Use instead
    /// Set the filter outside the config:
    /// ```sh
    /// export ECSPRESSO_FILTER_COMMAND=peco   # or: ecspresso --filter-command peco ...
    /// ```
    ///
    /// ## References
    /// - ecspresso commit c77e3f8 "remove filter_command from configuration file" (first in
    ///   v1.99.4, the v2.0.0 pre-releases: [`config.go`](https://github.com/kayac/ecspresso/blob/v2.3.1/config.go)
    ///   logs "filter_command is deprecated") and
    ///   [`docs/v2-v3.md`](https://github.com/kayac/ecspresso/blob/main/docs/v2-v3.md) ("Remove
    ///   `filter_command` configuration field", #1024)
    pub static RULE = {
        code: "EP008",
        name: "filter-command-removed",
        target: Ecspresso,
        severity: Warning,
        category: Cicd,
        summary: "filter_command is deprecated and removed in ecspresso v3",
    }
}

crate::messages! {
    "EP008";
    V3 = "ecspresso v3 no longer reads `filter_command`: it warns of an unknown field and ignores it";
    DEPRECATED = "`filter_command` is deprecated since ecspresso v2.0.0 and removed in v3";
    HELP = "remove it and set the ECSPRESSO_FILTER_COMMAND environment variable or pass `--filter-command`";
}

pub fn check(ctx: &EcspressoCtx<'_>, sink: &mut Sink<'_>) {
    let Some(member) = ctx
        .config
        .as_object()
        .and_then(|o| o.members.iter().find(|m| m.key == "filter_command"))
    else {
        return;
    };
    let message = if crate::models::ecspresso::versions(ctx.config).v3_only() {
        crate::msg!(V3)
    } else {
        crate::msg!(DEPRECATED)
    };
    sink.report_msg(member.key_span, message)
        .set_help_msg(crate::msg!(HELP));
}
