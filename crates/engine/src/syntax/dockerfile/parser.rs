//! The parser: logical lines, instructions, stages, and the shell commands of `RUN`.

use super::*;
use crate::input::msg::Msg;

pub(super) fn map_offset(map: &[(usize, usize)], offset: usize, is_end: bool) -> usize {
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
pub(super) struct Line<'a> {
    pub(super) start: usize,
    pub(super) content: &'a str,
}

pub(super) fn lines(text: &str) -> Vec<Line<'_>> {
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
pub(super) const MAX_LINE_BYTES: usize = 65_536;

pub(super) fn long_lines(text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let len = piece.strip_suffix('\n').unwrap_or(piece).len();
        if len >= MAX_LINE_BYTES {
            let mut at = start + MAX_LINE_BYTES - 1;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            out.push(syntax_error_help(
                Span::new(at, start + len),
                crate::msg!(in003::LINE_TOO_LONG, len = len, max = MAX_LINE_BYTES),
                crate::msg!(in003::HELP_SPLIT_LINE),
            ));
        }
        start += piece.len();
    }
    out
}

pub(super) fn syntax_error(span: Span, message: Msg) -> Diagnostic {
    crate::input::codes::IN003.diag_msg(span, message)
}

/// An `IN003` with a help.
pub(super) fn syntax_error_help(span: Span, message: Msg, help: Msg) -> Diagnostic {
    let mut d = syntax_error(span, message);
    d.set_help_msg(help);
    d
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

/// The shell splitter reads POSIX shell: the commands of RUNs that PowerShell or `cmd` runs
/// (a `SHELL ["powershell", ...]`, or a Windows base image) are not split, so no shell rule
/// misreads them.
pub(super) fn forget_non_posix_commands(instructions: &mut [Instruction], stages: &[Stage]) {
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

pub(super) fn stages(
    text: &str,
    instructions: &mut [Instruction],
) -> (Vec<Stage>, Vec<Diagnostic>) {
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
                        crate::msg!(in003::FROM_NEEDS_IMAGE),
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
                        crate::msg!(in003::FROM_ARGS, text = ins.text.trim()),
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
                crate::msg!(in003::BEFORE_FROM, keyword = &ins.keyword),
            ));
        }
    }
    if stages.is_empty() {
        let span = instructions
            .first()
            .map_or(Span::new(0, text.find('\n').unwrap_or(text.len())), |i| {
                i.keyword_span
            });
        diagnostics.push(syntax_error(span, crate::msg!(in003::NO_FROM)));
    }
    (stages, diagnostics)
}

pub(super) struct Parser<'a> {
    pub(super) text: &'a str,
    pub(super) lines: Vec<Line<'a>>,
    pub(super) escape: char,
    pub(super) diagnostics: Vec<Diagnostic>,
    pub(super) directives: Vec<Directive>,
    pub(super) index: crate::input::span::LineIndex,
    /// Building the trigger of an `ONBUILD`: BuildKit checks it only when an image built on
    /// this one runs it, so only the parser's own errors apply.
    pub(super) in_trigger: bool,
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
                self.diagnostics.push(syntax_error_help(
                    span,
                    crate::msg!(in003::DIRECTIVE_TWICE, name = &lower),
                    crate::msg!(in003::HELP_KEEP_ONE),
                ));
            } else if lower == "escape" {
                match value.as_str() {
                    "\\" => self.escape = '\\',
                    "`" => self.escape = '`',
                    _ => self.diagnostics.push(syntax_error(
                        span,
                        crate::msg!(in003::ESCAPE_VALUE, value = &value),
                    )),
                }
            } else if lower == "check" {
                // BuildKit's front end refuses to build when it cannot read its check options
                // ("failed to parse check options"), unless the build gives them itself
                // (BUILDKIT_DOCKERFILE_CHECK), which the file cannot know.
                if let Err(why) = refs::parse_check(&value) {
                    self.diagnostics.push(syntax_error_help(
                        span,
                        why,
                        crate::msg!(in003::HELP_CHECK_FORM),
                    ));
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
                        d.set_help_msg(crate::msg!(
                            in003::HELP_COMMENT_AFTER_ESCAPE,
                            escape = escape.to_string()
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
                crate::msg!(in003::UNKNOWN_INSTRUCTION, word = &logical[..kw_len]),
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
                        crate::msg!(in003::ONBUILD_TRIGGER, keyword = &trigger.keyword),
                    ));
                }
                ins.onbuild = Some(Box::new(trigger));
            } else {
                self.diagnostics.push(syntax_error(
                    keyword_span,
                    crate::msg!(in003::ONBUILD_EMPTY),
                ));
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
                        self.diagnostics.push(syntax_error_help(
                            ins.map_span(offset + s, offset + e),
                            crate::msg!(in003::JSON_NOT_STRING, keyword = &keyword, item = item),
                            crate::msg!(in003::HELP_JSON_QUOTE),
                        ));
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
                self.diagnostics.push(syntax_error_help(
                    ins.map_span(first.1, first.2),
                    crate::msg!(in003::NO_VALUE, keyword = keyword, name = raw(first)),
                    crate::msg!(in003::HELP_KEY_VALUE, keyword = keyword, name = raw(first)),
                ));
            }
            return;
        }
        for w in words {
            if !raw(w).contains('=') {
                self.diagnostics.push(syntax_error_help(
                    ins.map_span(w.1, w.2),
                    crate::msg!(in003::MISSING_EQUALS, word = raw(w), keyword = keyword),
                    crate::msg!(in003::HELP_QUOTE_SPACES),
                ));
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
                    crate::msg!(in003::HEREDOC_QUOTE),
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
                    self.diagnostics.push(syntax_error_help(
                        marker_span,
                        crate::msg!(in003::HEREDOC_UNCLOSED, delimiter = &delimiter),
                        crate::msg!(in003::HELP_HEREDOC_END, delimiter = &delimiter),
                    ));
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
pub(super) fn mark_scripts(ins: &mut Instruction, text: &str) {
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

pub(super) fn ins_span_of_command(map: &[(usize, usize)], c: &Command) -> Span {
    Span::new(
        map_offset(map, c.span.start as usize, false),
        map_offset(map, c.span.end as usize, true),
    )
}

pub(super) fn shift(span: Span, base: usize) -> Span {
    Span::new(base + span.start as usize, base + span.end as usize)
}

pub(super) fn is_shell(prog: &str) -> bool {
    matches!(prog, "sh" | "bash" | "ash" | "dash" | "zsh" | "ksh")
}

/// The commands a RUN runs, with source spans.
pub(super) fn run_commands(ins: &Instruction) -> Vec<Command> {
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
