use crate::input::msg::Arg;
use crate::models::pkg::{self, Pm};
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports packages of `pip install` without a version specifier (`flask` instead of
    /// `flask==3.0.3`). Requirement files (`-r`), local paths, wheels and archives (`.whl`, `.tar.gz`,
    /// `.zip`), URLs and variables are not reported.
    ///
    /// ## Why is this bad?
    /// Unpinned packages make the image change from one build to the next.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// RUN pip install --no-cache-dir flask
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// RUN pip install --no-cache-dir flask==3.0.3
    /// ```
    /// or pin in a requirements file with hashes and `pip install -r requirements.txt`.
    ///
    /// ## References
    /// - hadolint [DL3013](https://github.com/hadolint/hadolint/wiki/DL3013)
    ///
    /// Deliberate differences: local wheels and archives and `$VARIABLES` are not reported; pip called
    /// by path (`/venv/bin/pip`) or as `python -m pip` is recognised (hadolint knows only the bare
    /// name).
    ///
    /// A version given by a variable counts as a pin, except a variable that only an `ENV` of another
    /// stage (one this stage is not built on) sets: there it is empty, so the package is unpinned, as
    /// hadolint reports too.
    pub static RULE = {
        code: "DL3013",
        name: "pip-unpinned",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "pip install without versions",
    }
}

crate::messages! {
    "DL3013";
    ONE = "{program} installs {package} without a version";
    MANY = "{program} installs {packages} and {last} without a version";
    HELP = "pin versions with `package==version`, or install from a pinned requirements file";
}

/// A pip requirement that names a version: `==`, `>=`, `~=`, `!=`, `@ url`, or a VCS URL
/// with `@ref` (`git+https://host/repo.git@v1#egg=x`).
fn pinned(t: &str) -> bool {
    let t = t.split('#').next().unwrap_or(t);
    if t.contains("://") {
        return t.rsplit('/').next().is_some_and(|last| last.contains('@'));
    }
    t.contains(['=', '<', '>', '~', '@', '!'])
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for f in pkg::find(ctx, &[Pm::Pip, Pm::Pipx]) {
        // A constraints file pins what the command line leaves open.
        if !f.call.sub_is(&["install"]) || f.call.command.has_any_option(&["-c", "--constraint"]) {
            continue;
        }
        let unpinned: Vec<_> = pkg::unpinned(ctx, &f, pinned)
            .into_iter()
            // `foo/bar` is a folder of the build context.
            .filter(|p| !p.text.contains('/') || p.text.contains("://"))
            .collect();
        let program = f.call.command.name().unwrap_or("pip");
        super::pkg_report::unpinned(
            sink,
            &unpinned,
            super::pkg_report::packages(
                &unpinned,
                &ONE,
                &MANY,
                vec![("program", Arg::Code(program.to_string()))],
            ),
            crate::msg!(HELP),
        );
    }
}
