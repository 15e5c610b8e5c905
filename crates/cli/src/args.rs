//! The command line, parsed by hand.
//!
//! A few subcommands and options do not need a parser crate: this keeps the CLI free of
//! dependencies (clap with derive compiles about ten crates, syn among them) and its messages
//! ours. Options take `--name value` or `--name=value` and may come before or after paths; `--`
//! ends options.

use ecsplain_engine::input::msg::{Arg, Msg};
use ecsplain_engine::msg;
use ecsplain_engine::{Kind, Lang, Severity};

use crate::messages::t;

pub const USAGE: &str = "\
ecsplain: lint Amazon ECS task and service definitions, Dockerfiles and ecspresso configs

Usage:
  ecsplain lint [OPTIONS] PATH...   lint files and directories (recursively); `-` is stdin
  ecsplain explain CODE             print a rule's documentation
  ecsplain rules [--format F]       list every rule
  ecsplain config [PATH]            print the configuration that applies to PATH, and its file
  ecsplain size FILE                a task definition's size, Fargate cost and EC2 fit
  ecsplain render CONFIG            an ecspresso config and its definitions with templates filled
  ecsplain render CONFIG TARGET...  what `ecspresso render TARGET...` prints (config, taskdef,
                                    servicedef): the definitions as ecspresso re-serialises them
  ecsplain server                   the language server (LSP on stdio) for editors
  ecsplain --version | --help

Global option:
  --lang L          en | ja: the language of the output (rule documentation and titles, lint
                    messages, help and fix titles, this CLI's own messages); else LC_ALL,
                    LC_MESSAGES or LANG (ja* is Japanese), else English. Rule codes, JSON keys
                    and SARIF structure never change

Options for lint:
  --kind K          taskdef | servicedef | dockerfile | ecspresso | terraform | cloudformation:
                    read the named files as K
                    (in directories, lint only files recognised as K)
  --format F        text (default) | json | sarif | github | gitlab
  --fail-on S       error | warning | info: exit 1 when a finding is at least S
                    (default: the configuration's `fail-on`, else warning)
  --config FILE     use this configuration file instead of looking for .ecsplain.yaml,
                    .ecsplain.yml or .ecsplain.json in each path's folder and its parents
  --no-inline-ignores  do not honour `# ecsplain ignore=` and `# hadolint ignore=` comments
  --no-ignore       in directories, also lint what .gitignore, .ignore and git's exclude files
                    leave out (the configuration's `exclude` globs still apply)
  --quiet           print the findings only, no summary
  --statistics      print how many findings each rule has instead of the findings
  --docs-url URL    with --format sarif: each rule's helpUri is URL#rule/CODE
  --color WHEN      auto (default) | always | never; NO_COLOR is honoured
  --fix             apply the safe fixes to the files in place, then report what remains
  --diff            print the fixes as a unified diff instead; write nothing
                    (exit 1 when there is something to fix)
  --unsafe-fixes    with --fix or --diff: include the fixes that change run-time behaviour

Values for template and Jsonnet variables (lint and render; a name not given stays unknown):
  --var NAME=VALUE  an environment variable for {{ env }} / {{ must_env }} and Jsonnet's
                    std.native('env'), or a lookup key such as tfstate:aws_lb.web.arn (repeatable)
  --env-file FILE   NAME=VALUE lines (dotenv: comments, `export`, quotes; repeatable)
  --tfstate FILE    a terraform.tfstate that answers {{ tfstate }} and std.native('tfstate')
  --ext-str NAME=VALUE  a Jsonnet external variable for std.extVar (repeatable)
  --env             also take the variables the files use from this process's environment
                    (off by default, so results do not depend on the shell)
  Later sources win: --env, then --env-file files in order, then --var.

Options for config:   --config FILE, --format text | json
Options for size:     --region R (default: the configuration's, else us-east-1),
                      --spot-discount PERCENT, --instance TYPE (e.g. m7g.large),
                      --format text | json
Options for render:   the values above (--var, --env-file, --tfstate, --ext-str, --env); with a
                      TARGET, the config's required_version decides v2's or v3's reading (v2
                      when it admits both)

Exit status: 0 no finding at or above the threshold, 1 some, 2 usage, IO or configuration error.
";

/// The usage text in Japanese: the same commands, options and values as [`USAGE`] (a test
/// checks it), our own Japanese around them.
pub const USAGE_JA: &str = include_str!("usage.ja.txt");

/// The usage text in the run's language.
pub fn usage(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => USAGE_JA,
        _ => USAGE,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Sarif,
    Github,
    Gitlab,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, PartialEq, Eq)]
pub struct LintArgs {
    pub paths: Vec<String>,
    pub kind: Option<Kind>,
    pub format: Format,
    /// `None`: the configuration's threshold.
    pub fail_on: Option<Severity>,
    pub color: Color,
    pub config: Option<String>,
    pub no_inline_ignores: bool,
    /// `--no-ignore`: walk what `.gitignore`, `.ignore` and git's exclude files leave out.
    pub no_ignore: bool,
    pub quiet: bool,
    pub statistics: bool,
    pub docs_url: Option<String>,
    pub values: VarArgs,
    /// `--fix`, `--diff`, `--unsafe-fixes`.
    pub fix: FixArgs,
}

/// What `lint` does with the fixes findings carry.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct FixArgs {
    /// `--fix`: apply them to the files in place.
    pub apply: bool,
    /// `--diff`: print what `--fix` would change, write nothing.
    pub diff: bool,
    /// `--unsafe-fixes`: include the fixes that change what happens at run time.
    pub unsafe_fixes: bool,
}

/// Values for a project's variables, shared by `lint` and `render`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct VarArgs {
    /// `--var` values, in order (later ones win).
    pub vars: Vec<(String, String)>,
    pub env_files: Vec<String>,
    pub tfstate: Option<String>,
    pub ext_strs: Vec<(String, String)>,
    /// `--env`: the process environment for the variables the files use.
    pub from_env: bool,
}

