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
mod lex;
pub mod refs;
pub mod shell;
mod validate;

use crate::input::diagnostic::Diagnostic;
use crate::input::span::Span;

pub use shell::{Command, Word};

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
const JSON_FORMS: &[&str] = &["ADD", "CMD", "COPY", "ENTRYPOINT", "RUN", "SHELL", "VOLUME"];

/// Instructions that may carry heredocs.
const WITH_HEREDOCS: &[&str] = &["ADD", "COPY", "RUN"];

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

fn map_offset(map: &[(usize, usize)], offset: usize, is_end: bool) -> usize {
    // The last piece starting at or before the offset (an end offset belongs to the piece
    // before a piece starting exactly there). The map is in logical order, so a binary search
    // keeps instructions of thousands of continuation lines linear.
    let before = map.partition_point(|&(logical, _)| {
        logical < offset || (logical == offset && !is_end) || (logical == 0 && offset == 0)
    });
    let best = before.checked_sub(1).and_then(|i| map.get(i)).copied();
    match best {
        Some((logical, source)) => source + (offset - logical),
        None => map.first().map_or(0, |&(_, s)| s),
    }
}

/// One physical line: its content (without the line break) and where it starts.
struct Line<'a> {
    start: usize,
    content: &'a str,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let content = piece.trim_end_matches('\n').trim_end_matches('\r');
        // A byte-order mark at the start of the file is not part of the first line.
        match content.strip_prefix('\u{feff}').filter(|_| start == 0) {
            Some(rest) => out.push(Line {
                start: start + '\u{feff}'.len_utf8(),
                content: rest,
            }),
            None => out.push(Line { start, content }),
        }
        start += piece.len();
    }
    out
}

/// BuildKit reads a Dockerfile line by line with a 64 KiB buffer: a line (its `\r` included,
/// its `\n` not) of this many bytes or more stops the build.
const MAX_LINE_BYTES: usize = 65_536;

fn long_lines(text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let len = piece.strip_suffix('\n').unwrap_or(piece).len();
        if len >= MAX_LINE_BYTES {
            let mut at = start + MAX_LINE_BYTES - 1;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            out.push(
                syntax_error(
                    Span::new(at, start + len),
                    format!(
                        "this line is {len} bytes long; BuildKit refuses lines of {MAX_LINE_BYTES} bytes or more"
                    ),
                )
                .with_help("split it with line continuations, or move the data into a file the build copies"),
            );
        }
        start += piece.len();
    }
    out
}

fn syntax_error(span: Span, message: impl Into<String>) -> Diagnostic {
    crate::input::codes::IN003.diag(span, message)
}

/// Parses a Dockerfile. Never fails; problems BuildKit would reject come back as `IN003`.
pub fn parse(text: &str) -> Parsed {
    let mut p = Parser {
        text,
        lines: lines(text),
        escape: '\\',
        diagnostics: Vec::new(),
        directives: Vec::new(),
        index: crate::input::span::LineIndex::new(text),
        in_trigger: false,
    };
    let mut at = p.directives();
    let mut instructions = Vec::new();
    while at < p.lines.len() {
        let line = &p.lines[at];
        let body = line.content.trim_start();
        if body.is_empty() {
            at += 1;
            continue;
        }
        if body.starts_with('#') {
            at += 1;
            continue;
        }
        let (instruction, next) = p.instruction(at);
        instructions.push(instruction);
        at = next.max(at + 1);
    }
    let (stages, mut diagnostics) = stages(text, &mut instructions);
    forget_non_posix_commands(&mut instructions, &stages);
    p.diagnostics.append(&mut diagnostics);
    p.diagnostics.extend(validate::instructions(&instructions));
    p.diagnostics
        .extend(validate::build(&instructions, &stages));
    p.diagnostics.extend(long_lines(text));
    let check = p
        .directives
        .iter()
        .find(|d| d.name == "check")
        .and_then(|d| refs::parse_check(&d.value).ok())
        .unwrap_or_default();
    p.diagnostics
        .extend(checks::failing(text, &instructions, &stages, &check));
    Parsed {
        dockerfile: Dockerfile {
            directives: p.directives,
            escape: p.escape,
            instructions,
            stages,
        },
        diagnostics: p.diagnostics,
    }
}

/// Whether the image looks like a Windows one, whose default shell is `cmd`.
pub fn is_windows_image(image: &str) -> bool {
    let lower = image.to_ascii_lowercase();
    lower.contains("windows") || lower.contains("nanoserver") || lower.contains("servercore")
}

