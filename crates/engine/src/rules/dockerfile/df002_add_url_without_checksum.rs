use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `ADD https://...` without `--checksum=sha256:...`. Git sources are left alone.
    ///
    /// ## Why is this bad?
    /// The file is downloaded at every build with no check of what came back: a compromised or changed
    /// server puts anything in your image. `--checksum` makes the build fail when the content changes.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// ADD https://example.com/tool.tar.gz /opt/
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// ADD --checksum=sha256:<digest> https://example.com/tool.tar.gz /opt/
    /// ```
    ///
    /// ## References
    /// - [Dockerfile reference: ADD
    ///   --checksum](https://docs.docker.com/reference/dockerfile/#add---checksum)
    pub static RULE = {
        code: "DF002",
        name: "add-url-without-checksum",
        target: Dockerfile,
        severity: Warning,
        category: Security,
        summary: "an ADD downloads a URL without --checksum",
    }
}

crate::messages! {
    "DF002";
    HELP = "add `--checksum=sha256:<digest>` so the build fails when the file changes";
    MESSAGE = "`{url}` is downloaded without a checksum";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for ins in ctx.instructions().filter(|i| i.is("ADD")) {
        if ins.flag("checksum").is_some() {
            continue;
        }
        let words: Vec<&crate::syntax::dockerfile::Word> = match &ins.args {
            crate::syntax::dockerfile::Args::Exec(w) => w.iter().collect(),
            crate::syntax::dockerfile::Args::Shell => ins.words.iter().collect(),
        };
        let Some((_, sources)) = words.split_last() else {
            continue;
        };
        for src in sources {
            let t = src.text.to_ascii_lowercase();
            let url = t.starts_with("http://") || t.starts_with("https://");
            if url && !t.ends_with(".git") && !t.contains(".git#") {
                sink.report_msg(src.span, crate::msg!(MESSAGE, url = &src.text))
                    .set_help_msg(crate::msg!(HELP));
            }
        }
    }
}
