//! Dockerfiles: our own parser (see ARCHITECTURE.md for why) and the model rules read.
//!
//! The parser follows what BuildKit's Dockerfile frontend accepts: parser directives
//! (`# syntax=`, `# escape=`, `# check=`), line continuations with comments and blank lines
//! inside, heredocs (`RUN <<EOF`, `<<-EOF`, quoted delimiters, several on one line), flags
//! (`RUN --mount=...`, `COPY --chmod`...), exec (JSON) and shell forms, `ONBUILD`, and `ARG`
//! before `FROM`. It never fails: where BuildKit would reject the file it reports an `IN003`
//! diagnostic and keeps going.
//!
//! Spans point into the original text. An instruction's argument text is the *logical* text
//! (continuations joined, comment lines dropped); [`Instruction::map`] turns offsets in it back
//! into source offsets.

pub mod shell;

use crate::diagnostic::Diagnostic;
use crate::span::Span;

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

/// Instructions whose leading `--name[=value]` words are flags.
const WITH_FLAGS: &[&str] = &["ADD", "COPY", "FROM", "HEALTHCHECK", "RUN"];

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
    /// Without the dashes, as written (`mount`, `from`).
    pub name: String,
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
        out.push(Line { start, content });
        start += piece.len();
    }
    out
}

fn syntax_error(span: Span, message: impl Into<String>) -> Diagnostic {
    crate::rules::input::in003_dockerfile_syntax::RULE.diag(span, message)
}

