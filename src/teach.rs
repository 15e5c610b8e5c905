//! The teaching views (Sizing, CPU & memory, Learn, Checklist, Rules) and the Settings, Export,
//! Share and keyboard-help dialogs as a second, lazily loaded wasm module.
//!
//! Most visitors paste files and read findings; the sizing calculator, the explainers, the
//! lessons, the checklist, the rule index and the dialogs are about a quarter of the page's code
//! (the share dialog brings the deflate compressor only making a link needs). They live in `ecsplain-teach` (src/teach_main.rs),
//! a second wasm module built from this same crate, which the page loads the first time one of
//! these views opens (`components::teach_host`). The main module never names [`TeachApp`], so link
//! time optimisation leaves these views out of the first download; the teach module never names
//! the editor page, so it carries only what it draws.
//!
//! The two modules share nothing in memory: the host sends [`TeachState`] as JSON (the view, the
//! task definition text, the open lesson and, for the checklist and the dialogs, the whole
//! project as a share state) and the teach module answers with [`Notice`]s (open a lesson, load
//! an example, tick an item, go to a finding, apply settings, choose a rule or search the rules,
//! a link made, a state file picked, close) through one JavaScript
//! callback. Each runs its own Yew apps on their own root elements (`#app`, `#teach` for views
//! and `#teach-dialog` for dialogs, siblings in index.html), so none sees another's events.

use std::rc::Rc;

use ecsplain_engine::rule::Kind;
use ecsplain_engine::{learn, registry};
use serde_json::Value;

/// Which view or dialog of the module is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TeachView {
    Sizing,
    Explain,
    Learn,
    Checklist,
    /// The settings dialog (drawn on `#teach-dialog`, over the page).
    Settings,
    /// The export dialog (drawn on `#teach-dialog`, over the page).
    Export,
    /// The Rules view: the rule index beside the selected rule's explanation.
    Rules,
    /// The share dialog: it makes the link (the deflate compressor stays out of the first
    /// view), copies it, and offers the state file and a Markdown summary.
    Share,
    /// The keyboard shortcuts.
    Help,
}

impl TeachView {
    const ALL: [TeachView; 9] = [
        TeachView::Sizing,
        TeachView::Explain,
        TeachView::Learn,
        TeachView::Checklist,
        TeachView::Settings,
        TeachView::Export,
        TeachView::Rules,
        TeachView::Share,
        TeachView::Help,
    ];

    pub fn name(self) -> &'static str {
        match self {
            TeachView::Sizing => "sizing",
            TeachView::Explain => "explain",
            TeachView::Learn => "learn",
            TeachView::Checklist => "checklist",
            TeachView::Settings => "settings",
            TeachView::Export => "export",
            TeachView::Rules => "rules",
            TeachView::Share => "share",
            TeachView::Help => "help",
        }
    }

    /// How the host names it in "Loading the … view".
    pub fn label(self) -> &'static str {
        match self {
            TeachView::Sizing => "sizing view",
            TeachView::Explain => "CPU & memory view",
            TeachView::Learn => "Learn view",
            TeachView::Checklist => "checklist",
            TeachView::Settings => "settings",
            TeachView::Export => "export",
            TeachView::Rules => "rules view",
            TeachView::Share => "share dialog",
            TeachView::Help => "keyboard shortcuts",
        }
    }

    /// A dialog over the page rather than a view in its place.
    pub fn is_dialog(self) -> bool {
        matches!(
            self,
            TeachView::Settings | TeachView::Export | TeachView::Share | TeachView::Help
        )
    }

    /// The element of index.html the module draws it on.
    pub fn root_id(self) -> &'static str {
        if self.is_dialog() {
            "teach-dialog"
        } else {
            "teach"
        }
    }

    fn from_name(name: &str) -> Option<TeachView> {
        Self::ALL.into_iter().find(|v| v.name() == name)
    }
}

