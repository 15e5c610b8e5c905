//! One model of the package managers `RUN` commands call, read by every package rule (the DL
//! pin, `-y`, clean and cache rules, DF005, DF007, DF010), so the same command gets the same
//! answer everywhere: which program is which manager, its subcommands and their aliases, the
//! options that take a value (so a value is never read as a package name), how it is told not to
//! ask questions, where it keeps its cache and how that cache is cleaned.
//!
//! Facts from each tool's manual: apt-get(8), apt(8), aptitude(8), apk(8), yum(8), dnf(8) and
//! dnf5 (`/var/cache/libdnf5`), microdnf, zypper(8), `pip install --help`, pipx, npm-install,
//! yarn, pnpm, `gem help install`, `go help install`/`get`/`run`, `cargo install --help`.

use crate::syntax::dockerfile::{Command, DockerfileCtx, Instruction, Word};

/// A package manager.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pm {
    AptGet,
    Apt,
    Aptitude,
    Apk,
    Yum,
    Dnf,
    Microdnf,
    Zypper,
    Pip,
    Pipx,
    Npm,
    Yarn,
    Pnpm,
    Gem,
    Go,
    Cargo,
}

/// What we know of one package manager.
#[derive(Debug)]
pub struct Manager {
    pub pm: Pm,
    /// Program names (without directory).
    pub programs: &'static [&'static str],
    /// Options that take their value as the next word (`-o Dpkg::Options=...`).
    pub takes_value: &'static [&'static str],
    /// Subcommand aliases and their canonical name (`in` → `install`).
    pub aliases: &'static [(&'static str, &'static str)],
    /// Canonical subcommands that download and install packages.
    pub installs: &'static [&'static str],
    /// Options that answer every question with yes (empty: it never asks).
    pub yes: &'static [&'static str],
    /// The option `-y` style fixes add.
    pub yes_fix: Option<&'static str>,
    /// Where it keeps downloaded packages and metadata.
    pub cache_dirs: &'static [&'static str],
    /// The subcommand words that empty that cache (`clean`, `cache clean`).
    pub clean: &'static [&'static str],
    /// File endings of local package files (never "unpinned").
    pub local_files: &'static [&'static str],
}

const APT_VALUE: &[&str] = &["-o", "-t", "--target-release", "-c", "--config-file"];
const APT_YES: &[&str] = &["-y", "--yes", "--assume-yes"];
const DNF_VALUE: &[&str] = &[
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
    "--nobest",
    "--best",
];
const DNF_ALIASES: &[(&str, &str)] = &[
    ("in", "install"),
    ("localinstall", "install"),
    ("up", "upgrade"),
    ("update", "upgrade"),
    ("upgrade-minimal", "upgrade-minimal"),
    ("up-min", "upgrade-minimal"),
    ("update-minimal", "upgrade-minimal"),
    ("rei", "reinstall"),
    ("rm", "remove"),
    ("erase", "remove"),
    ("dsync", "distro-sync"),
    ("grp", "group"),
    ("mc", "makecache"),
];
const DNF_INSTALLS: &[&str] = &[
    "install",
    "upgrade",
    "upgrade-minimal",
    "reinstall",
    "groupinstall",
    "module install",
    "distro-sync",
];
const DNF_CACHE: &[&str] = &["/var/cache/dnf", "/var/cache/yum", "/var/cache/libdnf5"];
const PIP_VALUE: &[&str] = &[
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
    "--root-user-action",
    "--use-feature",
    "--global-option",
    "--install-option",
    "--keyring-provider",
    "--python",
    "-d",
    "--dest",
    "--pip-args",
    "--suffix",
    "--spec",
    "--preinstall",
];

