crate::declare_rule! {
    /// ## What it does
    /// Reports a suppression comment (`# ecsplain ignore=...` or `# hadolint ignore=...`) that
    /// silences no finding.
    ///
    /// ## Why is this bad?
    /// Suppressions outlive the problems they were written for: after a fix, or when a rule
    /// changes, a stale ignore stays behind and would hide the next real finding on that line.
    /// Reporting unused ones keeps every suppression meaningful.
    ///
    /// ## Example
    /// ```dockerfile
    /// # hadolint ignore=DL3008
    /// RUN apt-get install -y --no-install-recommends curl=8.5.0-2
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// RUN apt-get install -y --no-install-recommends curl=8.5.0-2
    /// ```
    ///
    /// ## References
    /// - Ruff's RUF100 (unused `noqa`) works the same way.
    /// - [hadolint: ignoring rules](https://github.com/hadolint/hadolint#ignoring-rules)
    pub static RULE = {
        code: "IN009",
        name: "unused-suppression",
        target: Input,
        severity: Info,
        category: Style,
        summary: "a suppression comment silences no finding",
    }
}