/// The options of [`VarArgs`] that take a value, and its flag.
const VAR_OPTIONS: [&str; 4] = ["var", "env-file", "tfstate", "ext-str"];
const VAR_FLAGS: [&str; 1] = ["env"];

impl VarArgs {
    /// Takes one of its options; `Ok(false)` when the option is not one of them.
    fn take(&mut self, name: &str, value: String) -> Result<bool, UsageError> {
        let pair = |value: &str| -> Result<(String, String), UsageError> {
            match value.split_once('=') {
                Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
                _ => Err(UsageError::of(msg!(
                    t::TAKES_PAIR,
                    name = name,
                    value = value
                ))),
            }
        };
        match name {
            "var" => self.vars.push(pair(&value)?),
            "ext-str" => self.ext_strs.push(pair(&value)?),
            "env-file" => self.env_files.push(value),
            "tfstate" => {
                if self.tfstate.is_some() {
                    return Err(UsageError::of(msg!(t::ONE_TFSTATE)));
                }
                self.tfstate = Some(value);
            }
            "env" => self.from_env = true,
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// Was any value given?
    pub fn any(&self) -> bool {
        !self.vars.is_empty()
            || !self.env_files.is_empty()
            || self.tfstate.is_some()
            || !self.ext_strs.is_empty()
            || self.from_env
    }
}

/// `known` and `flags` with the variable options added.
fn with_var_options<'a>(known: &[&'a str], flags: &[&'a str]) -> (Vec<&'a str>, Vec<&'a str>) {
    (
        known.iter().chain(&VAR_OPTIONS).copied().collect(),
        flags.iter().chain(&VAR_FLAGS).copied().collect(),
    )
}

#[derive(Debug, PartialEq, Eq)]
pub struct ConfigArgs {
    pub path: String,
    pub config: Option<String>,
    pub format: Format,
}

#[derive(Debug, PartialEq)]
pub struct SizeArgs {
    pub file: String,
    pub region: Option<String>,
    pub spot_discount: Option<f64>,
    pub instance: Option<String>,
    pub format: Format,
}

#[derive(Debug, PartialEq, Eq)]
pub struct RenderArgs {
    pub file: String,
    pub values: VarArgs,
    /// `config`, `taskdef`, `servicedef` (and ecspresso's other spellings), in order: print
    /// what `ecspresso render TARGET...` prints. Empty: every file, rendered, with a header.
    pub targets: Vec<String>,
}

#[derive(Debug, PartialEq)]
pub enum Command {
    Lint(LintArgs),
    Explain(String),
    Rules(Format),
    Config(ConfigArgs),
    Size(SizeArgs),
    Render(RenderArgs),
    /// `server`: the language server on stdio.
    Server,
    Version,
    Help,
}

/// A usage error: the message, shown with a pointer to `--help`.
#[derive(Debug, PartialEq, Eq)]
pub struct UsageError(pub Said);

impl UsageError {
    fn of(m: Msg) -> UsageError {
        UsageError(Said(m))
    }
}

/// A keyed sentence: shown in English by `Display`, in the run's language by
/// [`crate::messages::say`].
#[derive(Debug, PartialEq, Eq)]
pub struct Said(pub Msg);

impl Said {
    /// Whether the English contains `text`.
    #[cfg(test)]
    pub fn contains(&self, text: &str) -> bool {
        self.0.en().contains(text)
    }
}

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.en())
    }
}

