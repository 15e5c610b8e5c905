//! The variables panel (issue 6): every value the project looks up (environment variables,
//! tfstate addresses, SSM paths, Jsonnet external variables) with a field for its value. Values
//! reach the engine through `lint_vars` and travel in share links; unset ones stay placeholders.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::context::use_dispatch;
use crate::state::Action;
use crate::variables::PageVariable;

/// One row: the variable and the value the project itself gives it (env file, Terraform state).
#[derive(Debug, Clone, PartialEq)]
pub struct VariableRow {
    pub variable: PageVariable,
    pub from_project: Option<(String, &'static str)>,
}

#[derive(Properties, PartialEq)]
pub struct VariablesProps {
    pub rows: Rc<Vec<VariableRow>>,
    pub values: BTreeMap<String, String>,
}

#[component]
pub fn Variables(props: &VariablesProps) -> Html {
    let tr = crate::i18n::use_tr();
    let dispatch = use_dispatch();
    if props.rows.is_empty() {
        return html! {};
    }
    let rows = props.rows.iter().enumerate().map(|(i, row)| {
        let v = &row.variable;
        let id = format!("var-{i}");
        let key = v.key.clone();
        let oninput = {
            let dispatch = dispatch.clone();
            let key = key.clone();
            Callback::from(move |e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                dispatch.dispatch(Action::SetVar(key.clone(), input.value()));
            })
        };
        let value = props.values.get(&key).cloned().unwrap_or_default();
        let placeholder = match (&row.from_project, &v.default) {
            (Some((value, from)), _) => tr.vars_from(value.to_string(), from.to_string()),
            (None, Some(default)) => tr.vars_default(default.to_string()),
            (None, None) => tr.vars_unset().to_string(),
        };
        let call = if v.func == "extVar" {
            format!("std.extVar('{}')", v.name)
        } else {
            format!("{} `{}`", v.func, v.name)
        };
        html! {
            <li class="var-row" data-key={key.clone()}>
                <label class="var-name" for={id.clone()}>
                    <code>{ call }</code>
                    <span class="var-files">{ v.files.join(", ") }</span>
                </label>
                <input type="text" class="var-value" id={id} value={value} {placeholder}
                    spellcheck="false" autocomplete="off" {oninput} />
            </li>
        }
    });
    let set = props.values.len();
    html! {
        <details class="variables" id="variables" open=true>
            <summary class="variables-head">
                <span class="variables-title">{ tr.vars_title() }</span>
                <span class="variables-count">{ tr.vars_count(props.rows.len(), set) }</span>
            </summary>
            <p class="variables-hint">{ tr.vars_hint() }</p>
            <ul class="var-list">{ for rows }</ul>
        </details>
    }
}
