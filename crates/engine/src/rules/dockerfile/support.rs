//! Helpers the Dockerfile rules share: finding package-manager commands in `RUN`s, and stage
//! facts.

use crate::dockerfile::{Command, DockerfileCtx, Instruction, Word};

/// Every `(RUN, command)` pair of the file, `ONBUILD RUN` included.
pub fn commands<'a>(
    ctx: &'a DockerfileCtx<'a>,
) -> impl Iterator<Item = (&'a Instruction, &'a Command)> + 'a {
    ctx.runs()
        .flat_map(|run| run.commands.iter().map(move |c| (run, c)))
}

/// Whether the command runs `program` with one of `subcommands` as its first operand.
pub fn runs(
    command: &Command,
    programs: &[&str],
    subcommands: &[&str],
    takes_value: &[&str],
) -> bool {
    let Some(name) = command.name() else {
        return false;
    };
    if !programs.contains(&name) {
        return false;
    }
    subcommands.is_empty()
        || command
            .operands(takes_value)
            .first()
            .is_some_and(|w| subcommands.contains(&w.text.as_str()))
}

/// `pip`, `pip3`, `pip3.12`, and `python -m pip` (returned as a command starting at `pip`).
pub fn pip_command(command: &Command) -> Option<Command> {
    let name = command.name()?;
    if name == "pip" || name.starts_with("pip3") || name.starts_with("pip2") {
        return Some(command.clone());
    }
    if name.starts_with("python") {
        let pos = command.words.iter().position(|w| w.text == "-m")?;
        if command.words.get(pos + 1).is_some_and(|w| w.text == "pip") {
            let mut c = command.clone();
            c.words = command.words.get(pos + 1..).unwrap_or(&[]).to_vec();
            return Some(c);
        }
    }
    None
}

/// The packages a package-manager command names, after its subcommand.
pub fn packages<'a>(command: &'a Command, takes_value: &[&str]) -> Vec<&'a Word> {
    command.operands(takes_value).into_iter().skip(1).collect()
}

/// A local file or path, a URL, or a value only known at build time: never "unpinned".
pub fn is_local_or_dynamic(package: &Word, extensions: &[&str]) -> bool {
    let t = package.text.as_str();
    package.is_dynamic()
        || t.trim().is_empty()
        || t.starts_with('.')
        || t.starts_with('/')
        || t.starts_with('~')
        || t.contains("://")
        || t.starts_with("git+")
        || extensions.iter().any(|e| t.ends_with(e))
}

/// Whether the instruction belongs to the last stage.
pub fn in_final_stage(ctx: &DockerfileCtx<'_>, ins: &Instruction) -> bool {
    match (ins.stage, ctx.final_stage()) {
        (Some(s), Some(last)) => s == last.index,
        _ => false,
    }
}

/// Whether an `ENV` of the instruction's stage (or an earlier one) sets `name`.
pub fn env_set(ctx: &DockerfileCtx<'_>, name: &str) -> bool {
    ctx.instructions()
        .filter(|i| i.is("ENV"))
        .flat_map(|i| i.pairs.iter())
        .any(|p| p.key == name)
}

/// Whether a command of the same RUN removes or cleans `what` (any of the words).
pub fn run_has(run: &Instruction, program: &str, any_args: &[&str]) -> bool {
    run.commands.iter().any(|c| {
        c.is(program)
            && c.args()
                .iter()
                .any(|a| any_args.iter().any(|x| a.text.starts_with(x)))
    })
}

/// Joins names for a message: "`a`, `b` and `c`".
pub fn list(words: &[&Word]) -> String {
    let names: Vec<String> = words.iter().map(|w| format!("`{}`", w.text)).collect();
    match names.len() {
        0 => String::new(),
        1 => names.concat(),
        n => format!("{} and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}

/// The span covering several words.
pub fn cover(words: &[&Word]) -> crate::span::Span {
    let mut it = words.iter();
    let first = it.next().map(|w| w.span).unwrap_or_default();
    it.fold(first, |acc, w| acc.cover(w.span))
}

/// The stage a stage is built on (`FROM build` after `FROM ... AS build`), if any.
pub fn parent_stage<'a>(
    ctx: &DockerfileCtx<'a>,
    stage: &crate::dockerfile::Stage,
) -> Option<&'a crate::dockerfile::Stage> {
    ctx.dockerfile
        .stages
        .get(..stage.index)?
        .iter()
        .rev()
        .find(|s| {
            s.alias
                .as_ref()
                .is_some_and(|(a, _)| a.eq_ignore_ascii_case(&stage.image))
        })
}

/// Indexes of the stages whose layers end up in the final image: the last stage and the stages
/// it is built on.
pub fn image_stages(ctx: &DockerfileCtx<'_>) -> Vec<usize> {
    let mut out = Vec::new();
    let mut current = ctx.final_stage();
    while let Some(stage) = current {
        if out.contains(&stage.index) || out.len() > 64 {
            break;
        }
        out.push(stage.index);
        current = parent_stage(ctx, stage);
    }
    out
}

/// Whether the instruction's layer ends up in the final image.
pub fn in_image(ctx: &DockerfileCtx<'_>, ins: &Instruction) -> bool {
    ins.stage.is_some_and(|s| image_stages(ctx).contains(&s))
}

// Options of each package manager that take a value, so their values are not read as
// package names. One list per package manager, shared by its rules.

/// Value-taking options of apt-get/apt.
pub const APT_OPTIONS: &[&str] = &["-o", "-t", "--target-release", "-c", "--config-file"];

/// Value-taking options of apk.
pub const APK_OPTIONS: &[&str] = &[
    "-X",
    "--repository",
    "-t",
    "--virtual",
    "-p",
    "--root",
    "--arch",
    "--cache-dir",
    "--keys-dir",
];

/// Value-taking options of yum.
pub const YUM_OPTIONS: &[&str] = &[
    "--enablerepo",
    "--disablerepo",
    "-x",
    "--exclude",
    "--installroot",
    "--releasever",
    "--setopt",
    "-c",
    "--config",
];

/// Value-taking options of dnf, dnf5 and microdnf.
pub const DNF_OPTIONS: &[&str] = &[
    "--enablerepo",
    "--disablerepo",
    "-x",
    "--exclude",
    "--installroot",
    "--releasever",
    "--setopt",
    "-c",
    "--config",
    "--repo",
    "--repoid",
];

/// Value-taking options of zypper.
pub const ZYPPER_OPTIONS: &[&str] = &["-r", "--repo", "--from", "-t", "--type", "--root"];
