//! Dockerfiles: our own parser (see ARCHITECTURE.md for why) and the model rules read.
//!
//! The parser follows what BuildKit's Dockerfile frontend accepts: parser directives
//! (`# syntax=`, `# escape=`, `# check=`), line continuations with comments and blank lines
//! inside, heredocs (`RUN <<EOF`, `<<-EOF`, quoted delimiters, several on one line), flags
//! (`RUN --mount=...`, `COPY --chmod`...), exec (JSON) and shell forms, `ONBUILD`, and `ARG`
//! before `FROM`. It never fails: where BuildKit would reject the file it reports an `IN003`
//! diagnostic and keeps going. Arguments that start with `[` but are not a JSON array are shell
//! form, as in BuildKit; heredoc markers are found with BuildKit's word lexer ([`lex`]); the
//! checks BuildKit runs after parsing (each instruction's arguments and flags, then the stages
//! as a build graph) are in [`validate`].
//!
//! Spans point into the original text. An instruction's argument text is the *logical* text
//! (continuations joined, comment lines dropped); [`Instruction::map`] turns offsets in it back
//! into source offsets.

pub mod checks;
pub mod in003;
mod lex;
pub mod refs;
pub mod shell;
mod validate;

mod model;
mod parser;
mod words;

pub use model::*;
pub use parser::parse;
#[allow(unused_imports)]
use parser::*;
pub use words::dockerfile_words;
#[allow(unused_imports)]
use words::*;

use crate::input::diagnostic::Diagnostic;
use crate::input::span::Span;

