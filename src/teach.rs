//! The teaching views (Sizing, CPU & memory, Learn) as a second, lazily loaded wasm module.
//!
//! Most visitors paste files and read findings; the sizing calculator, the explainers and the
//! lessons are about a sixth of the page's code. They live in `ecsplain-teach` (src/teach_main.rs),
//! a second wasm module built from this same crate, which the page loads the first time one of
//! these views opens (`components::teach_host`). The main module never names [`TeachApp`], so link
//! time optimisation leaves these views out of the first download; the teach module never names
//! the editor page, so it carries only what it draws.
//!
//! The two modules share nothing in memory: the host sends [`TeachProps`] as JSON (the view, the
//! task definition text, the open lesson) and the teach module answers with [`Notice`]s (open a
//! lesson, load an example into the editor) through one JavaScript callback. Each runs its own Yew
//! app on its own root element (`#app` and `#teach`, siblings in index.html), so neither sees the
//! other's events.

use std::rc::Rc;

use ecsplain_engine::learn;
use serde_json::Value;

/// Which teaching view is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TeachView {
    Sizing,
    Explain,
    Learn,
}

impl TeachView {
    pub fn name(self) -> &'static str {
        match self {
            TeachView::Sizing => "sizing",
            TeachView::Explain => "explain",
            TeachView::Learn => "learn",
        }
    }

    fn from_name(name: &str) -> Option<TeachView> {
        [TeachView::Sizing, TeachView::Explain, TeachView::Learn]
            .into_iter()
            .find(|v| v.name() == name)
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
}

impl TeachState {
    /// The JSON the host sends.
    pub fn to_json(&self) -> String {
        serde_json::json!({
            "view": self.view.name(),
            "text": &*self.text,
            "from_finding": self.from_finding,
            "lesson": self.lesson,
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
        })
    }
}

/// What the teach module asks of the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Open this lesson, or the lesson list.
    Lesson(Option<&'static str>),
    /// Load this example into the editor.
    Load(&'static str),
}

impl Notice {
    /// As the two strings the JavaScript callback receives.
    pub fn to_parts(&self) -> (&'static str, Option<&'static str>) {
        match self {
            Notice::Lesson(id) => ("lesson", *id),
            Notice::Load(id) => ("load", Some(id)),
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
            "load" => learn::example(id?).map(|e| Notice::Load(e.id)),
            _ => None,
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub use view::{TeachApp, TeachProps};

#[cfg(target_arch = "wasm32")]
mod view {
    use yew::prelude::*;

    use super::{Notice, TeachState, TeachView};
    use crate::components::cpu_explainer::CpuExplainer;
    use crate::components::learn::Learn;
    use crate::components::memory_explainer::MemoryExplainer;
    use crate::components::sizing::Sizing;
    use crate::components::task_diagram::TaskDiagram;

    #[derive(Properties, PartialEq)]
    pub struct TeachProps {
        pub state: TeachState,
        pub notify: Callback<Notice>,
    }

    /// The teach module's root: one of the three views.
    #[component]
    pub fn TeachApp(props: &TeachProps) -> Html {
        let state = &props.state;
        match state.view {
            TeachView::Sizing => html! { <Sizing text={state.text.clone()} /> },
            TeachView::Explain => html! {
                <main class="explain-page" id="main">
                    <CpuExplainer text={state.text.clone()} />
                    <MemoryExplainer text={state.text.clone()} from_finding={state.from_finding} />
                    <TaskDiagram text={state.text.clone()} />
                </main>
            },
            TeachView::Learn => {
                let on_lesson = props.notify.reform(Notice::Lesson);
                let on_load = props.notify.reform(Notice::Load);
                html! { <Learn lesson={state.lesson} {on_lesson} {on_load} /> }
            }
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
        for view in [TeachView::Sizing, TeachView::Explain, TeachView::Learn] {
            let state = TeachState {
                view,
                text: Rc::from("{\"family\": \"a \\\"quoted\\\" name\"}\n"),
                from_finding: view == TeachView::Explain,
                lesson,
            };
            assert_eq!(TeachState::from_json(&state.to_json()), Some(state));
        }
    }

    #[test]
    fn unknown_views_and_lessons_are_refused_or_dropped() {
        assert_eq!(
            TeachState::from_json("{\"view\": \"rules\", \"text\": \"\"}"),
            None
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
        for notice in [
            Notice::Lesson(None),
            Notice::Lesson(lesson),
            Notice::Load(example),
        ] {
            let (kind, id) = notice.to_parts();
            assert_eq!(Notice::from_parts(kind, id), Some(notice));
        }
        assert_eq!(Notice::from_parts("load", Some("no-such-example")), None);
        assert_eq!(Notice::from_parts("load", None), None);
        assert_eq!(Notice::from_parts("delete", None), None);
    }
}
