crate::declare_rule! {
    /// ## What it does
    /// Notes a Jsonnet file (an ecspresso config or a definition it names) that ecsplain did not
    /// evaluate. A Jsonnet config that is a plain object literal is read and checked; any other
    /// Jsonnet (`local`, `import`, `std.native('env')`, `+` merges...) needs an evaluator.
    ///
    /// ## Why is this bad?
    /// It is not bad. It says what was not checked: the definition's own rules did not run, so
    /// no finding about it does not mean it is fine. Lint the evaluated output
    /// (`ecspresso render` or `jsonnet file.jsonnet`) to check it fully.
    ///
    /// ## Example
    /// ```jsonnet
    /// local env = std.native('env');
    /// { family: 'web', cpu: env('CPU', '256') }
    /// ```
    ///
    /// ## Use instead
    /// Nothing to change; to check the definition now, lint its rendered JSON:
    /// ```sh
    /// ecspresso render task-definition > td.json && ecsplain lint td.json
    /// ```
    ///
    /// ## References
    /// - [ecspresso: Jsonnet support](https://github.com/kayac/ecspresso#jsonnet)
    /// - [Jsonnet](https://jsonnet.org/)
    pub static RULE = {
        code: "EP010",
        name: "jsonnet-not-evaluated",
        target: Ecspresso,
        severity: Info,
        category: Syntax,
        summary: "a Jsonnet file was not evaluated; its checks were skipped",
    }
}
