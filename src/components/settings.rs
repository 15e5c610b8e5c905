//! The settings dialog: the keys of `.ecsplain.yaml` the page can apply, with the equivalent
//! file to copy into a repository. Applied through the engine's `Config` and `lint_with`.

use std::rc::Rc;

use ecsplain_engine::config::PathIgnore;
use ecsplain_engine::span::LineIndex;
use ecsplain_engine::{Config, Severity};
use yew::prelude::*;

use crate::components::share::{copy_text, modal, select_field};
use crate::persist::{
    format_label_schema, format_overrides, parse_label_schema, parse_overrides, split_list,
    PageSettings,
};

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub settings: Rc<PageSettings>,
    pub on_apply: Callback<PageSettings>,
    pub on_close: Callback<()>,
}

/// The form as typed.
#[derive(Clone, PartialEq)]
struct Form {
    fail_on: Severity,
    select: String,
    ignore: String,
    severity: String,
    inline_ignores: bool,
    registries: String,
    tags: String,
    region: String,
    per_path: Vec<PathIgnore>,
    labels: String,
    strict_labels: bool,
}

/// Reads a pasted `.ecsplain.yaml` (or JSON): the settings it makes, and each problem as
/// "line:column message" (the keys that could be read still apply, as in the CLI).
fn read_pasted(text: &str) -> (PageSettings, Vec<String>) {
    let (config, problems) = Config::parse(".ecsplain.yaml", text);
    let index = LineIndex::new(text);
    let problems = problems
        .iter()
        .map(|d| {
            let at = index.line_col(text, d.span.start);
            format!("{}:{} {}", at.line, at.column, d.message)
        })
        .collect();
    (PageSettings::from_config(&config), problems)
}

impl Form {
    fn from(s: &PageSettings) -> Form {
        Form {
            fail_on: s.fail_on,
            select: s.select.join(", "),
            ignore: s.ignore.join(", "),
            severity: format_overrides(&s.severity),
            inline_ignores: s.inline_ignores,
            registries: s.trusted_registries.join(", "),
            tags: s.required_tags.join(", "),
            region: s.region.clone(),
            per_path: s.per_path_ignores.clone(),
            labels: format_label_schema(&s.label_schema),
            strict_labels: s.strict_labels,
        }
    }

    /// The settings and the override items that could not be read.
    fn settings(&self) -> (PageSettings, Vec<String>) {
        let (severity, mut bad) = parse_overrides(&self.severity);
        let (label_schema, bad_labels) = parse_label_schema(&self.labels);
        bad.extend(bad_labels);
        let settings = PageSettings {
            fail_on: self.fail_on,
            select: split_list(&self.select)
                .into_iter()
                .map(|c| c.to_ascii_uppercase())
                .collect(),
            ignore: split_list(&self.ignore)
                .into_iter()
                .map(|c| c.to_ascii_uppercase())
                .collect(),
            severity,
            inline_ignores: self.inline_ignores,
            trusted_registries: split_list(&self.registries),
            required_tags: split_list(&self.tags),
            region: self.region.trim().to_string(),
            per_path_ignores: self.per_path.clone(),
            label_schema,
            strict_labels: self.strict_labels,
        };
        (settings, bad)
    }
}

