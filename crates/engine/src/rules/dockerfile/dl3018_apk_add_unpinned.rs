use crate::models::pkg::{self, Pm};
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports packages of `apk add` without a version (`curl` instead of `curl=8.9.1-r0`). Local
    /// `.apk` files and variables are skipped.
    ///
    /// ## Why is this bad?
    /// Unpinned packages make the image change from one build to the next.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN apk add --no-cache curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// RUN apk add --no-cache curl=8.9.1-r0
    /// ```
    /// A constraint like `curl~=8.9` also counts as pinned.
    ///
    /// ## References
    /// - hadolint [DL3018](https://github.com/hadolint/hadolint/wiki/DL3018)
    ///
    /// A version given by a variable counts as a pin, except a variable that only an `ENV` of another
    /// stage (one this stage is not built on) sets: there it is empty, so the package is unpinned, as
    /// hadolint reports too.
    pub static RULE = {
        code: "DL3018",
        name: "apk-add-unpinned",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "apk add without versions",
    }
}

crate::messages! {
    "DL3018";
    ONE = "apk adds {package} without a version";
    MANY = "apk adds {packages} and {last} without a version";
    HELP = "pin versions with `package=version`";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for f in pkg::find(ctx, &[Pm::Apk]) {
        if f.call.installs() {
            let unpinned = pkg::unpinned(ctx, &f, |t| t.contains(['=', '<', '>', '~']));
            super::pkg_report::unpinned(
                sink,
                &unpinned,
                super::pkg_report::packages(&unpinned, &ONE, &MANY, vec![]),
                crate::msg!(HELP),
            );
        }
    }
}
