//! Export: the findings in the formats pipelines read, rendered by the engine (the CLI's own
//! renderers), with the CLI command that prints the same.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::share::{copy_text, download, modal, select_field};
use crate::docs::{use_docs, Docs};
use crate::persist::{cli_command, export, Format, PageSettings};
use crate::state::{lint_project, Project};

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    /// Every file of the project, and the variables' values it is linted with.
    pub project: Project,
    pub vars: std::collections::BTreeMap<String, String>,
    pub settings: Rc<PageSettings>,
    pub on_close: Callback<()>,
}

#[component]
pub fn ExportDialog(props: &ExportProps) -> Html {
    let tr = crate::i18n::use_tr();
    let format = use_state(|| Format::Sarif);
    let copied = use_state(|| None::<bool>);
    // SARIF carries every rule's documentation, loaded on first need (crate::docs).
    let docs = use_docs();
    let waiting = *format == Format::Sarif && docs == Docs::Loading;
    // Lint again here: the export always matches the current texts and settings.
    let (inputs, _, _) = props.project.inputs();
    let (report, _, _) = lint_project(&props.project, &props.settings.config(), &props.vars);
    // The findings' messages in the reader's language, as `ecsplain lint --lang ja` prints them
    // (codes, JSON keys and SARIF's structure are the same in every language).
    let mut findings = report.findings.clone();
    for f in &mut findings {
        f.localize(tr.lang);
    }
    let output = export(*format, &findings, &inputs);
    let command = cli_command(*format, &inputs, &props.settings);

    let tabs = Format::ALL.iter().map(|f| {
        let current = *f == *format;
        let onclick = {
            let format = format.clone();
            let copied = copied.clone();
            let f = *f;
            Callback::from(move |_: MouseEvent| {
                format.set(f);
                copied.set(None);
            })
        };
        html! {
            <button type="button" class={classes!("button", current.then_some("current"))}
                id={format!("export-{}", f.name())}
                aria-pressed={if current { "true" } else { "false" }} {onclick}>{ f.label() }</button>
        }
    });
    let on_download = {
        let output = output.clone();
        let f = *format;
        Callback::from(move |_: MouseEvent| download(f.file_name(), f.mime(), &output))
    };
    let on_copy = {
        let output = output.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            copy_text(
                output.clone(),
                Callback::from(move |ok: bool| {
                    copied.set(Some(ok));
                    if !ok {
                        select_field("export-output");
                    }
                }),
            );
        })
    };
    let close = {
        let cb = props.on_close.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let body = html! {
        <>
            <div class="export-formats" role="group" aria-label={tr.export_format()}>{ for tabs }</div>
            <p class="share-hint">{ tr.export_count(report.findings.len()) }</p>
            <code class="export-command" id="export-command">{ command }</code>
            <textarea id="export-output" class="share-field mono" readonly=true rows="14" value={output} aria-label={tr.export_output()} />
            if let Some(ok) = *copied {
                <p class="share-copied" role="status">{ if ok { tr.copied() } else { tr.copy_denied_text() } }</p>
            }
            if let Docs::Failed(e) = &docs {
                <p class="share-copied" role="alert">{ tr.export_docs_failed(e.clone()) }</p>
            }
            <div class="dialog-actions">
                <button type="button" class="button primary" id="export-download" disabled={waiting} onclick={on_download}>{ tr.export_download(format.file_name().to_string()) }</button>
                <button type="button" class="button" id="export-copy" disabled={waiting} onclick={on_copy}>{ tr.export_copy() }</button>
            </div>
        </>
    };
    modal("export-dialog", tr.export_title(), body, close)
}