/// The shell splitter reads POSIX shell: the commands of RUNs that PowerShell or `cmd` runs
/// (a `SHELL ["powershell", ...]`, or a Windows base image) are not split, so no shell rule
/// misreads them.
fn forget_non_posix_commands(instructions: &mut [Instruction], stages: &[Stage]) {
    let mut posix: Vec<bool> = Vec::with_capacity(stages.len());
    for stage in stages {
        // A stage built on another stage inherits its shell.
        let inherited = stages
            .get(..stage.index)
            .unwrap_or(&[])
            .iter()
            .rev()
            .find(|s| {
                s.alias
                    .as_ref()
                    .is_some_and(|(a, _)| a.eq_ignore_ascii_case(&stage.image))
            })
            .and_then(|s| posix.get(s.index).copied());
        let mut current = inherited.unwrap_or(!is_windows_image(&stage.image));
        for ins in instructions
            .get_mut(stage.instructions.clone())
            .unwrap_or(&mut [])
        {
            if ins.is("SHELL") {
                if let Args::Exec(words) = &ins.args {
                    current = words.first().is_some_and(|w| {
                        let name = w.text.rsplit(['/', '\\']).next().unwrap_or("");
                        let name = name.strip_suffix(".exe").unwrap_or(name);
                        is_shell(&name.to_ascii_lowercase())
                    });
                }
            }
            if !current && !ins.is_exec_form() {
                if ins.is("RUN") {
                    ins.commands.clear();
                }
                if let Some(trigger) = ins.onbuild.as_deref_mut() {
                    trigger.commands.clear();
                }
            }
        }
        posix.push(current);
    }
}

fn stages(text: &str, instructions: &mut [Instruction]) -> (Vec<Stage>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut stages: Vec<Stage> = Vec::new();
    let mut reported_before_from = false;
    for i in 0..instructions.len() {
        let Some(ins) = instructions.get_mut(i) else {
            break;
        };
        if ins.is("FROM") {
            let words = &ins.words;
            let image = words.first().cloned();
            let alias = match words.len() {
                0 => {
                    diagnostics.push(syntax_error(
                        ins.keyword_span,
                        "FROM needs an image: `FROM image[:tag] [AS name]`",
                    ));
                    None
                }
                1 => None,
                3 if words
                    .get(1)
                    .is_some_and(|w| w.text.eq_ignore_ascii_case("as")) =>
                {
                    words.get(2).map(|w| (w.text.to_ascii_lowercase(), w.span))
                }
                _ => {
                    diagnostics.push(syntax_error(
                        ins.text_span,
                        format!(
                            "FROM takes an image and optionally `AS name`, not `{}`",
                            ins.text.trim()
                        ),
                    ));
                    None
                }
            };
            if let Some(last) = stages.last_mut() {
                last.instructions.end = i;
            }
            let index = stages.len();
            ins.stage = Some(index);
            stages.push(Stage {
                index,
                from: i,
                image: image.as_ref().map(|w| w.text.clone()).unwrap_or_default(),
                image_span: image.map_or(ins.keyword_span, |w| w.span),
                alias,
                instructions: i..i + 1,
            });
        } else if let Some(last) = stages.last_mut() {
            ins.stage = Some(last.index);
            last.instructions.end = i + 1;
        } else if !ins.is("ARG") && !reported_before_from {
            reported_before_from = true;
            diagnostics.push(syntax_error(
                ins.keyword_span,
                format!(
                    "{} comes before the first FROM: only ARG may come before FROM",
                    ins.keyword
                ),
            ));
        }
    }
    if stages.is_empty() {
        let span = instructions
            .first()
            .map_or(Span::new(0, text.find('\n').unwrap_or(text.len())), |i| {
                i.keyword_span
            });
        diagnostics.push(syntax_error(span, "the Dockerfile has no FROM instruction"));
    }
    (stages, diagnostics)
}

struct Parser<'a> {
    text: &'a str,
    lines: Vec<Line<'a>>,
    escape: char,
    diagnostics: Vec<Diagnostic>,
    directives: Vec<Directive>,
    index: crate::input::span::LineIndex,
    /// Building the trigger of an `ONBUILD`: BuildKit checks it only when an image built on
    /// this one runs it, so only the parser's own errors apply.
    in_trigger: bool,
}

