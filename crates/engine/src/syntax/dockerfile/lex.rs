//! The shell-word lexer BuildKit's Dockerfile parser runs over an instruction line to find its
//! heredocs, reduced to what that search needs (no variable values: every variable is unset
//! and kept as written).
//!
//! A line is split into words at unquoted whitespace; quotes and escapes stay in the words;
//! `<<` followed by blanks keeps the blanks and the next word in the same word (`<< EOF` is one
//! word). A heredoc is a whole word of the form `[digits]<<[-][blanks]delimiter` whose
//! delimiter has no `<` and reads as exactly one shell word. If the line cannot be lexed (an
//! unclosed quote, a broken `${...}`), BuildKit finds no heredoc on it at all.

/// A word of the line with its byte range in the line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LexWord {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// How quotes and escapes are kept.
#[derive(Debug, Clone, Copy)]
struct Mode {
    /// Keep quote characters in the words.
    raw_quotes: bool,
    /// Keep the escape character in the words.
    raw_escapes: bool,
}

/// Deepest `${...${...}}` nesting read before giving up (as an unreadable line).
const MAX_DEPTH: usize = 64;

#[derive(Default)]
struct Words {
    words: Vec<LexWord>,
    buf: String,
    in_word: bool,
    start: usize,
    end: usize,
}

impl Words {
    fn raw_char(&mut self, c: char, start: usize, end: usize) {
        if self.buf.is_empty() {
            self.start = start;
        }
        self.buf.push(c);
        self.end = end;
        self.in_word = true;
    }

    fn raw_str(&mut self, s: &str, start: usize, end: usize) {
        if self.buf.is_empty() {
            self.start = start;
        }
        self.buf.push_str(s);
        self.end = end;
        self.in_word = true;
    }

    fn char(&mut self, c: char, start: usize, end: usize) {
        if c.is_whitespace() {
            if self.in_word && !self.buf.is_empty() {
                self.flush();
                self.in_word = false;
            }
        } else {
            self.raw_char(c, start, end);
        }
    }

    fn flush(&mut self) {
        if !self.buf.is_empty() {
            self.words.push(LexWord {
                text: std::mem::take(&mut self.buf),
                start: self.start,
                end: self.end,
            });
        }
    }
}

struct Lexer<'a> {
    s: &'a str,
    pos: usize,
    mode: Mode,
    escape: char,
    depth: usize,
    /// BuildKit shares one word buffer between a word and a `${name-word}` read inside it,
    /// so such a substitution drops what the word held before it. `true` asks the caller's
    /// word to forget its text.
    reset: bool,
}

struct Unreadable;

