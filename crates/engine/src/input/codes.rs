//! The codes the readers report (parsers, the template renderer, the Jsonnet evaluator, the
//! configuration reader, the lint driver's input checks, suppressions), with their default
//! severity: the one path through which every layer below the rules emits a code.
//!
//! Each code is also a rule, declared with its documentation in `rules/input/` (and EP010 in
//! `rules/ecspresso/`), which is what the registry lists and `ecsplain explain` prints; a test
//! (`rules::registry`'s `input_codes_agree_with_rules`) keeps this table and those
//! declarations the same codes with the same severities.

use crate::input::diagnostic::{Diagnostic, Severity};
use crate::input::msg::Msg;
use crate::input::span::Span;

/// A code a reader reports, and its default severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code {
    pub code: &'static str,
    pub severity: Severity,
}

impl Code {
    /// A diagnostic of this code with its default severity.
    pub fn diag(&self, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.code, self.severity, span, message)
    }

    /// A diagnostic of this code whose message is a keyed template (its Japanese lives in the
    /// code's `rules/input/<stem>.ja.msg`).
    pub fn diag_msg(&self, span: Span, message: Msg) -> Diagnostic {
        Diagnostic::new_msg(self.code, self.severity, span, message)
    }
}

const fn code(code: &'static str, severity: Severity) -> Code {
    Code { code, severity }
}

/// The text is not valid JSON (the JSON parser).
pub const IN001: Code = code("IN001", Severity::Error);
/// The text is not valid YAML (the YAML reader).
pub const IN002: Code = code("IN002", Severity::Error);
/// The Dockerfile has an error BuildKit would reject (the Dockerfile parser).
pub const IN003: Code = code("IN003", Severity::Error);
/// A template Go's text/template rejects (the template parser, through ecspresso's reader).
pub const IN004: Code = code("IN004", Severity::Error);
/// Placeholders stand where JSON values go (the JSON parser).
pub const IN005: Code = code("IN005", Severity::Info);
/// The input is empty (the lint driver).
pub const IN006: Code = code("IN006", Severity::Info);
/// The input looks like another kind of file (the lint driver).
pub const IN007: Code = code("IN007", Severity::Error);
/// The input is not UTF-8 text (the lint driver).
pub const IN008: Code = code("IN008", Severity::Error);
/// A suppression comment silences no finding (suppressions).
pub const IN009: Code = code("IN009", Severity::Info);
/// An ecsplain suppression gives no reason (suppressions).
pub const IN010: Code = code("IN010", Severity::Info);
/// The configuration file has an unknown key or a bad value (the configuration reader).
pub const IN011: Code = code("IN011", Severity::Error);
/// A Jsonnet file does not evaluate (the Jsonnet reader).
pub const IN012: Code = code("IN012", Severity::Error);
/// A Terraform file is not readable HCL (the Terraform reader).
pub const IN013: Code = code("IN013", Severity::Warning);
/// A file's templates are read as written: the front end's Go-template engine is loading or
/// could not be loaded (the lint driver, told by the front end).
pub const IN014: Code = code("IN014", Severity::Warning);
/// A Dockerfile was not read or checked: the front end's Dockerfile reader is loading or could
/// not be loaded (the lint driver, told by the front end).
pub const IN015: Code = code("IN015", Severity::Warning);
/// A Jsonnet file could not be evaluated: no evaluator in this build (the Jsonnet reader).
pub const EP010: Code = code("EP010", Severity::Info);

/// Every code of this table, in code order.
pub const ALL: &[Code] = &[
    IN001, IN002, IN003, IN004, IN005, IN006, IN007, IN008, IN009, IN010, IN011, IN012, IN013,
    IN014, IN015, EP010,
];
