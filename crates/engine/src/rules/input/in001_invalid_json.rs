crate::declare_rule! {
    /// ## What it does
    /// Reports text that is not valid JSON: a missing comma or bracket, a comment, a trailing
    /// comma, a key without quotes, a file cut short.
    ///
    /// ## Why is this bad?
    /// `aws ecs register-task-definition --cli-input-json` and `create-service` reject the whole
    /// file at the first such error and report only that one. ecsplain reads past each
    /// error, so everything else in the file is still checked and every error is listed.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "family": "web",
    ///   "cpu": "256", // comment
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {
    ///   "family": "web",
    ///   "cpu": "256"
    /// }
    /// ```
    /// If you want comments, write the definition in Jsonnet (ecspresso evaluates `.jsonnet`
    /// files) or YAML.
    ///
    /// ## References
    /// - [RFC 8259: The JSON Data Interchange Format](https://www.rfc-editor.org/rfc/rfc8259)
    /// - [AWS CLI: generating skeletons and input JSON](https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-skeleton.html)
    pub static RULE = {
        code: "IN001",
        name: "invalid-json",
        target: Input,
        severity: Error,
        category: Syntax,
        summary: "the text is not valid JSON",
    }
}
