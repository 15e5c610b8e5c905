use crate::models::ecspresso::EcspressoCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Checks that `required_version` is a version constraint ecspresso can read: one or more
    /// comma-separated constraints, each an optional operator (`=`, `!=`, `>`, `>=`, `<`, `<=`,
    /// `~>`) and a version such as `2.3.0` or `v2`.
    ///
    /// ## Why is this bad?
    /// ecspresso reads the constraint with hashicorp/go-version and aborts when it cannot, so no
    /// command runs. `>= 2.0.0 < 3` (missing comma) and `^2.0` (npm syntax) are common slips.
    ///
    /// ## Example
    /// ```yaml
    /// required_version: ">= 2.0.0 < 3"
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// required_version: ">= 2.0.0, < 3"
    /// ```
    ///
    /// ## References
    /// - [ecspresso: configuration file](https://github.com/kayac/ecspresso#configuration-file)
    /// - [hashicorp/go-version constraints](https://pkg.go.dev/github.com/hashicorp/go-version#NewConstraint)
    pub static RULE = {
        code: "EP005",
        name: "invalid-required-version",
        target: Ecspresso,
        severity: Error,
        category: Schema,
        summary: "required_version is not a version constraint",
    }
}

crate::messages! {
    "EP005";
    NOT_CONSTRAINT = "required_version {text}: `{bad}` is not a version constraint";
    HELP_CONSTRAINTS = "write constraints separated by commas, each an operator and a version: `>= 2.0.0, < 3`";
}

pub fn check(ctx: &EcspressoCtx<'_>, sink: &mut Sink<'_>) {
    let Some(node) = ctx.config.get_set("required_version") else {
        return;
    };
    if node.is_placeholder() {
        return;
    }
    let text = match &node.kind {
        crate::syntax::value::NodeKind::String(s) => s.clone(),
        crate::syntax::value::NodeKind::Number(_, s) => s.clone(),
        _ => String::new(),
    };
    if let Some(bad) = invalid_part(&text) {
        sink.report_msg(
            node.span,
            crate::msg!(NOT_CONSTRAINT, text = node.span.text(ctx.text), bad = bad),
        )
        .set_help_msg(crate::msg!(HELP_CONSTRAINTS));
    }
}

/// The first part that is not a constraint, or `None` when all parse.
pub fn invalid_part(text: &str) -> Option<String> {
    if text.trim().is_empty() {
        return Some(String::new());
    }
    for part in text.split(',') {
        let part = part.trim();
        let version = ["~>", ">=", "<=", "!=", ">", "<", "="]
            .into_iter()
            .find_map(|op| part.strip_prefix(op))
            .unwrap_or(part)
            .trim();
        if !is_version(version) {
            return Some(part.to_string());
        }
    }
    None
}

/// `v?N(.N)*` with an optional `-prerelease` and `+metadata`.
fn is_version(v: &str) -> bool {
    let v = v.strip_prefix('v').unwrap_or(v);
    let (core, _) = v.split_once('+').unwrap_or((v, ""));
    let (core, pre) = match core.split_once('-') {
        Some((c, p)) => (c, Some(p)),
        None => (core, None),
    };
    if pre.is_some_and(|p| {
        p.is_empty()
            || !p
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
    }) {
        return false;
    }
    !core.is_empty()
        && core
            .split('.')
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::invalid_part;

    #[test]
    fn constraints() {
        for ok in [
            ">= 2.0.0, < 3",
            "2.3.0",
            "~> 2.1",
            "v2",
            "= 2.0.0-rc1",
            ">=2",
        ] {
            assert_eq!(invalid_part(ok), None, "{ok}");
        }
        for bad in [">= 2.0.0 < 3", "^2.0", "latest", "", ">= 2.x"] {
            assert!(invalid_part(bad).is_some(), "{bad}");
        }
    }
}
