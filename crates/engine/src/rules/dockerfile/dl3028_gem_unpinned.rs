use super::support;
use crate::check::Sink;
use crate::dockerfile::DockerfileCtx;

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
    pub static RULE = {
        code: "DL3028",
        name: "gem-unpinned",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "gem install without versions",
    }
}

const GEM: &[&str] = &[
    "-v",
    "--version",
    "-i",
    "--install-dir",
    "-n",
    "--bindir",
    "--source",
    "-s",
    "--platform",
];

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for (_, c) in support::commands(ctx) {
        if !support::runs(c, &["gem"], &["install", "i"], GEM)
            || c.has_any_option(&["-v", "--version"])
        {
            continue;
        }
        let unpinned: Vec<_> = support::packages(c, GEM)
            .into_iter()
            .filter(|p| !p.text.contains(':') && !support::is_local_or_dynamic(p, &[".gem"]))
            .collect();
        if !unpinned.is_empty() {
            sink.report(
                support::cover(&unpinned),
                format!(
                    "gem installs {} without a version",
                    support::list(&unpinned)
                ),
            )
            .set_help("pin the version with `-v VERSION` or `gem:VERSION`");
        }
    }
}
