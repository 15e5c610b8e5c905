use crate::check::Sink;
use crate::ecspresso::EcspressoCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `filter_command` in an ecspresso config.
    ///
    /// ## Why is this bad?
    /// `filter_command` has been deprecated since ecspresso v2.3 (it logs a warning) and was
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
    /// - ecspresso `CHANGELOG.md` (v2.3.0) and `docs/v2-v3.md`
    pub static RULE = {
        code: "EP008",
        name: "filter-command-removed",
        target: Ecspresso,
        severity: Warning,
        category: Cicd,
        summary: "filter_command is deprecated and removed in ecspresso v3",
    }
}

pub fn check(ctx: &EcspressoCtx<'_>, sink: &mut Sink<'_>) {
    let Some(member) = ctx
        .config
        .as_object()
        .and_then(|o| o.members.iter().find(|m| m.key == "filter_command"))
    else {
        return;
    };
    sink.report(
        member.key_span,
        "`filter_command` is deprecated since ecspresso v2.3 and removed in v3",
    )
    .set_help("remove it and set the ECSPRESSO_FILTER_COMMAND environment variable or pass `--filter-command`");
}
