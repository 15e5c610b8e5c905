crate::declare_rule! {
    /// ## What it does
    /// Notes, in the web page, a Dockerfile that was not read or checked because the page's
    /// Dockerfile reader (its parser and the Dockerfile rules) is not at hand: once per
    /// Dockerfile, at its first line. The page loads that reader as a second download when a
    /// project holds a Dockerfile; until it arrives the note is information, and if it cannot be
    /// loaded the note is a warning that gives the reason. The ecsplain CLI has the reader built
    /// in and never reports it.
    ///
    /// ## Why is this bad?
    /// Nothing is wrong with the file. Until the reader is loaded, ecsplain has not read the
    /// Dockerfile at all: none of its findings (syntax, DL and DF rules) are shown, and the
    /// cross-file checks that compare it with a task definition are skipped. This note says so
    /// rather than showing a Dockerfile without findings as if it had been checked.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20
    /// CMD npm start
    /// ```
    ///
    /// ## Use instead
    /// Wait for the checks to load, reload the page if they could not be loaded, or lint the
    /// Dockerfile with the CLI (`ecsplain lint Dockerfile`), which has them built in:
    /// ```dockerfile
    /// FROM node:20
    /// CMD ["node", "server.js"]
    /// ```
    ///
    /// ## References
    /// - [ecsplain: the page loads some readers on demand](https://github.com/ecsplain/ecsplain/blob/main/ARCHITECTURE.md)
    /// - [Dockerfile reference](https://docs.docker.com/reference/dockerfile/)
    pub static RULE = {
        code: "IN015",
        name: "dockerfile-not-checked",
        target: Input,
        severity: Warning,
        category: Syntax,
        summary: "the page's Dockerfile checks are not loaded, so a Dockerfile is not checked",
    }
}
