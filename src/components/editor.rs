//! A plain textarea with a line-number gutter and a highlight layer behind it.
//!
//! The gutter marks each line with findings (its worst severity) with a tooltip that lists them,
//! and the highlight layer underlines each finding's span (issue 23): wavy, in the severity's
//! colour, under the transparent text of the textarea.
//!
//! The gutter and the highlight layer scroll with the textarea; both use the same font metrics
//! (see `--lh` in style.css, [`LINE_HEIGHT`] here). Tab inserts two spaces; Esc then Tab leaves
//! the editor, so keyboard users are never trapped.

use std::rc::Rc;

use ecsplain_engine::Severity;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::components::FileId;
use crate::state::{utf16_offset, Selection};

/// Pixels per line; must match `--lh` in static/style.css.
pub const LINE_HEIGHT: f64 = 20.0;
/// Top padding of the textarea in pixels; must match `--pad` in static/style.css.
pub const PADDING: f64 = 8.0;
/// At most this many gutter marks are drawn.
const MAX_MARKS: usize = 2000;
/// Line numbers are drawn in windows of this many lines.
const CHUNK: usize = 200;

/// One finding as the editor draws it: a gutter mark on `line` with `title` as its tooltip, and
/// `start..end` (bytes of the pane's text) underlined.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub line: u32,
    pub severity: Severity,
    /// "TD009 error: The task sets no memory".
    pub title: String,
    pub start: usize,
    pub end: usize,
}

/// The editor's marks for the findings of one pane (those whose `file` is the pane's input).
/// In Japanese (once the Japanese module is loaded) each tooltip holds the finding's
/// localized message (`Finding::localize`) and the severity as the interface names it.
pub fn marks_of<'a>(
    findings: impl Iterator<Item = &'a ecsplain_engine::Finding>,
    tr: crate::i18n::Tr,
) -> Vec<Mark> {
    let localize =
        tr.lang != crate::i18n::Lang::En && ecsplain_engine::rule::ja_messages_available();
    findings
        .map(|f| {
            let f = crate::components::findings::localized(f, tr.lang, localize);
            (
                f.line,
                f.severity,
                format!(
                    "{} {}: {}",
                    f.code,
                    crate::components::findings::severity_label(tr, f.severity),
                    f.message
                ),
                f.span,
            )
        })
        .map(|(line, severity, title, span)| Mark {
            line,
            severity,
            title,
            start: span.start as usize,
            end: span.end as usize,
        })
        .collect()
}

/// Underlines are drawn for texts up to this size: the layer holds the whole text, and a larger
/// file would cost every keystroke a re-render of megabytes.
const MAX_UNDERLINED_TEXT: usize = 256 * 1024;

/// Gutter marks from the findings: one per line, with the worst severity and every finding of
/// the line in its tooltip.
fn line_marks(findings: &[Mark]) -> Vec<(u32, Severity, String)> {
    let mut out: Vec<(u32, Severity, String)> = Vec::new();
    for m in findings {
        match out.iter_mut().find(|(line, _, _)| *line == m.line) {
            Some((_, severity, title)) => {
                *severity = (*severity).max(m.severity);
                title.push('\n');
                title.push_str(&m.title);
            }
            None => out.push((m.line, m.severity, m.title.clone())),
        }
    }
    out
}

/// The text cut into runs, each underlined with the worst severity of the findings over it
/// (`None`: plain). Empty spans underline the character after them (or a space at the end).
fn underline_runs(text: &str, findings: &[Mark]) -> Vec<(usize, usize, Option<Severity>)> {
    let clamp = |mut at: usize| {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let mut cuts: Vec<usize> = vec![0, text.len()];
    let spans: Vec<(usize, usize, Severity)> = findings
        .iter()
        .map(|m| {
            let start = clamp(m.start);
            let mut end = clamp(m.end.max(m.start));
            if end == start {
                end = text[start..]
                    .chars()
                    .next()
                    .filter(|c| *c != '\n')
                    .map_or(start, |c| start + c.len_utf8());
            }
            (start, end, m.severity)
        })
        .filter(|(s, e, _)| e > s)
        .collect();
    for (s, e, _) in &spans {
        cuts.push(*s);
        cuts.push(*e);
    }
    ecsplain_engine::order::sort(&mut cuts);
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let worst = spans
                .iter()
                .filter(|(s, e, _)| *s <= w[0] && w[1] <= *e)
                .map(|(_, _, sev)| *sev)
                .max();
            (w[0], w[1], worst)
        })
        .collect()
}

