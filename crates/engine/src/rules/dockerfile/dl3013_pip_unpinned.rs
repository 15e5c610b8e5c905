use super::support;
use crate::check::Sink;
use crate::dockerfile::DockerfileCtx;

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
    pub static RULE = {
        code: "DL3013",
        name: "pip-unpinned",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "pip install without versions",
    }
}

const PIP: &[&str] = &[
    "-r",
    "--requirement",
    "-c",
    "--constraint",
    "-e",
    "--editable",
    "-i",
    "--index-url",
    "--extra-index-url",
    "-f",
    "--find-links",
    "-t",
    "--target",
    "--prefix",
    "--root",
    "--trusted-host",
    "--platform",
    "--python-version",
    "--implementation",
    "--abi",
    "--progress-bar",
    "--cache-dir",
    "--src",
    "--upgrade-strategy",
    "--log",
    "--proxy",
    "--retries",
    "--timeout",
    "--exists-action",
    "--cert",
    "--client-cert",
    "--only-binary",
    "--no-binary",
    "-C",
    "--config-settings",
    "--report",
];

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for (_, c) in support::commands(ctx) {
        let Some(pip) = support::pip_command(c) else {
            continue;
        };
        if pip
            .operands(PIP)
            .first()
            .is_none_or(|w| w.text != "install")
        {
            continue;
        }
        let unpinned: Vec<_> = support::packages(&pip, PIP)
            .into_iter()
            .filter(|p| {
                !p.text.contains(['=', '<', '>', '~', '@', '!'])
                    && !support::is_local_or_dynamic(p, &[".whl", ".tar.gz", ".zip", ".tgz"])
            })
            .collect();
        if !unpinned.is_empty() {
            sink.report(
                support::cover(&unpinned),
                format!(
                    "pip installs {} without a version",
                    support::list(&unpinned)
                ),
            )
            .set_help(
                "pin versions with `package==version`, or install from a pinned requirements file",
            );
        }
    }
}