const COMMANDS: [&str; 7] = [
    "lint", "explain", "rules", "config", "size", "render", "server",
];

pub fn parse(args: &[String]) -> Result<Command, UsageError> {
    let Some((first, rest)) = args.split_first() else {
        return Ok(Command::Help);
    };
    match first.as_str() {
        "-h" | "--help" | "help" => Ok(Command::Help),
        "-V" | "--version" | "version" => Ok(Command::Version),
        "lint" => parse_lint(rest),
        "explain" => {
            let (opts, free) = split(rest, &[], &[])?;
            if opts.iter().any(|(n, _)| n == "help") {
                return Ok(Command::Help);
            }
            match free.as_slice() {
                [code] => Ok(Command::Explain(code.clone())),
                [] => Err(UsageError::of(msg!(t::EXPLAIN_NEEDS_CODE))),
                _ => Err(UsageError::of(msg!(t::EXPLAIN_ONE_CODE))),
            }
        }
        "rules" => {
            let (opts, free) = split(rest, &["format"], &[])?;
            if let Some(extra) = free.first() {
                return Err(UsageError::of(msg!(
                    t::NO_ARGUMENT,
                    command = "rules",
                    extra = extra
                )));
            }
            let mut format = Format::Text;
            for (name, value) in opts {
                match name.as_str() {
                    "help" => return Ok(Command::Help),
                    _ => format = parse_format(&value, &[Format::Text, Format::Json])?,
                }
            }
            Ok(Command::Rules(format))
        }
        "config" => {
            let (opts, free) = split(rest, &["format", "config"], &[])?;
            let mut config = ConfigArgs {
                path: ".".into(),
                config: None,
                format: Format::Text,
            };
            for (name, value) in opts {
                match name.as_str() {
                    "help" => return Ok(Command::Help),
                    "config" => config.config = Some(value),
                    _ => config.format = parse_format(&value, &[Format::Text, Format::Json])?,
                }
            }
            match free.as_slice() {
                [] => {}
                [path] => config.path = path.clone(),
                _ => return Err(UsageError::of(msg!(t::CONFIG_ONE_PATH))),
            }
            Ok(Command::Config(config))
        }
        "size" => parse_size(rest),
        "render" => parse_render(rest),
        "server" => {
            // Editors' clients add `--stdio` (the only transport there is) and may name their
            // process (`--clientProcessId`); both are accepted and need nothing.
            let (opts, free) = split(rest, &["clientProcessId"], &["stdio"])?;
            if opts.iter().any(|(n, _)| n == "help") {
                return Ok(Command::Help);
            }
            match free.first() {
                Some(extra) => Err(UsageError::of(msg!(
                    t::NO_ARGUMENT,
                    command = "server",
                    extra = extra
                ))),
                None => Ok(Command::Server),
            }
        }
        other if other.starts_with('-') => Err(UsageError::of(msg!(
            t::OPTION_BEFORE_COMMAND,
            option = other
        ))),
        other => Err(UsageError::of(match suggest(other, &COMMANDS) {
            Some(s) => msg!(
                t::UNKNOWN_COMMAND_DID_YOU_MEAN,
                command = other,
                suggestion = s
            ),
            None => msg!(t::UNKNOWN_COMMAND, command = other),
        })),
    }
}

