crate::declare_rule! {
    /// ## What it does
    /// Reports an input that looks like another kind than the one it was given as: a Dockerfile
    /// in the task definition pane, a service definition passed with `--kind taskdef`.
    ///
    /// ## Why is this bad?
    /// The checks of one kind mean nothing for another: a task definition's rules would report
    /// every key of a service definition as unknown. ecsplain says what the text looks like, and
    /// still reports what it can.
    ///
    /// ## Example
    /// A service definition (`desiredCount`, `loadBalancers`...) pasted into the task definition
    /// input.
    ///
    /// ## Use instead
    /// Paste it into the input of its kind, or drop `--kind` and let ecsplain recognise it.
    ///
    /// ## References
    /// - [Amazon ECS task definition parameters](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html)
    /// - [Amazon ECS service definition parameters](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service_definition_parameters.html)
    pub static RULE = {
        code: "IN007",
        name: "wrong-input-kind",
        target: Input,
        severity: Error,
        category: Syntax,
        summary: "the input looks like another kind of file",
    }
}
