crate::declare_rule! {
    /// ## What it does
    /// Reports text that is not valid YAML: a bad indentation, a value that starts with a
    /// character YAML reserves (`{`, `[`, `*`, `&`, `` ` ``, `@`), an unclosed quote or bracket, a
    /// tab used for indentation, nesting so deep it cannot be meant.
    ///
    /// ## Why is this bad?
    /// ecspresso reads its config (and YAML definitions) with a YAML parser and stops at the first
    /// such error. ecsplain keeps what it read before the error and checks it, but keys after the
    /// error are unknown, so checks about missing keys are skipped for that part.
    ///
    /// ## Example
    /// ```yaml
    /// region: ap-northeast-1
    /// cluster: [default
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// region: ap-northeast-1
    /// cluster: default
    /// ```
    ///
    /// ## References
    /// - [YAML 1.2.2 specification](https://yaml.org/spec/1.2.2/)
    /// - [ecspresso: configuration file](https://github.com/kayac/ecspresso#configuration-file)
    pub static RULE = {
        code: "IN002",
        name: "invalid-yaml",
        target: Input,
        severity: Error,
        category: Syntax,
        summary: "the text is not valid YAML",
    }
}