/// Text for markup: `&`, `<` and `>` escaped (it only ever goes between tags).
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

/// The highlight layer's markup: the text escaped, runs under findings in
/// `<span class="squiggle SEVERITY">`, the selected span in `<mark class="span-highlight">` (a
/// space when it is empty), and two newlines so the layer scrolls as far as the textarea.
fn backdrop_markup(
    text: &str,
    findings: &[Mark],
    selection: Option<&Selection>,
    underline: bool,
) -> String {
    let mut runs = if underline {
        underline_runs(text, findings)
    } else {
        vec![(0, text.len(), None)]
    };
    let clamp = |mut at: usize| {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let sel = selection.map(|s| (clamp(s.start), clamp(s.end.max(s.start))));
    // Cut the runs at the selection's ends, so the mark opens and closes between runs.
    if let Some((start, end)) = sel {
        let mut cut = Vec::with_capacity(runs.len() + 2);
        for (s, e, sev) in runs {
            let mut at = s;
            for p in [start, end] {
                if at < p && p < e {
                    cut.push((at, p, sev));
                    at = p;
                }
            }
            cut.push((at, e, sev));
        }
        runs = cut;
    }
    let mut out = String::with_capacity(text.len() + findings.len() * 40 + 32);
    let mut open = false;
    for (s, e, sev) in runs {
        if let Some((start, end)) = sel {
            if s == start && !open {
                out.push_str("<mark class=\"span-highlight\">");
                open = true;
                if start == end {
                    out.push_str(" </mark>");
                    open = false;
                }
            }
            if open && s == end {
                out.push_str("</mark>");
                open = false;
            }
        }
        match sev {
            Some(sev) => {
                out.push_str("<span class=\"squiggle ");
                out.push_str(sev.as_str());
                out.push_str("\">");
                escape_into(&mut out, &text[s..e]);
                out.push_str("</span>");
            }
            None => escape_into(&mut out, &text[s..e]),
        }
    }
    if let Some((start, _)) = sel {
        if open {
            out.push_str("</mark>");
        } else if start == text.len() {
            out.push_str("<mark class=\"span-highlight\"> </mark>");
        }
    }
    out.push_str("\n\n");
    out
}

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub file: FileId,
    pub text: Rc<str>,
    pub label: AttrValue,
    pub marks: Rc<Vec<(u32, Severity)>>,
    /// The pane's findings ([`marks_of`]): when given, the gutter marks carry tooltips and the
    /// spans are underlined; `marks` is then not used.
    #[prop_or_default]
    pub findings: Rc<Vec<Mark>>,
    /// The span to select and highlight, when it is in this pane.
    pub selection: Option<Selection>,
    /// The new text of the file after each edit.
    pub on_input: Callback<(FileId, Rc<str>)>,
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let tr = crate::i18n::use_tr();
    let textarea = use_node_ref();
    let gutter = use_node_ref();
    let backdrop = use_node_ref();
    let escaped = use_mut_ref(|| false);
    // The text the textarea holds. The textarea is not a controlled input: reading a 5 MB value
    // back on every render (what a `value` attribute costs in Yew) makes typing slow, so the
    // value is written only when the text changed from outside (example, clear, fix, restore).
    let shown: Rc<std::cell::RefCell<Option<Rc<str>>>> = use_mut_ref(|| None);

    // Line numbers are drawn only around the visible lines (in chunks of `CHUNK`), so a file of
    // 100,000 lines costs the same as one of 100.
    let chunk = use_state(|| 0usize);
    let line_count = props.text.bytes().filter(|b| *b == b'\n').count() + 1;
    let first = (*chunk * CHUNK)
        .saturating_sub(CHUNK)
        .min(line_count.saturating_sub(1))
        + 1;
    let last = ((*chunk + 2) * CHUNK).min(line_count);
    let numbers = use_memo((first, last), |(first, last)| {
        let mut out = String::with_capacity((last + 1 - first) * 6);
        for n in *first..=*last {
            if n > *first {
                out.push('\n');
            }
            out.push_str(&n.to_string());
        }
        out
    });
    let digits = line_count.to_string().len().max(3);

    let sync = {
        let (textarea, gutter, backdrop) = (textarea.clone(), gutter.clone(), backdrop.clone());
        move || {
            let Some(ta) = textarea.cast::<HtmlTextAreaElement>() else {
                return;
            };
            if let Some(g) = gutter.cast::<web_sys::Element>() {
                g.set_scroll_top(ta.scroll_top());
            }
            if let Some(b) = backdrop.cast::<web_sys::Element>() {
                b.set_scroll_top(ta.scroll_top());
                b.set_scroll_left(ta.scroll_left());
            }
        }
    };

    let onscroll = {
        let sync = sync.clone();
        let chunk = chunk.clone();
        Callback::from(move |e: Event| {
            sync();
            if let Some(ta) = e.target_dyn_into::<HtmlTextAreaElement>() {
                let line = (f64::from(ta.scroll_top()) / LINE_HEIGHT).max(0.0) as usize;
                if line / CHUNK != *chunk {
                    chunk.set(line / CHUNK);
                }
            }
        })
    };

    let oninput = {
        let on_input = props.on_input.clone();
        let shown = shown.clone();
        let file = props.file;
        Callback::from(move |e: InputEvent| {
            if let Some(ta) = e.target_dyn_into::<HtmlTextAreaElement>() {
                let text: Rc<str> = Rc::from(ta.value());
                *shown.borrow_mut() = Some(text.clone());
                on_input.emit((file, text));
            }
        })
    };

    // Write the text into the textarea when it changed from outside.
    {
        let textarea = textarea.clone();
        let shown = shown.clone();
        use_effect_with(props.text.clone(), move |text| {
            let same = shown
                .borrow()
                .as_ref()
                .is_some_and(|s| Rc::ptr_eq(s, text) || **s == **text);
            if !same {
                if let Some(ta) = textarea.cast::<HtmlTextAreaElement>() {
                    ta.set_value(text);
                }
                *shown.borrow_mut() = Some(text.clone());
            }
            || ()
        });
    }

    let onkeydown = {
        let escaped = escaped.clone();
        let on_input = props.on_input.clone();
        let shown = shown.clone();
        let file = props.file;
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            if key == "Escape" {
                *escaped.borrow_mut() = true;
                return;
            }
            if key == "Tab" && !*escaped.borrow() && !e.shift_key() && !e.ctrl_key() && !e.alt_key()
            {
                if let Some(ta) = e.target_dyn_into::<HtmlTextAreaElement>() {
                    e.prevent_default();
                    let start = ta.selection_start().ok().flatten().unwrap_or(0);
                    let end = ta.selection_end().ok().flatten().unwrap_or(start);
                    let _ = ta.set_range_text_with_start_and_end("  ", start, end);
                    let _ = ta.set_selection_range(start + 2, start + 2);
                    let text: Rc<str> = Rc::from(ta.value());
                    *shown.borrow_mut() = Some(text.clone());
                    on_input.emit((file, text));
                }
                return;
            }
            *escaped.borrow_mut() = false;
        })
    };

    // Select the requested span: focus, caret and selection, scroll it into view.
    {
        let textarea = textarea.clone();
        let text = props.text.clone();
        let sync = sync.clone();
        use_effect_with(props.selection.clone(), move |selection| {
            if let (Some(sel), Some(ta)) = (selection, textarea.cast::<HtmlTextAreaElement>()) {
                let start = utf16_offset(&text, sel.start);
                let end = utf16_offset(&text, sel.end);
                let _ = ta.focus();
                let _ = ta.set_selection_range(start, end);
                let line = ecsplain_engine::span::LineIndex::new(&text).line_of(sel.start as u32)
                    as f64
                    + 1.0;
                let top = (line - 1.0) * LINE_HEIGHT + PADDING;
                let view = f64::from(ta.client_height());
                let current = f64::from(ta.scroll_top());
                if top < current || top + LINE_HEIGHT > current + view {
                    ta.set_scroll_top((top - view / 3.0).max(0.0) as i32);
                }
                sync();
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                ta.scroll_into_view_with_scroll_into_view_options(&options);
            }
            || ()
        });
    }

    // The highlight layer: the text, transparent, with the selected span marked and the findings'
    // spans underlined. Written as escaped markup straight into the <pre> (its vdom has no
    // children, so Yew never touches them): one string, not a node per run to diff.
    {
        let backdrop = backdrop.clone();
        let key = (
            props.text.clone(),
            props.findings.clone(),
            props
                .selection
                .clone()
                .filter(|s| s.pane == props.file.index()),
        );
        use_effect_with(key, move |(text, findings, selection)| {
            if let Some(b) = backdrop.cast::<web_sys::Element>() {
                let underline = text.len() <= MAX_UNDERLINED_TEXT;
                if selection.is_some() || (underline && !findings.is_empty()) {
                    b.set_inner_html(&backdrop_markup(
                        text,
                        findings,
                        selection.as_ref(),
                        underline,
                    ));
                } else {
                    b.set_inner_html("");
                }
            }
            || ()
        });
    }

    let line_marks = if props.findings.is_empty() {
        props
            .marks
            .iter()
            .map(|(line, severity)| (*line, *severity, String::new()))
            .collect()
    } else {
        line_marks(&props.findings)
    };
    let marks = line_marks
        .iter()
        .take(MAX_MARKS)
        .map(|(line, severity, title)| {
            let top = (f64::from(*line) - 1.0) * LINE_HEIGHT + PADDING;
            let title = (!title.is_empty()).then(|| tr.editor_line(*line, title.clone()));
            html! {
                <span
                    class={classes!("gutter-mark", severity.as_str())}
                    style={format!("top:{top}px")}
                    {title}
                ></span>
            }
        });

    html! {
        <div class="editor">
            <div class="gutter" ref={gutter} aria-hidden="true">
                <div
                    class="gutter-inner"
                    style={format!("height:{}px;width:calc({digits}ch + 26px)", (line_count as f64 + 4.0) * LINE_HEIGHT + 2.0 * PADDING)}
                >
                    <pre
                        class="line-numbers"
                        style={format!("top:{}px", (first as f64 - 1.0) * LINE_HEIGHT)}
                    >{ (*numbers).clone() }</pre>
                    { for marks }
                </div>
            </div>
            <div class="code">
                <pre class="backdrop" ref={backdrop} aria-hidden="true"></pre>
                <textarea
                    ref={textarea}
                    id={format!("input-{}", props.file.index())}
                    class="input"
                    aria-label={props.label.clone()}
                    aria-describedby="editor-help"
                    spellcheck="false"
                    autocomplete="off"
                    autocapitalize="off"
                    wrap="off"
                    {oninput}
                    {onscroll}
                    {onkeydown}
                />
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(line: u32, severity: Severity, start: usize, end: usize) -> Mark {
        Mark {
            line,
            severity,
            title: format!("X {}", severity.as_str()),
            start,
            end,
        }
    }

    #[test]
    fn runs_cover_the_text_once_with_the_worst_severity() {
        let text = "abcdef\nghé";
        let findings = [
            mark(1, Severity::Warning, 1, 4),
            mark(1, Severity::Error, 3, 5),
            mark(2, Severity::Info, 7, 7),
            mark(2, Severity::Info, 9, 10), // inside 'é': clamped to its start
        ];
        let runs = underline_runs(text, &findings);
        let joined: String = runs.iter().map(|(s, e, _)| &text[*s..*e]).collect();
        assert_eq!(joined, text);
        let at = |i: usize| {
            runs.iter()
                .find(|(s, e, _)| *s <= i && i < *e)
                .and_then(|r| r.2)
        };
        assert_eq!(at(0), None);
        assert_eq!(at(1), Some(Severity::Warning));
        assert_eq!(at(3), Some(Severity::Error));
        assert_eq!(at(4), Some(Severity::Error));
        assert_eq!(at(5), None);
        // An empty span underlines the character after it.
        assert_eq!(at(7), Some(Severity::Info));
        let sel = Selection {
            pane: 0,
            start: 2,
            end: 4,
            seq: 0,
        };
        let html = backdrop_markup("a<b&c", &[mark(1, Severity::Error, 0, 1)], Some(&sel), true);
        assert_eq!(
            html,
            "<span class=\"squiggle error\">a</span>&lt;<mark class=\"span-highlight\">b&amp;</mark>c\n\n"
        );
        let empty = Selection {
            pane: 0,
            start: 1,
            end: 1,
            seq: 0,
        };
        let html = backdrop_markup("ab", &[], Some(&empty), true);
        assert_eq!(html, "a<mark class=\"span-highlight\"> </mark>b\n\n");
        let lines = line_marks(&findings);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].1, Severity::Error);
        assert!(lines[0].2.contains("X warning") && lines[0].2.contains("X error"));
    }
}
