//! Teaching content: an examples gallery, guided lessons with exercises checked by the engine,
//! and the author's ECS best-practice checklist evaluated from a lint report.
//!
//! Everything here is static data plus small pure functions, so the page can list, load and
//! check it without IO. Texts live in `crates/engine/content/` and `data/checklist.json` and are
//! compiled in with `include_str!`.

pub mod checklist;
pub mod evidence;
pub mod examples;
pub mod facts;
pub mod ja_text;
pub mod lessons;
pub mod sizing_in;
pub mod translation;

use serde::{Serialize, Serializer};

use crate::input::Kind;

pub use checklist::{
    checklist, evaluate, evaluate_in, evaluate_vars, evaluate_vars_in, kinds_in, platform_of,
    source, to_markdown, to_markdown_in, Check, Item, ItemStatus, Platform, Source, Status,
};
pub use evidence::Evidence;
pub use examples::{example, example_id, examples, Example, Quality, EXAMPLE_IDS};
pub use facts::{Fact, FactResult, Peak};
pub use lessons::{
    check_exercise, check_exercise_in, lesson, lesson_id, lessons, Exercise, ExerciseResult,
    Explainer, Lesson, LESSON_IDS,
};

/// One file of an example or an exercise: what a pane of the page holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct File {
    #[serde(serialize_with = "kind_name")]
    pub kind: Kind,
    /// A path for messages and for cross-file references (`ecspresso.yml` names
    /// `ecs-task-def.json` relative to its own folder).
    pub path: &'static str,
    pub text: &'static str,
}

impl File {
    /// The file as a lint input of a known kind.
    pub fn input(&self) -> crate::input::Input {
        crate::input::Input::new(self.path, self.text, Some(self.kind))
    }
}

/// Serialises a [`Kind`] by its `--kind` name (`taskdef`, `servicedef`, `dockerfile`, `ecspresso`).
pub(crate) fn kind_name<S: Serializer>(kind: &Kind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(kind.as_str())
}

pub(crate) fn kind_names<S: Serializer>(kinds: &[Kind], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(kinds.iter().map(|k| k.as_str()))
}
