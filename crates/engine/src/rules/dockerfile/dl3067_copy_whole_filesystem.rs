use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `COPY --from=stage / /`: copying the root of another stage or image onto the root of
    /// this one.
    ///
    /// ## Why is this bad?
    /// It copies everything, package caches and build tools included, which defeats the purpose of a
    /// multi-stage build.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM golang:1.22 AS build
    /// RUN go build -o /out/app .
    /// FROM gcr.io/distroless/static:nonroot
    /// COPY --from=build / /
    /// ```
    ///
    /// ## Use instead
    /// Copy only what the final image needs: `COPY --from=build /out/app /app`.
    ///
    /// ## References
    /// - hadolint [DL3067](https://github.com/hadolint/hadolint/wiki/DL3067)
    pub static RULE = {
        code: "DL3067",
        name: "copy-whole-filesystem",
        target: Dockerfile,
        severity: Warning,
        category: ImageSize,
        summary: "a COPY --from copies a whole filesystem",
    }
}

crate::messages! {
    "DL3067";
    MESSAGE = "this copies the whole filesystem of another stage";
    HELP = "copy only the files the image needs";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for ins in ctx
        .instructions()
        .filter(|i| i.is("COPY") && i.flag("from").is_some())
    {
        let words: Vec<&crate::syntax::dockerfile::Word> = match &ins.args {
            crate::syntax::dockerfile::Args::Exec(w) => w.iter().collect(),
            crate::syntax::dockerfile::Args::Shell => ins.words.iter().collect(),
        };
        let Some((_, sources)) = words.split_last() else {
            continue;
        };
        let Some(dest) = words.last() else { continue };
        if dest.text != "/" {
            continue;
        }
        if let Some(src) = sources.iter().find(|w| w.text == "/") {
            sink.report_msg(src.span, crate::msg!(MESSAGE))
                .set_help_msg(crate::msg!(HELP));
        }
    }
}
