use crate::input::msg::Arg;
use crate::models::stages as support;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::{Args, Command, DockerfileCtx, Instruction, Word};

crate::declare_rule! {
    /// ## What it does
    /// Reports a `COPY` of dependency manifests and lockfiles (`package.json`,
    /// `package-lock.json`, `yarn.lock`, `pnpm-lock.yaml`, `requirements*.txt`, `go.mod`,
    /// `go.sum`, `Gemfile`, `Gemfile.lock`) whose only use is the install that follows
    /// (`npm ci`, `yarn install`, `pnpm install`, `pip install -r`, `go mod download`,
    /// `bundle install`), and suggests bind-mounting them into that `RUN` instead:
    /// `RUN --mount=type=bind,source=go.sum,target=go.sum --mount=type=bind,source=go.mod,target=go.mod go mod download`.
    ///
    /// To keep false positives low it reports only when the files are plainly not needed
    /// afterwards: a later `COPY . <dest>` in the same stage brings them again with the rest of
    /// the sources, or (for pip requirements files, which nothing reads after the install)
    /// no later instruction of the stage names them. A `RUN` that already bind-mounts is not
    /// reported.
    ///
    /// ## Why is this bad?
    /// Copying the lockfiles first is the right idea: the install layer is rebuilt only when
    /// they change. A bind mount keeps that cache behaviour without adding a layer of its own
    /// and without leaving the files in the image where nothing uses them. Together with a
    /// cache mount for the package manager's download cache (`DF005`), it is the pattern
    /// Docker's own templates (`docker init`) use.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// WORKDIR /app
    /// COPY package.json package-lock.json ./
    /// RUN npm ci --omit=dev
    /// COPY . .
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// WORKDIR /app
    /// RUN --mount=type=bind,source=package.json,target=package.json \
    ///     --mount=type=bind,source=package-lock.json,target=package-lock.json \
    ///     --mount=type=cache,target=/root/.npm \
    ///     npm ci --omit=dev
    /// COPY . .
    /// ```
    ///
    /// ## References
    /// - [Docker docs: RUN --mount=type=bind](https://docs.docker.com/reference/dockerfile/#run---mounttypebind)
    /// - [Docker docs: optimize cache usage in builds](https://docs.docker.com/build/cache/optimize/)
    /// - Checklist: container image 6 (image size minimised). No hadolint equivalent.
    pub static RULE = {
        code: "DF010",
        name: "lockfile-copy-for-install",
        target: Dockerfile,
        severity: Info,
        category: ImageSize,
        summary: "lockfiles are copied only to install dependencies; a bind mount would do",
    }
}

