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
    let tr = crate::i18n::use_tr();
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
            Quality::Bad => ("bad", tr.gallery_bad()),
            Quality::Good => ("good", tr.gallery_good()),
        };
        let files = e
            .files
            .iter()
            .map(|f| f.path)
            .collect::<Vec<_>>()
            .join(", ");
        // The title without the "(bad)"/"(good)" the badge already says.
        let title = e
            .title_in(tr.lang)
            .trim_end_matches(" (bad)")
            .trim_end_matches(" (good)")
            .trim_end_matches("（悪い例）")
            .trim_end_matches("（良い例）");
        html! {
            <li class={classes!("card", quality)} data-example={e.id}>
                <div class="card-head">
                    <span class={classes!("quality", quality)}>{ label }</span>
                    if read {
                        <span class="read-dot" title={tr.gallery_read_title()} aria-label={tr.gallery_read()}></span>
                    }
                </div>
                <h3 class="card-title">{ title }</h3>
                <p class="card-text">{ e.description_in(tr.lang) }</p>
                <p class="card-files">{ files }</p>
                <p class="tags">{ for e.tags.iter().map(|t| html! { <span class="chip">{ *t }</span> }) }</p>
                <button type="button" class="button primary load" {onclick}
                    aria-label={tr.gallery_load_title(e.title_in(tr.lang).to_string())}>{ tr.gallery_load() }</button>
            </li>
        }
    });
    html! {
        <section class="gallery" aria-labelledby="gallery-title">
            <h2 id="gallery-title">{ tr.gallery_heading() }
                <span class="scope">{ tr.gallery_scope(learn::examples().iter().filter(|e| seen.iter().any(|s| s == e.id)).count(), learn::examples().len()) }</span>
            </h2>
            <p class="lead">{ tr.gallery_lead() }</p>
            <ul class="cards">{ for cards }</ul>
        </section>
    }
}
