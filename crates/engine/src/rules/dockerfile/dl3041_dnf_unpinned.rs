use crate::input::msg::Arg;
use crate::models::pkg::{self, Pm};
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports packages of `dnf install` (or `microdnf install`) without a version (`httpd` instead of
    /// `httpd-2.4.62`). Local `.rpm` files, paths, `@group` names and variables are skipped.
    ///
    /// ## Why is this bad?
    /// Unpinned packages make the image change from one build to the next.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM fedora:40
    /// RUN dnf install -y httpd && dnf clean all
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// RUN dnf install -y httpd-2.4.62 && dnf clean all
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3041](https://github.com/hadolint/hadolint/wiki/DL3041)
    ///
    /// A version given by a variable counts as a pin, except a variable that only an `ENV` of another
    /// stage (one this stage is not built on) sets: there it is empty, so the package is unpinned, as
    /// hadolint reports too.
    pub static RULE = {
        code: "DL3041",
        name: "dnf-unpinned",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "dnf install without versions",
    }
}

crate::messages! {
    "DL3041";
    ONE = "{program} installs {package} without a version";
    MANY = "{program} installs {packages} and {last} without a version";
    HELP = "pin versions with `package-version` (a module with `module:stream`)";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for f in pkg::find(ctx, &[Pm::Dnf, Pm::Microdnf]) {
        if !f.call.sub_is(&["install", "module install"]) {
            continue;
        }
        let module = f.call.sub_is(&["module install"]);
        let unpinned = pkg::unpinned(ctx, &f, |t| pkg::rpm_pinned(t, module));
        let program = f.call.command.name().unwrap_or("dnf");
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