pub static MANAGERS: &[Manager] = &[
    Manager {
        pm: Pm::AptGet,
        programs: &["apt-get"],
        takes_value: APT_VALUE,
        aliases: &[],
        installs: &["install"],
        yes: APT_YES,
        yes_fix: Some("-y"),
        cache_dirs: &["/var/lib/apt/lists", "/var/cache/apt"],
        clean: &["clean"],
        local_files: &[".deb"],
    },
    Manager {
        pm: Pm::Apt,
        programs: &["apt"],
        takes_value: APT_VALUE,
        aliases: &[],
        installs: &["install"],
        yes: APT_YES,
        yes_fix: Some("-y"),
        cache_dirs: &["/var/lib/apt/lists", "/var/cache/apt"],
        clean: &["clean"],
        local_files: &[".deb"],
    },
    Manager {
        pm: Pm::Aptitude,
        programs: &["aptitude"],
        takes_value: &[
            "-o",
            "-t",
            "--target-release",
            "-F",
            "--display-format",
            "-w",
        ],
        aliases: &[],
        installs: &["install"],
        yes: &["-y", "--assume-yes"],
        yes_fix: Some("-y"),
        cache_dirs: &["/var/lib/apt/lists", "/var/cache/apt"],
        clean: &["clean"],
        local_files: &[".deb"],
    },
    Manager {
        pm: Pm::Apk,
        programs: &["apk"],
        takes_value: &[
            "-X",
            "--repository",
            "-t",
            "--virtual",
            "-p",
            "--root",
            "--arch",
            "--cache-dir",
            "--keys-dir",
            "--repositories-file",
        ],
        aliases: &[],
        installs: &["add"],
        yes: &[],
        yes_fix: None,
        cache_dirs: &["/var/cache/apk", "/etc/apk/cache"],
        clean: &["cache clean"],
        local_files: &[".apk"],
    },
    Manager {
        pm: Pm::Yum,
        programs: &["yum"],
        takes_value: DNF_VALUE,
        aliases: &[
            ("localinstall", "install"),
            ("update", "upgrade"),
            ("rm", "remove"),
            ("erase", "remove"),
        ],
        installs: &[
            "install",
            "upgrade",
            "reinstall",
            "groupinstall",
            "module install",
        ],
        yes: &["-y", "--assumeyes"],
        yes_fix: Some("-y"),
        cache_dirs: &["/var/cache/yum", "/var/cache/dnf"],
        clean: &["clean"],
        local_files: &[".rpm"],
    },
    Manager {
        pm: Pm::Dnf,
        programs: &["dnf", "dnf5", "dnf4", "dnf-3"],
        takes_value: DNF_VALUE,
        aliases: DNF_ALIASES,
        installs: DNF_INSTALLS,
        yes: &["-y", "--assumeyes"],
        yes_fix: Some("-y"),
        cache_dirs: DNF_CACHE,
        clean: &["clean"],
        local_files: &[".rpm"],
    },
    Manager {
        pm: Pm::Microdnf,
        programs: &["microdnf"],
        takes_value: DNF_VALUE,
        aliases: DNF_ALIASES,
        installs: DNF_INSTALLS,
        // microdnf never asks: its `-y` "does nothing, we always assume yes".
        yes: &[],
        yes_fix: None,
        cache_dirs: DNF_CACHE,
        clean: &["clean"],
        local_files: &[".rpm"],
    },
    Manager {
        pm: Pm::Zypper,
        programs: &["zypper"],
        takes_value: &[
            "-r",
            "--repo",
            "--from",
            "-t",
            "--type",
            "--root",
            "-R",
            "--reposd-dir",
            "-C",
            "--cache-dir",
        ],
        aliases: &[
            ("in", "install"),
            ("rm", "remove"),
            ("dup", "dist-upgrade"),
            ("up", "update"),
            ("ref", "refresh"),
            ("cc", "clean"),
            ("si", "source-install"),
            ("inr", "install-new-recommends"),
            ("patch", "patch"),
        ],
        installs: &[
            "install",
            "update",
            "dist-upgrade",
            "source-install",
            "install-new-recommends",
            "patch",
        ],
        yes: &["-n", "--non-interactive", "-y", "--no-confirm"],
        yes_fix: Some("-n"),
        cache_dirs: &["/var/cache/zypp"],
        clean: &["clean"],
        local_files: &[".rpm"],
    },
    Manager {
        pm: Pm::Pip,
        programs: &["pip"],
        takes_value: PIP_VALUE,
        aliases: &[],
        installs: &["install"],
        yes: &[],
        yes_fix: None,
        cache_dirs: &["/root/.cache/pip"],
        clean: &["cache purge"],
        local_files: &[".whl", ".tar.gz", ".tar.bz2", ".tar", ".zip", ".tgz"],
    },
    Manager {
        pm: Pm::Pipx,
        programs: &["pipx"],
        takes_value: PIP_VALUE,
        aliases: &[],
        installs: &["install", "inject", "run"],
        yes: &[],
        yes_fix: None,
        cache_dirs: &["/root/.cache/pip"],
        clean: &[],
        local_files: &[".whl", ".tar.gz", ".tar.bz2", ".tar", ".zip", ".tgz"],
    },
    Manager {
        pm: Pm::Npm,
        programs: &["npm"],
        takes_value: &[
            "--loglevel",
            "--prefix",
            "--registry",
            "-w",
            "--workspace",
            "--cache",
            "--tag",
            "--omit",
            "--include",
            "--install-strategy",
            "--userconfig",
            "--globalconfig",
            "--otp",
        ],
        aliases: &[
            ("i", "install"),
            ("in", "install"),
            ("ins", "install"),
            ("inst", "install"),
            ("insta", "install"),
            ("instal", "install"),
            ("isnt", "install"),
            ("isnta", "install"),
            ("isntal", "install"),
            ("isntall", "install"),
            ("add", "install"),
            ("clean-install", "ci"),
            ("ic", "ci"),
            ("install-clean", "ci"),
            ("isntall-clean", "ci"),
        ],
        installs: &["install", "ci"],
        yes: &[],
        yes_fix: None,
        cache_dirs: &["/root/.npm"],
        clean: &["cache clean"],
        local_files: &[".tgz", ".tar.gz", ".tar"],
    },
    Manager {
        pm: Pm::Yarn,
        programs: &["yarn"],
        takes_value: &[
            "--cwd",
            "--modules-folder",
            "--cache-folder",
            "--network-timeout",
            "--mutex",
            "--registry",
        ],
        aliases: &[],
        installs: &["install", "add"],
        yes: &[],
        yes_fix: None,
        cache_dirs: &[
            "/usr/local/share/.cache/yarn",
            "/root/.cache/yarn",
            "/root/.yarn",
        ],
        clean: &["cache clean"],
        local_files: &[".tgz", ".tar.gz"],
    },
    Manager {
        pm: Pm::Pnpm,
        programs: &["pnpm"],
        takes_value: &["--filter", "-F", "-C", "--dir", "--store-dir", "--reporter"],
        aliases: &[("i", "install"), ("add", "add")],
        installs: &["install", "add"],
        yes: &[],
        yes_fix: None,
        cache_dirs: &["/root/.local/share/pnpm/store", "/root/.cache/pnpm"],
        clean: &["store prune"],
        local_files: &[".tgz", ".tar.gz"],
    },
    Manager {
        pm: Pm::Gem,
        programs: &["gem"],
        takes_value: &[
            "-v",
            "--version",
            "-i",
            "--install-dir",
            "-n",
            "--bindir",
            "--source",
            "-s",
            "--platform",
            "-g",
            "--file",
        ],
        aliases: &[("i", "install")],
        installs: &["install"],
        yes: &[],
        yes_fix: None,
        cache_dirs: &["/root/.gem", "/usr/local/bundle/cache"],
        clean: &["cleanup"],
        local_files: &[".gem"],
    },
    Manager {
        pm: Pm::Go,
        programs: &["go"],
        takes_value: &[
            "-C",
            "-o",
            "-p",
            "-tags",
            "-ldflags",
            "-gcflags",
            "-asmflags",
            "-mod",
            "-modfile",
            "-pkgdir",
            "-overlay",
            "-exec",
            "-toolexec",
            "-buildmode",
            "-compiler",
            "-installsuffix",
            "-pgo",
        ],
        aliases: &[],
        installs: &["install", "get", "run"],
        yes: &[],
        yes_fix: None,
        cache_dirs: &["/root/.cache/go-build", "/go/pkg/mod"],
        clean: &["clean"],
        local_files: &[".go"],
    },
    Manager {
        pm: Pm::Cargo,
        programs: &["cargo"],
        takes_value: &[
            "--version",
            "--vers",
            "--git",
            "--branch",
            "--tag",
            "--rev",
            "--path",
            "--root",
            "--index",
            "--registry",
            "-j",
            "--jobs",
            "--target",
            "--features",
            "-F",
            "--profile",
            "--target-dir",
            "--bin",
            "--example",
            "--config",
        ],
        aliases: &[],
        installs: &["install"],
        yes: &[],
        yes_fix: None,
        cache_dirs: &["/usr/local/cargo/registry", "/root/.cargo/registry"],
        clean: &[],
        local_files: &[],
    },
];

