//! The CLI's own sentences (issue 21): the summary line, notices and error messages, as keyed
//! templates of the engine's [`Msg`] machinery (`messages!` / `msg!`), English here and the
//! Japanese beside them in `messages.ja.msg` (`NAME = text` a line). Codes, paths and the OS's
//! own error texts are code arguments, shown as written in every language. Machine formats
//! (json, sarif, github, gitlab) never use these.

use ecsplain_engine::input::msg::Msg;
use ecsplain_engine::Lang;

/// The templates (key `CLI.<NAME>`).
pub mod t {
    ecsplain_engine::messages! {
        "CLI";
        // The summary line after the text report.
        SUMMARY = "{errors}, {warnings}, {infos} in {files}";
        NO_FINDINGS = "no findings in {files}";
        ERROR_ONE = "{n} error";
        ERROR_MANY = "{n} errors";
        WARNING_ONE = "{n} warning";
        WARNING_MANY = "{n} warnings";
        INFO = "{n} info";
        FILE_ONE = "{n} file";
        FILE_MANY = "{n} files";
        // Errors and notices on stderr (each printed after "ecsplain: ").
        SEE_HELP = "(run `ecsplain --help` for usage)";
        CANNOT_WRITE_OUTPUT = "cannot write the output: {reason}";
        STATISTICS_FORMAT = "--statistics prints text or json, not {format}";
        CANNOT_READ = "cannot read `{path}`: {reason}";
        NOT_FOUND = "no such file or directory";
        PERMISSION_DENIED = "permission denied";
        UNKNOWN_KIND = "cannot tell what kind of file `{path}` is; pass --kind taskdef, servicedef, dockerfile, ecspresso, terraform or cloudformation";
        NOTHING_FOUND = "warning: no task definition, service definition, Dockerfile or ecspresso config found";
        NO_VALUE_FOR = "note: no value for {names} (left unknown: checks that need them are skipped)";
        JSONNET_LIBRARY = "note: `{path}` is a Jsonnet library: it is checked for Jsonnet errors only; lint the files that import it to check what it defines";
        UNKNOWN_RULE = "unknown rule `{code}`; `ecsplain rules` lists them all";
        UNKNOWN_RULE_DID_YOU_MEAN = "unknown rule `{code}`; did you mean {suggestion} ({name})?";
        // `render`, `config`, values and configuration files.
        NOT_TFSTATE = "`{path}` is not a Terraform state (a JSON object such as terraform.tfstate)";
        CANNOT_READ_CONFIG = "cannot read the configuration `{path}`: {reason}";
        TEMPLATED_PATH = "`{path}` is a template; pass its values to follow it";
        DOES_NOT_EVALUATE = "`{path}` does not evaluate: {reason}";
        NO_JSONNET = "this build cannot evaluate Jsonnet (`{path}`)";
        TEMPLATE_ERROR = "{path}:{line}:{column}: template: {reason} (ecspresso stops here)";
        NOT_GIVEN = "not given (left as markers): {names}; pass --var NAME=VALUE, --env-file FILE, --ext-str NAME=VALUE or --tfstate FILE";
        CONFIG_FROM = "# from {path}";
        CONFIG_DEFAULTS = "# no {names} found in `{path}` or its parents: the defaults";
        // `lint --fix` and `lint --diff`.
        NOTHING_TO_FIX = "nothing to fix";
        WOULD_FIX = "would fix {findings} in {files}";
        NOTHING_FIXED = "nothing fixed";
        FIXED = "fixed {findings} in {files}";
        FINDING_ONE = "{n} finding";
        FINDING_MANY = "{n} findings";
        MORE_UNSAFE_ONE = " ({n} more unsafe fix with --unsafe-fixes)";
        MORE_UNSAFE_MANY = " ({n} more unsafe fixes with --unsafe-fixes)";
        CANNOT_WRITE_FIXES = "cannot write the fixes to `{path}`: {reason}";
        FIX_ROLLED_BACK = "warning: the fixes for `{path}` were not applied: they made it fail to read ({error}); please report this";
        FIX_UNSETTLED = "warning: the fixes were still changing the files after {passes} passes";
        // Usage errors (the `--lang` ones are English: the language is not known yet).
        TAKES_PAIR = "`--{name}` takes NAME=VALUE, got `{value}`";
        ONE_TFSTATE = "`--tfstate` takes one state file";
        EXPLAIN_NEEDS_CODE = "`explain` needs a rule code, e.g. `ecsplain explain TD001`";
        EXPLAIN_ONE_CODE = "`explain` takes one rule code";
        NO_ARGUMENT = "`{command}` takes no argument, got `{extra}`";
        CONFIG_ONE_PATH = "`config` takes one path";
        OPTION_BEFORE_COMMAND = "unexpected option `{option}` before a command";
        UNKNOWN_COMMAND = "unknown command `{command}`";
        UNKNOWN_COMMAND_DID_YOU_MEAN = "unknown command `{command}`; did you mean `{suggestion}`?";
        UNKNOWN_KIND_VALUE = "unknown kind `{value}`; expected taskdef, servicedef, dockerfile, ecspresso, terraform or cloudformation";
        UNKNOWN_SEVERITY = "unknown severity `{value}`; expected error, warning or info";
        UNKNOWN_COLOR = "unknown colour choice `{value}`; expected auto, always or never";
        LINT_NEEDS_PATH = "`lint` needs at least one file or directory";
        FIX_OR_DIFF = "`--fix` writes the files and `--diff` only shows what it would write: pass one";
        UNSAFE_FIXES_ALONE = "`--unsafe-fixes` goes with `--fix` or `--diff`";
        FIX_STDIN = "`--fix` cannot write back to standard input; use `--diff` to see the fixes";
        DIFF_FORMAT = "`--diff` prints a unified diff; it takes no `--format` or `--statistics`";
        SPOT_DISCOUNT = "`--spot-discount` is a percentage from 0 to 100, got `{value}`";
        SIZE_NEEDS_FILE = "`size` needs a task definition file, e.g. `ecsplain size task-def.json`";
        SIZE_ONE_FILE = "`size` takes one task definition file";
        RENDER_TARGET = "`render` takes one ecspresso config and targets ({targets}), not `{target}`";
        RENDER_NEEDS_CONFIG = "`render` needs an ecspresso config, e.g. `ecsplain render ecspresso.yml`";
        UNKNOWN_FORMAT = "unknown format `{value}`; expected {formats}";
        LANG_NEEDS_VALUE = "`--lang` needs a value: en or ja";
        LANG_VALUE = "`--lang` takes en or ja, got `{value}`";
        UNKNOWN_OPTION = "unknown option `{option}`";
        UNKNOWN_OPTION_DID_YOU_MEAN = "unknown option `{option}`; did you mean `{suggestion}`?";
        TAKES_NO_VALUE = "`--{name}` takes no value";
        NEEDS_VALUE = "`--{name}` needs a value";
    }
}