impl<'a> Parser<'a> {
    /// Reads the parser directives at the top; returns the first line after them.
    ///
    /// A directive is a comment `# name=value` (`syntax`, `escape` or `check`, any case) on
    /// one of the first lines, before any other line (blank lines and other comments end
    /// them); a comment with an empty value is an ordinary comment.
    fn directives(&mut self) -> usize {
        let mut at = 0;
        while let Some(line) = self.lines.get(at) {
            let content = line.content;
            let lead = content.len() - content.trim_start().len();
            let Some(rest) = content.trim_start().strip_prefix('#') else {
                break;
            };
            let Some((name, value)) = rest.split_once('=') else {
                break;
            };
            let name = name.trim_start().trim_end_matches(char::is_whitespace);
            let value = value.trim();
            let well_formed = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && name.chars().all(|c| c.is_ascii_alphanumeric())
                && !value.is_empty();
            if !well_formed {
                break;
            }
            let lower = name.to_ascii_lowercase();
            if !matches!(lower.as_str(), "syntax" | "escape" | "check") {
                break;
            }
            let value = value.to_string();
            let span = Span::new(line.start + lead, line.start + content.len());
            if self.directives.iter().any(|d| d.name == lower) {
                self.diagnostics.push(
                    syntax_error(
                        span,
                        format!("the `{lower}` parser directive is given twice; BuildKit allows it once"),
                    )
                    .with_help("keep one of the two lines"),
                );
            } else if lower == "escape" {
                match value.as_str() {
                    "\\" => self.escape = '\\',
                    "`" => self.escape = '`',
                    _ => self.diagnostics.push(syntax_error(
                        span,
                        format!("the escape directive must be `\\` or a backtick, not `{value}`"),
                    )),
                }
            } else if lower == "check" {
                // BuildKit's front end refuses to build when it cannot read its check options
                // ("failed to parse check options"), unless the build gives them itself
                // (BUILDKIT_DOCKERFILE_CHECK), which the file cannot know.
                if let Err(why) = refs::parse_check(&value) {
                    self.diagnostics.push(
                        syntax_error(span, why).with_help(
                            "write it like `# check=skip=JSONArgsRecommended;error=true`",
                        ),
                    );
                }
            }
            self.directives.push(Directive {
                name: lower,
                value,
                span,
            });
            at += 1;
        }
        at
    }

    /// Whether the line continues on the next one: it ends with the escape character (blanks
    /// after it allowed) that is not itself escaped, as BuildKit's continuation pattern reads it.
    fn ends_with_escape(&self, content: &str) -> bool {
        let t = content.trim_end_matches([' ', '\t']);
        let Some(before) = t.strip_suffix(self.escape) else {
            return false;
        };
        !before.ends_with(self.escape) || before.is_empty()
    }

    /// Reads the instruction starting on line `at`; returns it and the next line to read.
    fn instruction(&mut self, at: usize) -> (Instruction, usize) {
        let mut logical = String::new();
        let mut map: Vec<(usize, usize)> = Vec::new();
        let mut next = at;
        let mut end = 0;
        let mut first = true;
        while let Some(line) = self.lines.get(next) {
            next += 1;
            let content = line.content;
            if !first {
                let t = content.trim_start();
                if t.is_empty() {
                    continue;
                }
                if t.starts_with('#') {
                    continue;
                }
            }
            let (piece, piece_start, cont) = if first {
                let lead = content.len() - content.trim_start().len();
                (
                    &content[lead..],
                    line.start + lead,
                    self.ends_with_escape(content),
                )
            } else {
                (content, line.start, self.ends_with_escape(content))
            };
            first = false;
            let piece = if cont {
                let t = piece.trim_end_matches([' ', '\t']);
                t.get(..t.len().saturating_sub(self.escape.len_utf8()))
                    .unwrap_or("")
            } else {
                piece
            };
            map.push((logical.len(), piece_start));
            logical.push_str(piece);
            end = piece_start + piece.len();
            if !cont {
                break;
            }
        }
        let start = map.first().map_or(0, |&(_, s)| s);
        let before = self.diagnostics.len();
        let mut ins = self.build(logical, map, start, end);
        if !INSTRUCTIONS.contains(&ins.keyword.as_str()) && self.diagnostics.len() > before {
            // `pkg \  # comment`: the escape is not at the end of the line, so the line ended.
            let previous = at.checked_sub(1).and_then(|p| self.lines.get(p));
            if let Some(prev) = previous {
                let escape = self.escape;
                let broken = prev
                    .content
                    .split_once(escape)
                    .is_some_and(|(_, after)| after.trim_start().starts_with('#'));
                if broken {
                    if let Some(d) = self.diagnostics.get_mut(before) {
                        d.set_help(format!(
                            "the line before ends with a comment after `{escape}`, so it does not continue: BuildKit reads this line as a new instruction; move the comment to its own line"
                        ));
                    }
                }
            }
        }
        // Heredoc bodies follow the instruction's last line.
        if WITH_HEREDOCS.contains(&ins.keyword.as_str()) {
            next = self.heredocs(&mut ins, next);
        } else if let Some(trigger) = ins.onbuild.as_deref_mut() {
            if WITH_HEREDOCS.contains(&trigger.keyword.as_str()) {
                next = self.heredocs(trigger, next);
                ins.span = ins.span.cover(trigger.span);
            }
        }
        if ins.is("RUN") {
            ins.commands = run_commands(&ins);
        }
        if let Some(trigger) = ins.onbuild.as_deref_mut() {
            if trigger.is("RUN") {
                trigger.commands = run_commands(trigger);
            }
        }
        (ins, next)
    }

