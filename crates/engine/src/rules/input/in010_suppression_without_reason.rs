crate::declare_rule! {
    /// ## What it does
    /// Reports an `# ecsplain ignore=CODE` comment without a reason after ` -- `.
    ///
    /// ## Why is this bad?
    /// A suppression is a decision that a finding does not apply here. Without the reason, the
    /// next reader cannot tell a considered exception from a silenced warning, and cannot tell when
    /// it stops being true. hadolint's `# hadolint ignore=` comments have no reason syntax, so
    /// they are not reported.
    ///
    /// ## Example
    /// ```dockerfile
    /// # ecsplain ignore=DF001
    /// FROM gcr.io/distroless/static
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// # ecsplain ignore=DF001 -- distroless runs as nonroot (65532) by default
    /// FROM gcr.io/distroless/static
    /// ```
    ///
    /// ## References
    /// - [ecsplain README: suppressions](https://github.com/ecsplain/ecsplain#suppressions)
    pub static RULE = {
        code: "IN010",
        name: "suppression-without-reason",
        target: Input,
        severity: Info,
        category: Style,
        summary: "an ecsplain suppression gives no reason",
    }
}
