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
