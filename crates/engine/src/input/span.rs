//! Byte spans into a source text, and the conversion to 1-based lines and character columns.

use serde::Serialize;

/// A half-open byte range `start..end` into one source text.
///
/// Spans are always kept on UTF-8 character boundaries and inside the text they came from; the
/// fuzz targets and the corpus test check this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub const EMPTY: Span = Span { start: 0, end: 0 };

    pub fn new(start: usize, end: usize) -> Span {
        let start = u32::try_from(start).unwrap_or(u32::MAX);
        let end = u32::try_from(end).unwrap_or(u32::MAX).max(start);
        Span { start, end }
    }

    pub fn at(offset: usize) -> Span {
        Span::new(offset, offset)
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The text under the span, or "" when the span does not fit the text.
    pub fn text(self, source: &str) -> &str {
        source.get(self.range()).unwrap_or("")
    }
}

/// A 1-based line and a 1-based column counted in characters (not bytes, not UTF-16 units).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineCol {
    pub line: u32,
    pub column: u32,
}

/// Line starts of a text, for turning byte offsets into lines and columns.
///
/// `\n`, `\r\n` and a lone `\r` all end a line, so files with mixed endings number their lines the
/// way editors do.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<u32>,
    /// Whether each line is pure ASCII: then a column is a byte count, found in O(1) even on a
    /// line of megabytes.
    ascii: Vec<bool>,
    /// For texts with non-ASCII lines: `(byte offset, characters before it)` every
    /// [`MARK_STEP`] bytes, so a column on a long non-ASCII line counts at most that many
    /// bytes instead of the whole line (linear, not quadratic, in findings times line length).
    marks: Vec<(u32, u32)>,
    len: u32,
}

/// Bytes between two character-count marks of a [`LineIndex`].
const MARK_STEP: usize = 1024;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0u32];
        let mut ascii = vec![true];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => {
                    starts.push(to_u32(i + 1));
                    ascii.push(true);
                }
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(to_u32(i + 1));
                    ascii.push(true);
                }
                b if b >= 0x80 => {
                    if let Some(last) = ascii.last_mut() {
                        *last = false;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        let mut marks = Vec::new();
        if ascii.iter().any(|a| !a) {
            let mut next = 0;
            for (count, (at, _)) in text.char_indices().enumerate() {
                if at >= next {
                    marks.push((to_u32(at), to_u32(count)));
                    next = at + MARK_STEP;
                }
            }
        }
        LineIndex {
            starts,
            ascii,
            marks,
            len: to_u32(text.len()),
        }
    }

    /// Characters before a byte offset (on a character boundary) of a non-ASCII text.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let (at, count) = match self.marks.binary_search_by(|m| (m.0 as usize).cmp(&offset)) {
            Ok(i) => self.marks.get(i),
            Err(i) => i.checked_sub(1).and_then(|i| self.marks.get(i)),
        }
        .map_or((0, 0), |&(at, count)| (at as usize, count as usize));
        count + text.get(at..offset).map_or(0, |s| s.chars().count())
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The 0-based line holding the byte offset.
    pub fn line_of(&self, offset: u32) -> usize {
        let offset = offset.min(self.len);
        match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next.saturating_sub(1),
        }
    }

    /// The byte range of a 0-based line, without its line ending.
    pub fn line_span(&self, line: usize, text: &str) -> Span {
        let start = self.starts.get(line).copied().unwrap_or(self.len) as usize;
        let next = self.starts.get(line + 1).copied().unwrap_or(self.len) as usize;
        let mut end = next.min(text.len());
        let bytes = text.as_bytes();
        while end > start && matches!(bytes.get(end - 1), Some(b'\n' | b'\r')) {
            end -= 1;
        }
        Span::new(start, end)
    }

    /// The 1-based line and character column of a byte offset.
    pub fn line_col(&self, text: &str, offset: u32) -> LineCol {
        let offset = floor_char_boundary(text, offset.min(self.len) as usize);
        let line = self.line_of(to_u32(offset));
        let start = self.starts.get(line).copied().unwrap_or(0) as usize;
        let column = if self.ascii.get(line).copied().unwrap_or(false) {
            offset.saturating_sub(start)
        } else {
            self.chars_before(text, offset)
                .saturating_sub(self.chars_before(text, start))
        };
        LineCol {
            line: to_u32(line + 1),
            column: to_u32(column + 1),
        }
    }

    /// The byte offset of the character `column0` (0-based) of 0-based line `line0`, clamped to
    /// the line's end; in O(1) on ASCII lines and at most [`MARK_STEP`] bytes of walking
    /// otherwise, however long the line.
    pub fn char_offset(&self, text: &str, line0: usize, column0: usize) -> usize {
        let span = self.line_span(line0, text);
        let (start, end) = (span.start as usize, span.end as usize);
        if self.ascii.get(line0).copied().unwrap_or(false) {
            return (start + column0).min(end);
        }
        let target = self.chars_before(text, start) + column0;
        let mark = self
            .marks
            .partition_point(|&(_, count)| count as usize <= target)
            .checked_sub(1)
            .and_then(|i| self.marks.get(i))
            .map(|&(at, count)| (at as usize, count as usize));
        let (from, count) = match mark {
            Some((at, count)) if at >= start => (at, count),
            _ => (start, target - column0),
        };
        text.get(from..end)
            .and_then(|rest| rest.char_indices().nth(target.saturating_sub(count)))
            .map_or(end, |(i, _)| from + i)
    }

    /// The byte offset of a 1-based line and character column, clamped to the text.
    pub fn offset(&self, text: &str, line: u32, column: u32) -> usize {
        let line = (line.max(1) - 1) as usize;
        let span = self.line_span(line.min(self.starts.len() - 1), text);
        let body = span.text(text);
        let skip = column.max(1) as usize - 1;
        span.start as usize + body.char_indices().nth(skip).map_or(body.len(), |(i, _)| i)
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The largest char boundary at or below `offset`.
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let text = "ab\nçé\tx\r\ny";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 0), LineCol { line: 1, column: 1 });
        let x = text.find('x').unwrap() as u32;
        assert_eq!(index.line_col(text, x), LineCol { line: 2, column: 4 });
        let y = text.find('y').unwrap() as u32;
        assert_eq!(index.line_col(text, y), LineCol { line: 3, column: 1 });
        assert_eq!(index.offset(text, 2, 4), x as usize);
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        let text = "a\rb\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 2).line, 2);
        assert_eq!(index.line_count(), 3);
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        let text = "é";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 99), LineCol { line: 1, column: 2 });
        assert_eq!(index.line_col(text, 1), LineCol { line: 1, column: 1 });
    }

    #[test]
    fn columns_on_long_non_ascii_lines_use_marks() {
        let text = format!("x\n{}", "aé🚢\t".repeat(5_000));
        let index = LineIndex::new(&text);
        for (i, (at, _)) in text.char_indices().enumerate().step_by(397) {
            let expected = if i == 0 { (1, 1) } else { (2, i - 2 + 1) };
            let got = index.line_col(&text, at as u32);
            assert_eq!(
                (got.line as usize, got.column as usize),
                expected,
                "at {at}"
            );
        }
    }
}
