//! A small POSIX shell splitter: enough of the shell grammar to find the simple commands a
//! `RUN` runs and their words, so rules can ask "which commands run `apt-get install`, with which
//! flags". It is not a shell parser: it splits on `&&`, `||`, `;`, `|`, `&`, newlines,
//! subshells and braces, skips redirections, comments, heredoc bodies and the keywords of
//! compound commands, and respects quotes, escapes, `$(...)` and backquotes.

use crate::input::span::Span;

/// A word: its text with quotes and escapes removed, and its span (quotes included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub span: Span,
}

impl Word {
    /// Whether the word holds a variable or command substitution (its value is unknown).
    pub fn is_dynamic(&self) -> bool {
        self.text.contains('$') || self.text.contains('`')
    }
}

/// A simple command: the program and its arguments, redirections left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    /// The program and its arguments.
    pub words: Vec<Word>,
    /// `NAME=value` words before the program.
    pub assignments: Vec<Word>,
    pub span: Span,
    /// Part of a pipeline (`a | b`).
    pub piped: bool,
}

impl Command {
    /// The program's name without its directory (`/usr/bin/apt-get` is `apt-get`).
    pub fn name(&self) -> Option<&str> {
        // A byte scan: rules ask for the name of every command many times, and a program word is
        // short, so this beats the generic reverse string search.
        self.words.first().map(
            |w| match w.text.as_bytes().iter().rposition(|&b| b == b'/') {
                Some(slash) => w.text.get(slash + 1..).unwrap_or(&w.text),
                None => &w.text,
            },
        )
    }

    pub fn is(&self, program: &str) -> bool {
        self.name() == Some(program)
    }

    pub fn args(&self) -> &[Word] {
        self.words.get(1..).unwrap_or(&[])
    }

    /// Whether some argument is exactly `arg` (`install`).
    pub fn has_arg(&self, arg: &str) -> bool {
        self.args().iter().any(|w| w.text == arg)
    }

    /// The first argument that is not an option: the subcommand (`install` in `apt-get -y install`).
    pub fn subcommand(&self) -> Option<&Word> {
        self.args().iter().find(|w| !w.text.starts_with('-'))
    }

    /// Whether an option is given: `--yes` (also `--yes=...`) or `-y` (also inside `-qy`).
    pub fn has_option(&self, option: &str) -> bool {
        self.args().iter().any(|w| {
            let t = w.text.as_str();
            if let Some(long) = option.strip_prefix("--") {
                t.strip_prefix("--")
                    .is_some_and(|a| a == long || a.starts_with(&format!("{long}=")))
            } else if let Some(short) = option.strip_prefix('-') {
                t.starts_with('-')
                    && !t.starts_with("--")
                    && short.len() == 1
                    && t[1..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphabetic())
                        .any(|c| short.starts_with(c))
            } else {
                false
            }
        })
    }

    pub fn has_any_option(&self, options: &[&str]) -> bool {
        options.iter().any(|o| self.has_option(o))
    }

    /// Arguments that are not options, skipping the value after each option in `takes_value`
    /// (written as a separate word).
    pub fn operands(&self, takes_value: &[&str]) -> Vec<&Word> {
        let mut out = Vec::new();
        let mut skip = false;
        let mut only_operands = false;
        for w in self.args() {
            if skip {
                skip = false;
                continue;
            }
            let t = w.text.as_str();
            if only_operands {
                out.push(w);
            } else if t == "--" {
                only_operands = true;
            } else if t.starts_with('-') && t.len() > 1 {
                if takes_value.contains(&t) {
                    skip = true;
                }
            } else {
                out.push(w);
            }
        }
        out
    }

    /// The span of the program name (or of the command when it has none).
    pub fn name_span(&self) -> Span {
        self.words.first().map_or(self.span, |w| w.span)
    }
}

/// Words that open or close compound commands; a command never runs them as a program.
const KEYWORDS: &[&str] = &[
    "if", "then", "else", "elif", "fi", "do", "done", "while", "until", "!", "{", "}", "time",
];

struct Splitter<'a> {
    text: &'a str,
    pos: usize,
    commands: Vec<Command>,
    words: Vec<Word>,
    assignments: Vec<Word>,
    piped: bool,
    /// Delimiters of heredocs opened on the current line (`cat <<EOF`).
    pending_heredocs: Vec<(String, bool)>,
    /// Inside `case WORD` before its `in`.
    case_header: bool,
    /// Nesting of `case ... esac`.
    case_depth: usize,
    /// The next thing is a `case` pattern (`x86_64|aarch64)`), not a command.
    expect_pattern: bool,
    /// Nesting of command substitutions, bounded.
    depth: usize,
    /// Commands found inside `$(...)`.
    nested: Vec<Command>,
}