    /// Builds an instruction from its logical text (starting with the keyword).
    fn build(
        &mut self,
        logical: String,
        map: Vec<(usize, usize)>,
        start: usize,
        end: usize,
    ) -> Instruction {
        let kw_len = logical.find(char::is_whitespace).unwrap_or(logical.len());
        let keyword = logical[..kw_len].to_ascii_uppercase();
        let keyword_span = Span::new(map_offset(&map, 0, false), map_offset(&map, kw_len, true));
        let line = self.index.line_of(keyword_span.start) + 1;
        let mut ins = Instruction {
            keyword: keyword.clone(),
            keyword_span,
            span: Span::new(start, end.max(start)),
            flags: Vec::new(),
            args: Args::Shell,
            text: String::new(),
            text_span: Span::at(end),
            map: Vec::new(),
            words: Vec::new(),
            pairs: Vec::new(),
            heredocs: Vec::new(),
            onbuild: None,
            stage: None,
            commands: Vec::new(),
            line,
        };
        if !INSTRUCTIONS.contains(&keyword.as_str()) && !self.in_trigger {
            self.diagnostics.push(syntax_error(
                keyword_span,
                format!("unknown instruction `{}`", &logical[..kw_len]),
            ));
        }
        // Flags: BuildKit reads the leading `--name[=value]` words of every instruction (and
        // each instruction then refuses the ones it does not know).
        let (flags, pos) = read_flags(&logical, kw_len, self.escape);
        ins.flags = flags
            .into_iter()
            .map(|f| Flag {
                name: f.name.to_ascii_lowercase(),
                written: f.name,
                value: f.value,
                span: Span::new(
                    map_offset(&map, f.start, false),
                    map_offset(&map, f.end, true),
                ),
                value_span: Span::new(
                    map_offset(&map, f.value_start, false),
                    map_offset(&map, f.end, true),
                ),
            })
            .collect();
        let rest = logical[pos..].trim_end();
        ins.text = rest.to_string();
        ins.map = map
            .iter()
            .filter_map(|&(l, s)| if l >= pos { Some((l - pos, s)) } else { None })
            .collect();
        ins.map.insert(0, (0, map_offset(&map, pos, false)));
        ins.map.dedup_by_key(|m| m.0);
        ins.text_span = ins.map_span(0, ins.text.len());

        if keyword == "ONBUILD" {
            if !rest.is_empty() {
                let sub_map: Vec<(usize, usize)> = ins.map.clone();
                let outer = std::mem::replace(&mut self.in_trigger, true);
                let mut trigger =
                    self.build(rest.to_string(), sub_map, ins.text_span.start as usize, end);
                self.in_trigger = outer;
                trigger.line = ins.line;
                if matches!(trigger.keyword.as_str(), "ONBUILD" | "FROM" | "MAINTAINER") {
                    self.diagnostics.push(syntax_error(
                        trigger.keyword_span,
                        format!("{} is not allowed as an ONBUILD trigger", trigger.keyword),
                    ));
                }
                ins.onbuild = Some(Box::new(trigger));
            } else {
                self.diagnostics
                    .push(syntax_error(keyword_span, "ONBUILD needs an instruction"));
            }
            return ins;
        }

        // Exec form: a JSON array of strings. Anything else that starts with `[` and is not
        // valid JSON is shell form (`RUN [ -f /etc/os-release ]`); valid JSON with something
        // other than strings in it is an error.
        let json_part = if keyword == "HEALTHCHECK" {
            let type_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let after = &rest[type_len..];
            Some((type_len + after.len() - after.trim_start().len(), false))
        } else if JSON_FORMS.contains(&keyword.as_str()) {
            Some((0, true))
        } else {
            None
        };
        if let Some((offset, exec)) = json_part {
            let part = &rest[offset..];
            if part.starts_with('[') {
                match parse_json_args(part) {
                    JsonArgs::Strings(items) if exec => {
                        ins.args = Args::Exec(
                            items
                                .into_iter()
                                .map(|(text, s, e)| Word {
                                    text,
                                    span: ins.map_span(offset + s, offset + e),
                                })
                                .collect(),
                        );
                    }
                    JsonArgs::Strings(_) | JsonArgs::Invalid => {}
                    JsonArgs::NotStrings(s, e) => {
                        let item = part.get(s..e).unwrap_or("");
                        self.diagnostics.push(
                            syntax_error(
                                ins.map_span(offset + s, offset + e),
                                format!(
                                    "the {keyword} arguments are a JSON array, so every item must be a string, and `{item}` is not"
                                ),
                            )
                            .with_help("put the item in double quotes, or write the arguments in shell form"),
                        );
                    }
                }
            }
        }
        // A RUN's script is read by the shell splitter (`commands`), not as Dockerfile words.
        if !ins.is_exec_form() && keyword != "RUN" {
            let words = dockerfile_words(&ins.text, self.escape);
            if matches!(keyword.as_str(), "ENV" | "ARG" | "LABEL") {
                ins.pairs = self.pairs(&ins, &words);
            }
            if matches!(keyword.as_str(), "ENV" | "LABEL") {
                self.check_name_values(&ins, &words);
            }
            let spans: Vec<Span> = words.iter().map(|(_, s, e)| ins.map_span(*s, *e)).collect();
            ins.words = words
                .into_iter()
                .zip(spans)
                .map(|((text, _, _), span)| Word { text, span })
                .collect();
        }
        ins
    }