/// What the teach module hears from the page.
#[derive(Clone, Debug, PartialEq)]
pub struct TeachState {
    pub view: TeachView,
    /// The Task definition pane.
    pub text: Rc<str>,
    /// The memory explainer was opened from a finding's "Why?".
    pub from_finding: bool,
    pub lesson: Option<&'static str>,
    /// The whole project, its variables, settings and ticks, as a state file
    /// (`persist::state_file`): for the checklist and the dialogs (the share dialog makes its
    /// link from it), `None` for the other views.
    pub project: Option<Rc<str>>,
    /// An example a permalink named: the module sends its files ([`Notice::Load`]).
    pub example: Option<&'static str>,
    /// The settings' region (`region:`), for the sizing view's prices; empty: the default.
    pub region: Rc<str>,
    /// The reader's language (issue 21): the module draws its texts in it.
    pub lang: crate::i18n::Lang,
    /// The Rules view's selected rule (its explanation is open beside the index).
    pub rule: Option<&'static str>,
    /// The Rules view's search text.
    pub query: Rc<str>,
    /// The page's findings as a Markdown table (`persist::markdown_summary_in`), for the share
    /// dialog's "Copy as Markdown": the page's own report, which Jsonnet and Terraform files
    /// (evaluated by modules this one does not load) are part of.
    pub summary: Option<Rc<str>>,
}

impl TeachState {
    /// The JSON the host sends.
    pub fn to_json(&self) -> String {
        serde_json::json!({
            "view": self.view.name(),
            "text": &*self.text,
            "from_finding": self.from_finding,
            "lesson": self.lesson,
            "project": self.project.as_deref(),
            "example": self.example,
            "region": &*self.region,
            "lang": self.lang.as_str(),
            "rule": self.rule,
            "query": &*self.query,
            "summary": self.summary.as_deref(),
        })
        .to_string()
    }

    /// Reads what [`TeachState::to_json`] wrote; `None` for anything else.
    pub fn from_json(json: &str) -> Option<TeachState> {
        let value = ecsplain_engine::json::to_value(json)?;
        Some(TeachState {
            view: TeachView::from_name(value.get("view")?.as_str()?)?,
            text: Rc::from(value.get("text")?.as_str()?),
            from_finding: value
                .get("from_finding")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            lesson: value
                .get("lesson")
                .and_then(Value::as_str)
                .and_then(learn::lesson_id),
            project: value.get("project").and_then(Value::as_str).map(Rc::from),
            example: value
                .get("example")
                .and_then(Value::as_str)
                .and_then(learn::example_id),
            region: Rc::from(value.get("region").and_then(Value::as_str).unwrap_or("")),
            lang: value
                .get("lang")
                .and_then(Value::as_str)
                .and_then(crate::i18n::Lang::parse)
                .unwrap_or_default(),
            rule: value
                .get("rule")
                .and_then(Value::as_str)
                .and_then(registry::rule)
                .map(|r| r.code),
            query: Rc::from(value.get("query").and_then(Value::as_str).unwrap_or("")),
            summary: value.get("summary").and_then(Value::as_str).map(Rc::from),
        })
    }
}

/// A gallery example's files, as the teaching module sends them to the page (the page's first
/// view knows the examples' ids only).
#[derive(Clone, Debug, PartialEq)]
pub struct ExampleFiles {
    pub id: &'static str,
    pub files: Vec<(Kind, Rc<str>)>,
}

impl ExampleFiles {
    /// The files of the example with this id (in the teaching module: it links the examples).
    pub fn of(id: &str) -> Option<ExampleFiles> {
        let example = learn::example(id)?;
        Some(ExampleFiles {
            id: example.id,
            files: example
                .files
                .iter()
                .map(|f| (f.kind, Rc::from(f.text)))
                .collect(),
        })
    }
}

/// A finding the checklist names, for the page to select (the page finds it in its own report).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FindingRef {
    pub code: String,
    pub path: String,
    pub line: u32,
    pub column: u32,
}

