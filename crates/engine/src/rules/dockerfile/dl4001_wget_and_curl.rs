use crate::models::stages as support;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports a Dockerfile that uses both `wget` and `curl` in `RUN`s; the finding is on the first use
    /// of the less used one.
    ///
    /// ## Why is this bad?
    /// Two tools that do the same thing: one of them is extra weight and extra attack surface in the
    /// image.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN curl -fsSLO https://example.com/a
    /// RUN wget -q https://example.com/b
    /// ```
    ///
    /// ## Use instead
    /// Pick one of them for every download.
    ///
    /// ## References
    /// - hadolint [DL4001](https://github.com/hadolint/hadolint/wiki/DL4001)
    pub static RULE = {
        code: "DL4001",
        name: "wget-and-curl",
        target: Dockerfile,
        severity: Warning,
        category: ImageSize,
        summary: "both wget and curl are used",
    }
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    // Each stage installs its own tools: judge stage by stage.
    let mut stages: Vec<Option<usize>> = support::runs_in(ctx).map(|(o, _)| o.stage).collect();
    stages.dedup();
    for stage in stages {
        check_stage(ctx, sink, stage);
    }
}

fn check_stage(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>, stage: Option<usize>) {
    let in_stage = || {
        support::runs_in(ctx)
            .filter(move |(o, _)| o.stage == stage)
            .flat_map(|(_, r)| r.commands.iter())
    };
    let curl: Vec<_> = in_stage().filter(|c| c.is("curl")).collect();
    let wget: Vec<_> = in_stage().filter(|c| c.is("wget")).collect();
    let (Some(c), Some(w)) = (curl.first(), wget.first()) else {
        return;
    };
    let (report, other, name) = if wget.len() <= curl.len() {
        (w, c, "wget")
    } else {
        (c, w, "curl")
    };
    sink.report(
        report.name_span(),
        format!(
            "`{name}` is used, but so is `{}`",
            if name == "wget" { "curl" } else { "wget" }
        ),
    )
    .add_related(other.name_span(), "the other download tool")
    .set_help("use one download tool throughout");
}
