//! The model rules read: the file, its instructions (flags, arguments, heredocs), its stages.

use super::*;

/// The instructions BuildKit knows.
pub const INSTRUCTIONS: &[&str] = &[
    "ADD",
    "ARG",
    "CMD",
    "COPY",
    "ENTRYPOINT",
    "ENV",
    "EXPOSE",
    "FROM",
    "HEALTHCHECK",
    "LABEL",
    "MAINTAINER",
    "ONBUILD",
    "RUN",
    "SHELL",
    "STOPSIGNAL",
    "USER",
    "VOLUME",
    "WORKDIR",
];

/// Instructions whose arguments may be written as a JSON array.
pub(super) const JSON_FORMS: &[&str] =
    &["ADD", "CMD", "COPY", "ENTRYPOINT", "RUN", "SHELL", "VOLUME"];

/// Instructions that may carry heredocs.
pub(super) const WITH_HEREDOCS: &[&str] = &["ADD", "COPY", "RUN"];

/// Whether the image looks like a Windows one, whose default shell is `cmd`.
pub fn is_windows_image(image: &str) -> bool {
    let lower = image.to_ascii_lowercase();
    lower.contains("windows") || lower.contains("nanoserver") || lower.contains("servercore")
}

#[derive(Debug, Clone, Default)]
pub struct Dockerfile {
    /// Parser directives at the top of the file (`# syntax=...`).
    pub directives: Vec<Directive>,
    /// The escape character: `\` or, with `# escape=``, a backtick.
    pub escape: char,
    /// Every top-level instruction in file order (an `ONBUILD` holds its trigger inside).
    pub instructions: Vec<Instruction>,
    /// Build stages, one per `FROM`, in order.
    pub stages: Vec<Stage>,
}

impl Dockerfile {
    /// The earlier stage (before stage `before`) that a `FROM` image or a `--from` value names:
    /// by its alias, compared lower-cased as BuildKit does, or by its index.
    pub fn earlier_stage(&self, before: usize, name: &str) -> Option<usize> {
        let lower = name.to_ascii_lowercase();
        self.stages
            .iter()
            .take(before)
            .find(|s| {
                s.alias.as_ref().is_some_and(|(a, _)| *a == lower) || s.index.to_string() == lower
            })
            .map(|s| s.index)
    }

    /// The `# check=` directive as BuildKit's build checks read it (all defaults when it is
    /// absent or unreadable).
    pub fn check_directive(&self) -> refs::CheckDirective {
        self.directives
            .iter()
            .find(|d| d.name == "check")
            .and_then(|d| refs::parse_check(&d.value).ok())
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone)]
pub struct Directive {
    /// Lower-cased name: `syntax`, `escape`, `check`.
    pub name: String,
    pub value: String,
    pub span: Span,
}

/// A `--name` or `--name=value` flag of an instruction.
#[derive(Debug, Clone)]
pub struct Flag {
    /// Without the dashes, lower-cased (`mount`, `from`).
    pub name: String,
    /// Without the dashes, as written (BuildKit's flag names are case-sensitive).
    pub written: String,
    pub value: Option<String>,
    pub span: Span,
    pub value_span: Span,
}

impl Flag {
    /// The `key=value` fields of a `--mount` value (`type=cache,target=/root/.cache`), keys lower-cased.
    pub fn fields(&self) -> Vec<(String, String)> {
        let Some(value) = &self.value else {
            return Vec::new();
        };
        value
            .split(',')
            .filter(|f| !f.is_empty())
            .map(|f| match f.split_once('=') {
                Some((k, v)) => (k.trim().to_ascii_lowercase(), v.trim().to_string()),
                None => (f.trim().to_ascii_lowercase(), String::new()),
            })
            .collect()
    }
}

/// The arguments of an instruction.
#[derive(Debug, Clone)]
pub enum Args {
    /// `["executable", "param"]`: the strings with their spans (quotes included).
    Exec(Vec<Word>),
    /// Anything else: see [`Instruction::text`].
    Shell,
}

#[derive(Debug, Clone)]
pub struct Heredoc {
    /// The delimiter without quotes.
    pub delimiter: String,
    /// `<<-EOF`: leading tabs are stripped from the body.
    pub strip_tabs: bool,
    /// `<<"EOF"` or `<<'EOF'`: no variable expansion in the body.
    pub quoted: bool,
    /// The `<<EOF` word in the instruction line.
    pub marker_span: Span,
    /// The body as written (the lines between the marker and the delimiter line).
    pub body: String,
    pub body_span: Span,
    /// Whether the body is the script the shell runs (`RUN <<EOF`, `RUN bash <<EOF`) rather
    /// than a file or another program's input.
    pub is_script: bool,
}

/// One key and value of `ENV`, `ARG` or `LABEL`.
#[derive(Debug, Clone)]
pub struct KeyValue {
    pub key: String,
    pub key_span: Span,
    /// `None` for `ARG NAME` without a default.
    pub value: Option<String>,
    pub value_span: Span,
    /// The value as written, quotes included.
    pub raw_value: String,
}

