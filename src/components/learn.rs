//! The Learn view: the lesson list and the examples gallery, or one lesson. Progress (examples
//! read, lessons solved, each exercise's last attempt) stays in this browser's localStorage.

use ecsplain_engine::learn;
use gloo::storage::{LocalStorage, Storage};
use yew::prelude::*;

use crate::components::gallery::Gallery;
use crate::components::lesson::Lesson;
use crate::route::lesson_href;

/// Example ids the user loaded.
pub const SEEN_KEY: &str = "ecsplain.learn.seen";
/// Lesson ids the user solved.
pub const SOLVED_KEY: &str = "ecsplain.learn.solved";

/// The ids saved under a progress key.
pub fn progress(key: &str) -> Vec<String> {
    crate::stored::strings(key).unwrap_or_default()
}

/// Adds an id to a progress key.
pub fn remember(key: &str, id: &str) {
    let mut ids = progress(key);
    if !ids.iter().any(|i| i == id) {
        ids.push(id.to_string());
        let _ = LocalStorage::set(key, &ids);
    }
}

/// Exercise attempts above this many bytes are not saved (localStorage is small and shared).
const MAX_ATTEMPT: usize = 64 * 1024;

fn attempt_key(lesson: &str) -> String {
    format!("ecsplain.learn.attempt.{lesson}")
}

/// The user's saved attempt at a lesson's exercise, if any.
pub fn saved_attempt(lesson: &str) -> Option<std::rc::Rc<str>> {
    crate::stored::string(&attempt_key(lesson)).map(std::rc::Rc::from)
}

/// Keeps an attempt, so leaving the lesson or reloading loses nothing.
pub fn save_attempt(lesson: &str, text: &str) {
    if text.len() <= MAX_ATTEMPT {
        let _ = LocalStorage::set(attempt_key(lesson), text);
    }
}

/// Drops a saved attempt (Reset).
pub fn forget_attempt(lesson: &str) {
    LocalStorage::delete(attempt_key(lesson));
}

#[derive(Properties, PartialEq)]
pub struct LearnProps {
    pub lesson: Option<&'static str>,
    pub on_lesson: Callback<Option<&'static str>>,
    pub on_load: Callback<&'static str>,
}

#[component]
pub fn Learn(props: &LearnProps) -> Html {
    let tr = crate::i18n::use_tr();
    if let Some(lesson) = props.lesson.and_then(learn::lesson) {
        return html! {
            <main class="learn-page" id="main">
                <Lesson key={lesson.id} id={lesson.id} on_back={props.on_lesson.clone()} />
            </main>
        };
    }
    let solved = progress(SOLVED_KEY);
    let lessons = learn::lessons().iter().enumerate().map(|(n, l)| {
        let done = solved.iter().any(|s| s == l.id);
        let onclick = {
            let cb = props.on_lesson.clone();
            let id = l.id;
            Callback::from(move |_: MouseEvent| cb.emit(Some(id)))
        };
        html! {
            <li class={classes!("lesson-row", done.then_some("solved"))} data-lesson={l.id}>
                <a href={lesson_href(l.id)} {onclick}>
                    <span class="lesson-number">{ n + 1 }</span>
                    <span class="lesson-text">
                        <span class="lesson-title">{ l.title_in(tr.lang) }</span>
                        <span class="lesson-summary">{ l.summary_in(tr.lang) }</span>
                    </span>
                    if done {
                        <span class="lesson-done" title={tr.learn_solved_title()}>{ tr.learn_solved() }</span>
                    }
                </a>
            </li>
        }
    });
    let done = learn::lessons()
        .iter()
        .filter(|l| solved.iter().any(|s| s == l.id))
        .count();
    html! {
        <main class="learn-page" id="main">
            <section class="lessons" aria-labelledby="lessons-title">
                <h2 id="lessons-title">{ tr.learn_lessons() }
                    <span class="scope">{ tr.learn_scope(done, learn::lessons().len()) }</span>
                </h2>
                <p class="lead">{ tr.learn_lead() }</p>
                <ol class="lesson-list">{ for lessons }</ol>
            </section>
            <Gallery on_load={props.on_load.clone()} />
        </main>
    }
}