    /// `ENV`/`LABEL` as BuildKit's parser reads them: either `KEY value...` (a key and a
    /// value) or only `key=value` words.
    fn check_name_values(&mut self, ins: &Instruction, words: &[(String, usize, usize)]) {
        let raw = |w: &(String, usize, usize)| ins.text.get(w.1..w.2).unwrap_or("");
        let Some(first) = words.first() else {
            return;
        };
        let keyword = &ins.keyword;
        if !raw(first).contains('=') {
            let has_value = ins
                .text
                .trim()
                .contains([' ', '\t', '\u{b}', '\u{c}', '\r']);
            if !has_value {
                self.diagnostics.push(
                    syntax_error(
                        ins.map_span(first.1, first.2),
                        format!("{keyword} {} has no value", raw(first)),
                    )
                    .with_help(format!("write `{keyword} {}=value`", raw(first))),
                );
            }
            return;
        }
        for w in words {
            if !raw(w).contains('=') {
                self.diagnostics.push(
                    syntax_error(
                        ins.map_span(w.1, w.2),
                        format!(
                            "`{}` has no `=`: once an {keyword} uses key=value, every word must be key=value",
                            raw(w)
                        ),
                    )
                    .with_help("quote a value that holds spaces: KEY=\"two words\""),
                );
            }
        }
    }