pub use shell::{Command, Word};

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(p: &Parsed) -> Vec<&str> {
        p.diagnostics.iter().map(|d| d.code).collect()
    }

    #[test]
    fn continuation_with_comments_and_blank_lines() {
        let text =
            "FROM alpine:3.20\nRUN apk add \\\n# a comment\n\n    curl \\\n    git\nCMD [\"sh\"]\n";
        let p = parse(text);
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let run = &p.dockerfile.instructions[1];
        assert_eq!(run.keyword, "RUN");
        assert_eq!(run.text, "apk add     curl     git");
        let c = &run.commands[0];
        assert_eq!(c.name(), Some("apk"));
        assert_eq!(c.words[3].span.text(text), "git");
        assert_eq!(c.words[2].span.text(text), "curl");
        assert!(p.dockerfile.instructions[2].is_exec_form());
    }

    #[test]
    fn an_earlier_stage_by_alias_or_index() {
        let d = parse("FROM golang AS Build\nFROM alpine AS certs\nFROM scratch\n").dockerfile;
        assert_eq!(d.earlier_stage(2, "build"), Some(0));
        assert_eq!(d.earlier_stage(2, "CERTS"), Some(1));
        assert_eq!(d.earlier_stage(2, "1"), Some(1));
        assert_eq!(
            d.earlier_stage(1, "certs"),
            None,
            "a stage names only earlier ones"
        );
        assert_eq!(d.earlier_stage(2, "alpine"), None, "an image, not a stage");
    }

    #[test]
    fn heredocs() {
        let text = "# syntax=docker/dockerfile:1\nFROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nCOPY <<-\"A\" /a <<B /b\n\thello\n\tA\nworld\nB\nRUN python3 <<PY\nimport os\nPY\n";
        let p = parse(text);
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let ins = &p.dockerfile.instructions;
        assert_eq!(ins.len(), 4);
        assert_eq!(ins[1].heredocs.len(), 1);
        assert!(ins[1].heredocs[0].is_script);
        let names: Vec<_> = ins[1].commands.iter().filter_map(|c| c.name()).collect();
        assert_eq!(names, ["apt-get", "apt-get"]);
        assert_eq!(ins[1].commands[1].words[3].span.text(text), "curl");
        assert_eq!(ins[2].heredocs.len(), 2);
        assert!(ins[2].heredocs[0].quoted && ins[2].heredocs[0].strip_tabs);
        assert_eq!(ins[2].heredocs[1].body, "world\n");
        assert!(!ins[3].heredocs[0].is_script);
        assert_eq!(p.dockerfile.directives[0].name, "syntax");
    }

    #[test]
    fn unterminated_heredoc_and_unknown_instruction() {
        let p = parse("FROM a:1\nRUN <<EOF\necho hi\n");
        assert_eq!(codes(&p), ["IN003"]);
        let p = parse("FROM a:1\nRUNN echo\n");
        assert_eq!(codes(&p), ["IN003"]);
        let p = parse("RUN echo\n");
        assert_eq!(codes(&p), ["IN003", "IN003"]);
        let p = parse("# only a comment\n");
        assert_eq!(codes(&p), ["IN003"]);
    }

    #[test]
    fn flags_and_stages() {
        let text = "ARG BASE=node:20\nFROM --platform=$BUILDPLATFORM ${BASE} AS Build\n# hadolint ignore=DL3008,DL3015\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --network=none apt-get install -y x\n# ecsplain ignore=DF001 -- runs as root on purpose\nFROM scratch\nCOPY --from=build --chmod=755 /a /b\n";
        let p = parse(text);
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let d = &p.dockerfile;
        assert_eq!(d.stages.len(), 2);
        assert_eq!(d.stages[0].image, "${BASE}");
        assert_eq!(
            d.stages[0].alias.as_ref().map(|a| a.0.as_str()),
            Some("build")
        );
        let run = &d.instructions[2];
        assert_eq!(run.flags.len(), 2);
        assert_eq!(run.cache_mount_targets(), ["/var/cache/apt"]);
        assert!(run.has_cache_mount(&["/var/cache/apt/archives"]));
        assert_eq!(run.flags[1].span.text(text), "--network=none");
        assert_eq!(
            d.instructions[4]
                .flag("from")
                .and_then(|f| f.value.as_deref()),
            Some("build")
        );
    }

    #[test]
    fn backtick_escape() {
        let text = "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir c:\\\nRUN powershell -Command `\n    Write-Host hi\nWORKDIR C:\\app\n";
        let p = parse(text);
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let ins = &p.dockerfile.instructions;
        assert_eq!(ins.len(), 4);
        assert_eq!(ins[1].text, "dir c:\\");
        assert_eq!(ins[3].words[0].text, "C:\\app");
    }

    #[test]
    fn powershell_and_windows_runs_are_not_split() {
        let text = "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN cd C:\\ && dir\nFROM debian:12 AS linux\nRUN cd /tmp\nSHELL [\"pwsh.exe\", \"-Command\"]\nRUN cd /tmp\nFROM linux\nRUN cd /x\n";
        let p = parse(text);
        let counts: Vec<usize> = p
            .dockerfile
            .instructions
            .iter()
            .filter(|i| i.is("RUN"))
            .map(|i| i.commands.len())
            .collect();
        assert_eq!(counts, [0, 1, 0, 0]);
    }

    #[test]
    fn env_pairs_and_bad_json() {
        let text = "FROM a:1\nENV A=1 B=\"two words\"\nENV LEGACY some value\nCMD [\"node\", 'app.js']\nONBUILD RUN echo hi\n";
        let p = parse(text);
        // Not JSON, so BuildKit runs it as a shell command: no parse error.
        assert!(codes(&p).is_empty(), "{:?}", p.diagnostics);
        let ins = &p.dockerfile.instructions;
        assert!(!ins[3].is_exec_form());
        assert_eq!(ins[1].pairs.len(), 2);
        assert_eq!(ins[1].pairs[1].value.as_deref(), Some("two words"));
        assert_eq!(ins[2].pairs[0].value.as_deref(), Some("some value"));
        let trigger = ins[4].onbuild.as_deref().map(|t| t.keyword.as_str());
        assert_eq!(trigger, Some("RUN"));
        assert_eq!(ins[4].onbuild.as_ref().map(|t| t.commands.len()), Some(1));
    }

    #[test]
    fn byte_order_mark_is_skipped() {
        let text = "\u{feff}# escape=`\nFROM alpine:3.20\nRUN echo a `\n  b\n";
        let p = parse(text);
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        assert_eq!(p.dockerfile.directives.len(), 1);
        assert_eq!(p.dockerfile.escape, '`');
        let from = &p.dockerfile.instructions[0];
        assert_eq!(from.keyword, "FROM");
        assert_eq!(from.keyword_span.text(text), "FROM");
        // Rules still see the file: a stage, a RUN split into commands.
        assert_eq!(p.dockerfile.stages.len(), 1);
        assert_eq!(p.dockerfile.instructions[1].commands.len(), 1);
    }

    #[test]
    fn directives_as_buildkit_reads_them() {
        let p = parse("# escape=\nFROM a:1\n");
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        assert!(p.dockerfile.directives.is_empty());
        let p = parse("# escape=`\n# escape=`\nFROM a:1\n");
        assert_eq!(codes(&p), ["IN003"]);
        assert_eq!(p.diagnostics[0].span.start, 11);
        let p = parse("# escape=x\nFROM a:1\n");
        assert_eq!(codes(&p), ["IN003"]);
        // After a blank line, `# escape=` is a comment.
        let p = parse("\n# escape=x\nFROM a:1\n");
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    }

    #[test]
    fn escaped_escape_does_not_continue() {
        let p = parse("FROM a:1\nRUN echo foo\\\\\nRUN echo bar\n");
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        assert_eq!(p.dockerfile.instructions.len(), 3);
    }

    #[test]
    fn long_multibyte_line_is_cut_on_a_character() {
        let text = format!("FROM a:1\nLABEL a={}\n", "\u{e9}".repeat(MAX_LINE_BYTES));
        let p = parse(&text);
        assert_eq!(codes(&p), ["IN003"]);
        assert!(text.get(p.diagnostics[0].span.range()).is_some());
    }

    #[test]
    fn long_lines_are_refused() {
        let ok = format!("FROM a:1\nLABEL a={}\n", "x".repeat(MAX_LINE_BYTES - 9));
        assert!(parse(&ok).diagnostics.is_empty());
        let long = format!("FROM a:1\nLABEL a={}\n", "x".repeat(MAX_LINE_BYTES - 8));
        let p = parse(&long);
        assert_eq!(codes(&p), ["IN003"]);
        let index = crate::input::span::LineIndex::new(&long);
        assert_eq!(index.line_of(p.diagnostics[0].span.start), 1);
    }

    #[test]
    fn onbuild_triggers_are_checked_only_by_the_parser() {
        // Unknown trigger and missing arguments: BuildKit checks them when a later build runs them.
        let p = parse("FROM a:1\nONBUILD FOO bar\nONBUILD COPY one\n");
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        // The parser's own errors still apply.
        let p = parse("FROM a:1\nONBUILD RUN [\"a\", 1]\nONBUILD ENV PATH\n");
        assert_eq!(codes(&p), ["IN003", "IN003"]);
    }

    #[test]
    fn flags_are_read_like_buildkit() {
        let text = "FROM a:1\nRUN --mount=\"type=cache,target=/a b\" -- --not-a-flag\n";
        let p = parse(text);
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let run = &p.dockerfile.instructions[1];
        assert_eq!(run.flags.len(), 1);
        assert_eq!(
            run.flags[0].value.as_deref(),
            Some("type=cache,target=/a b")
        );
        assert_eq!(run.text, "--not-a-flag");
        let p = parse("FROM a:1\nCOPY --FROM=x a b\n");
        assert_eq!(codes(&p), ["IN003"]);
    }

    #[test]
    fn json_arguments() {
        assert!(matches!(parse_json_args("[]"), JsonArgs::Strings(v) if v.is_empty()));
        assert!(
            matches!(parse_json_args("[ \"a\", \"b\" ]"), JsonArgs::Strings(v) if v.len() == 2)
        );
        for bad in [
            "[\"a\",42,\"b\"]",
            "[\"a\",{\"c\": \"d\"},\"b\"]",
            "[\"a\",[\"c\"],\"b\"]",
            "[null]",
            "[true]",
            "[1.5e3]",
        ] {
            assert!(
                matches!(parse_json_args(bad), JsonArgs::NotStrings(..)),
                "{bad}"
            );
        }
        for shell in [
            "[ -f /x ]",
            "['a']",
            "[\"a\",]",
            "[\"a\"] x",
            "[1,]",
            "[\"a\" \"b\"]",
        ] {
            assert_eq!(parse_json_args(shell), JsonArgs::Invalid, "{shell}");
        }
        match parse_json_args("[\"\\ud83d\\ude00\", \"\\u00e9\"]") {
            JsonArgs::Strings(v) => {
                assert_eq!(v[0].0, "\u{1f600}");
                assert_eq!(v[1].0, "\u{e9}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "FROM",
            "\\",
            "FROM a\nRUN \\",
            "FROM a\nRUN <<",
            "FROM a\nRUN <<'EOF",
            "FROM a\nCMD [\"\\u12\"]",
            "FROM a\nRUN --mount",
            "\u{feff}# escape=`\nFROM é\nRUN é `\n",
            "FROM a\nENV =\nLABEL \"a\nARG",
            "FROM a\nRUN echo $((1<<2))",
            "FROM a\nRUN <<${\nRUN <<'\nRUN << \"x\nRUN 9<<${a:-",
            "FROM a\nCOPY --chmod=\u{e9} a b\nEXPOSE ::: :/ 1-\u{e9}\nHEALTHCHECK --interval=1.h --retries=+ CMD x",
            "FROM a\nRUN --mount=\"\nRUN --mount=type=\u{e9},\"a\"b --device=, --network",
            "FROM a AS b\nCOPY --from=-1 a b\nCOPY --from=99999999999999999999 a b\nCOPY --from=b a b",
            "\u{feff}",
            "\u{feff}\u{feff}FROM a",
            "ARG A=${B:-${C}}\nFROM ${A:+x}${",
            "FROM a\nRUN [\"a\", [[[[[[[[[[1]]]]]]]]]], \"\\ud800\"]\nCMD [\"\\ud800\\u0041\"]",
            "FROM a\nONBUILD\nONBUILD ONBUILD\nONBUILD --x\nSHELL []\nVOLUME [\"\"]",
        ] {
            let p = parse(text);
            for d in &p.diagnostics {
                assert!(text.get(d.span.range()).is_some(), "{text:?}: {d:?}");
            }
            for ins in &p.dockerfile.instructions {
                assert!(ins.span.end as usize <= text.len());
                assert!(text.is_char_boundary(ins.span.start as usize));
                for c in &ins.commands {
                    for w in &c.words {
                        assert!(text.get(w.span.range()).is_some());
                    }
                }
            }
        }
    }
}