fn parse_lint(args: &[String]) -> Result<Command, UsageError> {
    let (known, flags) = with_var_options(
        &["kind", "format", "fail-on", "color", "config", "docs-url"],
        &[
            "no-inline-ignores",
            "no-ignore",
            "quiet",
            "statistics",
            "fix",
            "diff",
            "unsafe-fixes",
        ],
    );
    let (opts, paths) = split(args, &known, &flags)?;
    if opts.iter().any(|(n, _)| n == "help") {
        return Ok(Command::Help);
    }
    let mut lint = LintArgs {
        paths,
        kind: None,
        format: Format::Text,
        fail_on: None,
        color: Color::Auto,
        config: None,
        no_inline_ignores: false,
        no_ignore: false,
        quiet: false,
        statistics: false,
        docs_url: None,
        values: VarArgs::default(),
        fix: FixArgs::default(),
    };
    for (name, value) in opts {
        if lint.values.take(&name, value.clone())? {
            continue;
        }
        match name.as_str() {
            "kind" => {
                lint.kind =
                    Some(Kind::parse(&value).ok_or_else(|| {
                        UsageError::of(msg!(t::UNKNOWN_KIND_VALUE, value = &value))
                    })?);
            }
            "format" => {
                lint.format = parse_format(
                    &value,
                    &[
                        Format::Text,
                        Format::Json,
                        Format::Sarif,
                        Format::Github,
                        Format::Gitlab,
                    ],
                )?;
            }
            "fail-on" => {
                lint.fail_on =
                    Some(Severity::parse(&value).ok_or_else(|| {
                        UsageError::of(msg!(t::UNKNOWN_SEVERITY, value = &value))
                    })?);
            }
            "color" => {
                lint.color = match value.as_str() {
                    "auto" => Color::Auto,
                    "always" => Color::Always,
                    "never" => Color::Never,
                    _ => return Err(UsageError::of(msg!(t::UNKNOWN_COLOR, value = &value))),
                };
            }
            "config" => lint.config = Some(value),
            "docs-url" => lint.docs_url = Some(value),
            "no-inline-ignores" => lint.no_inline_ignores = true,
            "no-ignore" => lint.no_ignore = true,
            "quiet" => lint.quiet = true,
            "statistics" => lint.statistics = true,
            "fix" => lint.fix.apply = true,
            "diff" => lint.fix.diff = true,
            "unsafe-fixes" => lint.fix.unsafe_fixes = true,
            _ => {}
        }
    }
    if lint.paths.is_empty() {
        return Err(UsageError::of(msg!(t::LINT_NEEDS_PATH)));
    }
    check_fix_args(&lint)?;
    Ok(Command::Lint(lint))
}

/// `--fix` and `--diff` change files or print a diff, not findings in another format.
fn check_fix_args(lint: &LintArgs) -> Result<(), UsageError> {
    let fix = lint.fix;
    if fix.apply && fix.diff {
        return Err(UsageError::of(msg!(t::FIX_OR_DIFF)));
    }
    if fix.unsafe_fixes && !fix.apply && !fix.diff {
        return Err(UsageError::of(msg!(t::UNSAFE_FIXES_ALONE)));
    }
    if fix.apply && lint.paths.iter().any(|p| p == "-") {
        return Err(UsageError::of(msg!(t::FIX_STDIN)));
    }
    if fix.diff && (lint.statistics || lint.format != Format::Text) {
        return Err(UsageError::of(msg!(t::DIFF_FORMAT)));
    }
    Ok(())
}

fn parse_size(args: &[String]) -> Result<Command, UsageError> {
    let (opts, free) = split(
        args,
        &["region", "spot-discount", "instance", "format"],
        &[],
    )?;
    let mut size = SizeArgs {
        file: String::new(),
        region: None,
        spot_discount: None,
        instance: None,
        format: Format::Text,
    };
    for (name, value) in opts {
        match name.as_str() {
            "help" => return Ok(Command::Help),
            "region" => size.region = Some(value),
            "instance" => size.instance = Some(value),
            "spot-discount" => {
                let percent =
                    ecsplain_engine::input::number::parse_f64(value.trim_end_matches('%'))
                        .filter(|p| (0.0..=100.0).contains(p))
                        .ok_or_else(|| UsageError::of(msg!(t::SPOT_DISCOUNT, value = &value)))?;
                size.spot_discount = Some(percent);
            }
            _ => size.format = parse_format(&value, &[Format::Text, Format::Json])?,
        }
    }
    match free.as_slice() {
        [file] => size.file = file.clone(),
        [] => return Err(UsageError::of(msg!(t::SIZE_NEEDS_FILE))),
        _ => return Err(UsageError::of(msg!(t::SIZE_ONE_FILE))),
    }
    Ok(Command::Size(size))
}

