//! Stage "to the source": findings on rendered templates and evaluated Jsonnet are moved back
//! to the text the user wrote, and fixes that would edit a template action are dropped.

use super::*;

/// Findings on evaluated Jsonnet point at the closest place in the source: no fix is offered (its
/// edits would land on the wrong text), and one that found no place says where it comes from.
pub(super) fn note_evaluated_jsonnet(evaluated: &[bool], raw: &mut [(usize, Diagnostic)]) {
    for (file, d) in raw.iter_mut() {
        if !evaluated.get(*file).copied().unwrap_or(false) {
            continue;
        }
        d.fix = None;
        if d.span == Span::EMPTY && d.code != crate::input::codes::IN012.code {
            let note = "found in the JSON this Jsonnet file evaluates to; no line of the source matches it";
            d.help = Some(match d.help.take() {
                Some(help) => format!("{help} ({note})"),
                None => note.to_string(),
            });
        }
    }
}

/// Points the diagnostics of rendered inputs (and related spans in them) back at the source
/// text. A fix whose edits touch a rendered value is dropped: it would edit the template.
pub(super) fn map_to_sources(
    inputs: &[Input],
    rendered: &[Option<Rendered>],
    raw: &mut [(usize, Diagnostic)],
) {
    let of = |file: usize| rendered.get(file).and_then(Option::as_ref);
    // The template action a span of a rendered value comes from, quoted when short.
    let action = |file: usize, original: Span| -> String {
        let text = inputs
            .get(file)
            .and_then(|i| i.text.get(original.range()))
            .unwrap_or("")
            .trim_matches(['"', '\'']);
        if text.chars().count() <= 60 && !text.contains('\n') {
            format!("`{text}`")
        } else {
            "a template action".to_string()
        }
    };
    for (file, d) in raw.iter_mut() {
        for related in &mut d.related {
            let place = match related.place {
                Place::SameFile => *file,
                Place::File(other) => other,
            };
            if let Some(r) = of(place) {
                let from_template = r.from_template(related.span);
                related.span = r.original(related.span);
                if from_template {
                    related.message = format!(
                        "{} (from {} with the value given)",
                        related.message,
                        action(place, related.span)
                    );
                }
            }
        }
        let Some(r) = of(*file) else {
            continue;
        };
        let from_template = r.from_template(d.span);
        d.span = r.original(d.span);
        if from_template {
            let note = format!(
                "the value comes from {} with the value given",
                action(*file, d.span)
            );
            d.help = Some(match d.help.take() {
                Some(help) => format!("{help} ({note})"),
                None => note,
            });
        }
        if let Some(fix) = &mut d.fix {
            if fix.edits.iter().any(|e| r.touches(e.span)) {
                d.fix = None;
            } else {
                for edit in &mut fix.edits {
                    edit.span = r.original(edit.span);
                }
            }
        }
    }
}

/// A fix never edits a template action left as written (`{{ must_env `IMAGE` }}`): its edits are
/// in source coordinates here, and one that changes part of an action, inserts inside one, or
/// replaces one by text that does not carry it unchanged drops the whole fix. (Quoting a value
/// around an action, as EP009 does, keeps it.) So `ecsplain lint --fix` and the page's "Apply
/// fix" leave every placeholder as the user wrote it. Dockerfiles are left out: `{{` there is
/// text (`docker inspect --format`).
pub(super) fn drop_fixes_on_templates(
    inputs: &[Input],
    kinds: &[Option<Kind>],
    raw: &mut [(usize, Diagnostic)],
) {
    let mut actions: Vec<Option<Vec<Span>>> = vec![None; inputs.len()];
    for (file, d) in raw.iter_mut() {
        let Some(fix) = &d.fix else {
            continue;
        };
        let (Some(input), Some(kind)) = (inputs.get(*file), kinds.get(*file)) else {
            continue;
        };
        if *kind == Some(Kind::Dockerfile) || !crate::syntax::template::has_template(&input.text) {
            continue;
        }
        let Some(slot) = actions.get_mut(*file) else {
            continue;
        };
        let spans = slot.get_or_insert_with(|| {
            crate::syntax::template::scan(&input.text)
                .actions
                .iter()
                .map(|a| a.span)
                .collect()
        });
        if fix
            .edits
            .iter()
            .any(|e| changes_an_action(&input.text, e, spans))
        {
            d.fix = None;
        }
    }
}

/// Does the edit change an action of `text`: cover part of one, insert strictly inside one, or
/// replace whole ones by text that does not hold them, in order, as written?
pub(super) fn changes_an_action(
    text: &str,
    edit: &crate::input::diagnostic::Edit,
    actions: &[Span],
) -> bool {
    let span = edit.span;
    let mut rest = edit.content.as_str();
    for action in actions {
        let inside = span.start <= action.start && action.end <= span.end;
        let touched = if span.is_empty() {
            action.start < span.start && span.start < action.end
        } else {
            span.start < action.end && action.start < span.end
        };
        if !touched {
            continue;
        }
        let Some(written) = text.get(action.range()) else {
            return true;
        };
        match rest.find(written) {
            Some(at) if inside => rest = &rest[at + written.len()..],
            _ => return true,
        }
    }
    false
}