impl Lexer<'_> {
    fn peek(&self) -> Option<char> {
        self.s.get(self.pos..).and_then(|r| r.chars().next())
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// Reads words until `stop` (consumed) or the end of the line.
    fn words_until(&mut self, stop: Option<char>) -> Result<Vec<LexWord>, Unreadable> {
        let mut w = Words::default();
        while let Some(c) = self.peek() {
            let at = self.pos;
            if Some(c) == stop {
                self.pos += c.len_utf8();
                w.flush();
                return Ok(w.words);
            }
            match c {
                '$' => {
                    let text = self.dollar()?;
                    if std::mem::take(&mut self.reset) {
                        w.buf.clear();
                        w.in_word = false;
                    }
                    for ch in text.chars() {
                        w.char(ch, at, self.pos);
                    }
                }
                '<' => {
                    self.pos += 1;
                    if self.peek() == Some('<') {
                        self.pos += 1;
                        let mut s = String::from("<<");
                        while let Some(b @ (' ' | '\t')) = self.peek() {
                            s.push(b);
                            self.pos += 1;
                        }
                        w.raw_str(&s, at, self.pos);
                    } else {
                        w.raw_str("<", at, self.pos);
                    }
                }
                '\'' => {
                    let text = self.single_quote()?;
                    w.raw_str(&text, at, self.pos);
                }
                '"' => {
                    let text = self.double_quote()?;
                    w.raw_str(&text, at, self.pos);
                }
                _ => {
                    self.pos += c.len_utf8();
                    if c == self.escape {
                        if self.mode.raw_escapes {
                            w.raw_char(c, at, self.pos);
                        }
                        let Some(n) = self.next() else {
                            break;
                        };
                        w.raw_char(n, at, self.pos);
                    } else {
                        w.char(c, at, self.pos);
                    }
                }
            }
        }
        if stop.is_some() {
            return Err(Unreadable);
        }
        w.flush();
        Ok(w.words)
    }

    fn single_quote(&mut self) -> Result<String, Unreadable> {
        let mut out = String::new();
        self.pos += 1;
        if self.mode.raw_quotes {
            out.push('\'');
        }
        loop {
            match self.next() {
                None => return Err(Unreadable),
                Some('\'') => {
                    if self.mode.raw_quotes {
                        out.push('\'');
                    }
                    return Ok(out);
                }
                Some(c) => out.push(c),
            }
        }
    }

    fn double_quote(&mut self) -> Result<String, Unreadable> {
        let mut out = String::new();
        self.pos += 1;
        if self.mode.raw_quotes {
            out.push('"');
        }
        loop {
            match self.peek() {
                None => return Err(Unreadable),
                Some('"') => {
                    self.pos += 1;
                    if self.mode.raw_quotes {
                        out.push('"');
                    }
                    return Ok(out);
                }
                Some('$') => {
                    let v = self.dollar()?;
                    self.reset = false;
                    out.push_str(&v);
                }
                Some(c) => {
                    self.pos += c.len_utf8();
                    let mut ch = c;
                    if c == self.escape {
                        if self.mode.raw_escapes {
                            out.push(c);
                        }
                        match self.peek() {
                            None => continue,
                            Some(n) if n == '"' || n == '$' || n == self.escape => {
                                self.pos += n.len_utf8();
                                ch = n;
                            }
                            Some(_) => {}
                        }
                    }
                    out.push(ch);
                }
            }
        }
    }

    /// `$name`, `${name}`, `${name<op>word}`: every variable is unset, so the text is kept.
    fn dollar(&mut self) -> Result<String, Unreadable> {
        let start = self.pos;
        self.pos += 1;
        if self.peek() != Some('{') {
            self.name();
            return Ok(self.s.get(start..self.pos).unwrap_or("$").to_string());
        }
        self.pos += 1;
        match self.peek() {
            None | Some('{' | '}' | ':') => return Err(Unreadable),
            Some(_) => {}
        }
        self.name();
        match self.next() {
            Some('}') => {}
            Some(':') => match self.next() {
                Some('#' | '%') => return Err(Unreadable),
                _ => self.nested(Some('}'))?,
            },
            Some('+' | '-' | '?' | '#' | '%') => self.nested(Some('}'))?,
            Some('/') => {
                if self.peek() == Some('/') {
                    self.pos += 1;
                }
                self.nested(Some('/'))?;
                self.nested(Some('}'))?;
            }
            _ => return Err(Unreadable),
        }
        Ok(self.s.get(start..self.pos).unwrap_or("$").to_string())
    }

    fn nested(&mut self, stop: Option<char>) -> Result<(), Unreadable> {
        if self.depth >= MAX_DEPTH {
            return Err(Unreadable);
        }
        self.depth += 1;
        let r = self.words_until(stop);
        self.depth -= 1;
        r?;
        self.reset = true;
        Ok(())
    }

    fn name(&mut self) {
        match self.peek() {
            Some(c) if c.is_ascii_digit() => {
                while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    self.pos += 1;
                }
            }
            Some('@' | '*' | '#' | '?' | '-' | '$' | '!') => self.pos += 1,
            _ => {
                while let Some(c) = self.peek() {
                    if !(c.is_alphanumeric() || c == '_') {
                        break;
                    }
                    self.pos += c.len_utf8();
                }
            }
        }
    }
}

fn lex(s: &str, mode: Mode) -> Option<Vec<LexWord>> {
    let mut l = Lexer {
        s,
        pos: 0,
        mode,
        escape: '\\',
        depth: 0,
        reset: false,
    };
    l.words_until(None).ok()
}

/// The words of an instruction line as BuildKit's heredoc search sees them; `None` when the
/// line cannot be lexed (then BuildKit finds no heredoc on it).
pub(crate) fn line_words(line: &str) -> Option<Vec<LexWord>> {
    lex(
        line,
        Mode {
            raw_quotes: true,
            raw_escapes: true,
        },
    )
}

/// A heredoc marker read from one word.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Marker {
    /// The delimiter, quotes and escapes removed.
    pub name: String,
    /// `<<-`: leading tabs are stripped.
    pub strip_tabs: bool,
    /// Part of the delimiter is quoted: no expansion in the body.
    pub quoted: bool,
}

