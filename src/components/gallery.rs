//! The examples gallery: a bad and a good version of realistic services; "Load" puts an
//! example's files into the panes by kind.

use ecsplain_engine::learn::{self, Quality};
use yew::prelude::*;

use crate::components::learn::{progress, remember, SEEN_KEY};

#[derive(Properties, PartialEq)]
pub struct GalleryProps {
    pub on_load: Callback<&'static str>,
}

#[component]
pub fn Gallery(props: &GalleryProps) -> Html {
    let seen = progress(SEEN_KEY);
    let cards = learn::examples().iter().map(|e| {
        let read = seen.iter().any(|s| s == e.id);
        let onclick = {
            let cb = props.on_load.clone();
            let id = e.id;
            Callback::from(move |_: MouseEvent| {
                remember(SEEN_KEY, id);
                cb.emit(id);
            })
        };
        let (quality, label) = match e.quality {
            Quality::Bad => ("bad", "✖ bad"),
            Quality::Good => ("good", "✓ good"),
        };
        let files = e
            .files
            .iter()
            .map(|f| f.path)
            .collect::<Vec<_>>()
            .join(", ");
        // The title without the "(bad)"/"(good)" the badge already says.
        let title = e
            .title
            .trim_end_matches(" (bad)")
            .trim_end_matches(" (good)");
        html! {
            <li class={classes!("card", quality)} data-example={e.id}>
                <div class="card-head">
                    <span class={classes!("quality", quality)}>{ label }</span>
                    if read {
                        <span class="read-dot" title="you loaded this example" aria-label="read"></span>
                    }
                </div>
                <h3 class="card-title">{ title }</h3>
                <p class="card-text">{ e.description }</p>
                <p class="card-files">{ files }</p>
                <p class="tags">{ for e.tags.iter().map(|t| html! { <span class="chip">{ *t }</span> }) }</p>
                <button type="button" class="button primary load" {onclick}
                    aria-label={format!("Load {}", e.title)}>{ "Load" }</button>
            </li>
        }
    });
    html! {
        <section class="gallery" aria-labelledby="gallery-title">
            <h2 id="gallery-title">{ "Examples" }
                <span class="scope">{ format!(" · {} of {} loaded", learn::examples().iter().filter(|e| seen.iter().any(|s| s == e.id)).count(), learn::examples().len()) }</span>
            </h2>
            <p class="lead">{ "Pairs of bad and good files. Load one into the panes to see its findings." }</p>
            <ul class="cards">{ for cards }</ul>
        </section>
    }
}