crate::messages! {
    "DF010";
    RELATED = "the install";
    RELATED_2 = "also copied for the install";
    RECOPIED_ONE = "{file} is copied only for `{run}` and comes again with the later `COPY .`";
    RECOPIED_MANY = "{files} and {last} are copied only for `{run}` and come again with the later `COPY .`";
    UNUSED_ONE = "{file} is copied only for `{run}` and nothing later uses it";
    UNUSED_MANY = "{files} and {last} are copied only for `{run}` and nothing later uses them";
    HELP_WILDCARD = "drop the COPY and give `{run}` the files with `RUN --mount=type=bind,source=<file>,target=<file>`, one mount per file (a bind mount takes no wildcard)";
    HELP_MOUNT = "drop the COPY and mount the files for the install: `RUN {mounts} {written}`";
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ecosystem {
    Node,
    Pip,
    Go,
    Ruby,
}

/// The ecosystem of a manifest or lockfile, from its name (wildcards such as `package*.json`
/// and `requirements*.txt` included).
fn ecosystem(path: &str) -> Option<Ecosystem> {
    let name = path.rsplit('/').next().unwrap_or(path);
    match name {
        "package.json"
        | "package-lock.json"
        | "npm-shrinkwrap.json"
        | "yarn.lock"
        | "pnpm-lock.yaml"
        | "package*.json" => Some(Ecosystem::Node),
        "go.mod" | "go.sum" => Some(Ecosystem::Go),
        "Gemfile" | "Gemfile.lock" => Some(Ecosystem::Ruby),
        _ if name.starts_with("requirements") && name.ends_with(".txt") => Some(Ecosystem::Pip),
        _ => None,
    }
}

/// Whether the command installs the ecosystem's dependencies from the copied files.
fn installs(c: &Command, eco: Ecosystem, files: &[&Word]) -> bool {
    let sub = c.subcommand().map(|w| w.text.as_str()).unwrap_or("");
    match eco {
        Ecosystem::Node => match c.name() {
            Some("npm") => {
                sub == "ci"
                    || (matches!(sub, "install" | "i")
                        && c.args().iter().skip(1).all(|a| a.text.starts_with('-')))
            }
            Some("yarn") => sub.is_empty() || sub.starts_with('-') || sub == "install",
            Some("pnpm") => matches!(sub, "install" | "i" | "fetch"),
            _ => false,
        },
        Ecosystem::Go => c.is("go") && sub == "mod" && c.has_arg("download"),
        Ecosystem::Ruby => c.is("bundle") && (sub == "install" || sub.is_empty()),
        Ecosystem::Pip => {
            let Some(pip) = crate::models::pkg::call(c)
                .filter(|k| k.is(&[crate::models::pkg::Pm::Pip]))
                .map(|k| k.command)
            else {
                return false;
            };
            if pip.subcommand().map(|w| w.text.as_str()) != Some("install") {
                return false;
            }
            // Every copied requirements file is installed with `-r`.
            let args = pip.args();
            let named: Vec<&str> = args
                .iter()
                .zip(args.iter().skip(1))
                .filter(|(flag, _)| matches!(flag.text.as_str(), "-r" | "--requirement"))
                .map(|(_, file)| file.text.as_str())
                .chain(args.iter().filter_map(|a| {
                    a.text
                        .strip_prefix("--requirement=")
                        .or_else(|| a.text.strip_prefix("-r").filter(|r| !r.is_empty()))
                }))
                .collect();
            !named.is_empty()
                && files.iter().all(|f| {
                    let base = f.text.rsplit('/').next().unwrap_or(&f.text);
                    base.contains('*')
                        || named
                            .iter()
                            .any(|n| n.rsplit('/').next().unwrap_or(n) == base)
                })
        }
    }
}

/// The sources and destination of a `COPY` from the build context (not `--from`), or `None`.
fn context_copy(ins: &Instruction) -> Option<(Vec<&Word>, &Word)> {
    if !ins.is("COPY") || ins.flag("from").is_some() || !ins.heredocs.is_empty() {
        return None;
    }
    let words: Vec<&Word> = match &ins.args {
        Args::Exec(w) => w.iter().collect(),
        Args::Shell => ins.words.iter().collect(),
    };
    let (dest, sources) = words.split_last()?;
    if sources.is_empty() || dest.is_dynamic() || sources.iter().any(|w| w.is_dynamic()) {
        return None;
    }
    Some((sources.to_vec(), dest))
}

/// The mount target of a copied file: where the COPY put it.
fn target(source: &str, dest: &str, several: bool) -> String {
    let base = source.rsplit('/').next().unwrap_or(source);
    match dest {
        "." | "./" => base.to_string(),
        d if d.ends_with('/') => format!("{d}{base}"),
        // Several sources, or a destination that does not look like a file name (`/app`):
        // a folder.
        d if several || !d.rsplit('/').next().unwrap_or(d).contains('.') => format!("{d}/{base}"),
        d => d.to_string(),
    }
}

fn program(c: &Command) -> String {
    let sub = c.subcommand().map(|w| w.text.as_str()).unwrap_or("");
    match c.name() {
        Some(name) if sub.is_empty() || sub.starts_with('-') => name.to_string(),
        Some("go") => "go mod download".to_string(),
        Some(name) => format!("{name} {sub}"),
        None => String::new(),
    }
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    if ctx.dockerfile.escape == '`' {
        return;
    }
    for stage in &ctx.dockerfile.stages {
        let instructions = ctx.stage_instructions(stage);
        // Manifest COPYs since the last RUN: (instruction, sources, destination, ecosystem).
        let mut pending: Vec<(&Instruction, Vec<&Word>, &Word, Ecosystem)> = Vec::new();
        for (i, ins) in instructions.iter().enumerate() {
            if let Some((sources, dest)) = context_copy(ins) {
                let ecos: Vec<Option<Ecosystem>> =
                    sources.iter().map(|s| ecosystem(&s.text)).collect();
                match ecos.first().copied().flatten() {
                    Some(eco) if ecos.iter().all(|e| *e == Some(eco)) => {
                        pending.push((ins, sources, dest, eco));
                    }
                    _ => pending.clear(),
                }
                continue;
            }
            if !ins.is("RUN") {
                if ins.is("ADD") || ins.is("FROM") {
                    pending.clear();
                }
                continue;
            }
            let copies = std::mem::take(&mut pending);
            let Some(&(_, _, _, eco)) = copies.first() else {
                continue;
            };
            if copies.iter().any(|(_, _, _, e)| *e != eco)
                || ins
                    .flags_named("mount")
                    .any(|f| f.value.as_deref().is_some_and(|v| v.contains("type=bind")))
            {
                continue;
            }
            let files: Vec<&Word> = copies.iter().flat_map(|(_, s, _, _)| s.clone()).collect();
            let Some(install) = ins.commands.iter().find(|c| installs(c, eco, &files)) else {
                continue;
            };
            let later = instructions.get(i + 1..).unwrap_or(&[]);
            let recopied = later.iter().any(|l| {
                context_copy(l)
                    .is_some_and(|(s, _)| s.iter().any(|w| matches!(w.text.as_str(), "." | "./")))
            });
            let unused = eco == Ecosystem::Pip
                && later.iter().all(|l| {
                    files.iter().all(|f| {
                        let base = f.text.rsplit('/').next().unwrap_or(&f.text);
                        base.contains('*') || !l.text.contains(base)
                    })
                });
            if !recopied && !unused {
                continue;
            }
            let quoted: Vec<Arg> = files
                .iter()
                .map(|f| Arg::Code(format!("`{}`", f.text)))
                .collect();
            let run = program(install);
            let message = match quoted.split_last() {
                Some((last, rest)) if !rest.is_empty() => {
                    let (files, last) = (Arg::List(rest.to_vec()), last.clone());
                    if recopied {
                        crate::msg!(
                            RECOPIED_MANY,
                            files = files,
                            last = last,
                            run = run.as_str()
                        )
                    } else {
                        crate::msg!(UNUSED_MANY, files = files, last = last, run = run.as_str())
                    }
                }
                // One file (`files` is never empty here: every manifest COPY has a source).
                _ => {
                    let file = Arg::List(quoted);
                    if recopied {
                        crate::msg!(RECOPIED_ONE, file = file, run = run.as_str())
                    } else {
                        crate::msg!(UNUSED_ONE, file = file, run = run.as_str())
                    }
                }
            };
            // The install as written, when it fits on one line.
            let written = ctx
                .text
                .get(install.span.start as usize..install.span.end as usize)
                .filter(|t| !t.contains('\n'))
                .map_or_else(|| format!("{run} ..."), str::to_string);
            let help = if files.iter().any(|f| f.text.contains('*')) {
                crate::msg!(HELP_WILDCARD, run = run.as_str())
            } else {
                let mounts: Vec<String> = copies
                    .iter()
                    .flat_map(|(_, sources, dest, _)| {
                        sources.iter().map(|s| {
                            format!(
                                "--mount=type=bind,source={},target={}",
                                s.text,
                                target(&s.text, &dest.text, sources.len() > 1)
                            )
                        })
                    })
                    .collect();
                crate::msg!(HELP_MOUNT, mounts = mounts.join(" "), written = written)
            };
            let Some((_, first_sources, _, _)) = copies.first() else {
                continue;
            };
            let span = support::cover(first_sources);
            let d = sink.report_msg(span, message);
            d.set_help_msg(help)
                .add_related_msg(install.span, crate::msg!(RELATED));
            for (other, _, _, _) in copies.iter().skip(1) {
                d.add_related_msg(other.span, crate::msg!(RELATED_2));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ecosystem, target, Ecosystem};

    #[test]
    fn files_and_targets() {
        assert_eq!(ecosystem("package*.json"), Some(Ecosystem::Node));
        assert_eq!(ecosystem("app/requirements-prod.txt"), Some(Ecosystem::Pip));
        assert_eq!(ecosystem("main.go"), None);
        assert_eq!(target("go.mod", "./", true), "go.mod");
        assert_eq!(
            target("requirements.txt", "/tmp/", false),
            "/tmp/requirements.txt"
        );
        assert_eq!(target("a/go.sum", "/src", true), "/src/go.sum");
        assert_eq!(target("requirements.txt", "/req.txt", false), "/req.txt");
        assert_eq!(target("go.mod", "/app", false), "/app/go.mod");
    }
}