/// Parses a Dockerfile. Never fails; problems BuildKit would reject come back as `IN003`.
pub fn parse(text: &str) -> Parsed {
    let mut p = Parser {
        text,
        lines: lines(text),
        escape: '\\',
        diagnostics: Vec::new(),
        directives: Vec::new(),
        index: crate::span::LineIndex::new(text),
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
    index: crate::span::LineIndex,
}

impl<'a> Parser<'a> {
    /// Reads the parser directives at the top; returns the first line after them.
    fn directives(&mut self) -> usize {
        let mut at = 0;
        while let Some(line) = self.lines.get(at) {
            let content = line.content.trim_start_matches('\u{feff}');
            let bom = line.content.len() - content.len();
            let Some(rest) = content.trim_start().strip_prefix('#') else {
                break;
            };
            let Some((name, value)) = rest.split_once('=') else {
                break;
            };
            let name = name.trim();
            if name.is_empty()
                || !name.chars().all(|c| c.is_ascii_alphanumeric())
                || name.contains(char::is_whitespace)
            {
                break;
            }
            let lower = name.to_ascii_lowercase();
            if !matches!(lower.as_str(), "syntax" | "escape" | "check") {
                break;
            }
            let value = value.trim().to_string();
            let span = Span::new(line.start + bom, line.start + line.content.len());
            if lower == "escape" {
                match value.as_str() {
                    "\\" => self.escape = '\\',
                    "`" => self.escape = '`',
                    _ => self.diagnostics.push(syntax_error(
                        span,
                        format!("the escape directive must be `\\` or a backtick, not `{value}`"),
                    )),
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

    fn ends_with_escape(&self, content: &str) -> bool {
        content.trim_end().ends_with(self.escape)
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
                let t = piece.trim_end();
                &t[..t.len() - self.escape.len_utf8()]
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
        if !INSTRUCTIONS.contains(&keyword.as_str()) {
            self.diagnostics.push(syntax_error(
                keyword_span,
                format!("unknown instruction `{}`", &logical[..kw_len]),
            ));
        }
        // Flags.
        let mut pos = kw_len;
        let bytes = logical.as_bytes();
        let skip_ws = |mut p: usize| {
            while p < bytes.len() && (bytes[p] == b' ' || bytes[p] == b'\t') {
                p += 1;
            }
            p
        };
        pos = skip_ws(pos);
        if WITH_FLAGS.contains(&keyword.as_str()) {
            while logical[pos..].starts_with("--") {
                let word_end = logical[pos..]
                    .find(char::is_whitespace)
                    .map_or(logical.len(), |e| pos + e);
                let word = &logical[pos + 2..word_end];
                let (name, value, value_start) = match word.split_once('=') {
                    Some((n, v)) => (n, Some(unquote_simple(v)), pos + 2 + n.len() + 1),
                    None => (word, None, word_end),
                };
                ins.flags.push(Flag {
                    name: name.to_ascii_lowercase(),
                    value,
                    span: Span::new(
                        map_offset(&map, pos, false),
                        map_offset(&map, word_end, true),
                    ),
                    value_span: Span::new(
                        map_offset(&map, value_start, false),
                        map_offset(&map, word_end, true),
                    ),
                });
                pos = skip_ws(word_end);
            }
        }
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
                let mut trigger =
                    self.build(rest.to_string(), sub_map, ins.text_span.start as usize, end);
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

        // Exec form.
        if JSON_FORMS.contains(&keyword.as_str()) && rest.starts_with('[') {
            match parse_json_array(rest) {
                Some(items) => {
                    ins.args = Args::Exec(
                        items
                            .into_iter()
                            .map(|(text, s, e)| Word {
                                text,
                                span: ins.map_span(s, e),
                            })
                            .collect(),
                    );
                }
                None => {
                    if matches!(keyword.as_str(), "CMD" | "ENTRYPOINT" | "RUN" | "SHELL")
                        && rest.ends_with(']')
                    {
                        self.diagnostics.push(
                            syntax_error(
                                ins.text_span,
                                format!(
                                    "the {keyword} arguments look like a JSON array but are not valid JSON, so they run as a shell command that fails"
                                ),
                            )
                            .with_help("use double quotes around every item and commas between them: [\"executable\", \"arg\"]"),
                        );
                    }
                }
            }
        }
        if keyword == "SHELL" && !ins.is_exec_form() {
            self.diagnostics.push(syntax_error(
                ins.text_span,
                "SHELL needs a JSON array, like [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]",
            ));
        }
        // A RUN's script is read by the shell splitter (`commands`), not as Dockerfile words.
        if !ins.is_exec_form() && keyword != "RUN" {
            let words = dockerfile_words(&ins.text, self.escape);
            if matches!(keyword.as_str(), "ENV" | "ARG" | "LABEL") {
                ins.pairs = self.pairs(&ins, &words);
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
        let markers = heredoc_markers(&ins.text);
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

/// `(start, end, delimiter, strip_tabs, quoted)` of every `<<EOF` outside quotes.
fn heredoc_markers(text: &str) -> Vec<(usize, usize, String, bool, bool)> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    let mut quote: Option<u8> = None;
    while i < b.len() {
        let c = b[i];
        if let Some(q) = quote {
            if c == q {
                quote = None;
            } else if c == b'\\' && q == b'"' {
                i += 1;
            }
            i += 1;
            continue;
        }
        match c {
            b'\'' | b'"' => {
                quote = Some(c);
                i += 1;
            }
            b'\\' => i += 2,
            b'<' if b.get(i + 1) == Some(&b'<') && b.get(i + 2) != Some(&b'<') => {
                // Not an arithmetic shift `$((1<<2))`: the byte before is not a digit or `<`.
                let start = i;
                let mut j = i + 2;
                let strip_tabs = b.get(j) == Some(&b'-');
                if strip_tabs {
                    j += 1;
                }
                let mut quoted = false;
                let mut delim = String::new();
                let mut k = j;
                while k < b.len() {
                    let ch = b[k];
                    if ch == b'\'' || ch == b'"' {
                        quoted = true;
                        let close = text[k + 1..].find(ch as char).map(|p| k + 1 + p);
                        match close {
                            Some(cl) => {
                                delim.push_str(&text[k + 1..cl]);
                                k = cl + 1;
                            }
                            None => {
                                k = b.len();
                            }
                        }
                        continue;
                    }
                    if ch.is_ascii_whitespace()
                        || matches!(ch, b';' | b'&' | b'|' | b'<' | b'>' | b'(' | b')')
                    {
                        break;
                    }
                    if ch == b'\\' {
                        quoted = true;
                        k += 1;
                        continue;
                    }
                    let clen = text[k..].chars().next().map_or(1, char::len_utf8);
                    delim.push_str(&text[k..k + clen]);
                    k += clen;
                }
                let before_ok = start == 0 || !b[start - 1].is_ascii_alphanumeric();
                if !delim.is_empty() && before_ok {
                    out.push((start, k, delim, strip_tabs, quoted));
                }
                i = k.max(i + 2);
            }
            _ => i += 1,
        }
    }
    out
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

/// Parses a JSON array of strings: each string's value and raw span (quotes included).
fn parse_json_array(text: &str) -> Option<Vec<(String, usize, usize)>> {
    let b = text.as_bytes();
    let mut i = 0;
    let ws = |i: &mut usize| {
        while *i < b.len() && b[*i].is_ascii_whitespace() {
            *i += 1;
        }
    };
    if b.first() != Some(&b'[') {
        return None;
    }
    i += 1;
    let mut out = Vec::new();
    ws(&mut i);
    if b.get(i) == Some(&b']') {
        i += 1;
        ws(&mut i);
        return (i == b.len()).then_some(out);
    }
    loop {
        ws(&mut i);
        if b.get(i) != Some(&b'"') {
            return None;
        }
        let start = i;
        i += 1;
        let mut value = String::new();
        loop {
            let c = text[i..].chars().next()?;
            i += c.len_utf8();
            match c {
                '"' => break,
                '\\' => {
                    let e = text[i..].chars().next()?;
                    i += e.len_utf8();
                    match e {
                        'n' => value.push('\n'),
                        't' => value.push('\t'),
                        'r' => value.push('\r'),
                        'b' => value.push('\u{8}'),
                        'f' => value.push('\u{c}'),
                        '/' | '\\' | '"' => value.push(e),
                        'u' => {
                            let hex = text.get(i..i + 4)?;
                            i += 4;
                            let n = u32::from_str_radix(hex, 16).ok()?;
                            value.push(char::from_u32(n).unwrap_or('\u{fffd}'));
                        }
                        _ => return None,
                    }
                }
                c if (c as u32) < 0x20 => return None,
                c => value.push(c),
            }
        }
        out.push((value, start, i));
        ws(&mut i);
        match b.get(i) {
            Some(b',') => i += 1,
            Some(b']') => {
                i += 1;
                ws(&mut i);
                return (i == b.len()).then_some(out);
            }
            _ => return None,
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
        assert_eq!(codes(&p), ["IN003"]);
        let ins = &p.dockerfile.instructions;
        assert_eq!(ins[1].pairs.len(), 2);
        assert_eq!(ins[1].pairs[1].value.as_deref(), Some("two words"));
        assert_eq!(ins[2].pairs[0].value.as_deref(), Some("some value"));
        let trigger = ins[4].onbuild.as_deref().map(|t| t.keyword.as_str());
        assert_eq!(trigger, Some("RUN"));
        assert_eq!(ins[4].onbuild.as_ref().map(|t| t.commands.len()), Some(1));
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
        ] {
            let p = parse(text);
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