/// The manager of a kind.
pub fn manager(pm: Pm) -> Option<&'static Manager> {
    MANAGERS.iter().find(|m| m.pm == pm)
}

/// One package-manager command, read with its manager's model.
#[derive(Debug, Clone)]
pub struct Call {
    pub manager: &'static Manager,
    /// The command from the manager's program on (`python -m pip install x` starts at `pip`).
    pub command: Command,
    /// The canonical subcommand (`module install` for `dnf module install`), if any.
    pub sub: Option<String>,
    /// The word of the subcommand as written.
    pub sub_word: Option<Word>,
    /// The operands after the subcommand: packages for an install.
    pub packages: Vec<Word>,
    /// The options given (with their values when written `--x=value`).
    pub options: Vec<Word>,
}

impl Call {
    pub fn is(&self, pms: &[Pm]) -> bool {
        pms.contains(&self.manager.pm)
    }

    pub fn sub_is(&self, subs: &[&str]) -> bool {
        self.sub.as_deref().is_some_and(|s| subs.contains(&s))
    }

    /// Whether the command downloads and installs packages.
    pub fn installs(&self) -> bool {
        match self.manager.pm {
            // `yarn` alone installs.
            Pm::Yarn => self.sub.is_none() || self.sub_is(self.manager.installs),
            _ => self.sub_is(self.manager.installs),
        }
    }

