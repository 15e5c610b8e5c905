use crate::models::ecspresso::{EcspressoCtx, Format};
use crate::rules::check::Sink;
use crate::syntax::value::NodeKind;

crate::declare_rule! {
    /// ## What it does
    /// Reports a config `timeout` written as a bare number (`timeout: 600`) when the config may
    /// run on ecspresso v2, that is when `required_version` does not pin v3.
    ///
    /// ## Why is this bad?
    /// ecspresso v2 reads a number as a Go `time.Duration`, which counts nanoseconds: `600` is
    /// 600 ns, so every wait (deploy, rollback, run) gives up at once. ecspresso v3 reads the
    /// same number as seconds. The same config means two different things, and on v2 it fails
    /// at run time.
    ///
    /// ## Example
    /// ```yaml
    /// timeout: 600
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// timeout: 600s
    /// ```
    ///
    /// ## References
    /// - ecspresso v2 [`duration.go`](https://github.com/kayac/ecspresso/blob/v2.3.1/duration.go):
    ///   a `float64` becomes `time.Duration(value)`, nanoseconds
    /// - ecspresso [`docs/v2-v3.md`](https://github.com/kayac/ecspresso/blob/main/docs/v2-v3.md):
    ///   "plain numbers and pure-digit strings in configuration are interpreted as seconds, not
    ///   nanoseconds" (#1028)
    pub static RULE = {
        code: "EP012",
        name: "bare-number-timeout",
        target: Ecspresso,
        severity: Warning,
        category: Schema,
        summary: "a bare-number timeout is nanoseconds in ecspresso v2 and seconds in v3",
    }
}

crate::messages! {
    "EP012";
    V2 = "ecspresso v2 reads timeout {written} as {written} nanoseconds: every wait gives up at once";
    BOTH = "ecspresso v2 reads timeout {written} as {written} nanoseconds (every wait gives up at once), v3 as {written} seconds";
    HELP = "write the unit (`600s`, `10m`), which both versions read alike";
    FIX = "write it in seconds";
}

pub fn check(ctx: &EcspressoCtx<'_>, sink: &mut Sink<'_>) {
    let Some(node) = ctx.config.get_set("timeout") else {
        return;
    };
    let NodeKind::Number(_, written) = &node.kind else {
        return;
    };
    let versions = crate::models::ecspresso::versions(ctx.config);
    if versions.v3_only() {
        return;
    }
    let message = if versions.v2_only() {
        crate::msg!(V2, written = written)
    } else {
        crate::msg!(BOTH, written = written)
    };
    let seconds = format!("{written}s");
    let diag = sink
        .report_msg(node.span, message)
        .set_help_msg(crate::msg!(HELP));
    // Only where the tree's spans are the file's own (not evaluated Jsonnet).
    match ctx.format {
        Format::Yaml => {
            diag.set_fix_msg(crate::msg!(FIX), node.span, seconds);
        }
        Format::Json => {
            diag.set_fix_msg(crate::msg!(FIX), node.span, format!("\"{seconds}\""));
        }
        Format::Jsonnet => {}
    }
}
