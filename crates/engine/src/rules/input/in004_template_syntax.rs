crate::declare_rule! {
    /// ## What it does
    /// Reports a Go-template action that Go's `text/template` cannot read: a `{{` never closed by
    /// `}}`, or a string inside an action never closed.
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
    /// - [Go text/template: actions](https://pkg.go.dev/text/template#hdr-Actions)
    /// - [ecspresso: template syntax](https://github.com/kayac/ecspresso#template-syntax)
    pub static RULE = {
        code: "IN004",
        name: "template-syntax",
        target: Input,
        severity: Error,
        category: Syntax,
        summary: "a Go-template action is not closed",
    }
}
