//! How the package rules report what `models::pkg` found: unpinned packages, and a call that may
//! stop to ask a question (with the fix that adds the manager's yes option).

use crate::syntax::dockerfile::Word;

/// Reports the unpinned packages of one command, if any.
pub fn unpinned(
    sink: &mut crate::rules::check::Sink<'_>,
    unpinned: &[&Word],
    verb: &str,
    help: &str,
) {
    if unpinned.is_empty() {
        return;
    }
    sink.report(
        crate::models::pkg::cover(unpinned),
        format!(
            "{verb} {} without a version",
            crate::models::stages::list(unpinned)
        ),
    )
    .set_help(help.to_string());
}

/// Reports a call that may stop to ask a question, with a fix that adds the manager's yes option.
pub fn interactive(
    sink: &mut crate::rules::check::Sink<'_>,
    call: &crate::models::pkg::Call,
    message: &str,
) {
    let fix = call.manager.yes_fix.unwrap_or("-y");
    sink.report(call.command.name_span(), message.to_string())
        .set_help(format!("add `{fix}`"))
        .set_fix(format!("add {fix}"), call.fix_at(), format!("{fix} "));
}
