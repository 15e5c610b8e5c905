crate::declare_rule! {
    /// ## What it does
    /// Reports an input that holds nothing but whitespace.
    ///
    /// ## Why is this bad?
    /// There is nothing to check. In CI, an empty file where a task definition should be usually
    /// means a rendering step failed silently (an unset variable, a missing template).
    ///
    /// ## Example
    /// An empty `task-definition.json`.
    ///
    /// ## Use instead
    /// Paste or generate the definition, for example with
    /// `aws ecs describe-task-definition --task-definition web`.
    ///
    /// ## References
    /// - [Amazon ECS task definitions](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definitions.html)
    pub static RULE = {
        code: "IN006",
        name: "empty-input",
        target: Input,
        severity: Info,
        category: Syntax,
        summary: "the input is empty",
    }
}