#[component]
pub fn SettingsDialog(props: &SettingsProps) -> Html {
    let tr = crate::i18n::use_tr();
    let form = use_state(|| Form::from(&props.settings));
    let copied = use_state(|| None::<bool>);
    let pasted = use_state(String::new);
    let paste_problems = use_state(|| None::<Vec<String>>);
    let (settings, bad) = form.settings();
    let yaml = settings.to_yaml();

    let text_field = |id: &'static str,
                      label: &'static str,
                      hint: &'static str,
                      value: String,
                      set: fn(&mut Form, String)| {
        let form = form.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let mut next = (*form).clone();
            set(&mut next, input.value());
            form.set(next);
        });
        html! {
            <div class="field">
                <label for={id}>{ label }</label>
                <input type="text" id={id} {value} {oninput} spellcheck="false" autocomplete="off" />
                <span class="field-hint">{ hint }</span>
            </div>
        }
    };
    let on_fail = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let mut next = (*form).clone();
            next.fail_on = Severity::parse(&select.value()).unwrap_or(Severity::Warning);
            form.set(next);
        })
    };
    let on_strict_labels = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let mut next = (*form).clone();
            next.strict_labels = input.checked();
            form.set(next);
        })
    };
    let on_inline = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let mut next = (*form).clone();
            next.inline_ignores = input.checked();
            form.set(next);
        })
    };
    let on_submit = {
        let on_apply = props.on_apply.clone();
        let settings = settings.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_apply.emit(settings.clone());
        })
    };
    let on_defaults = {
        let form = form.clone();
        Callback::from(move |_: MouseEvent| form.set(Form::from(&PageSettings::default())))
    };
    let on_copy = {
        let yaml = yaml.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            copy_text(
                yaml.clone(),
                Callback::from(move |ok: bool| {
                    copied.set(Some(ok));
                    if !ok {
                        select_field("settings-yaml");
                    }
                }),
            );
        })
    };
    let close = {
        let cb = props.on_close.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let on_paste_input = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            pasted.set(area.value());
        })
    };
    let on_load = {
        let form = form.clone();
        let pasted = pasted.clone();
        let paste_problems = paste_problems.clone();
        Callback::from(move |_: MouseEvent| {
            let (settings, problems) = read_pasted(&pasted);
            form.set(Form::from(&settings));
            paste_problems.set(Some(problems));
        })
    };
    let path_ignores = form.per_path.iter().enumerate().map(|(i, p)| {
        let form = form.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let mut next = (*form).clone();
            if i < next.per_path.len() {
                next.per_path.remove(i);
            }
            form.set(next);
        });
        let label = match &p.pointer {
            Some(pointer) => {
                tr.set_path_ignore_at(p.codes.join(", "), p.path.clone(), pointer.clone())
            }
            None => tr.set_path_ignore(p.codes.join(", "), p.path.clone()),
        };
        html! {
            <li class="path-ignore" id={format!("path-ignore-{i}")}>
                <code>{ label.clone() }</code>
                <button type="button" class="button small" aria-label={tr.set_remove_ignore(label.clone())} {onclick}>{ tr.set_remove() }</button>
            </li>
        }
    });
    let levels = [Severity::Error, Severity::Warning, Severity::Info];
    let body = html! {
        <form class="settings-form" onsubmit={on_submit}>
            <div class="settings-grid">
                <div class="field">
                    <label for="set-fail-on">{ tr.set_fail_on() }</label>
                    <select id="set-fail-on" onchange={on_fail}>
                        { for levels.iter().map(|l| html! {
                            <option value={l.as_str()} selected={*l == form.fail_on}>{ crate::components::findings::severity_label(tr, *l) }</option>
                        }) }
                    </select>
                    <span class="field-hint">{ tr.set_fail_on_hint() }</span>
                </div>
                { text_field("set-select", tr.set_select(), tr.set_select_hint(), form.select.clone(), |f, v| f.select = v) }
                { text_field("set-ignore", tr.set_ignore(), tr.set_ignore_hint(), form.ignore.clone(), |f, v| f.ignore = v) }
                { text_field("set-severity", tr.set_severity(), tr.set_severity_hint(), form.severity.clone(), |f, v| f.severity = v) }
                { text_field("set-registries", tr.set_registries(), tr.set_registries_hint(), form.registries.clone(), |f, v| f.registries = v) }
                { text_field("set-tags", tr.set_tags(), tr.set_tags_hint(), form.tags.clone(), |f, v| f.tags = v) }
                { text_field("set-region", tr.set_region(), tr.set_region_hint(), form.region.clone(), |f, v| f.region = v) }
                { text_field("set-labels", tr.set_labels(), tr.set_labels_hint(), form.labels.clone(), |f, v| f.labels = v) }
                <div class="field">
                    <label class="toggle"><input type="checkbox" id="set-inline" checked={form.inline_ignores} onchange={on_inline} />{ tr.set_inline() }</label>
                    <label class="toggle"><input type="checkbox" id="set-strict-labels" checked={form.strict_labels} onchange={on_strict_labels} />{ tr.set_strict_labels() }</label>
                </div>
            </div>
            <div class="field">
                <span class="share-label">{ tr.set_path_ignores() }</span>
                if form.per_path.is_empty() {
                    <p class="field-hint" id="path-ignores-empty">{ tr.set_none() }</p>
                } else {
                    <ul class="path-ignores" id="path-ignores">{ for path_ignores }</ul>
                }
            </div>
            <details class="settings-paste">
                <summary>{ tr.set_load_summary() }</summary>
                <label class="share-label" for="settings-paste">{ tr.set_paste_label() }</label>
                <textarea id="settings-paste" class="share-field mono" rows="6" spellcheck="false" value={(*pasted).clone()} oninput={on_paste_input} />
                <button type="button" class="button" id="settings-load" onclick={on_load}>{ tr.set_load() }</button>
                if let Some(problems) = &*paste_problems {
                    if problems.is_empty() {
                        <p class="share-copied" role="status" id="settings-loaded">{ tr.set_loaded() }</p>
                    } else {
                        <div class="share-warning" role="alert" id="settings-paste-problems">
                            <p>{ tr.set_loaded_problems() }</p>
                            <ul>{ for problems.iter().map(|p| html! { <li><code>{ p.clone() }</code></li> }) }</ul>
                        </div>
                    }
                }
            </details>
            if !bad.is_empty() {
                <p class="share-warning" id="settings-bad">{ tr.set_bad(bad.join(", ")) }</p>
            }
            <label class="share-label" for="settings-yaml">{ tr.set_yaml_label() }</label>
            <textarea id="settings-yaml" class="share-field mono" readonly=true rows="6" value={yaml} />
            if let Some(ok) = *copied {
                <p class="share-copied" role="status">{ if ok { tr.copied() } else { tr.copy_denied_text() } }</p>
            }
            <div class="dialog-actions">
                <button type="submit" class="button primary" id="settings-apply">{ tr.set_apply() }</button>
                <button type="button" class="button" id="settings-copy" onclick={on_copy}>{ tr.set_copy_yaml() }</button>
                <button type="button" class="button" id="settings-defaults" onclick={on_defaults}>{ tr.set_defaults() }</button>
                <button type="button" class="button" onclick={close.clone()}>{ tr.cancel() }</button>
            </div>
            <p class="share-hint">{ tr.set_travel() }</p>
        </form>
    };
    modal("settings-dialog", tr.settings_title(), body, close)
}