/// What the teach module asks of the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Open this lesson, or the lesson list.
    Lesson(Option<&'static str>),
    /// Load this example's files into the editor.
    Load(ExampleFiles),
    /// Tick or untick a checklist item.
    Tick(String),
    /// Select this finding in the Lint view.
    Goto(FindingRef),
    /// Apply these settings (`PageSettings::to_map`) and close the dialog.
    Settings(std::collections::BTreeMap<String, String>),
    /// Open this rule's explanation in the Rules view, or close it (`None`).
    Explain(Option<&'static str>),
    /// The Rules view's search text changed.
    Query(String),
    /// The share dialog made this link's fragment (`v1.…`): the page puts it in the address bar.
    Linked(String),
    /// The share dialog read this state file (`.ecsplain.json`): the page opens it.
    OpenState(String),
    /// Something the page's banner should say (a picked file that could not be read).
    Error(String),
    /// Close the dialog.
    Close,
}

impl Notice {
    /// As the two strings the JavaScript callback receives.
    pub fn to_parts(&self) -> (&'static str, Option<String>) {
        match self {
            Notice::Lesson(id) => ("lesson", id.map(str::to_string)),
            Notice::Load(example) => {
                let files: Vec<Value> = example
                    .files
                    .iter()
                    .map(|(kind, text)| serde_json::json!({"kind": kind.as_str(), "text": &**text}))
                    .collect();
                (
                    "load",
                    Some(serde_json::json!({"id": example.id, "files": files}).to_string()),
                )
            }
            Notice::Tick(id) => ("tick", Some(id.clone())),
            Notice::Goto(f) => (
                "goto",
                Some(
                    serde_json::json!({
                        "code": f.code, "path": f.path, "line": f.line, "column": f.column,
                    })
                    .to_string(),
                ),
            ),
            Notice::Settings(map) => ("settings", serde_json::to_string(map).ok()),
            Notice::Explain(code) => ("explain", code.map(str::to_string)),
            Notice::Query(query) => ("query", Some(query.clone())),
            Notice::Linked(fragment) => ("linked", Some(fragment.clone())),
            Notice::OpenState(text) => ("open-state", Some(text.clone())),
            Notice::Error(text) => ("error", Some(text.clone())),
            Notice::Close => ("close", None),
        }
    }

    /// Reads the callback's two strings back; unknown ids are dropped.
    pub fn from_parts(kind: &str, id: Option<&str>) -> Option<Notice> {
        match kind {
            "lesson" => match id {
                None => Some(Notice::Lesson(None)),
                // Ids only: the page's first view reads notices and must not link the lessons.
                Some(id) => learn::lesson_id(id).map(|id| Notice::Lesson(Some(id))),
            },
            "load" => {
                let value = ecsplain_engine::json::to_value(id?)?;
                let id = learn::example_id(value.get("id")?.as_str()?)?;
                let files = value
                    .get("files")?
                    .as_array()?
                    .iter()
                    .map(|f| {
                        let kind = Kind::parse(f.get("kind")?.as_str()?)?;
                        Some((kind, Rc::from(f.get("text")?.as_str()?)))
                    })
                    .collect::<Option<Vec<_>>>()?;
                Some(Notice::Load(ExampleFiles { id, files }))
            }
            "tick" => Some(Notice::Tick(id?.to_string())),
            "goto" => {
                let value = ecsplain_engine::json::to_value(id?)?;
                let text = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_string);
                let number = |key: &str| {
                    value
                        .get(key)
                        .and_then(Value::as_u64)
                        .and_then(|n| u32::try_from(n).ok())
                };
                Some(Notice::Goto(FindingRef {
                    code: text("code")?,
                    path: text("path")?,
                    line: number("line")?,
                    column: number("column")?,
                }))
            }
            "settings" => {
                let value = ecsplain_engine::json::to_value(id?)?;
                let map = value
                    .as_object()?
                    .iter()
                    .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
                    .collect();
                Some(Notice::Settings(map))
            }
            "explain" => match id {
                None => Some(Notice::Explain(None)),
                Some(code) => registry::rule(code).map(|r| Notice::Explain(Some(r.code))),
            },
            "query" => Some(Notice::Query(id?.to_string())),
            "linked" => Some(Notice::Linked(id?.to_string())),
            "open-state" => Some(Notice::OpenState(id?.to_string())),
            "error" => Some(Notice::Error(id?.to_string())),
            "close" => Some(Notice::Close),
            _ => None,
        }
    }
}

