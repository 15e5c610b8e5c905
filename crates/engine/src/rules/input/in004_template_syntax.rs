crate::declare_rule! {
    /// ## What it does
    /// Reports where Go's `text/template`, which ecspresso renders with (through go-config),
    /// rejects a template, with Go's message: when parsing (a `{{` never closed, a string never
    /// closed, an `if`, `range` or `with` without `{{ end }}`, an `{{ end }}` with nothing open,
    /// an undefined `$variable`, a character Go does not read) or when executing the parts
    /// whose values are known (`index` past the end, comparing a number with a string, a
    /// `template` never defined).
    ///
    /// ## Why is this bad?
    /// ecspresso renders its config and its definition files as Go templates before reading
    /// them; a broken action makes the whole render fail, so nothing is deployed. ecsplain treats
    /// the rest of the file as usual.
    ///
    /// ## Example
    /// ```yaml
    /// cluster: "{{ must_env `CLUSTER` "
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// cluster: "{{ must_env `CLUSTER` }}"
    /// ```
    ///
    /// ## References
    /// - [Go text/template: actions](https://pkg.go.dev/text/template#hdr-Actions); the messages
    ///   are those of Go's `text/template/parse` and `text/template` (exec.go, funcs.go)
    /// - [ecspresso: template syntax](https://github.com/kayac/ecspresso#template-syntax)
    pub static RULE = {
        code: "IN004",
        name: "template-syntax",
        target: Input,
        severity: Error,
        category: Syntax,
        summary: "the template is one Go's text/template rejects",
    }
}