#[derive(Debug, Clone)]
pub struct Instruction {
    /// Upper-cased keyword (`FROM`, `RUN`...).
    pub keyword: String,
    pub keyword_span: Span,
    /// From the keyword to the end of the instruction's last line, heredoc bodies included.
    pub span: Span,
    pub flags: Vec<Flag>,
    pub args: Args,
    /// The argument text after the flags, continuations joined and comment lines dropped.
    pub text: String,
    /// Source span of [`Instruction::text`].
    pub text_span: Span,
    /// Maps offsets in `text` to source offsets: (offset in text, offset in source) per segment.
    pub map: Vec<(usize, usize)>,
    /// The words of `text` (quotes removed), for the instructions that are word lists.
    pub words: Vec<Word>,
    /// `ENV`, `ARG` and `LABEL` pairs.
    pub pairs: Vec<KeyValue>,
    pub heredocs: Vec<Heredoc>,
    /// The trigger instruction of an `ONBUILD`.
    pub onbuild: Option<Box<Instruction>>,
    /// Index of the stage it belongs to (`None` before the first `FROM`).
    pub stage: Option<usize>,
    /// The simple commands a `RUN` runs (shell form, exec form, heredoc scripts).
    pub commands: Vec<Command>,
    /// 1-based line of the keyword.
    pub line: usize,
}

impl Instruction {
    pub fn is(&self, keyword: &str) -> bool {
        self.keyword == keyword
    }

    pub fn flag(&self, name: &str) -> Option<&Flag> {
        self.flags
            .iter()
            .find(|f| f.name.eq_ignore_ascii_case(name))
    }

    pub fn flags_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Flag> + 'a {
        self.flags
            .iter()
            .filter(move |f| f.name.eq_ignore_ascii_case(name))
    }

    /// Source span of `start..end` in [`Instruction::text`].
    pub fn map_span(&self, start: usize, end: usize) -> Span {
        let s = map_offset(&self.map, start, false);
        let e = map_offset(&self.map, end, true).max(s);
        Span::new(s, e)
    }

    /// Source span of a span given in offsets of [`Instruction::text`].
    pub fn map_range(&self, span: Span) -> Span {
        self.map_span(span.start as usize, span.end as usize)
    }

    pub fn is_exec_form(&self) -> bool {
        matches!(self.args, Args::Exec(_))
    }

    /// Paths of every cache or tmpfs mount of a `RUN` (`--mount=type=cache,target=/var/cache/apt`).
    pub fn cache_mount_targets(&self) -> Vec<String> {
        let mut out = Vec::new();
        for flag in self.flags_named("mount") {
            let fields = flag.fields();
            let kind = fields
                .iter()
                .find(|(k, _)| k == "type")
                .map(|(_, v)| v.as_str())
                .unwrap_or("bind");
            if kind != "cache" && kind != "tmpfs" {
                continue;
            }
            for (k, v) in &fields {
                if k == "target" || k == "dst" || k == "destination" {
                    out.push(v.trim_end_matches('/').to_string());
                }
            }
        }
        out
    }

    /// Whether a cache or tmpfs mount covers `dir` (or a folder inside it, or a parent).
    pub fn has_cache_mount(&self, dirs: &[&str]) -> bool {
        self.cache_mount_targets().iter().any(|t| {
            dirs.iter().any(|d| {
                let d = d.trim_end_matches('/');
                t == d
                    || d.starts_with(&format!("{t}/"))
                    || t.starts_with(&format!("{d}/"))
                    || t.contains('$')
            })
        })
    }
}

#[derive(Debug, Clone)]
pub struct Stage {
    pub index: usize,
    /// Index of its `FROM` in [`Dockerfile::instructions`].
    pub from: usize,
    /// The base image as written (`node:20-alpine`, `${BASE}`, `builder`).
    pub image: String,
    pub image_span: Span,
    /// The `AS name`, lower-cased as BuildKit compares it, with its span.
    pub alias: Option<(String, Span)>,
    /// Indexes of the stage's instructions (the `FROM` included).
    pub instructions: std::ops::Range<usize>,
}

pub struct Parsed {
    pub dockerfile: Dockerfile,
    pub diagnostics: Vec<Diagnostic>,
}

pub struct DockerfileCtx<'a> {
    pub text: &'a str,
    pub file: usize,
    pub dockerfile: &'a Dockerfile,
}

impl<'a> DockerfileCtx<'a> {
    /// Every instruction, with `ONBUILD` triggers left inside their `ONBUILD`.
    pub fn instructions(&self) -> impl Iterator<Item = &'a Instruction> + 'a {
        self.dockerfile.instructions.iter()
    }

    /// Every `RUN` (including `ONBUILD RUN`) with its commands.
    pub fn runs(&self) -> impl Iterator<Item = &'a Instruction> + 'a {
        self.dockerfile.instructions.iter().filter_map(|i| {
            if i.is("RUN") {
                Some(i)
            } else {
                i.onbuild.as_deref().filter(|t| t.is("RUN"))
            }
        })
    }

    pub fn stage_instructions(&self, stage: &Stage) -> &'a [Instruction] {
        self.dockerfile
            .instructions
            .get(stage.instructions.clone())
            .unwrap_or(&[])
    }

    pub fn final_stage(&self) -> Option<&'a Stage> {
        self.dockerfile.stages.last()
    }

    /// Aliases of every stage, lower-cased.
    pub fn stage_by_name(&self, name: &str) -> Option<&'a Stage> {
        let lower = name.to_ascii_lowercase();
        self.dockerfile
            .stages
            .iter()
            .find(|s| s.alias.as_ref().is_some_and(|(a, _)| *a == lower))
    }
}
