crate::declare_rule! {
    /// ## What it does
    /// Reports input holding NUL bytes or bytes that are not UTF-8: an archive, an image, a file
    /// in UTF-16.
    ///
    /// ## Why is this bad?
    /// Task definitions, Dockerfiles and ecspresso configs are read as UTF-8 text (JSON exchanged
    /// between systems "MUST be encoded using UTF-8", RFC 8259). A UTF-16 file (what some
    /// Windows editors save) reads as other characters with NUL bytes between them, so the
    /// parsers that read it as UTF-8 fail.
    ///
    /// ## Example
    /// A `task-definition.json` saved as UTF-16 by an editor.
    ///
    /// ## Use instead
    /// Save the file as UTF-8 (without NUL bytes).
    ///
    /// ## References
    /// - [RFC 8259, section 8.1: JSON text must be UTF-8](https://www.rfc-editor.org/rfc/rfc8259#section-8.1)
    pub static RULE = {
        code: "IN008",
        name: "binary-input",
        target: Input,
        severity: Error,
        category: Syntax,
        summary: "the input is not UTF-8 text",
    }
}
