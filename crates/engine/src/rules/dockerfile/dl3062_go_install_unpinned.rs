use crate::input::msg::Arg;
use crate::models::pkg::{self, Pm};
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `go install`, `go get` and `go run` of a remote package without `@version`, or with
    /// `@latest`. Local packages (`.`, `./cmd/x`, `main.go`) are skipped.
    ///
    /// ## Why is this bad?
    /// `go install` without a version fetches whatever was tagged last: the tool changes between
    /// builds.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM golang:1.22
    /// RUN go install github.com/go-delve/delve/cmd/dlv@latest
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// RUN go install github.com/go-delve/delve/cmd/dlv@v1.23.0
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3062](https://github.com/hadolint/hadolint/wiki/DL3062)
    pub static RULE = {
        code: "DL3062",
        name: "go-install-unpinned",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "go install without a version",
    }
}

crate::messages! {
    "DL3062";
    HELP = "add `@vX.Y.Z`";
    ONE = "go {sub} of {package} without a fixed version";
    MANY = "go {sub} of {packages} and {last} without a fixed version";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for f in pkg::find(ctx, &[Pm::Go]) {
        if !f.call.installs() {
            continue;
        }
        // `go run pkg@v1 args...`: only the first operand is a package.
        let take = if f.call.sub_is(&["run"]) {
            1
        } else {
            usize::MAX
        };
        let unpinned: Vec<_> = f
            .call
            .packages
            .iter()
            .take(take)
            .filter(|p| {
                let t = p.text.as_str();
                (!t.contains('@') || t.ends_with("@latest")) && !f.call.is_local_or_dynamic(p)
            })
            .collect();
        if !unpinned.is_empty() {
            let sub = f.call.sub.as_deref().unwrap_or("install");
            sink.report_msg(
                pkg::cover(&unpinned),
                super::pkg_report::packages(
                    &unpinned,
                    &ONE,
                    &MANY,
                    vec![("sub", Arg::Code(sub.to_string()))],
                ),
            )
            .set_help_msg(crate::msg!(HELP));
        }
    }
}
