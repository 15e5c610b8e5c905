use crate::input::span::Span;
use crate::models::ecspresso::{EcspressoCtx, Format};
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Reports a Go-template action that starts a YAML value without quotes, such as
    /// `region: {{ must_env `AWS_REGION` }}`, or fills a whole line (`{{ if ... }}`), in a YAML
    /// ecspresso config. A config whose `required_version` admits only v2 is not reported.
    ///
    /// ## Why is this bad?
    /// ecspresso v2 renders the template before reading the YAML, so this works there. ecspresso
    /// v3 reads the YAML first, and to YAML a value starting with `{` is a mapping (and a
    /// backquote is a reserved character): the config is rejected or misread after an upgrade.
    ///
    /// ## Example
    /// ```yaml
    /// region: {{ must_env `AWS_REGION` }}
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// region: "{{ must_env `AWS_REGION` }}"
    /// ```
    /// The fix offered quotes the value with single quotes, which need no escaping of the
    /// template's backquotes and double quotes.
    ///
    /// ## References
    /// - ecspresso `docs/v2-v3.md` (YAML must be valid before templating)
    /// - [YAML 1.2.2: indicator characters](https://yaml.org/spec/1.2.2/#53-indicator-characters)
    pub static RULE = {
        code: "EP009",
        name: "unquoted-template",
        target: Ecspresso,
        severity: Warning,
        category: Syntax,
        summary: "a template starts a YAML value unquoted; ecspresso v3 rejects it",
    }
}

crate::messages! {
    "EP009";
    WHOLE_LINE = "this template action fills a whole line; ecspresso v3 reads the YAML before rendering, and this line is not YAML";
    HELP_WHOLE_LINE = "for ecspresso v3, move the logic out of the YAML (separate configs, or a Jsonnet config), or keep this config on ecspresso v2";
    UNQUOTED = "this template starts a YAML value without quotes; ecspresso v3 reads the YAML before rendering and rejects it";
    HELP_QUOTE = "quote the whole value: `'{{ ... }}'` or `\"{{ ... }}\"`";
    FIX_QUOTE = "quote the value";
}

pub fn check(ctx: &EcspressoCtx<'_>, sink: &mut Sink<'_>) {
    // ecspresso v2 renders before reading the YAML: only a config that may run on v3 matters.
    if ctx.format != Format::Yaml || crate::models::ecspresso::versions(ctx.config).v2_only() {
        return;
    }
    for unquoted in crate::syntax::yaml::unquoted_templates(ctx.text) {
        let span = unquoted.span;
        if unquoted.whole_line {
            sink.report_msg(span, crate::msg!(WHOLE_LINE))
                .set_help_msg(crate::msg!(HELP_WHOLE_LINE));
            continue;
        }
        let start = span.start as usize;
        let rest = ctx.text.get(start..).unwrap_or("");
        let line = rest.split(['\n', '\r']).next().unwrap_or("");
        let value = line.split(" #").next().unwrap_or("").trim_end();
        let value_span = Span::new(start, start + value.len());
        sink.report_msg(span, crate::msg!(UNQUOTED))
            .set_help_msg(crate::msg!(HELP_QUOTE))
            .set_fix_msg(
                crate::msg!(FIX_QUOTE),
                value_span,
                format!("'{}'", value.replace('\'', "''")),
            );
    }
}
