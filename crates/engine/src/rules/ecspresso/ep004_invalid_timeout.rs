use crate::models::ecspresso::EcspressoCtx;
use crate::rules::check::Sink;
use crate::syntax::value::NodeKind;

crate::declare_rule! {
    /// ## What it does
    /// Checks the config's `timeout` when it is a string: a Go duration such as `10m0s`, `90s`
    /// or `1h30m`. A string of digits (`"600"`) is accepted only by ecspresso v3 (seconds);
    /// without a `required_version` that pins v3, v2's reading is assumed. Bare numbers are
    /// EP012's concern.
    ///
    /// ## Why is this bad?
    /// ecspresso cannot read the config when `timeout` is not a duration, so no command runs:
    /// v2 hands the string to Go's `time.ParseDuration` (`duration.go`), which rejects `10min`,
    /// `10 m` and `600` (`time: missing unit in duration "600"`).
    ///
    /// ## Example
    /// ```yaml
    /// timeout: 10min
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// timeout: 10m0s
    /// ```
    ///
    /// ## References
    /// - [ecspresso: configuration file](https://github.com/kayac/ecspresso#configuration-file)
    /// - [Go time.ParseDuration](https://pkg.go.dev/time#ParseDuration)
    /// - ecspresso `docs/v2-v3.md` (bare numbers are seconds in v3)
    pub static RULE = {
        code: "EP004",
        name: "invalid-timeout",
        target: Ecspresso,
        severity: Error,
        category: Schema,
        summary: "the config's timeout is not a duration",
    }
}

crate::messages! {
    "EP004";
    NO_UNIT_V2 = "timeout {text} has no unit: ecspresso v2 rejects it (`time: missing unit in duration \"{s}\"`)";
    NO_UNIT_ASSUMED_V2 = "timeout {text} has no unit: ecspresso v2 rejects it (`time: missing unit in duration \"{s}\"`) (required_version does not pin v3, so ecsplain assumes v2, the current release)";
    HELP_SECONDS = "write `{s}s` for seconds, or pin ecspresso v3 (`required_version: \">= 3.0.0\"`), which reads digits as seconds";
    NOT_DURATION = "timeout {text} is not a duration ecspresso can read";
    HELP_GO_DURATION = "write a Go duration such as `10m0s`, `90s` or `1h30m` (units ns, us, ms, s, m, h)";
}

pub fn check(ctx: &EcspressoCtx<'_>, sink: &mut Sink<'_>) {
    let Some(node) = ctx.config.get_set("timeout") else {
        return;
    };
    if node.is_placeholder() {
        return;
    }
    let versions = crate::models::ecspresso::versions(ctx.config);
    let text = node.span.text(ctx.text);
    match &node.kind {
        // A bare number is read (as nanoseconds by v2, seconds by v3): EP012's concern.
        NodeKind::Number(..) => {}
        NodeKind::String(s) if is_go_duration(s) => {}
        NodeKind::String(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
            // v3 reads a string of digits as seconds; v2 hands it to time.ParseDuration.
            if versions.v3_only() {
                return;
            }
            let message = if versions.v2_only() {
                crate::msg!(NO_UNIT_V2, text = text, s = s)
            } else {
                crate::msg!(NO_UNIT_ASSUMED_V2, text = text, s = s)
            };
            sink.report_msg(node.span, message)
                .set_help_msg(crate::msg!(HELP_SECONDS, s = s));
        }
        _ => {
            sink.report_msg(node.span, crate::msg!(NOT_DURATION, text = text))
                .set_help_msg(crate::msg!(HELP_GO_DURATION));
        }
    }
}

pub fn is_go_duration(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    if s == "0" {
        return true;
    }
    if s.is_empty() {
        return false;
    }
    let mut rest = s;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let number = &rest[..digits];
        if number.is_empty() || number == "." || number.matches('.').count() > 1 {
            return false;
        }
        rest = &rest[digits..];
        let unit = ["ns", "us", "µs", "μs", "ms", "s", "m", "h"]
            .into_iter()
            .find(|u| rest.starts_with(u) && !(*u == "m" && rest.starts_with("ms")));
        match unit {
            Some(u) => rest = &rest[u.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::is_go_duration;

    #[test]
    fn go_durations() {
        for ok in ["10m0s", "0", "90s", "1h30m", "1.5h", "300ms", "-1s"] {
            assert!(is_go_duration(ok), "{ok}");
        }
        for bad in ["10min", "10", "", "m", "10 m", "1..5s", "s10"] {
            assert!(!is_go_duration(bad), "{bad}");
        }
    }
}
