//! The findings list: severity, code, message and `line:col`, each a button that selects the span.

use std::rc::Rc;

use ecsplain_engine::rule::Applicability;
use ecsplain_engine::suppress::{comment_style, ignore_offered};
use ecsplain_engine::{Finding, Severity};
use yew::prelude::*;

use crate::components::FileId;
use crate::context::{use_dispatch, Dispatch};
use crate::i18n::{use_tr, Tr};
use crate::state::{Action, Linted, PANES};

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub linted: Option<Rc<Linted>>,
    /// The open file (the list shows its findings unless `all_files`).
    pub active: FileId,
    /// The path of the active file when it is not one of the four panes.
    #[prop_or_default]
    pub active_path: Option<AttrValue>,
    pub all_files: bool,
    pub selected: Option<usize>,
    /// Whether the findings belong to the current texts (fixes are offered only then).
    pub fresh: bool,
    /// Whether the active pane holds no text.
    pub empty_pane: bool,
}

pub fn icon(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "✖",
        Severity::Warning => "▲",
        Severity::Info => "●",
    }
}

/// A severity as the interface names it (the CSS class keeps the English name).
pub fn severity_label(tr: Tr, severity: Severity) -> &'static str {
    match severity {
        Severity::Error => tr.severity_error(),
        Severity::Warning => tr.severity_warning(),
        Severity::Info => tr.severity_info(),
    }
}

#[component]
pub fn Findings(props: &FindingsProps) -> Html {
    // Every button here sends an action: select a finding or a related span, explain a rule,
    // "Why?" (the sizing view or explainer about a finding, issue 7), apply a fix, "Ignore
    // here" (an inline ignore comment, or a per-path ignore for JSON), all files or one.
    let dispatch = use_dispatch();
    let tr = use_tr();
    let on_toggle = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: Event| dispatch.dispatch(Action::ToggleAllFiles))
    };
    let scope = if props.all_files {
        tr.findings_all_files().to_string()
    } else if let Some(path) = &props.active_path {
        path.to_string()
    } else {
        tr.kind_title(PANES[props.active.pane().unwrap_or(0)])
            .to_string()
    };
    // Japanese findings (issue 21): the keyed messages, help, fix titles and related-span
    // messages rendered in the reader's language once the Japanese module (which carries the
    // templates, `rule::ja_message`) is at hand; this hook loads it and draws the list again
    // when it arrives. Until then, and for rules not migrated yet, the English.
    let ja = crate::i18n::use_ja_docs(tr.lang);
    let localize = tr.lang != crate::i18n::Lang::En && ja == crate::i18n::JaDocs::Ready;
    let shown: Vec<(usize, std::borrow::Cow<'_, Finding>)> = props
        .linted
        .as_ref()
        .map(|l| {
            l.report
                .findings
                .iter()
                .enumerate()
                .filter(|(_, f)| props.all_files || l.pane_of(f.file) == Some(props.active.index()))
                .map(|(i, f)| (i, localized(f, tr.lang, localize)))
                .collect()
        })
        .unwrap_or_default();

    // Which codes offer "Why?" (issue 7), looked up once per distinct code.
    let mut why_codes: Vec<(&'static str, bool)> = Vec::new();
    for (_, f) in &shown {
        if !why_codes.iter().any(|(c, _)| *c == f.code) {
            why_codes.push((f.code, crate::state::why_target(f.code).is_some()));
        }
    }
    // A huge input can have hundreds of thousands of findings: list the first ones (in line
    // order) and say how many more there are, so the page stays responsive.
    let more = shown.len().saturating_sub(MAX_LISTED);
    let items = shown.iter().take(MAX_LISTED).map(|(i, f)| {
        let why = why_codes.iter().any(|(c, w)| *c == f.code && *w);
        finding_item(props, &dispatch, tr, *i, f.as_ref(), why)
    });
    let empty = if props.linted.is_none() {
        tr.findings_waiting().to_string()
    } else if props.empty_pane && !props.all_files && props.active_path.is_some() {
        tr.findings_file_empty().to_string()
    } else if props.empty_pane && !props.all_files {
        tr.findings_pane_empty(PANES[props.active.pane().unwrap_or(0)].noun().to_string())
    } else {
        tr.findings_none().to_string()
    };

    html! {
        <section class="findings" aria-labelledby="findings-title">
            <div class="findings-head">
                <h2 id="findings-title">{ tr.findings_heading() }<span class="scope">{ format!(" · {scope}") }</span></h2>
                <label class="toggle">
                    <input type="checkbox" id="all-files" checked={props.all_files} onchange={on_toggle} />
                    { tr.findings_all_files() }
                </label>
            </div>
            if shown.is_empty() {
                <p class="empty" role="status">{ empty }</p>
            } else {
                <ul class="finding-list" aria-label={tr.findings_in(scope.clone())}>
                    { for items }
                </ul>
                if more > 0 {
                    <p class="empty" role="status">
                        { tr.findings_more(more) }
                    </p>
                }
            }
        </section>
    }
}

/// A finding as the reader's language shows it: a localized copy where it carries keyed texts,
/// else the finding itself.
pub fn localized(
    f: &Finding,
    lang: crate::i18n::Lang,
    localize: bool,
) -> std::borrow::Cow<'_, Finding> {
    let keyed = f.keyed.message.is_some()
        || f.keyed.help.is_some()
        || f.keyed.fix_title.is_some()
        || f.related.iter().any(|r| r.keyed.is_some());
    if !localize || !keyed {
        return std::borrow::Cow::Borrowed(f);
    }
    let mut f = f.clone();
    f.localize(lang);
    std::borrow::Cow::Owned(f)
}