    fn pairs(&self, ins: &Instruction, words: &[(String, usize, usize)]) -> Vec<KeyValue> {
        let mut out = Vec::new();
        let legacy = ins.is("ENV")
            && words
                .first()
                .is_some_and(|(_, s, e)| !ins.text[*s..*e].contains('='));
        if legacy {
            // `ENV KEY value with spaces`
            if let Some((key, s, e)) = words.first() {
                let value_start = words.get(1).map_or(*e, |w| w.1);
                let raw = ins.text[value_start..].to_string();
                let value = words
                    .iter()
                    .skip(1)
                    .map(|w| w.0.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                out.push(KeyValue {
                    key: key.clone(),
                    key_span: ins.map_span(*s, *e),
                    value: words.get(1).map(|_| value),
                    value_span: ins.map_span(value_start, ins.text.len()),
                    raw_value: raw,
                });
            }
            return out;
        }
        for (text, s, e) in words {
            let raw = &ins.text[*s..*e];
            match raw.split_once('=') {
                Some((k, v)) => {
                    let value = text
                        .split_once('=')
                        .map_or(String::new(), |(_, v)| v.to_string());
                    let vs = s + k.len() + 1;
                    out.push(KeyValue {
                        key: unquote_simple(k),
                        key_span: ins.map_span(*s, s + k.len()),
                        value: Some(value),
                        value_span: ins.map_span(vs, *e),
                        raw_value: v.to_string(),
                    });
                }
                None => out.push(KeyValue {
                    key: text.clone(),
                    key_span: ins.map_span(*s, *e),
                    value: None,
                    value_span: ins.map_span(*e, *e),
                    raw_value: String::new(),
                }),
            }
        }
        out
    }

    /// Finds the heredoc markers of `ins` and reads their bodies from line `next` on.
    fn heredocs(&mut self, ins: &mut Instruction, mut next: usize) -> usize {
        if ins.is_exec_form() {
            return next;
        }
        let markers = match heredoc_markers(&ins.text) {
            Ok(m) => m,
            Err((s, e)) => {
                self.diagnostics.push(syntax_error(
                    ins.map_span(s, e),
                    "the heredoc delimiter cannot be read: a quote in it is never closed",
                ));
                Vec::new()
            }
        };
        for (s, e, delimiter, strip_tabs, quoted) in markers {
            let marker_span = ins.map_span(s, e);
            let body_start = self.lines.get(next).map_or(self.text.len(), |l| l.start);
            let mut found = None;
            while let Some(line) = self.lines.get(next) {
                next += 1;
                let content = if strip_tabs {
                    line.content.trim_start_matches('\t')
                } else {
                    line.content
                };
                if content == delimiter {
                    found = Some((line.start, line.start + line.content.len()));
                    break;
                }
            }
            let (body_end, span_end) = match found {
                Some((line_start, line_end)) => (line_start, line_end),
                None => {
                    self.diagnostics.push(
                        syntax_error(
                            marker_span,
                            format!("the heredoc `{delimiter}` is never closed: no line holds only `{delimiter}`"),
                        )
                        .with_help(format!("end the heredoc with a line that holds only `{delimiter}`")),
                    );
                    (self.text.len(), self.text.len())
                }
            };
            let body_start = body_start.min(body_end);
            ins.span = Span::new(ins.span.start as usize, span_end.max(ins.span.end as usize));
            ins.heredocs.push(Heredoc {
                delimiter,
                strip_tabs,
                quoted,
                marker_span,
                body: self
                    .text
                    .get(body_start..body_end)
                    .unwrap_or("")
                    .to_string(),
                body_span: Span::new(body_start, body_end),
                is_script: false,
            });
        }
        // Only a RUN with heredocs needs its script split here (to see what reads them).
        if ins.is("RUN") && !ins.heredocs.is_empty() {
            mark_scripts(ins, self.text);
        }
        next
    }
}

/// Decides which heredocs of a RUN are shell scripts: the first when the command is only the
/// heredoc (`RUN <<EOF`), or any fed to a shell (`RUN bash <<EOF`); never one with a shebang
/// for another interpreter.
fn mark_scripts(ins: &mut Instruction, text: &str) {
    let commands = shell::split(&ins.text);
    for (i, heredoc) in ins.heredocs.iter_mut().enumerate() {
        let first_line = heredoc.body.lines().next().unwrap_or("").trim();
        if let Some(shebang) = first_line.strip_prefix("#!") {
            let prog = shebang
                .split_whitespace()
                .map(|w| w.rsplit('/').next().unwrap_or(w))
                .find(|w| *w != "env")
                .unwrap_or("");
            heredoc.is_script = is_shell(prog);
            continue;
        }
        let text_start = heredoc.marker_span.start;
        // The command the marker belongs to: the last one starting before it, on the same
        // side of any separator (a marker alone after `&&` has no command of its own).
        let owner = commands
            .iter()
            .rev()
            .find(|c| ins_span_of_command(&ins.map, c).start <= text_start)
            .filter(|c| {
                let end = ins_span_of_command(&ins.map, c).end as usize;
                let between = text.get(end..text_start as usize).unwrap_or("");
                !between.contains(['&', '|', ';', '\n'])
            });
        heredoc.is_script = match owner {
            None => i == 0,
            Some(c) => match c.name() {
                None => i == 0,
                Some(name) => is_shell(name),
            },
        };
    }
}

fn ins_span_of_command(map: &[(usize, usize)], c: &Command) -> Span {
    Span::new(
        map_offset(map, c.span.start as usize, false),
        map_offset(map, c.span.end as usize, true),
    )
}

fn shift(span: Span, base: usize) -> Span {
    Span::new(base + span.start as usize, base + span.end as usize)
}

fn is_shell(prog: &str) -> bool {
    matches!(prog, "sh" | "bash" | "ash" | "dash" | "zsh" | "ksh")
}

/// The commands a RUN runs, with source spans.
fn run_commands(ins: &Instruction) -> Vec<Command> {
    let mut out = Vec::new();
    match &ins.args {
        Args::Exec(words) => {
            if !words.is_empty() {
                let span = words
                    .first()
                    .map(|w| w.span)
                    .unwrap_or_default()
                    .cover(words.last().map(|w| w.span).unwrap_or_default());
                out.push(Command {
                    words: words.clone(),
                    assignments: Vec::new(),
                    span,
                    piped: false,
                });
            }
        }
        Args::Shell => {
            for mut c in shell::split(&ins.text) {
                c.span = ins.map_range(c.span);
                for w in &mut c.words {
                    w.span = ins.map_range(w.span);
                }
                for w in &mut c.assignments {
                    w.span = ins.map_range(w.span);
                }
                out.push(c);
            }
        }
    }
    for heredoc in &ins.heredocs {
        if !heredoc.is_script {
            continue;
        }
        let base = heredoc.body_span.start as usize;
        for mut c in shell::split(&heredoc.body) {
            c.span = shift(c.span, base);
            for w in c.words.iter_mut().chain(c.assignments.iter_mut()) {
                w.span = shift(w.span, base);
            }
            out.push(c);
        }
    }
    out
}

/// A flag word as BuildKit's parser reads it (byte offsets in the logical line).
struct RawFlag {
    name: String,
    value: Option<String>,
    start: usize,
    value_start: usize,
    end: usize,
}

fn is_go_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// Reads the leading `--flag` words after the keyword (quotes removed, the escape character
/// honoured, a lone `--` ends them); returns them and where the arguments start.
fn read_flags(line: &str, from: usize, escape: char) -> (Vec<RawFlag>, usize) {
    let b = line.as_bytes();
    let esc = u8::try_from(escape as u32).unwrap_or(b'\\');
    let mut out = Vec::new();
    let mut pos = from;
    loop {
        while pos < b.len() && is_go_space(b[pos]) {
            pos += 1;
        }
        if !line.get(pos..).is_some_and(|r| r.starts_with("--")) {
            return (out, pos);
        }
        let start = pos;
        let mut word: Vec<u8> = Vec::new();
        let mut quote: Option<u8> = None;
        let mut first_eq: Option<usize> = None;
        let mut i = pos;
        while i < b.len() {
            let c = b[i];
            match quote {
                None if is_go_space(c) => break,
                None if c == b'\'' || c == b'"' => quote = Some(c),
                Some(q) if c == q => quote = None,
                _ if c == esc => {
                    if i + 1 < b.len() {
                        i += 1;
                        word.push(b[i]);
                    } else {
                        quote = None;
                    }
                }
                _ => {
                    if c == b'=' && first_eq.is_none() {
                        first_eq = Some(i);
                    }
                    word.push(c);
                }
            }
            i += 1;
        }
        let word = String::from_utf8_lossy(&word).into_owned();
        if word == "--" {
            while i < b.len() && is_go_space(b[i]) {
                i += 1;
            }
            return (out, i);
        }
        let body = word.get(2..).unwrap_or("");
        let (name, value) = match body.split_once('=') {
            Some((n, v)) => (n.to_string(), Some(v.to_string())),
            None => (body.to_string(), None),
        };
        let value_start = match (first_eq, &value) {
            (Some(e), Some(_)) => e + 1,
            _ => i,
        };
        out.push(RawFlag {
            name,
            value,
            start,
            value_start,
            end: i,
        });
        pos = i;
    }
}

/// `(start, end, delimiter, strip_tabs, quoted)` of every heredoc marker of an instruction's
/// arguments, found as BuildKit finds them (see [`lex`]); `Err` holds the span of a marker whose
/// delimiter cannot be read.
#[allow(clippy::type_complexity)]
fn heredoc_markers(text: &str) -> Result<Vec<(usize, usize, String, bool, bool)>, (usize, usize)> {
    let mut out = Vec::new();
    if !text.contains("<<") {
        return Ok(out);
    }
    for w in lex::line_words(text).unwrap_or_default() {
        match lex::marker(&w.text) {
            lex::MarkerWord::No => {}
            lex::MarkerWord::Broken => return Err((w.start, w.end)),
            lex::MarkerWord::Heredoc(m) => {
                out.push((w.start, w.end, m.name, m.strip_tabs, m.quoted));
            }
        }
    }
    Ok(out)
}

/// Removes one layer of surrounding quotes.
fn unquote_simple(s: &str) -> String {
    let t = s.trim();
    if t.len() >= 2
        && ((t.starts_with('"') && t.ends_with('"')) || (t.starts_with('\'') && t.ends_with('\'')))
    {
        t[1..t.len() - 1].to_string()
    } else {
        t.to_string()
    }
}

/// Splits Dockerfile argument text into words (whitespace separated, quotes removed, escapes
/// honoured): `(text, start, end)` with byte offsets of the raw word.
pub fn dockerfile_words(text: &str, escape: char) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut word = String::new();
        let mut end = start;
        let mut quote: Option<char> = None;
        while let Some(&(i, c)) = chars.peek() {
            if quote.is_none() && c.is_whitespace() {
                break;
            }
            chars.next();
            end = i + c.len_utf8();
            match quote {
                Some(q) if c == q => quote = None,
                Some('"') if c == escape => {
                    if let Some(&(j, n)) = chars.peek() {
                        if n == '"' || n == escape || n == '$' {
                            chars.next();
                            end = j + n.len_utf8();
                            word.push(n);
                        } else {
                            word.push(c);
                        }
                    } else {
                        word.push(c);
                    }
                }
                Some(_) => word.push(c),
                None if c == '"' || c == '\'' => quote = Some(c),
                None if c == escape && escape == '\\' => {
                    if let Some(&(j, n)) = chars.peek() {
                        chars.next();
                        end = j + n.len_utf8();
                        word.push(n);
                    }
                }
                None => word.push(c),
            }
        }
        out.push((word, start, end));
    }
    out
}

