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

crate::messages! {
    "DL4001";
    HELP = "use one download tool throughout";
    RELATED = "the other download tool";
    MESSAGE = "`{name}` is used, but so is `{other}`";
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
    let other_name = if name == "wget" { "curl" } else { "wget" };
    sink.report_msg(
        report.name_span(),
        crate::msg!(MESSAGE, name = name, other = other_name),
    )
    .add_related_msg(other.name_span(), crate::msg!(RELATED))
    .set_help_msg(crate::msg!(HELP));
}