/// What the page's rendered view shows for one file, as the teaching module's `render`
/// computes it (so the first view does not carry ecspresso's re-serialisation). The request is
/// JSON: `{"path", "text", "files": [{"path", "kind", "text"}], "vars": {page key: value}}`,
/// where `text` is the file's text (a Jsonnet file's evaluated JSON). The answer is what
/// `ecsplain render CONFIG TARGET` prints for a config or a definition a config names (the
/// engine's `ecspresso::render::project_file`), with unset values as `${NAME}` markers; where
/// ecspresso would stop, its message first and the file with its templates filled below; for
/// any other file, the file with its templates filled (`template::render`).
pub fn rendered_view(request: &str) -> String {
    use std::collections::BTreeMap;

    use ecsplain_engine::workspace::{vars_from_keys, File};
    use ecsplain_engine::Project;

    let Some(value) = ecsplain_engine::json::to_value(request) else {
        return String::new();
    };
    let text_of =
        |v: &Value, key: &str| v.get(key).and_then(Value::as_str).unwrap_or("").to_string();
    let path = text_of(&value, "path");
    let text = text_of(&value, "text");
    let files: Vec<File> = value
        .get("files")
        .and_then(Value::as_array)
        .map(|files| {
            files
                .iter()
                .map(|f| {
                    let kind = f.get("kind").and_then(Value::as_str).and_then(Kind::parse);
                    File::new(text_of(f, "path"), text_of(f, "text"), kind)
                })
                .collect()
        })
        .unwrap_or_default();
    let vars: BTreeMap<String, String> = value
        .get("vars")
        .and_then(Value::as_object)
        .map(|o| {
            o.iter()
                .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
                .collect()
        })
        .unwrap_or_default();
    // The engine's project answers; `text` is the file's text with Jsonnet already evaluated.
    let project = Project::new(files).with_values(vars_from_keys(&vars));
    let printed = project
        .find(&path)
        .and_then(|id| project.render_evaluated(id, &text));
    match printed {
        Some(Ok(printed)) => printed,
        Some(Err(stop)) => format!(
            "# ecspresso would stop here: {stop}\n\n{}",
            project.fill_templates(&text)
        ),
        None => project.fill_templates(&text),
    }
}

/// The request [`rendered_view`] reads.
pub fn render_request(
    path: &str,
    text: &str,
    inputs: &[ecsplain_engine::lint::Input],
    vars: &std::collections::BTreeMap<String, String>,
) -> String {
    let files: Vec<Value> = inputs
        .iter()
        .map(|i| {
            serde_json::json!({
                "path": i.path, "text": i.text, "kind": i.kind.map(Kind::as_str),
            })
        })
        .collect();
    serde_json::json!({"path": path, "text": text, "files": files, "vars": vars}).to_string()
}

#[cfg(target_arch = "wasm32")]
pub use view::{TeachApp, TeachProps};

#[cfg(target_arch = "wasm32")]
mod view {
    use std::rc::Rc;

    use yew::prelude::*;

    use super::{Notice, TeachState, TeachView};
    use crate::components::checklist::Checklist;
    use crate::components::cpu_explainer::CpuExplainer;
    use crate::components::export::ExportDialog;
    use crate::components::learn::Learn;
    use crate::components::memory_explainer::MemoryExplainer;
    use crate::components::rules::RulesView;
    use crate::components::settings::SettingsDialog;
    use crate::components::share_dialog::{HelpDialog, ShareDialog};
    use crate::components::sizing::Sizing;
    use crate::components::task_diagram::TaskDiagram;
    use crate::persist::{self, PageSettings};

    #[derive(Properties, PartialEq)]
    pub struct TeachProps {
        pub state: TeachState,
        pub notify: Callback<Notice>,
    }

    /// The module's root: one of the views, or one of the dialogs, in the reader's language
    /// (the interface's Japanese texts are the ones the page loaded, `ecsplainUiJaText`; the
    /// lessons', examples' and checklist's Japanese come with the Japanese rule docs, which
    /// this module's engine loads for itself).
    #[component]
    pub fn TeachApp(props: &TeachProps) -> Html {
        let lang = props.state.lang;
        if lang == crate::i18n::Lang::Ja {
            crate::i18n::take_preloaded();
        }
        let tr = crate::i18n::Tr::new(lang);
        let _ja = crate::i18n::use_ja_docs(lang);
        html! {
            <ContextProvider<crate::i18n::Tr> context={tr}>
                <TeachBody state={props.state.clone()} notify={props.notify.clone()} />
            </ContextProvider<crate::i18n::Tr>>
        }
    }

