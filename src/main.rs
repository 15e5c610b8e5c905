//! The page's entry point: mounts [`ecsplain_web::App`] on `#app` (index.html). Its sibling
//! `#teach` is where the teaching views' own module draws (`ecsplain_web::teach`): two roots, so
//! the two Yew apps never see each other's events.

#[cfg(target_arch = "wasm32")]
fn main() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => yew::Renderer::<ecsplain_web::App>::with_root(root).render(),
        None => yew::Renderer::<ecsplain_web::App>::new().render(),
    };
}

/// Natively there is no page to render; the binary exists for Trunk's wasm32 build.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
