//! `ecsplain size FILE`: the engine's sizing report for a task definition: its Fargate fit,
//! container totals and headroom, cost per region (x86, ARM64, Spot), and the EC2 fit.

use ecsplain_engine::learn::sizing_in::{render_text_in, size_task_in};
use ecsplain_engine::sizing::report::{size, SizeOptions, DEFAULT_REGION};
use ecsplain_engine::sizing::task::analyze_text;
use ecsplain_engine::Lang;

use crate::args::{Format, SizeArgs};
use crate::messages::{error, t};
use crate::{conf, out, TROUBLE};
use ecsplain_engine::msg;

/// Text in `lang`; JSON is the same in every language (English sentences, same keys).
pub fn run(args: &SizeArgs, lang: Lang) -> u8 {
    let text = match std::fs::read(&args.file) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(err) => {
            error(&msg!(
                t::CANNOT_READ,
                path = &args.file,
                reason = err.to_string()
            ));
            return TROUBLE;
        }
    };
    // The region: the option, else the configuration's `region`, else the default.
    let region = args.region.clone().unwrap_or_else(|| {
        conf::find(&args.file)
            .and_then(|path| conf::load(&path).ok())
            .and_then(|loaded| loaded.config.settings.region)
            .unwrap_or_else(|| DEFAULT_REGION.to_string())
    });
    let mut options = SizeOptions::new(&region);
    options.spot_discount_percent = args.spot_discount;
    options.instance = args.instance.clone();
    match args.format {
        Format::Json => out(&format!(
            "{}\n",
            serde_json::to_string_pretty(&size(&text, &options)).unwrap_or_default()
        )),
        _ => out(&render_text_in(
            &size_task_in(analyze_text(&text), &options, lang),
            lang,
        )),
    }
}
