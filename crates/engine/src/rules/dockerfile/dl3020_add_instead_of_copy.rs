use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `ADD` of local files or folders. `ADD` of a URL, a git repository or a local tar archive
    /// (which `ADD` extracts) is left alone.
    ///
    /// ## Why is this bad?
    /// `ADD` also downloads URLs and extracts local tar archives, recognised "solely based on the
    /// contents of the file, not the name of the file": a file that happens to be an archive is
    /// unpacked instead of copied, whatever it is called. `COPY` does only what it says.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM nginx:1.27
    /// ADD site/ /usr/share/nginx/html/
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM nginx:1.27
    /// COPY site/ /usr/share/nginx/html/
    /// ```
    ///
    /// ## References
    /// - hadolint [DL3020](https://github.com/hadolint/hadolint/wiki/DL3020)
    /// - Checkov CKV_DOCKER_4
    /// - [Dockerfile reference: ADD](https://docs.docker.com/reference/dockerfile/#add)
    ///
    /// hadolint rates this an error; Docker builds it, so ecsplain warns.
    pub static RULE = {
        code: "DL3020",
        name: "add-instead-of-copy",
        target: Dockerfile,
        severity: Warning,
        category: Reliability,
        summary: "an ADD copies local files where COPY would",
    }
}

crate::messages! {
    "DL3020";
    MESSAGE = "ADD of local files: use COPY, which does not unpack or download";
    HELP = "replace ADD with COPY";
    FIX = "replace ADD with COPY";
}

const ARCHIVES: &[&str] = &[
    ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".gz", ".bz2", ".xz",
    ".zst", ".tar.zst",
];

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for ins in ctx.instructions().filter(|i| i.is("ADD")) {
        let words: Vec<&crate::syntax::dockerfile::Word> = match &ins.args {
            crate::syntax::dockerfile::Args::Exec(w) => w.iter().collect(),
            crate::syntax::dockerfile::Args::Shell => ins.words.iter().collect(),
        };
        let Some((_, sources)) = words.split_last() else {
            continue;
        };
        if sources.is_empty() || !ins.heredocs.is_empty() {
            continue;
        }
        let all_local = sources.iter().all(|w| {
            let t = w.text.to_ascii_lowercase();
            !(t.contains("://") || t.starts_with("git@") || ARCHIVES.iter().any(|e| t.ends_with(e)))
        });
        if all_local {
            let d = sink.report_msg(ins.keyword_span, crate::msg!(MESSAGE));
            d.set_help_msg(crate::msg!(HELP));
            if ins.flag("checksum").is_none() && ins.flag("keep-git-dir").is_none() {
                d.set_fix_msg(crate::msg!(FIX), ins.keyword_span, "COPY");
            }
        }
    }
}