/// What a word says about heredocs.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum MarkerWord {
    /// Not a heredoc marker.
    No,
    Heredoc(Marker),
    /// A marker whose delimiter cannot be read (BuildKit rejects the file).
    Broken,
}

/// Reads `word` as BuildKit's heredoc pattern `^(\d*)<<(-?)\s*([^<]*)$`.
pub(crate) fn marker(word: &str) -> MarkerWord {
    let digits = word.len() - word.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let Some(after) = word.get(digits..).and_then(|w| w.strip_prefix("<<")) else {
        return MarkerWord::No;
    };
    let (strip_tabs, after) = match after.strip_prefix('-') {
        Some(a) => (true, a),
        None => (false, after),
    };
    let rest = after.trim_start_matches([' ', '\t', '\n', '\r', '\u{c}']);
    if rest.is_empty() || rest.contains('<') {
        return MarkerWord::No;
    }
    let cooked = lex(
        rest,
        Mode {
            raw_quotes: false,
            raw_escapes: false,
        },
    );
    let Some(cooked) = cooked else {
        return MarkerWord::Broken;
    };
    if cooked.len() != 1 {
        return MarkerWord::No;
    }
    let raw = lex(
        rest,
        Mode {
            raw_quotes: true,
            raw_escapes: false,
        },
    );
    let Some(raw) = raw.filter(|r| r.len() == 1) else {
        return MarkerWord::Broken;
    };
    let count = |s: &str| s.chars().filter(|c| *c == '\'' || *c == '"').count();
    let (Some(name), Some(raw)) = (cooked.into_iter().next(), raw.into_iter().next()) else {
        return MarkerWord::No;
    };
    MarkerWord::Heredoc(Marker {
        quoted: count(&name.text) != count(&raw.text),
        name: name.text,
        strip_tabs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(line: &str) -> Vec<String> {
        line_words(line)
            .unwrap_or_default()
            .iter()
            .filter_map(|w| match marker(&w.text) {
                MarkerWord::Heredoc(m) => Some(m.name),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn markers_as_buildkit_reads_them() {
        assert_eq!(names("RUN <<EOF"), ["EOF"]);
        assert_eq!(names("RUN 3<<EOF"), ["EOF"]);
        assert_eq!(names("RUN << EOF"), ["EOF"]);
        assert_eq!(names("RUN << -EOF"), ["-EOF"]);
        assert_eq!(names("RUN <<- EOF"), Vec::<String>::new());
        assert_eq!(names("RUN <<EOF <<EOF2"), ["EOF", "EOF2"]);
        assert_eq!(names("RUN '<<EOF'"), Vec::<String>::new());
        assert_eq!(names("RUN \"<<EOF\""), Vec::<String>::new());
        assert_eq!(names("RUN <<eo\\'f"), ["eo'f"]);
        assert_eq!(names("RUN <<'e'o\\'f"), ["eo'f"]);
        assert_eq!(names("RUN <<'one two'"), ["one two"]);
        assert_eq!(names("RUN <<$EOF"), ["$EOF"]);
        assert_eq!(names("RUN <<  EOF  > foo"), ["EOF"]);
        assert_eq!(names("RUN <<EOF'"), Vec::<String>::new());
        assert_eq!(names("RUN cat<<EOF"), Vec::<String>::new());
        assert_eq!(names("RUN <<COMPLEX python3"), ["COMPLEX"]);
        assert_eq!(names("RUN echo $((1<<2))"), Vec::<String>::new());
    }

    #[test]
    fn quoted_markers() {
        let m = |w: &str| match marker(w) {
            MarkerWord::Heredoc(m) => Some((m.name, m.quoted, m.strip_tabs)),
            _ => None,
        };
        assert_eq!(m("<<eo'f'"), Some(("eof".into(), true, false)));
        assert_eq!(m("<<-'EOF'"), Some(("EOF".into(), true, true)));
        assert_eq!(m("<<EOF"), Some(("EOF".into(), false, false)));
        assert_eq!(m("<<EO\"F\""), Some(("EOF".into(), true, false)));
        assert_eq!(m("<<EOF sh"), None);
        assert_eq!(m("<<<EOF"), None);
        assert_eq!(marker("<<'EOF"), MarkerWord::Broken);
        assert_eq!(marker("<<EOF\""), MarkerWord::Broken);
    }

    #[test]
    fn deep_substitutions_do_not_overflow() {
        let line = format!("RUN {}", "${a-".repeat(10_000));
        assert!(line_words(&line).is_none());
    }
}
