use crate::check::Sink;
use crate::ecspresso::EcspressoCtx;
use crate::value::NodeKind;

crate::declare_rule! {
    /// ## What it does
    /// Checks the config's `timeout`: a Go duration such as `10m0s`, `90s` or `1h30m` (ecspresso
    /// v2), or a bare number of seconds (v3).
    ///
    /// ## Why is this bad?
    /// ecspresso cannot read the config when `timeout` is neither, so no command runs. `10min`,
    /// `10 m` or `ten minutes` are common slips.
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

pub fn check(ctx: &EcspressoCtx<'_>, sink: &mut Sink<'_>) {
    let Some(node) = ctx.config.get_set("timeout") else {
        return;
    };
    if node.is_placeholder() {
        return;
    }
    let valid = match &node.kind {
        NodeKind::Number(n, _) => n.is_finite() && *n >= 0.0,
        NodeKind::String(s) => is_go_duration(s.trim()) || s.trim().parse::<f64>().is_ok(),
        _ => false,
    };
    if !valid {
        sink.report(
            node.span,
            format!(
                "timeout {} is not a duration ecspresso can read",
                node.span.text(ctx.text)
            ),
        )
        .set_help("write a Go duration such as `10m0s`, `90s` or `1h30m` (units ns, us, ms, s, m, h), or, for ecspresso v3, a number of seconds");
    }
}

/// Go's `time.ParseDuration` grammar: an optional sign, then one or more decimal numbers each
/// followed by a unit; `0` alone is allowed.
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
