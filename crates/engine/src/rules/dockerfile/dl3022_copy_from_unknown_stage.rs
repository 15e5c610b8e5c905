use crate::input::msg::Arg;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `COPY --from=name` where `name` is not the alias of an earlier stage nor a stage number.
    /// Values that look like images (`nginx:1.27`, `ghcr.io/...`) and variables are accepted.
    ///
    /// ## Why is this bad?
    /// BuildKit takes an unknown name for an image and tries to pull it: a typo in a stage name becomes
    /// a confusing "pull access denied" error, or worse, copies files from an unrelated public image.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM golang:1.22 AS build
    /// RUN go build -o /app .
    /// FROM gcr.io/distroless/static
    /// COPY --from=biuld /app /app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// COPY --from=build /app /app
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3022](https://github.com/hadolint/hadolint/wiki/DL3022)
    /// - [Dockerfile reference: COPY --from](https://docs.docker.com/reference/dockerfile/#copy---from)
    pub static RULE = {
        code: "DL3022",
        name: "copy-from-unknown-stage",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "a COPY --from names no earlier stage",
    }
}

crate::messages! {
    "DL3022";
    MESSAGE = "`--from={value}` names no earlier stage, so BuildKit will try to pull an image called `{value}`";
    HELP = "name the stage to copy from with `FROM image AS name` before this COPY";
    HELP_EARLIER = "earlier stages are {names}";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for ins in ctx.instructions().filter(|i| i.is("COPY")) {
        let Some(flag) = ins.flag("from") else {
            continue;
        };
        let Some(value) = flag.value.as_deref() else {
            continue;
        };
        if value.contains([':', '/', '@', '$', '.']) {
            continue;
        }
        let current = ins.stage.unwrap_or(0);
        let earlier = &ctx.dockerfile.stages[..current.min(ctx.dockerfile.stages.len())];
        if let Ok(n) = value.parse::<usize>() {
            if n < current {
                continue;
            }
        } else if earlier.iter().any(|s| {
            s.alias
                .as_ref()
                .is_some_and(|(a, _)| a.eq_ignore_ascii_case(value))
        }) {
            continue;
        }
        if value.parse::<usize>().is_err()
            && ctx.stage_by_name(value).is_some_and(|s| s.index == current)
        {
            continue; // DL3023
        }
        let names: Vec<Arg> = earlier
            .iter()
            .filter_map(|s| s.alias.as_ref().map(|(a, _)| Arg::Code(format!("`{a}`"))))
            .collect();
        let d = sink.report_msg(flag.value_span, crate::msg!(MESSAGE, value = value));
        if names.is_empty() {
            d.set_help_msg(crate::msg!(HELP));
        } else {
            d.set_help_msg(crate::msg!(HELP_EARLIER, names = Arg::List(names)));
        }
    }
}