/// ecspresso's `render` targets (render.go's `enum`).
pub const RENDER_TARGETS: [&str; 5] = [
    "config",
    "service-definition",
    "servicedef",
    "task-definition",
    "taskdef",
];

fn parse_render(args: &[String]) -> Result<Command, UsageError> {
    let (known, flags) = with_var_options(&[], &[]);
    let (opts, free) = split(args, &known, &flags)?;
    let mut render = RenderArgs {
        file: String::new(),
        values: VarArgs::default(),
        targets: Vec::new(),
    };
    for (name, value) in opts {
        if name == "help" {
            return Ok(Command::Help);
        }
        render.values.take(&name, value)?;
    }
    match free.as_slice() {
        [file, targets @ ..] => {
            render.file = file.clone();
            for target in targets {
                if !RENDER_TARGETS.contains(&target.as_str()) {
                    return Err(UsageError::of(msg!(
                        t::RENDER_TARGET,
                        targets = Arg::List(RENDER_TARGETS.iter().map(|&s| s.into()).collect()),
                        target = target
                    )));
                }
                render.targets.push(target.clone());
            }
        }
        [] => return Err(UsageError::of(msg!(t::RENDER_NEEDS_CONFIG))),
    }
    Ok(Command::Render(render))
}

fn parse_format(value: &str, allowed: &[Format]) -> Result<Format, UsageError> {
    let format = match value {
        "text" => Some(Format::Text),
        "json" => Some(Format::Json),
        "sarif" => Some(Format::Sarif),
        "github" => Some(Format::Github),
        "gitlab" => Some(Format::Gitlab),
        _ => None,
    };
    match format {
        Some(f) if allowed.contains(&f) => Ok(f),
        _ => {
            let names: Vec<&str> = allowed.iter().map(|f| f.name()).collect();
            Err(UsageError::of(msg!(
                t::UNKNOWN_FORMAT,
                value = value,
                formats = Arg::List(names.iter().map(|&s| s.into()).collect())
            )))
        }
    }
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Github => "github",
            Format::Gitlab => "gitlab",
        }
    }
}

/// Takes the global `--lang L` / `--lang=L` out of the arguments (anywhere before `--`).
pub fn take_lang(args: Vec<String>) -> Result<(Vec<String>, Option<Lang>), UsageError> {
    let mut rest = Vec::with_capacity(args.len());
    let mut lang = None;
    let mut iter = args.into_iter();
    while let Some(arg) = iter.next() {
        if arg == "--" {
            rest.push(arg);
            rest.extend(iter.by_ref());
            break;
        }
        let value = match arg.strip_prefix("--lang") {
            Some("") => iter
                .next()
                .ok_or_else(|| UsageError::of(msg!(t::LANG_NEEDS_VALUE)))?,
            Some(inline) if inline.starts_with('=') => inline[1..].to_string(),
            _ => {
                rest.push(arg);
                continue;
            }
        };
        match Lang::parse(&value) {
            Some(l) => lang = Some(l),
            None => return Err(UsageError::of(msg!(t::LANG_VALUE, value = &value))),
        }
    }
    Ok((rest, lang))
}

/// The language the locale asks for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is
/// set and not empty (POSIX's order); `ja*` is Japanese, anything else English.
pub fn lang_from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|name| var(name).filter(|v| !v.is_empty()))
        .map_or(Lang::En, |locale| Lang::from_locale(&locale))
}

#[cfg(test)]
mod lang_tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn lang_is_taken_anywhere_before_double_dash() {
        let (rest, lang) = take_lang(strings(&["explain", "--lang", "ja", "TD001"])).unwrap();
        assert_eq!(
            (rest, lang),
            (strings(&["explain", "TD001"]), Some(Lang::Ja))
        );
        let (rest, lang) = take_lang(strings(&["--lang=en", "rules"])).unwrap();
        assert_eq!((rest, lang), (strings(&["rules"]), Some(Lang::En)));
        let (rest, lang) = take_lang(strings(&["lint", "--", "--lang", "ja"])).unwrap();
        assert_eq!(
            (rest, lang),
            (strings(&["lint", "--", "--lang", "ja"]), None)
        );
        assert!(take_lang(strings(&["rules", "--lang", "fr"])).is_err());
        assert!(take_lang(strings(&["rules", "--lang"])).is_err());
        // Not ours: an option that only starts with the letters.
        let (rest, _) = take_lang(strings(&["lint", "--language", "x"])).unwrap();
        assert_eq!(rest, strings(&["lint", "--language", "x"]));
    }

    #[test]
    fn locale_follows_posix_precedence() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(lang_from_locale(env(&[("LANG", "ja_JP.UTF-8")])), Lang::Ja);
        assert_eq!(
            lang_from_locale(env(&[("LC_ALL", "C"), ("LANG", "ja_JP.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            lang_from_locale(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "ja_JP"),
                ("LANG", "en_US")
            ])),
            Lang::Ja
        );
        assert_eq!(lang_from_locale(env(&[])), Lang::En);
        assert_eq!(lang_from_locale(env(&[("LANG", "de_DE.UTF-8")])), Lang::En);
    }
}

