use crate::input::msg::Arg;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `LABEL` keys that break Docker's label naming rules: upper-case letters, a leading or
    /// trailing character other than a letter or digit, `..` or `--`, characters other than lower-case
    /// letters, digits, `.`, `-` and `_`, or a reserved namespace (`com.docker.*`, `io.docker.*`,
    /// `org.dockerproject.*`).
    ///
    /// ## Why is this bad?
    /// Tools that read labels (registries, scanners, `docker inspect --format`) expect the reverse-DNS
    /// convention; odd keys are silently ignored or collide.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM nginx:1.27
    /// LABEL Version=1.0
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM nginx:1.27
    /// LABEL org.opencontainers.image.version=1.0
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3048](https://github.com/hadolint/hadolint/wiki/DL3048)
    /// - [Docker docs: object labels](https://docs.docker.com/engine/manage-resources/labels/)
    ///
    /// A key holding a variable (`LABEL key$suffix=x`) is not the key the image gets: BuildKit
    /// replaces the variable first. When nothing in the file sets the variable (no `ARG` or
    /// `ENV` of that name, and it is not one BuildKit sets itself), it is replaced by nothing
    /// (BuildKit's own check `UndefinedVar` warns too) and the key is reported with the key the
    /// image really gets. A variable the file sets is left alone: its value is known at build
    /// time only.
    ///
    /// Known differences from hadolint (docs/hadolint-parity.md): a key whose variable is set by
    /// an `ARG` or `ENV` is not reported; `/` is not accepted in a key (Docker's key format has
    /// none).
    pub static RULE = {
        code: "DL3048",
        name: "invalid-label-key",
        target: Dockerfile,
        severity: Info,
        category: Style,
        summary: "a LABEL key is not a valid label name",
    }
}

crate::messages! {
    "DL3048";
    UNSET = "the label key `{key}` uses {vars}, which nothing in the file sets: BuildKit replaces it with nothing and the image gets the key `{real}`";
    HELP_UNSET = "write the key out, or set the variable with ARG before it";
    RESERVED = "the label key `{key}` uses a namespace reserved for Docker";
    UPPER_CASE = "the label key `{key}` has upper-case letters";
    CHARACTERS = "the label key `{key}` has characters other than a-z, 0-9, `.`, `-` and `_`";
    ENDS = "the label key `{key}` must start with a letter and end with a letter or digit";
    DOUBLED = "the label key `{key}` has `..` or `--`";
    HELP_KEYS = "use lower-case reverse-DNS keys, like `org.opencontainers.image.version`";
}

fn problem(key: &str) -> Option<&'static crate::input::msg::Template> {
    if key.contains('$') {
        return None;
    }
    if ["com.docker.", "io.docker.", "org.dockerproject."]
        .iter()
        .any(|p| key.starts_with(p))
    {
        return Some(&RESERVED);
    }
    if key.chars().any(|c| c.is_ascii_uppercase()) {
        return Some(&UPPER_CASE);
    }
    if !key
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_'))
    {
        return Some(&CHARACTERS);
    }
    if !key.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        || !key
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric())
    {
        return Some(&ENDS);
    }
    if key.contains("..") || key.contains("--") {
        return Some(&DOUBLED);
    }
    None
}

/// The key as BuildKit expands it when every variable it holds is set nowhere in the file;
/// `None` when one is set (or may be: BuildKit's own `TARGET*`, `BUILD*` and proxy arguments),
/// or the key uses a `${name:-default}` form.
fn expanded_when_unset(ctx: &DockerfileCtx<'_>, key: &str) -> Option<String> {
    let mut out = String::new();
    let mut rest = key;
    while let Some(i) = rest.find('$') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let (name, next) = if let Some(body) = after.strip_prefix('{') {
            let close = body.find('}')?;
            (&body[..close], &body[close + 1..])
        } else {
            let n = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            (&after[..n], &after[n..])
        };
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return None;
        }
        let upper = name.to_ascii_uppercase();
        let builtin =
            upper.starts_with("TARGET") || upper.starts_with("BUILD") || upper.ends_with("_PROXY");
        let set = ctx
            .instructions()
            .chain(ctx.instructions().filter_map(|i| i.onbuild.as_deref()))
            .filter(|i| i.is("ARG") || i.is("ENV"))
            .any(|i| i.pairs.iter().any(|p| p.key == name));
        if builtin || set {
            return None;
        }
        rest = next;
    }
    out.push_str(rest);
    Some(out)
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for ins in ctx.instructions().filter(|i| i.is("LABEL")) {
        for pair in &ins.pairs {
            if pair.key.contains('$') {
                if let Some(real) = expanded_when_unset(ctx, &pair.key) {
                    let vars = crate::models::stages::variables(&pair.key)
                        .iter()
                        .map(|v| Arg::Code(format!("`{v}`")))
                        .collect();
                    sink.report_msg(
                        pair.key_span,
                        crate::msg!(UNSET, key = &pair.key, vars = Arg::List(vars), real = real),
                    )
                    .set_help_msg(crate::msg!(HELP_UNSET));
                }
                continue;
            }
            if let Some(why) = problem(&pair.key) {
                let message = crate::input::msg::Msg {
                    template: why,
                    args: vec![("key", Arg::from(&pair.key))],
                };
                sink.report_msg(pair.key_span, message)
                    .set_help_msg(crate::msg!(HELP_KEYS));
            }
        }
    }
}