    /// The view or dialog itself (under the language's context).
    #[component]
    fn TeachBody(props: &TeachProps) -> Html {
        let state = &props.state;
        // The checklist and the dialogs work on the whole project, sent as a state file.
        let shared = state
            .project
            .as_deref()
            .and_then(|json| persist::read_state_file(json).ok());
        let loaded = shared.as_ref().map(|share| {
            let ticks = share.ticks.clone();
            (persist::share_loaded(share), ticks)
        });
        let close = props.notify.reform(|()| Notice::Close);
        // A permalink named an example: send its files to the page (once per example).
        {
            let notify = props.notify.clone();
            use_effect_with(state.example, move |example| {
                if let Some(files) = example.and_then(super::ExampleFiles::of) {
                    notify.emit(Notice::Load(files));
                }
                || ()
            });
        }
        match state.view {
            TeachView::Sizing => html! {
                <Sizing text={state.text.clone()} region={AttrValue::from(state.region.to_string())} />
            },
            TeachView::Explain => html! {
                <main class="explain-page" id="main">
                    <CpuExplainer text={state.text.clone()} />
                    <MemoryExplainer text={state.text.clone()} from_finding={state.from_finding} />
                    <TaskDiagram text={state.text.clone()} />
                </main>
            },
            TeachView::Learn => {
                let on_lesson = props.notify.reform(Notice::Lesson);
                let notify = props.notify.clone();
                let on_load = Callback::from(move |id: &'static str| {
                    if let Some(files) = super::ExampleFiles::of(id) {
                        notify.emit(Notice::Load(files));
                    }
                });
                html! { <Learn lesson={state.lesson} {on_lesson} {on_load} /> }
            }
            TeachView::Checklist => match loaded {
                Some((loaded, ticks)) => {
                    let on_tick = props.notify.reform(Notice::Tick);
                    let on_goto = props.notify.reform(Notice::Goto);
                    html! {
                        <Checklist project={loaded.project} {ticks} {on_tick} {on_goto} />
                    }
                }
                None => html! {},
            },
            TeachView::Settings => {
                let settings =
                    loaded.map_or_else(|| Rc::new(PageSettings::default()), |(l, _)| l.settings);
                let on_apply = props
                    .notify
                    .reform(|settings: PageSettings| Notice::Settings(settings.to_map()));
                html! { <SettingsDialog {settings} {on_apply} on_close={close} /> }
            }
            TeachView::Export => match loaded {
                Some((loaded, _)) => html! {
                    <ExportDialog project={loaded.project} vars={loaded.vars} settings={loaded.settings} on_close={close} />
                },
                None => html! {},
            },
            TeachView::Rules => {
                let on_select = props.notify.reform(Notice::Explain);
                let on_query = props.notify.reform(Notice::Query);
                html! {
                    <RulesView query={AttrValue::from(state.query.to_string())} selected={state.rule} {on_select} {on_query} />
                }
            }
            TeachView::Share => match (shared, state.project.clone()) {
                (Some(shared), Some(text)) => {
                    let on_linked = props.notify.reform(Notice::Linked);
                    let on_open = props.notify.reform(Notice::OpenState);
                    let on_error = props.notify.reform(Notice::Error);
                    let summary = state.summary.clone().unwrap_or_else(|| Rc::from(""));
                    html! {
                        <ShareDialog {text} shared={Rc::new(shared)} {summary}
                            {on_linked} {on_open} {on_error} on_close={close} />
                    }
                }
                _ => html! {},
            },
            TeachView::Help => html! { <HelpDialog on_close={close} /> },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_survives_the_trip_between_modules() {
        let lesson = learn::lessons().first().map(|l| l.id);
        assert!(lesson.is_some(), "the engine has lessons");
        for view in TeachView::ALL {
            let state = TeachState {
                view,
                text: Rc::from("{\"family\": \"a \\\"quoted\\\" name\"}\n"),
                from_finding: view == TeachView::Explain,
                lesson,
                project: view.is_dialog().then(|| Rc::from("{\"td\": \"{}\"}")),
                example: (view == TeachView::Learn).then_some("rolling-good"),
                region: Rc::from(if view == TeachView::Sizing {
                    "ap-northeast-1"
                } else {
                    ""
                }),
                lang: if view == TeachView::Learn {
                    crate::i18n::Lang::Ja
                } else {
                    crate::i18n::Lang::En
                },
                rule: (view == TeachView::Rules).then_some("TD001"),
                query: Rc::from(if view == TeachView::Rules {
                    "fargate \"cpu\""
                } else {
                    ""
                }),
                summary: (view == TeachView::Share).then(|| Rc::from("| a \\| b |\n")),
            };
            assert_eq!(TeachState::from_json(&state.to_json()), Some(state));
        }
    }

    #[test]
    fn the_rendered_view_prints_what_ecspresso_prints() {
        use ecsplain_engine::lint::Input;
        let config = "region: ap-northeast-1\ncluster: prod\nservice: web\ntask_definition: ecs-task-def.json\n";
        let task = r#"{"family": "web", "containerDefinitions": [{"name": "app", "image": "{{ must_env `IMAGE` }}"}]}"#;
        let inputs = vec![
            Input::new("ecspresso.yml", config, Some(Kind::Ecspresso)),
            Input::new("ecs-task-def.json", task, Some(Kind::TaskDef)),
        ];
        let vars: std::collections::BTreeMap<String, String> =
            [("IMAGE".to_string(), "nginx:1.27".to_string())].into();
        let shown = rendered_view(&render_request("ecs-task-def.json", task, &inputs, &vars));
        let project = ecsplain_engine::Project::from_inputs(inputs.clone())
            .with_values(ecsplain_engine::workspace::vars_from_keys(&vars));
        let printed = project
            .find("ecs-task-def.json")
            .and_then(|id| project.render(id));
        assert_eq!(
            Some(Ok(shown.clone())),
            printed,
            "the engine project's own rendering, unchanged"
        );
        assert!(shown.contains("nginx:1.27"), "{shown}");
        // A file no config names is shown with its templates filled.
        let docker = "FROM {{ must_env `IMAGE` }}\n";
        let shown = rendered_view(&render_request("Dockerfile", docker, &inputs, &vars));
        assert_eq!(shown, project.fill_templates(docker));
        assert_eq!(shown, "FROM nginx:1.27\n");
        assert_eq!(rendered_view("not json"), "");
    }

    #[test]
    fn unknown_views_and_lessons_are_refused_or_dropped() {
        assert_eq!(
            TeachState::from_json("{\"view\": \"nope\", \"text\": \"\"}"),
            None
        );
        let state =
            TeachState::from_json("{\"view\": \"rules\", \"text\": \"\", \"rule\": \"XX999\"}");
        assert_eq!(
            state.map(|s| s.rule),
            Some(None),
            "an unknown rule is dropped"
        );
        assert_eq!(TeachState::from_json("not json"), None);
        let state = TeachState::from_json(
            "{\"view\": \"learn\", \"text\": \"\", \"lesson\": \"no-such-lesson\"}",
        );
        assert_eq!(state.map(|s| s.lesson), Some(None));
    }

    #[test]
    fn notices_name_real_lessons_and_examples() {
        let example = learn::examples().first().map(|e| e.id).unwrap_or("");
        let lesson = learn::lessons().first().map(|l| l.id);
        let settings = [("fail-on".to_string(), "error".to_string())].into();
        let goto = FindingRef {
            code: "TD001".into(),
            path: "a \"b\".json".into(),
            line: 3,
            column: 7,
        };
        for notice in [
            Notice::Lesson(None),
            Notice::Lesson(lesson),
            Notice::Load(ExampleFiles::of(example).expect("the example exists")),
            Notice::Tick("8.3".into()),
            Notice::Goto(goto),
            Notice::Settings(settings),
            Notice::Explain(Some("TD001")),
            Notice::Explain(None),
            Notice::Query("fargate cpu".into()),
            Notice::Linked("v1.abc".into()),
            Notice::OpenState("{\"td\": \"{}\"}".into()),
            Notice::Error("too large".into()),
            Notice::Close,
        ] {
            let (kind, id) = notice.to_parts();
            assert_eq!(Notice::from_parts(kind, id.as_deref()), Some(notice));
        }
        let unknown = r#"{"id": "no-such-example", "files": []}"#;
        assert_eq!(Notice::from_parts("load", Some(unknown)), None);
        let bad_kind = r#"{"id": "rolling-good", "files": [{"kind": "nope", "text": ""}]}"#;
        assert_eq!(Notice::from_parts("load", Some(bad_kind)), None);
        assert_eq!(Notice::from_parts("load", None), None);
        assert_eq!(Notice::from_parts("delete", None), None);
        assert_eq!(Notice::from_parts("explain", Some("XX999")), None);
        assert_eq!(Notice::from_parts("linked", None), None);
    }
}