    /// Whether the command empties the manager's cache.
    pub fn cleans(&self) -> bool {
        self.sub_is(self.manager.clean)
            || (self.manager.pm == Pm::Apk && self.command.has_option("--no-cache"))
    }

    /// Whether an option is given (`--yes`, `--yes=...`, `-y`, also inside `-qy`).
    pub fn has_option(&self, option: &str) -> bool {
        self.command.has_option(option)
    }

    /// Whether it was told not to ask: one of its yes options, or for apt-get, apt and aptitude
    /// quiet level 2 (`-qq`, `-q -q`, `-q=2`, `--quiet --quiet`), which implies `-y`.
    pub fn assumes_yes(&self) -> bool {
        if self.manager.yes.is_empty() || self.command.has_any_option(self.manager.yes) {
            return true;
        }
        if matches!(self.manager.pm, Pm::AptGet | Pm::Apt | Pm::Aptitude) {
            let mut level = 0;
            for o in &self.options {
                let t = o.text.as_str();
                if t == "--quiet" {
                    level += 1;
                } else if let Some(v) = t.strip_prefix("--quiet=").or(t.strip_prefix("-q=")) {
                    level += v.parse::<u32>().unwrap_or(1);
                } else if !t.starts_with("--") && t.starts_with('-') {
                    level += t.chars().filter(|&c| c == 'q').count() as u32;
                }
            }
            return level >= 2;
        }
        false
    }

