use super::support;
use crate::check::Sink;
use crate::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports packages named to `npm install` (`i`, `add`) without a version (`typescript` instead of
    /// `typescript@5.5.4`). `npm install` and `npm ci` with no package (from the lockfile), local
    /// folders,
    /// tarballs (`.tgz`), git and URL sources and variables are not reported.
    ///
    /// ## Why is this bad?
    /// Unpinned packages make the image change from one build to the next.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// RUN npm install -g typescript
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// RUN npm install -g typescript@5.5.4
    /// ```
    /// Better still, add it to `package.json` and use `npm ci`.
    ///
    /// ## References
    /// - hadolint [DL3016](https://github.com/hadolint/hadolint/wiki/DL3016)
    ///
    /// Deliberate differences: local tarballs and `$VARIABLES` are not reported.
    pub static RULE = {
        code: "DL3016",
        name: "npm-unpinned",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "npm install of packages without versions",
    }
}

const NPM: &[&str] = &[
    "--prefix",
    "--registry",
    "--cache",
    "-w",
    "--workspace",
    "--userconfig",
];

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for (_, c) in support::commands(ctx) {
        if !support::runs(c, &["npm"], &["install", "i", "add"], NPM) {
            continue;
        }
        let unpinned: Vec<_> = support::packages(c, NPM)
            .into_iter()
            .filter(|p| {
                let t = p.text.as_str();
                let versioned = t.trim_start_matches('@').contains('@');
                !versioned
                    && !t.contains(':')
                    && (!t.contains('/') || t.starts_with('@'))
                    && !support::is_local_or_dynamic(p, &[".tgz", ".tar.gz"])
            })
            .collect();
        if !unpinned.is_empty() {
            sink.report(support::cover(&unpinned), format!("npm installs {} without a version", support::list(&unpinned)))
                .set_help("pin versions with `package@version`, or list them in package.json and run `npm ci`");
        }
    }
}
