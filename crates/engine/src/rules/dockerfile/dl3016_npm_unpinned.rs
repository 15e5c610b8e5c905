use crate::models::pkg::{self, Pm};
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

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
    ///
    /// A version given by a variable counts as a pin, except a variable that only an `ENV` of another
    /// stage (one this stage is not built on) sets: there it is empty, so the package is unpinned, as
    /// hadolint reports too.
    pub static RULE = {
        code: "DL3016",
        name: "npm-unpinned",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "npm install of packages without versions",
    }
}

crate::messages! {
    "DL3016";
    ONE = "npm installs {package} without a version";
    MANY = "npm installs {packages} and {last} without a version";
    HELP = "pin versions with `package@version`, or list them in package.json and run `npm ci`";
}

/// An npm package spec that names a version: `name@version`, a git URL with `#commit`, or a
/// form npm resolves to fixed content (a tarball, a folder, `user/repo` on GitHub).
fn pinned(t: &str) -> bool {
    if t.starts_with("git+") || t.starts_with("git://") {
        return t.contains('#');
    }
    if t.contains("://") || (t.contains('/') && !t.starts_with('@')) {
        return true;
    }
    t.trim_start_matches('@').contains('@') || t.contains(':')
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for f in pkg::find(ctx, &[Pm::Npm]) {
        if f.call.sub_is(&["install"]) {
            let unpinned = pkg::unpinned(ctx, &f, pinned);
            super::pkg_report::unpinned(
                sink,
                &unpinned,
                super::pkg_report::packages(&unpinned, &ONE, &MANY, vec![]),
                crate::msg!(HELP),
            );
        }
    }
}