    /// Where a `-y` style fix goes: just after the program name.
    pub fn fix_at(&self) -> crate::input::span::Span {
        self.command.words.get(1).map_or(self.command.span, |w| {
            crate::input::span::Span::at(w.span.start as usize)
        })
    }

    /// Whether a package word is a local file, a URL or a value known only at build time.
    pub fn is_local_or_dynamic(&self, package: &Word) -> bool {
        let t = package.text.as_str();
        package.is_dynamic()
            || t.trim().is_empty()
            || t.starts_with('.')
            || t.starts_with('/')
            || t.starts_with('~')
            || (t.contains("://") && !t.starts_with("git"))
            || self.manager.local_files.iter().any(|e| t.ends_with(e))
    }
}

fn find_manager(name: &str) -> Option<&'static Manager> {
    MANAGERS.iter().find(|m| m.programs.contains(&name))
}

/// Reads a command as a package-manager call (`pip`, `pip3`, `pip3.12` and `python -m pip` are
/// pip), or `None` when it runs no package manager we know.
pub fn call(command: &Command) -> Option<Call> {
    let name = command.name()?;
    let (manager, command) = if let Some(m) = find_manager(name) {
        (m, command.clone())
    } else if name.starts_with("pip") && name[3..].chars().all(|c| c.is_ascii_digit() || c == '.') {
        (manager(Pm::Pip)?, command.clone())
    } else if name.starts_with("python") {
        let pos = command.words.iter().position(|w| w.text == "-m")?;
        let module = command.words.get(pos + 1)?;
        let m = match module.text.as_str() {
            "pip" => manager(Pm::Pip)?,
            "pipx" => manager(Pm::Pipx)?,
            _ => return None,
        };
        let mut c = command.clone();
        c.words = command.words.get(pos + 1..).unwrap_or(&[]).to_vec();
        (m, c)
    } else {
        return None;
    };
    Some(read(manager, command))
}

fn read(manager: &'static Manager, command: Command) -> Call {
    let mut operands: Vec<Word> = Vec::new();
    let mut options: Vec<Word> = Vec::new();
    let mut skip = false;
    let mut only_operands = false;
    let args = command.args().to_vec();
    for (i, w) in args.iter().enumerate() {
        if skip {
            skip = false;
            continue;
        }
        let t = w.text.as_str();
        if only_operands {
            operands.push(w.clone());
        } else if t == "--" {
            if manager.pm == Pm::Gem {
                break; // the rest is for the gem's build
            }
            only_operands = true;
        } else if t.starts_with('-') && t.len() > 1 {
            options.push(w.clone());
            if manager.takes_value.contains(&t) {
                skip = true;
            } else if manager.pm == Pm::Gem
                && t.starts_with("--")
                && !t.contains('=')
                && args
                    .get(i + 1)
                    .is_some_and(|n| matches!(n.text.as_str(), "true" | "false"))
            {
                skip = true; // `--use-system-libraries true`
            }
        } else {
            operands.push(w.clone());
        }
    }
    let mut sub = None;
    let mut sub_word = None;
    let mut rest = 0;
    if let Some(first) = operands.first() {
        let canonical = manager
            .aliases
            .iter()
            .find(|(a, _)| *a == first.text)
            .map_or(first.text.as_str(), |(_, c)| c);
        rest = 1;
        let second = operands.get(1).map(|w| w.text.as_str());
        let two = match (canonical, second) {
            ("module", Some(s)) => Some(format!("module {s}")),
            ("cache", Some(s)) => Some(format!("cache {s}")),
            ("store", Some(s)) => Some(format!("store {s}")),
            ("global", Some(s)) if manager.pm == Pm::Yarn => Some(s.to_string()),
            _ => None,
        };
        if let Some(two) = two {
            rest = 2;
            sub = Some(two);
        } else {
            sub = Some(canonical.to_string());
        }
        sub_word = Some(first.clone());
    }
    let packages = operands.get(rest..).unwrap_or(&[]).to_vec();
    Call {
        manager,
        command,
        sub,
        sub_word,
        packages,
        options,
    }
}

