crate::declare_rule! {
    /// ## What it does
    /// Notes that a JSON file is a template: placeholders such as `$APP_IMAGE`, `{{ cpu }}` or
    /// `TEMPLATE_ENV_JSON` stand where JSON values or members go, outside any string.
    ///
    /// ## Why is this bad?
    /// It is not bad: many teams render task definitions from templates with `envsubst`, `sed` or
    /// mustache. But the file is not JSON until rendered, so ecsplain treats each placeholder as
    /// an unknown value and skips the checks that need it. Placeholders inside strings
    /// (`"image": "{{ must_env `IMAGE` }}"`, ecspresso's style) need no notice: those files are
    /// valid JSON already.
    ///
    /// ## Example
    /// ```json
    /// { "family": $NAME, "cpu": {{ cpu }} }
    /// ```
    ///
    /// ## Use instead
    /// Put placeholders inside strings where the field is a string, or lint the rendered file to
    /// have every check run:
    /// ```json
    /// { "family": "{{ must_env `NAME` }}", "cpu": "256" }
    /// ```
    ///
    /// ## References
    /// - [ecspresso: template functions in definition files](https://github.com/kayac/ecspresso#template-syntax)
    pub static RULE = {
        code: "IN005",
        name: "template-placeholder",
        target: Input,
        severity: Info,
        category: Syntax,
        summary: "placeholders stand where JSON values go; checks that need them are skipped",
    }
}
