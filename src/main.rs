//! The page's entry point: mounts [`ecsplain_web::App`] on the document body.

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<ecsplain_web::App>::new().render();
}

/// Natively there is no page to render; the binary exists for Trunk's wasm32 build.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
