use crate::models::stages as support;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `useradd -u UID` with a UID of 100000 or more, without `-l` (`--no-log-init`).
    ///
    /// ## Why is this bad?
    /// `useradd` reserves room for every UID below the new one in `/var/log/faillog` and
    /// `/var/log/lastlog`: a sparse file that becomes gigabytes in an image layer.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN useradd -u 1000000 app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// RUN useradd -l -u 1000000 app
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3046](https://github.com/hadolint/hadolint/wiki/DL3046)
    /// - [Dockerfile best practices: USER](https://docs.docker.com/build/building/best-practices/#user)
    ///   (a large UID "can lead to disk exhaustion as `/var/log/faillog` in the container layer is
    ///   filled with NULL characters"; `useradd --no-log-init` avoids it)
    pub static RULE = {
        code: "DL3046",
        name: "useradd-high-uid",
        target: Dockerfile,
        severity: Warning,
        category: ImageSize,
        summary: "useradd with a high UID and without -l",
    }
}

crate::messages! {
    "DL3046";
    HELP = "add `-l` (`--no-log-init`)";
    MESSAGE = "useradd with UID {uid} and without `-l` writes a huge sparse lastlog file into the layer";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for (_, c) in support::commands(ctx) {
        if !c.is("useradd") || c.has_any_option(&["-l", "--no-log-init"]) {
            continue;
        }
        let args = c.args();
        let uid = args.iter().enumerate().find_map(|(i, a)| {
            if a.text == "-u" || a.text == "--uid" {
                args.get(i + 1)
            } else {
                None
            }
        });
        if let Some(uid) = uid {
            if uid.text.parse::<u64>().is_ok_and(|n| n >= 100_000) {
                sink.report_msg(uid.span, crate::msg!(MESSAGE, uid = &uid.text))
                    .set_help_msg(crate::msg!(HELP));
            }
        }
    }
}