/// Splits options (with values) from free arguments. `--help` is returned as option `help`.
#[allow(clippy::type_complexity)]
fn split(
    args: &[String],
    known: &[&str],
    flags: &[&str],
) -> Result<(Vec<(String, String)>, Vec<String>), UsageError> {
    let mut opts = Vec::new();
    let mut free = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "--" {
            free.extend(iter.by_ref().cloned());
            break;
        }
        if arg == "-h" || arg == "--help" {
            opts.push(("help".to_string(), String::new()));
            continue;
        }
        let Some(body) = arg.strip_prefix("--") else {
            if arg.len() > 1 && arg.starts_with('-') {
                return Err(UsageError::of(msg!(t::UNKNOWN_OPTION, option = arg)));
            }
            free.push(arg.clone());
            continue;
        };
        let (name, inline) = match body.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (body, None),
        };
        if flags.contains(&name) {
            if inline.is_some() {
                return Err(UsageError::of(msg!(t::TAKES_NO_VALUE, name = name)));
            }
            opts.push((name.to_string(), String::new()));
            continue;
        }
        if !known.contains(&name) {
            let all: Vec<&str> = known.iter().chain(flags).copied().collect();
            let option = format!("--{name}");
            return Err(UsageError::of(match suggest(name, &all) {
                Some(s) => msg!(
                    t::UNKNOWN_OPTION_DID_YOU_MEAN,
                    option = option,
                    suggestion = format!("--{s}")
                ),
                None => msg!(t::UNKNOWN_OPTION, option = option),
            }));
        }
        let value = match inline {
            Some(v) => v,
            None => iter
                .next()
                .cloned()
                .ok_or_else(|| UsageError::of(msg!(t::NEEDS_VALUE, name = name)))?,
        };
        opts.push((name.to_string(), value));
    }
    // `--help` anywhere wins.
    if opts.iter().any(|(n, _)| n == "help") {
        return Ok((vec![("help".to_string(), String::new())], free));
    }
    Ok((opts, free))
}