/// The Japanese templates, `NAME = text` a line (`#` comments and blank lines skipped).
static JA: &str = include_str!("messages.ja.msg");

/// The Japanese text of a CLI template (`CLI.NAME`).
fn ja(key: &str) -> Option<&'static str> {
    ecsplain_engine::input::msg::translation(JA, "CLI.", key)
}

/// A CLI sentence in `lang` (English where a Japanese line is missing, which a test forbids).
pub fn render(m: &Msg, lang: Lang) -> String {
    match lang {
        Lang::En => m.en(),
        Lang::Ja => m.ja(&ja),
    }
}

/// The run's language, set once by `main` as soon as it is known (before that, and if never
/// set, English: a `--lang` that cannot be read is reported in English).
static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

pub fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

fn lang() -> Lang {
    LANG.get().copied().unwrap_or(Lang::En)
}

/// A CLI sentence in the run's language.
pub fn say(m: &Msg) -> String {
    render(m, lang())
}

/// Prints `ecsplain: <sentence>` on stderr, in the run's language.
pub fn error(m: &Msg) {
    eprintln!("ecsplain: {}", say(m));
}

#[cfg(test)]
mod tests {
    use super::*;
    use ecsplain_engine::input::msg::placeholders;

    #[test]
    fn every_template_has_japanese_with_the_same_placeholders() {
        let mut problems = Vec::new();
        for t in t::MESSAGES {
            let Some(ja) = ja(t.key) else {
                problems.push(format!("{}: no Japanese", t.key));
                continue;
            };
            let mut en_p = placeholders(t.en);
            let mut ja_p = placeholders(ja);
            en_p.sort_unstable();
            ja_p.sort_unstable();
            if en_p != ja_p {
                problems.push(format!("{}: placeholders {en_p:?} vs {ja_p:?}", t.key));
            }
            if ja == t.en || !ja.chars().any(|c| c > '\u{3000}') {
                problems.push(format!("{}: not Japanese: {ja}", t.key));
            }
        }
        for line in JA
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let name = line.split_once(" = ").map_or(line, |(n, _)| n.trim());
            if !t::MESSAGES.iter().any(|t| t.key == format!("CLI.{name}")) {
                problems.push(format!("CLI.{name}: Japanese for no template"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn renders_in_each_language() {
        let m = ecsplain_engine::msg!(t::CANNOT_READ, path = "a.json", reason = "x");
        assert_eq!(render(&m, Lang::En), "cannot read `a.json`: x");
        assert_eq!(render(&m, Lang::Ja), "`a.json` を読み取れません: x");
    }
}
