crate::declare_rule! {
    /// ## What it does
    /// Reports a Jsonnet config or definition that does not evaluate: a syntax error, an unknown
    /// variable, a field of something that is not an object, a failed `assert` or `error`. The
    /// finding points at the Jsonnet line and column where evaluation stopped.
    ///
    /// ecsplain evaluates Jsonnet offline with ecspresso's native functions: an unset
    /// `must_env` variable, an `std.extVar` with no value or a `tfstate` address with no state
    /// becomes a placeholder. When an error could come from such a placeholder, or from an
    /// imported file that was not given, ecsplain says so with EP010 instead.
    ///
    /// ## Why is this bad?
    /// ecspresso evaluates the file before anything else; when Jsonnet fails, `ecspresso deploy`
    /// stops with the same error and nothing is deployed.
    ///
    /// ## Example
    /// ```jsonnet
    /// local base = { cpu: '256' };
    /// { family: 'web', cpu: base.cpus }
    /// ```
    ///
    /// ## Use instead
    /// ```jsonnet
    /// local base = { cpu: '256' };
    /// { family: 'web', cpu: base.cpu }
    /// ```
    ///
    /// ## References
    /// - [Jsonnet language reference](https://jsonnet.org/ref/language.html)
    /// - [ecspresso: Jsonnet support](https://github.com/kayac/ecspresso#jsonnet)
    pub static RULE = {
        code: "IN012",
        name: "jsonnet-error",
        target: Input,
        severity: Error,
        category: Syntax,
        summary: "a Jsonnet file does not evaluate",
    }
}
