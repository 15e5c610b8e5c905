//! The page's components. They show state and send actions; findings come from the engine.

pub mod editor;
pub mod explain;
pub mod findings;
pub mod panes;
pub mod rules;
// Teaching (issue 11).
pub mod checklist;
pub mod gallery;
pub mod learn;
pub mod lesson;
