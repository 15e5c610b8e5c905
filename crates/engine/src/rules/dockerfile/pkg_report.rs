//! How the package rules report what `models::pkg` found: unpinned packages, and a call that may
//! stop to ask a question (with the fix that adds the manager's yes option). The words are the
//! calling rule's own templates (their keys carry its code).

use crate::input::msg::{Arg, Msg, Template};
use crate::syntax::dockerfile::Word;

/// The message naming unpinned packages: `one` fills `{package}` for a single package; `many`
/// fills `{packages}` and `{last}` ("`a`, `b` and `c`"). `args` are the templates' other
/// arguments.
pub fn packages(
    words: &[&Word],
    one: &'static Template,
    many: &'static Template,
    mut args: Vec<(&'static str, Arg)>,
) -> Msg {
    let mut names: Vec<Arg> = words
        .iter()
        .map(|w| Arg::Code(format!("`{}`", w.text)))
        .collect();
    match names.pop() {
        Some(last) if !names.is_empty() => {
            args.push(("packages", Arg::List(names)));
            args.push(("last", last));
            Msg {
                template: many,
                args,
            }
        }
        last => {
            args.push(("package", last.unwrap_or(Arg::Code(String::new()))));
            Msg {
                template: one,
                args,
            }
        }
    }
}

/// Reports the unpinned packages of one command, if any, with the message from [`packages`].
pub fn unpinned(
    sink: &mut crate::rules::check::Sink<'_>,
    unpinned: &[&Word],
    message: Msg,
    help: Msg,
) {
    if unpinned.is_empty() {
        return;
    }
    sink.report_msg(crate::models::pkg::cover(unpinned), message)
        .set_help_msg(help);
}

/// Reports a call that may stop to ask a question, with a fix that adds the manager's yes option.
/// `help` and `fix` are the rule's templates with an `{option}` placeholder.
pub fn interactive(
    sink: &mut crate::rules::check::Sink<'_>,
    call: &crate::models::pkg::Call,
    message: Msg,
    help: &'static Template,
    fix: &'static Template,
) {
    let option = call.manager.yes_fix.unwrap_or("-y");
    let with_option = |template: &'static Template| Msg {
        template,
        args: vec![("option", Arg::Code(option.to_string()))],
    };
    sink.report_msg(call.command.name_span(), message)
        .set_help_msg(with_option(help))
        .set_fix_msg(with_option(fix), call.fix_at(), format!("{option} "));
}
