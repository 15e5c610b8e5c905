crate::declare_rule! {
    /// ## What it does
    /// Reports a problem in an ecsplain configuration file (`.ecsplain.yaml`): an unknown key
    /// (with the closest known one), or a value of the wrong type.
    ///
    /// ## Why is this bad?
    /// A misspelt key is silently ignored by most tools, so the team believes a rule is off, or a
    /// registry trusted, when it is not. ecsplain reads what it can and reports the rest with its
    /// line and column.
    ///
    /// ## Example
    /// ```yaml
    /// fail-on: warnings
    /// trusted-registry: [public.ecr.aws]
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// fail-on: warning
    /// trusted-registries: [public.ecr.aws]
    /// ```
    ///
    /// ## References
    /// - [ecsplain README: configuration](https://github.com/ecsplain/ecsplain#configuration)
    pub static RULE = {
        code: "IN011",
        name: "invalid-config",
        target: Input,
        severity: Error,
        category: Schema,
        summary: "the ecsplain configuration file has an unknown key or a bad value",
    }
}
