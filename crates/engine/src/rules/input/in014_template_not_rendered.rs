crate::declare_rule! {
    /// ## What it does
    /// Notes, in the web page, a config or definition file that holds Go-template actions
    /// (`{{ must_env `IMAGE` }}`) while the page's Go-template engine is not at hand: once per
    /// file, at its first line. The page loads that engine as a second download when a project
    /// holds a template; until it arrives the note is information, and if it cannot be loaded the
    /// note is a warning that gives the reason. The ecsplain CLI renders templates itself and
    /// never reports it.
    ///
    /// ## Why is this bad?
    /// Nothing is wrong with the file. ecspresso renders these files with Go's `text/template`
    /// before reading them, and without the engine ecsplain reads each action as written, as a
    /// value it does not know: the checks that need such a value are skipped, and a value that
    /// renders from a default (`{{ env `CPU` `256` }}`) is not checked. This note says so rather
    /// than leaving those checks silently undone.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "cpu": "{{ env `CPU` `256` }}" }
    /// ```
    ///
    /// ## Use instead
    /// Wait for the engine to load, reload the page if it could not be loaded, or lint the files
    /// with the CLI (`ecsplain lint`), which renders templates:
    /// ```json
    /// { "family": "web", "cpu": "256" }
    /// ```
    ///
    /// ## References
    /// - [ecspresso: template syntax in definition files](https://github.com/kayac/ecspresso#template-syntax)
    /// - [Go: package text/template](https://pkg.go.dev/text/template)
    pub static RULE = {
        code: "IN014",
        name: "template-not-rendered",
        target: Input,
        severity: Warning,
        category: Syntax,
        summary: "the page's template engine is not loaded, so a file's templates are read as written",
    }
}