/// Splits shell text into simple commands, those inside `$(...)` included, in text order.
/// Spans are byte offsets into `text`.
pub fn split(text: &str) -> Vec<Command> {
    split_at(text, 0)
}

fn split_at(text: &str, depth: usize) -> Vec<Command> {
    let mut s = Splitter {
        text,
        pos: 0,
        commands: Vec::new(),
        words: Vec::new(),
        assignments: Vec::new(),
        piped: false,
        pending_heredocs: Vec::new(),
        case_header: false,
        case_depth: 0,
        expect_pattern: false,
        depth,
        nested: Vec::new(),
    };
    s.run();
    let mut commands = s.commands;
    if !s.nested.is_empty() {
        commands.append(&mut s.nested);
        crate::input::order::sort_by_key(&mut commands, |c| c.span.start);
    }
    commands
}

fn is_assignment(word: &str) -> bool {
    match word.split_once('=') {
        Some((name, _)) => {
            !name.is_empty()
                && name
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        }
        None => false,
    }
}

impl Splitter<'_> {
    fn peek(&self) -> Option<char> {
        self.text.get(self.pos..).and_then(|r| r.chars().next())
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.text.get(self.pos..).and_then(|r| r.chars().nth(ahead))
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn end_command(&mut self, piped_next: bool) {
        if !self.words.is_empty() || !self.assignments.is_empty() {
            let first = self
                .assignments
                .first()
                .or(self.words.first())
                .map(|w| w.span)
                .unwrap_or_default();
            let last = self
                .words
                .last()
                .or(self.assignments.last())
                .map(|w| w.span)
                .unwrap_or_default();
            self.commands.push(Command {
                words: std::mem::take(&mut self.words),
                assignments: std::mem::take(&mut self.assignments),
                span: first.cover(last),
                piped: self.piped || piped_next,
            });
        }
        self.piped = piped_next;
    }

    fn push_word(&mut self, word: Word, raw: &str) {
        if self.case_header && raw == "in" {
            self.case_header = false;
            self.words.clear();
            self.assignments.clear();
            self.case_depth += 1;
            self.expect_pattern = true;
            return;
        }
        if self.words.is_empty() {
            if raw == "esac" {
                self.case_depth = self.case_depth.saturating_sub(1);
                return;
            }
            if raw == "case" {
                self.case_header = true;
            }
            if is_assignment(raw) {
                self.assignments.push(word);
                return;
            }
            if KEYWORDS.contains(&raw) {
                return;
            }
        }
        self.words.push(word);
    }

    fn run(&mut self) {
        while let Some(c) = self.peek() {
            if self.expect_pattern {
                self.pattern();
                continue;
            }
            match c {
                ' ' | '\t' | '\r' => {
                    self.bump();
                }
                '\n' => {
                    self.bump();
                    self.end_command(false);
                    self.skip_heredoc_bodies();
                }
                '#' => {
                    while let Some(c) = self.peek() {
                        if c == '\n' {
                            break;
                        }
                        self.bump();
                    }
                }
                ';' => {
                    self.bump();
                    self.end_command(false);
                    if matches!(self.peek(), Some(';' | '&')) && self.case_depth > 0 {
                        // `;;`, `;&`, `;;&`: the end of a case branch.
                        while matches!(self.peek(), Some(';' | '&')) {
                            self.bump();
                        }
                        self.expect_pattern = true;
                    }
                }
                '(' | ')' => {
                    self.bump();
                    self.end_command(false);
                }
                '&' => {
                    self.bump();
                    if self.peek() == Some('>') {
                        self.redirection();
                    } else {
                        if self.peek() == Some('&') {
                            self.bump();
                        }
                        self.end_command(false);
                    }
                }
                '|' => {
                    self.bump();
                    if self.peek() == Some('|') {
                        self.bump();
                        self.end_command(false);
                    } else {
                        if self.peek() == Some('&') {
                            self.bump();
                        }
                        self.end_command(true);
                    }
                }
                '<' | '>' => self.redirection(),
                '\\' if self.peek_at(1) == Some('\n') => {
                    self.bump();
                    self.bump();
                }
                _ => {
                    let start = self.pos;
                    let text = self.word();
                    let raw = self.text.get(start..self.pos).unwrap_or("");
                    // `2>file`: a file descriptor number before a redirection.
                    if matches!(self.peek(), Some('<' | '>'))
                        && !raw.is_empty()
                        && raw.chars().all(|c| c.is_ascii_digit())
                    {
                        self.redirection();
                        continue;
                    }
                    let raw = raw.to_string();
                    self.push_word(
                        Word {
                            text,
                            span: Span::new(start, self.pos),
                        },
                        &raw,
                    );
                }
            }
        }
        self.end_command(false);
    }

    /// Skips a `case` pattern up to its `)`, or the `esac` that ends the `case`.
    fn pattern(&mut self) {
        self.expect_pattern = false;
        while matches!(self.peek(), Some(' ' | '\t' | '\r' | '\n')) {
            self.bump();
        }
        let rest = self.text.get(self.pos..).unwrap_or("");
        if rest.starts_with("esac")
            && !rest[4..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
        {
            self.pos += 4;
            self.case_depth = self.case_depth.saturating_sub(1);
            return;
        }
        let mut quote: Option<char> = None;
        while let Some(c) = self.bump() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '\'' | '"') => quote = Some(c),
                (None, '\\') => {
                    self.bump();
                }
                (None, ')') => return,
                _ => {}
            }
        }
    }

    /// Skips a redirection operator and its target word; remembers heredoc delimiters.
    fn redirection(&mut self) {
        let mut op = String::new();
        while let Some(c) = self.peek() {
            if matches!(c, '<' | '>' | '&' | '|' | '-') && op.len() < 3 {
                op.push(c);
                self.bump();
            } else {
                break;
            }
        }
        while matches!(self.peek(), Some(' ' | '\t')) {
            self.bump();
        }
        if op.ends_with('&') && self.peek().is_some_and(|c| c.is_ascii_digit() || c == '-') {
            // `2>&1`, `>&-`
            while self.peek().is_some_and(|c| c.is_ascii_digit() || c == '-') {
                self.bump();
            }
            return;
        }
        if matches!(
            self.peek(),
            None | Some('\n' | ';' | '&' | '|' | '(' | ')' | '<' | '>')
        ) {
            return;
        }
        let target = self.word();
        if op.starts_with("<<") && !op.starts_with("<<<") {
            self.pending_heredocs.push((target, op.contains('-')));
        }
    }

    /// After a newline, skips the bodies of the heredocs opened on the line before.
    fn skip_heredoc_bodies(&mut self) {
        let pending = std::mem::take(&mut self.pending_heredocs);
        for (delimiter, strip_tabs) in pending {
            loop {
                let rest = self.text.get(self.pos..).unwrap_or("");
                if rest.is_empty() {
                    return;
                }
                let line_len = rest.find('\n').map_or(rest.len(), |i| i + 1);
                let line = rest[..line_len].trim_end_matches(['\n', '\r']);
                let line = if strip_tabs {
                    line.trim_start_matches('\t')
                } else {
                    line
                };
                self.pos += line_len;
                if line == delimiter {
                    break;
                }
            }
        }
    }

    /// Reads one word; returns its text with quotes and escapes removed.
    fn word(&mut self) -> String {
        let mut out = String::new();
        while let Some(c) = self.peek() {
            match c {
                ' ' | '\t' | '\r' | '\n' | ';' | '&' | '|' | '<' | '>' | '(' | ')' => break,
                '\'' => {
                    self.bump();
                    while let Some(c) = self.bump() {
                        if c == '\'' {
                            break;
                        }
                        out.push(c);
                    }
                }
                '"' => {
                    self.bump();
                    while let Some(c) = self.bump() {
                        match c {
                            '"' => break,
                            '\\' => match self.peek() {
                                Some('\n') => {
                                    self.bump();
                                }
                                Some(n @ ('"' | '\\' | '$' | '`')) => {
                                    self.bump();
                                    out.push(n);
                                }
                                _ => out.push('\\'),
                            },
                            '$' if self.peek() == Some('(') => {
                                out.push('$');
                                self.substitution(&mut out);
                            }
                            '`' => {
                                out.push('`');
                                self.backquote(&mut out);
                            }
                            c => out.push(c),
                        }
                    }
                }
                '\\' => {
                    self.bump();
                    match self.bump() {
                        Some('\n') | None => {}
                        Some(n) => out.push(n),
                    }
                }
                '$' if matches!(self.peek_at(1), Some('(' | '{')) => {
                    self.bump();
                    out.push('$');
                    if self.peek() == Some('(') {
                        self.substitution(&mut out);
                    } else {
                        self.braces(&mut out);
                    }
                }
                '`' => {
                    self.bump();
                    out.push('`');
                    self.backquote(&mut out);
                }
                c => {
                    self.bump();
                    out.push(c);
                }
            }
        }
        out
    }

    /// Copies a balanced `(...)` (the cursor is on the `(`), quotes respected, and splits the
    /// commands inside it.
    fn substitution(&mut self, out: &mut String) {
        let open = self.pos;
        self.balanced(out);
        let close = self.pos;
        if self.depth < 8 && close > open + 1 {
            let inner = self.text.get(open + 1..close - 1).unwrap_or("");
            for mut c in split_at(inner, self.depth + 1) {
                let shift = |span: Span| {
                    Span::new(open + 1 + span.start as usize, open + 1 + span.end as usize)
                };
                c.span = shift(c.span);
                for w in c.words.iter_mut().chain(c.assignments.iter_mut()) {
                    w.span = shift(w.span);
                }
                self.nested.push(c);
            }
        }
    }

    fn balanced(&mut self, out: &mut String) {
        let mut depth = 0usize;
        let mut quote: Option<char> = None;
        while let Some(c) = self.bump() {
            out.push(c);
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some('"'), '\\') => {
                    if let Some(n) = self.bump() {
                        out.push(n);
                    }
                }
                (Some(_), _) => {}
                (None, '\'' | '"') => quote = Some(c),
                (None, '\\') => {
                    if let Some(n) = self.bump() {
                        out.push(n);
                    }
                }
                (None, '(') => depth += 1,
                (None, ')') => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    fn braces(&mut self, out: &mut String) {
        while let Some(c) = self.bump() {
            out.push(c);
            if c == '}' {
                return;
            }
        }
    }

    fn backquote(&mut self, out: &mut String) {
        while let Some(c) = self.bump() {
            out.push(c);
            match c {
                '`' => return,
                '\\' => {
                    if let Some(n) = self.bump() {
                        out.push(n);
                    }
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        split(text)
            .iter()
            .map(|c| {
                c.words
                    .iter()
                    .map(|w| w.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn operators_and_quotes() {
        assert_eq!(
            names("apt-get update && apt-get install -y 'a b' \"c\\\"d\" || true; echo $(date +%s) | tee x"),
            ["apt-get update", "apt-get install -y a b c\"d", "true", "echo $(date +%s)", "date +%s", "tee x"]
        );
        let cmds = split("a | b && c");
        assert!(cmds[0].piped && cmds[1].piped && !cmds[2].piped);
    }

    #[test]
    fn assignments_keywords_redirections_comments() {
        assert_eq!(
            names("DEBIAN_FRONTEND=noninteractive apt-get install x >/dev/null 2>&1\nif [ -f a ]; then cd /b; fi # cd /c\n(cd /d && make) &"),
            ["apt-get install x", "[ -f a ]", "cd /b", "cd /d", "make"]
        );
        let c = &split("A=1 B=2 env")[0];
        assert_eq!(c.assignments.len(), 2);
        assert_eq!(c.name(), Some("env"));
    }

    #[test]
    fn case_patterns_are_not_pipes() {
        let text = "case \"$arch\" in x86_64|aarch64) echo a ;; *) exit 1 ;; esac; make";
        assert_eq!(names(text), ["echo a", "exit 1", "make"]);
        assert!(split(text).iter().all(|c| !c.piped));
        assert_eq!(
            names("case $x in\n  a) foo\n  ;;\nesac\nbar"),
            ["foo", "bar"]
        );
    }

    #[test]
    fn command_substitutions_are_split() {
        let text = "for f in $(git status | awk '{print $2}'); do cp $f /out; done";
        let cmds = split(text);
        let names: Vec<_> = cmds.iter().filter_map(|c| c.name()).collect();
        assert_eq!(names, ["for", "git", "awk", "cp"]);
        assert!(cmds[1].piped);
        assert_eq!(cmds[2].words[1].span.text(text), "'{print $2}'");
    }

    #[test]
    fn nested_heredoc_bodies_are_skipped() {
        assert_eq!(
            names("cat <<EOF > /etc/x.conf\napt-get install foo\nEOF\necho done"),
            ["cat", "echo done"]
        );
    }

    #[test]
    fn flags_and_operands() {
        let c = &split("apt-get -qy -o Dpkg::Options::=--force-confnew install --no-install-recommends curl=7.* git")[0];
        assert!(c.has_option("-y"));
        assert!(c.has_option("-q"));
        assert!(c.has_option("--no-install-recommends"));
        assert!(!c.has_option("--yes"));
        let ops: Vec<_> = c
            .operands(&["-o"])
            .iter()
            .map(|w| w.text.as_str())
            .collect();
        assert_eq!(ops, ["install", "curl=7.*", "git"]);
        assert_eq!(
            split("apt-get -y install x")[0]
                .subcommand()
                .map(|w| w.text.as_str()),
            Some("install")
        );
    }

    #[test]
    fn spans_point_at_words() {
        let text = "echo \"a b\"  c\\\n d";
        let c = &split(text)[0];
        assert_eq!(c.words[1].span.text(text), "\"a b\"");
        assert_eq!(c.words[2].text, "c");
        assert_eq!(c.words[3].span.text(text), "d");
    }

    #[test]
    fn never_panics() {
        for t in [
            "'",
            "\"",
            "$(",
            "`",
            "\\",
            "a <<",
            "a >&",
            "é|ü&&",
            "$((1<<2))",
            "${",
        ] {
            let _ = split(t);
        }
    }
}