/// The most findings listed at once.
const MAX_LISTED: usize = 500;

/// A button's click: send this action.
fn send(dispatch: &Dispatch, action: impl Fn() -> Action + 'static) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_: MouseEvent| dispatch.dispatch(action()))
}

fn finding_item(
    props: &FindingsProps,
    dispatch: &Dispatch,
    tr: Tr,
    i: usize,
    f: &Finding,
    why: bool,
) -> Html {
    let severity = f.severity.as_str();
    let code = f.code;
    let on_select = send(dispatch, move || Action::SelectFinding(i));
    let on_explain = send(dispatch, move || Action::Explain(Some(code)));
    let on_why = send(dispatch, move || Action::Why(code));
    let location = if props.all_files {
        format!("{}:{}:{}", f.path, f.line, f.column)
    } else {
        format!("{}:{}", f.line, f.column)
    };
    let related = f.related.iter().enumerate().map(|(j, r)| {
        let onclick = send(dispatch, move || Action::SelectRelated(i, j));
        let place = if r.path == f.path {
            format!("{}:{}", r.line, r.column)
        } else {
            format!("{}:{}:{}", r.path, r.line, r.column)
        };
        html! {
            <li>
                <button type="button" class="related" {onclick}>
                    <span class="loc">{ place }</span>{ " " }{ &r.message }
                </button>
            </li>
        }
    });
    let fix = f.fix.as_ref().map(|fix| {
        let onclick = send(dispatch, move || Action::ApplyFix(i));
        // An unsafe fix changes what happens at run time: the button says so (the rule's
        // documentation says why, under "Fix safety").
        let (label, title) = match fix.applicability {
            Applicability::Safe => (tr.finding_fix(fix.title.clone()), fix.title.clone()),
            Applicability::Unsafe => (
                tr.finding_unsafe_fix(fix.title.clone()),
                tr.finding_unsafe_fix_title(fix.title.clone()),
            ),
        };
        html! {
            <button
                type="button"
                class={classes!("button", "fix", (fix.applicability == Applicability::Unsafe).then_some("unsafe"))}
                {title}
                disabled={!props.fresh}
                {onclick}
            >
                { label }
            </button>
        }
    });
    let on_ignore = send(dispatch, move || Action::IgnoreHere(i));
    // What "ignore here" writes is the engine's decision (suppress::ignore_here); the title says it.
    let kind = props
        .linted
        .as_ref()
        .and_then(|l| l.report.kinds.get(f.file).copied().flatten());
    let ignore_title = match comment_style(&f.path, kind) {
        None => tr.finding_ignore_json(),
        Some(true) => tr.finding_ignore_slashes(),
        Some(false) => tr.finding_ignore_hash(),
    };
    let ignorable = ignore_offered(f.code);
    let selected = props.selected == Some(i);
    html! {
        <li class={classes!("finding", severity, selected.then_some("selected"))} data-code={f.code}>
            <div class="finding-row">
                // The accessible name starts with the visible text (axe: label-content-name-mismatch,
                // WCAG 2.5.3), then says what the eye reads from the layout.
                <button type="button" class="finding-main" onclick={on_select}>
                    <span class={classes!("sev", severity)}>
                        <span class="sev-icon" aria-hidden="true">{ icon(f.severity) }</span>
                        { severity_label(tr, f.severity) }
                    </span>
                    <span class="message">{ &f.message }</span>
                    <span class="loc">{ location }</span>
                    <span class="visually-hidden">{ tr.finding_where(f.code.to_string(), f.line, f.column) }</span>
                </button>
                if why {
                    <button type="button" class="why-link" onclick={on_why}
                        title={tr.finding_why_title()}>{ tr.finding_why() }</button>
                }
                <button type="button" class="code-link" onclick={on_explain}
                    title={tr.finding_explain_title()}>{ f.code }</button>
            </div>
            if !f.related.is_empty() {
                <ul class="related-list">{ for related }</ul>
            }
            if let Some(help) = &f.help {
                <p class="help"><span class="help-label">{ tr.finding_help() }</span>{ help }</p>
            }
            <div class="finding-actions">
                { for fix }
                if ignorable {
                    <button type="button" class="button small ignore" title={ignore_title}
                        disabled={!props.fresh} onclick={on_ignore}>{ tr.finding_ignore() }<span class="visually-hidden">{ format!(": {}", f.code) }</span></button>
                }
            </div>
        </li>
    }
}