/// The closest candidate within a small edit distance, for "did you mean".
pub fn suggest<'a>(wanted: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let wanted = wanted.to_ascii_lowercase();
    candidates
        .iter()
        .map(|c| (distance(&wanted, &c.to_ascii_lowercase()), *c))
        .filter(|(d, c)| *d <= (c.len() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {

    /// Every command, option and value the English usage names is in the Japanese one, in the
    /// same order, so the two cannot drift apart.
    #[test]
    fn the_japanese_usage_names_what_the_english_names() {
        fn words(text: &str) -> Vec<String> {
            text.split(|c: char| c.is_whitespace() || "(),:;|`'。、（）".contains(c))
                .filter(|w| w.starts_with("--") || w.starts_with("ecsplain"))
                .map(|w| w.trim_end_matches('.').to_string())
                .collect()
        }
        assert_eq!(words(USAGE_JA), words(USAGE));
        assert!(USAGE_JA.contains("使い方"));
        assert_eq!(usage(Lang::Ja), USAGE_JA);
        assert_eq!(usage(Lang::En), USAGE);
    }

    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn lint_options_anywhere() {
        let Ok(Command::Lint(lint)) = parse(&args(
            "lint a.json --format=json --kind taskdef b --fail-on error --color never",
        )) else {
            panic!("expected lint");
        };
        assert_eq!(lint.paths, ["a.json", "b"]);
        assert_eq!(lint.kind, Some(Kind::TaskDef));
        assert_eq!(lint.format, Format::Json);
        assert_eq!(lint.fail_on, Some(Severity::Error));
        assert_eq!(lint.color, Color::Never);
    }

    #[test]
    fn infrastructure_as_code_kinds() {
        for (name, kind) in [
            ("terraform", Kind::Terraform),
            ("cloudformation", Kind::CloudFormation),
        ] {
            let Ok(Command::Lint(lint)) = parse(&args(&format!("lint ecs.txt --kind {name}")))
            else {
                panic!("expected lint");
            };
            assert_eq!(lint.kind, Some(kind));
        }
    }

    #[test]
    fn mistakes_are_usage_errors() {
        assert!(parse(&args("lint")).is_err());
        assert!(parse(&args("lint a --kind nope")).is_err());
        assert!(parse(&args("lint a --format")).is_err());
        let Err(UsageError(message)) = parse(&args("lint a --formt json")) else {
            panic!("expected an error");
        };
        assert!(message.contains("did you mean `--format`"), "{message}");
        let Err(UsageError(message)) = parse(&args("lnt a")) else {
            panic!("expected an error");
        };
        assert!(message.contains("`lint`"), "{message}");
        assert_eq!(
            parse(&args("lint -- --odd-name"))
                .ok()
                .map(|c| matches!(c, Command::Lint(_))),
            Some(true)
        );
    }

    #[test]
    fn flags_and_new_commands() {
        let Ok(Command::Lint(lint)) = parse(&args(
            "lint --quiet --statistics --no-inline-ignores --config c.yml --docs-url u --format gitlab x",
        )) else {
            panic!("expected lint");
        };
        assert!(lint.quiet && lint.statistics && lint.no_inline_ignores);
        assert_eq!(lint.config.as_deref(), Some("c.yml"));
        assert_eq!(lint.docs_url.as_deref(), Some("u"));
        assert_eq!(lint.format, Format::Gitlab);
        assert_eq!(lint.fail_on, None);
        assert!(parse(&args("lint --quiet=yes x")).is_err());
        let Err(UsageError(message)) = parse(&args("lint --statistic x")) else {
            panic!("expected an error");
        };
        assert!(message.contains("--statistics"), "{message}");
        assert!(parse(&args("rules --format sarif")).is_err());

        let Ok(Command::Size(size)) = parse(&args(
            "size t.json --region eu-west-1 --spot-discount 60% --instance m5.large --format json",
        )) else {
            panic!("expected size");
        };
        assert_eq!(size.file, "t.json");
        assert_eq!(size.spot_discount, Some(60.0));
        assert_eq!(size.format, Format::Json);
        assert!(parse(&args("size t.json --spot-discount lots")).is_err());

        let Ok(Command::Render(render)) = parse(&args(
            "render e.yml --var A=1 --var tfstate:x.y=a=b --env-file .env --ext-str E=2 --tfstate t --env",
        )) else {
            panic!("expected render");
        };
        let render = render.values;
        assert!(render.from_env);
        assert_eq!(render.tfstate.as_deref(), Some("t"));
        assert_eq!(
            render.vars,
            [
                ("A".to_string(), "1".to_string()),
                ("tfstate:x.y".to_string(), "a=b".to_string())
            ]
        );
        assert_eq!(render.env_files, [".env"]);
        assert_eq!(render.ext_strs.len(), 1);
        let Ok(Command::Lint(lint)) = parse(&args(
            "lint e.yml --var=A=1 --env-file .env --ext-str E=2 --tfstate t.tfstate --env",
        )) else {
            panic!("expected lint");
        };
        assert_eq!(lint.values.vars, [("A".to_string(), "1".to_string())]);
        assert!(lint.values.from_env && lint.values.any());
        assert!(parse(&args("lint e.yml --var A")).is_err());
        assert!(parse(&args("lint e.yml --var =1")).is_err());
        assert!(parse(&args("lint e.yml --tfstate a --tfstate b")).is_err());
        assert!(parse(&args("lint e.yml --env=1")).is_err());

        let Ok(Command::Config(config)) = parse(&args("config deploy --format json")) else {
            panic!("expected config");
        };
        assert_eq!(
            (config.path.as_str(), config.format),
            ("deploy", Format::Json)
        );
    }

    #[test]
    fn edit_distance() {
        assert_eq!(distance("td01", "td001"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(suggest("TD01", &["TD001", "DL3006"]), Some("TD001"));
        assert_eq!(suggest("zzzzzz", &["TD001"]), None);
    }
}
