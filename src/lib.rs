//! The ecsplain page: four inputs linted together by the engine, in the browser.
//!
//! State lives in one reducer ([`state::State`], [`state::Action`]); the app provides its
//! dispatcher, its state and the router's visits as contexts (`context`), its effects are custom
//! hooks (`hooks`: lint, drafts, theme, router, on-demand modules), and components render the
//! state and send actions. Nothing the user pastes leaves the page: there is no network code
//! here at all.
#![forbid(unsafe_code)]

#[cfg(target_arch = "wasm32")]
pub mod components;
pub mod i18n;
pub mod jsonnet;
pub mod markdown;
pub mod persist;
pub mod route;
pub mod state;
// The teaching views' second wasm module (its types are native too, for tests).
pub mod dockerfile;
pub mod teach;
pub mod template;
pub mod terraform;
pub mod variables;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
pub mod context;
#[cfg(target_arch = "wasm32")]
pub mod docs;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod loader;
#[cfg(target_arch = "wasm32")]
pub mod stored;
#[cfg(target_arch = "wasm32")]
pub use app::App;
