crate::declare_rule! {
    /// ## What it does
    /// Notes a Jsonnet file (an ecspresso config or a definition it names) that ecsplain could not
    /// evaluate. The CLI evaluates Jsonnet with ecspresso's native functions (unset variables
    /// become placeholders); this note appears when evaluation was impossible: the file imports
    /// a file that was not given to the run, a computation needs a value ecsplain does not have
    /// (`std.parseInt` of an unset `must_env`), or the evaluator is not at hand: the web page
    /// loads it as a second download only when the project holds a Jsonnet file, and says so
    /// while it loads or if it could not be loaded (plain object literals are read at once).
    ///
    /// ## Why is this bad?
    /// It is not bad. It says what was not checked: the definition's own rules did not run, so
    /// no finding about it does not mean it is fine. Lint the evaluated output
    /// (`ecspresso render` or `jsonnet file.jsonnet`) to check it fully.
    ///
    /// ## Example
    /// ```jsonnet
    /// // lib/container.libsonnet was not given to ecsplain
    /// local container = import 'lib/container.libsonnet';
    /// { family: 'web', containerDefinitions: [container { name: 'app' }] }
    /// ```
    ///
    /// ## Use instead
    /// Nothing to change in the file; give the files it imports to the same lint run (in the page,
    /// add them to the project), or lint its rendered JSON:
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
        summary: "a Jsonnet file could not be evaluated; its checks were skipped",
    }
}
