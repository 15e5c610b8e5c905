use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `COPY` of a local tar archive (`.tar`, `.tar.gz`, `.tgz`, `.tar.bz2`, `.tar.xz`) that a
    /// later `RUN tar -x` of the same stage extracts.
    ///
    /// ## Why is this bad?
    /// The archive is stored in one layer and its content in another: the image carries both. `ADD`
    /// extracts a local tar archive in the same step, so only the content is stored.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// COPY app.tar.gz /tmp/
    /// RUN tar -xzf /tmp/app.tar.gz -C /opt
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// ADD app.tar.gz /opt/
    /// ```
    /// (On BuildKit, `RUN --mount=type=bind,source=app.tar.gz,target=/tmp/app.tar.gz tar -xzf
    /// /tmp/app.tar.gz -C /opt` also keeps the archive out of the image.)
    ///
    /// ## References
    /// - hadolint [DL3010](https://github.com/hadolint/hadolint/wiki/DL3010)
    /// - [Dockerfile reference: ADD](https://docs.docker.com/reference/dockerfile/#add)
    ///
    /// Deliberate difference: `tar xf` (the old form without a dash) counts as extracting too.
    ///
    /// Known difference from hadolint (docs/hadolint-parity.md): in `COPY build\foo\bar.tar.gz ...`
    /// the backslashes are escape characters (the default `# escape=\`), so BuildKit, and ecsplain,
    /// read the source as `buildfoobar.tar.gz`; hadolint keeps the backslashes. A destination without
    /// a trailing slash is read both as the archive's new name and as the folder it lands in.
    pub static RULE = {
        code: "DL3010",
        name: "copy-then-extract",
        target: Dockerfile,
        severity: Info,
        category: ImageSize,
        summary: "a COPY of a tar archive is extracted by a later RUN",
    }
}

crate::messages! {
    "DL3010";
    HELP = "use `ADD` to extract a local tar archive in one step";
    MESSAGE = "`{archive}` is copied and then extracted, so the image stores both the archive and its content";
}

const TARS: &[&str] = &[
    ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz",
];

fn extracts(c: &crate::syntax::dockerfile::Command) -> bool {
    c.is("tar")
        && c.args().iter().enumerate().any(|(i, a)| {
            let t = a.text.as_str();
            t == "--extract"
                || t == "--get"
                || (t.starts_with('-') && !t.starts_with("--") && t.contains('x'))
                || (i == 0
                    && !t.starts_with('-')
                    && t.contains('x')
                    && t.chars().all(|ch| ch.is_ascii_alphabetic()))
        })
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    let all = &ctx.dockerfile.instructions;
    for (index, ins) in all.iter().enumerate() {
        if !ins.is("COPY") || ins.flag("from").is_some() || ins.is_exec_form() {
            continue;
        }
        let Some((dest, sources)) = ins.words.split_last() else {
            continue;
        };
        for src in sources {
            let lower = src.text.to_ascii_lowercase();
            if !TARS.iter().any(|e| lower.ends_with(e)) || src.is_dynamic() {
                continue;
            }
            let slash = |t: &str| t.replace('\\', "/").to_ascii_lowercase();
            let src_norm = slash(&src.text);
            let base = src_norm.rsplit('/').next().unwrap_or(&src_norm).to_string();
            // The destination names the archive itself, or (ending in `/`, or being a folder
            // that already exists) the folder it lands in: both readings are checked.
            let dest_norm = slash(&dest.text);
            let mut targets = vec![format!("{}/{base}", dest_norm.trim_end_matches('/'))];
            if !dest_norm.ends_with('/') {
                targets.push(dest_norm.clone());
            }
            let later = all
                .get(index + 1..)
                .unwrap_or(&[])
                .iter()
                .take_while(|i| i.stage == ins.stage);
            let extracted = later
                .filter(|i| i.is("RUN"))
                .flat_map(|i| i.commands.iter())
                .any(|c| {
                    extracts(c)
                        && c.args().iter().any(|a| {
                            let a = slash(&a.text);
                            targets.iter().any(|target| {
                                let target_base = target.rsplit('/').next().unwrap_or(target);
                                a == *target
                                    || a.ends_with(&format!("/{target_base}"))
                                    || a == target_base
                            })
                        })
                });
            if extracted {
                sink.report_msg(src.span, crate::msg!(MESSAGE, archive = &src.text))
                    .set_help_msg(crate::msg!(HELP));
            }
        }
    }
}