/// What the arguments are when read as JSON, the way BuildKit reads them.
#[derive(Debug, Clone, PartialEq)]
enum JsonArgs {
    /// A JSON array of strings: each string's value and raw span (quotes included).
    Strings(Vec<(String, usize, usize)>),
    /// Valid JSON array holding something else than a string (BuildKit rejects it): the span
    /// of the first such item.
    NotStrings(usize, usize),
    /// Not a JSON array at all: BuildKit reads the arguments as shell form.
    Invalid,
}

fn json_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\r' | b'\n') {
        i += 1;
    }
    i
}

/// Reads a JSON string starting at the quote; returns its value and the offset after it.
fn json_string(text: &str, start: usize) -> Option<(String, usize)> {
    let mut i = start + 1;
    let mut value = String::new();
    let mut high: Option<u32> = None;
    loop {
        let c = text.get(i..)?.chars().next()?;
        i += c.len_utf8();
        if c != '\\' && high.take().is_some() {
            value.push('\u{fffd}');
        }
        match c {
            '"' => return Some((value, i)),
            '\\' => {
                let e = text.get(i..)?.chars().next()?;
                i += e.len_utf8();
                if e != 'u' && high.take().is_some() {
                    value.push('\u{fffd}');
                }
                match e {
                    'n' => value.push('\n'),
                    't' => value.push('\t'),
                    'r' => value.push('\r'),
                    'b' => value.push('\u{8}'),
                    'f' => value.push('\u{c}'),
                    '/' | '\\' | '"' => value.push(e),
                    'u' => {
                        let hex = text.get(i..i + 4)?;
                        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                            return None;
                        }
                        i += 4;
                        let n = u32::from_str_radix(hex, 16).ok()?;
                        match (high.take(), n) {
                            (Some(h), 0xDC00..=0xDFFF) => {
                                let cp = 0x10000 + ((h - 0xD800) << 10) + (n - 0xDC00);
                                value.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                            }
                            (prev, 0xD800..=0xDBFF) => {
                                if prev.is_some() {
                                    value.push('\u{fffd}');
                                }
                                high = Some(n);
                            }
                            (prev, _) => {
                                if prev.is_some() {
                                    value.push('\u{fffd}');
                                }
                                value.push(char::from_u32(n).unwrap_or('\u{fffd}'));
                            }
                        }
                    }
                    _ => return None,
                }
            }
            c if (c as u32) < 0x20 => return None,
            c => value.push(c),
        }
    }
}

