//! The page's components. They show state and send actions; findings come from the engine.

pub mod editor;
pub mod explain;
pub mod findings;
pub mod panes;
// The project view: file tree, drag and drop, variables (issue 6).
pub mod project;
pub mod rules;
pub mod variables;
// Share links, drafts, settings and export (issue 8, issue 9's page side).
pub mod export;
pub mod settings;
pub mod share;
// Drawn by the teaching module: the share and keyboard-help dialogs.
pub mod share_dialog;
// Sizing, explainers and the Dockerfile stage view (issue 7, issue 5).
pub mod cpu_explainer;
pub mod memory_explainer;
pub mod sizing;
pub mod stages;
pub mod task_diagram;
// Hosts the teaching views' own wasm module (src/teach.rs).
pub mod teach_host;
// Teaching (issue 11).
pub mod checklist;
pub mod gallery;
pub mod learn;
pub mod lesson;

/// A file of the project as the views name it: one of the four panes (the quick start: task
/// definition, service definition, Dockerfile, ecspresso config) or a file added beside them.
///
/// The state still counts the project's files by index (`State::text_of`, `Action::Edit`...:
/// the panes first, then the extra files in order); views hold this type instead, so a file
/// cannot be mistaken for a finding's, an input's or a related span's index, and they reach
/// the index only where they send an action. When the state names files by an id of its own,
/// this becomes that id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(usize);

impl FileId {
    /// The file at this place in the project (as the state counts them).
    pub const fn at(index: usize) -> FileId {
        FileId(index)
    }

    /// The place the state knows the file by.
    pub const fn index(self) -> usize {
        self.0
    }

    /// Which of the four panes this is, if it is one.
    pub fn pane(self) -> Option<usize> {
        (self.0 < crate::state::PANES.len()).then_some(self.0)
    }

    /// An added file's place among the added files.
    pub fn extra(self) -> Option<usize> {
        self.0.checked_sub(crate::state::PANES.len())
    }

    /// The suffix of the element ids drawn for this file (`tab-…`, `panel-…`): the pane's
    /// slug, or `file-N` for the N-th added file.
    pub fn slug(self) -> String {
        match crate::state::SLUGS.get(self.0) {
            Some(slug) => (*slug).to_string(),
            None => format!("file-{}", self.0 - crate::state::PANES.len()),
        }
    }
}
