use crate::models::pkg::{self, Pm};
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `gem install` of gems without a version (`-v`, `--version`, or `gem:version`). Local
    /// `.gem` files and variables are skipped.
    ///
    /// ## Why is this bad?
    /// Unpinned gems make the image change from one build to the next.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM ruby:3.3-slim
    /// RUN gem install bundler
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// RUN gem install bundler -v 2.5.16
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3028](https://github.com/hadolint/hadolint/wiki/DL3028)
    ///
    /// A version given by a variable counts as a pin, except a variable that only an `ENV` of another
    /// stage (one this stage is not built on) sets: there it is empty, so the package is unpinned, as
    /// hadolint reports too.
    pub static RULE = {
        code: "DL3028",
        name: "gem-unpinned",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "gem install without versions",
    }
}

crate::messages! {
    "DL3028";
    ONE = "gem installs {package} without a version";
    MANY = "gem installs {packages} and {last} without a version";
    HELP = "pin the version with `-v VERSION` or `gem:VERSION`";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for f in pkg::find(ctx, &[Pm::Gem]) {
        if !f.call.installs() || f.call.has_option("-v") || f.call.has_option("--version") {
            continue;
        }
        let unpinned = pkg::unpinned(ctx, &f, |t| t.contains(':'));
        super::pkg_report::unpinned(
            sink,
            &unpinned,
            super::pkg_report::packages(&unpinned, &ONE, &MANY, vec![]),
            crate::msg!(HELP),
        );
    }
}