/// Every package-manager call of a `RUN`, with its command's index in `run.commands`.
pub fn calls(run: &Instruction) -> Vec<(usize, Call)> {
    run.commands
        .iter()
        .enumerate()
        .filter_map(|(i, c)| call(c).map(|call| (i, call)))
        .collect()
}

/// Whether `rm` in `command` removes one of `dirs` (or something inside one).
pub fn removes(command: &Command, dirs: &[&str]) -> bool {
    command.is("rm")
        && command.args().iter().any(|a| {
            let t = a.text.trim_end_matches(['*', '/']);
            !t.is_empty()
                && dirs.iter().any(|d| {
                    t == *d || t.starts_with(&format!("{d}/")) || d.starts_with(t) && t.len() > 8
                })
        })
}

/// Whether the `RUN` leaves no cache of `manager` behind the command at index `at`: a later
/// clean command of the same program, an `rm` of the cache folders after it, or a cache or
/// tmpfs mount on them.
pub fn cleaned_after(run: &Instruction, manager: &Manager, program: &str, at: usize) -> bool {
    run.has_cache_mount(manager.cache_dirs)
        || run.commands.iter().enumerate().skip(at + 1).any(|(_, c)| {
            removes(c, manager.cache_dirs)
                || (c.name() == Some(program) && call(c).is_some_and(|k| k.cleans()))
        })
}

/// One package-manager command found in a `RUN`.
pub struct Found<'a> {
    /// The instruction holding the `RUN`: the `RUN`, or the `ONBUILD` around it.
    pub outer: &'a Instruction,
    pub run: &'a Instruction,
    /// Its index in `run.commands`.
    pub index: usize,
    pub call: Call,
}

/// Every call of one of `pms` in the file's `RUN`s (`ONBUILD RUN` included), in order.
pub fn find<'a>(ctx: &'a DockerfileCtx<'a>, pms: &[Pm]) -> Vec<Found<'a>> {
    let mut out = Vec::new();
    for (outer, run) in crate::models::stages::runs_in(ctx) {
        for (index, call) in calls(run) {
            if call.is(pms) {
                out.push(Found {
                    outer,
                    run,
                    index,
                    call,
                });
            }
        }
    }
    out
}

/// The span covering some words.
pub fn cover(words: &[&Word]) -> crate::input::span::Span {
    crate::models::stages::cover(words)
}

/// The packages of an install that name no version: `pinned` decides for a plain package
/// word; a local file, URL or build-time value is never unpinned, except a value made of an
/// `ENV` the instruction cannot see (see [`crate::models::stages::foreign_env_only`]).
pub fn unpinned<'a>(
    ctx: &DockerfileCtx<'_>,
    found: &'a Found<'_>,
    pinned: impl Fn(&str) -> bool,
) -> Vec<&'a Word> {
    found
        .call
        .packages
        .iter()
        .filter(|p| {
            if p.is_dynamic() {
                crate::models::stages::foreign_env_only(ctx, found.outer, p)
            } else {
                !pinned(&p.text) && !found.call.is_local_or_dynamic(p)
            }
        })
        .collect()
}

/// Whether an argument of `yum`/`dnf install` (or `module install`, `module` true) names what it
/// installs precisely: a group or module (`@name`), a module stream (`name:stream`), or a package
/// with a version (`name-1.2`), as DL3033 and DL3041 read them.
pub fn rpm_pinned(token: &str, module: bool) -> bool {
    if token.starts_with('@') {
        // `@group` or `@module:stream`: a group or module, not a package.
        true
    } else if module {
        // A module stream: `name:stream`.
        token.contains(':')
    } else {
        token
            .split('-')
            .skip(1)
            .any(|part| part.starts_with(|ch: char| ch.is_ascii_digit()))
    }
}
