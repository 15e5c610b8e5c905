//! What the app (`app.rs`) hands down besides plain props.
//!
//! - [`Dispatch`]: the reducer's dispatcher, a context around everything the app draws. It is
//!   the same for the page's whole life (two of them compare equal), so providing it never
//!   renders anyone, and components that only send actions take it from here
//!   ([`use_dispatch`]) rather than through a callback prop each.
//! - [`Page`]: the reducer's state as a prop, for the components that read much of it (the
//!   share tools). Two `Page`s are equal when they hold the same state (the reducer makes a new
//!   one for every action), so its readers render when the state changes and only then. A
//!   reducer handle as a prop could not do this: it reads the newest state, so an old and a new
//!   one never differ, and the share tools' props used to compare unequal on purpose.
//! - [`Visit`]: the router's newest visit (`hooks::use_router`, `route.rs`).
//!
//! `Page` and `Visit` are props rather than contexts: the share tools are their only reader,
//! and each context costs the first download a provider component.

use yew::prelude::*;

use crate::route::Route;
use crate::state::{Action, State};

/// The reducer's dispatcher.
pub type Dispatch = UseReducerDispatcher<State>;

/// The page's reducer state, compared by identity.
#[derive(Clone)]
pub struct Page {
    handle: UseReducerHandle<State>,
    /// The state this `Page` was made with. The handle keeps that state alive (a handle holds
    /// every state it has shown), so no other state can take its address while this exists.
    made_with: *const State,
}

impl Page {
    pub fn new(handle: &UseReducerHandle<State>) -> Page {
        let handle = handle.clone();
        let made_with: *const State = &*handle;
        Page { handle, made_with }
    }

    /// The newest state (not necessarily the one this was made with: read it when an event
    /// comes, it is the current one).
    pub fn state(&self) -> &State {
        &self.handle
    }

    pub fn dispatch(&self, action: Action) {
        self.handle.dispatch(action);
    }
}

impl PartialEq for Page {
    fn eq(&self, other: &Page) -> bool {
        std::ptr::eq(self.made_with, other.made_with)
    }
}

/// One arrival at an address: the route its fragment names (`None`: not one of ours) and a
/// count, so that the same fragment reached twice is two visits.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Visit {
    pub seq: u32,
    pub route: Option<Route>,
}

/// The reducer's dispatcher (provided by the app).
#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().expect("the app provides the dispatcher")
}