fn json_number(b: &[u8], mut i: usize) -> Option<usize> {
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    match b.get(i)? {
        b'0' => i += 1,
        b'1'..=b'9' => {
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
        _ => return None,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if !b.get(i).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !b.get(i).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
    }
    Some(i)
}

/// Skips one JSON value of any kind (without recursion); returns the offset after it.
fn json_skip_value(text: &str, start: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut stack: Vec<u8> = Vec::new();
    let mut i = start;
    loop {
        i = json_ws(b, i);
        match b.get(i)? {
            b'"' => i = json_string(text, i)?.1,
            b'[' => {
                i = json_ws(b, i + 1);
                if b.get(i) == Some(&b']') {
                    i += 1;
                } else {
                    stack.push(b']');
                    continue;
                }
            }
            b'{' => {
                i = json_ws(b, i + 1);
                if b.get(i) == Some(&b'}') {
                    i += 1;
                } else {
                    i = json_key(text, i)?;
                    stack.push(b'}');
                    continue;
                }
            }
            b't' if text.get(i..i + 4) == Some("true") => i += 4,
            b'f' if text.get(i..i + 5) == Some("false") => i += 5,
            b'n' if text.get(i..i + 4) == Some("null") => i += 4,
            b'-' | b'0'..=b'9' => i = json_number(b, i)?,
            _ => return None,
        }
        loop {
            let Some(&close) = stack.last() else {
                return Some(i);
            };
            i = json_ws(b, i);
            match *b.get(i)? {
                b',' => {
                    i += 1;
                    if close == b'}' {
                        i = json_key(text, json_ws(b, i))?;
                    }
                    break;
                }
                c if c == close => {
                    stack.pop();
                    i += 1;
                }
                _ => return None,
            }
        }
    }
}

/// Reads `"key" :` of an object; returns the offset after the colon.
fn json_key(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let i = json_ws(b, json_string(text, i)?.1);
    (b.get(i) == Some(&b':')).then_some(i + 1)
}

/// Reads arguments that start with `[` as BuildKit does: a JSON array of strings is exec
/// form; valid JSON holding anything else is an error; anything that is not JSON is shell form.
fn parse_json_args(text: &str) -> JsonArgs {
    let b = text.as_bytes();
    if b.first() != Some(&b'[') {
        return JsonArgs::Invalid;
    }
    let Some(end) = json_skip_value(text, 0) else {
        return JsonArgs::Invalid;
    };
    if json_ws(b, end) != b.len() {
        return JsonArgs::Invalid;
    }
    let mut out = Vec::new();
    let mut i = json_ws(b, 1);
    if b.get(i) == Some(&b']') {
        return JsonArgs::Strings(out);
    }
    loop {
        i = json_ws(b, i);
        let start = i;
        if b.get(i) == Some(&b'"') {
            let Some((value, after)) = json_string(text, i) else {
                return JsonArgs::Invalid;
            };
            out.push((value, start, after));
            i = after;
        } else {
            let end = json_skip_value(text, i).unwrap_or(b.len());
            return JsonArgs::NotStrings(start, end);
        }
        i = json_ws(b, i);
        match b.get(i) {
            Some(b',') => i += 1,
            _ => return JsonArgs::Strings(out),
        }
    }
}

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
