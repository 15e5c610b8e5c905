//! Positions and file addresses as the Language Server Protocol has them: lines and UTF-16 code
//! units (the encoding every client supports), and `file://` URIs.

use std::str::FromStr;

use ecsplain_engine::span::{floor_char_boundary, LineIndex};
use lsp_types::{Position, Range, Uri};

/// A text with its line index: what converting between byte offsets and positions needs.
pub struct Located<'a> {
    pub text: &'a str,
    pub index: LineIndex,
}

impl<'a> Located<'a> {
    pub fn new(text: &'a str) -> Located<'a> {
        Located {
            text,
            index: LineIndex::new(text),
        }
    }

    /// The position of a byte offset (clamped to the text and to a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self
            .index
            .line_of(u32::try_from(offset).unwrap_or(u32::MAX));
        let start = (self.index.line_span(line, self.text).start as usize).min(offset);
        let character = self.text[start..offset].encode_utf16().count();
        Position {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            character: u32::try_from(character).unwrap_or(u32::MAX),
        }
    }

    pub fn range(&self, start: usize, end: usize) -> Range {
        Range {
            start: self.position(start),
            end: self.position(end.max(start)),
        }
    }

    /// The byte offset of a position; past the end of a line is its end, past the last line
    /// the end of the text.
    pub fn offset(&self, position: Position) -> usize {
        let line = position.line as usize;
        if line >= self.index.line_count() {
            return self.text.len();
        }
        let span = self.index.line_span(line, self.text);
        let (start, end) = (span.start as usize, span.end as usize);
        let mut units = 0u32;
        for (i, c) in self.text[start..end].char_indices() {
            if units >= position.character {
                return start + i;
            }
            units += u32::try_from(c.len_utf16()).unwrap_or(2);
        }
        end
    }
}

/// The local path a `file://` URI names (`None` for other schemes and remote hosts).
pub fn uri_to_path(uri: &Uri) -> Option<String> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let path = match rest.find('/') {
        Some(0) => rest,
        Some(slash) if matches!(&rest[..slash], "localhost") => &rest[slash..],
        _ => return None,
    };
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let decoded = percent_decode(path)?;
    // `file:///c:/x` is `c:/x` on Windows.
    let bytes = decoded.as_bytes();
    if bytes.len() >= 3 && bytes[0] == b'/' && bytes[1].is_ascii_alphabetic() && bytes[2] == b':' {
        return Some(decoded[1..].to_string());
    }
    Some(decoded)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The `file://` URI of a path (made absolute against the working directory).
pub fn path_to_uri(path: &str) -> Option<Uri> {
    let absolute = std::path::absolute(path).ok()?;
    let absolute = absolute.to_string_lossy().replace('\\', "/");
    let mut out = String::from("file://");
    if !absolute.starts_with('/') {
        out.push('/');
    }
    for byte in absolute.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    Uri::from_str(&out).ok()
}

/// A path's identity: absolute and normalised (`a/./b/../c` is `a/c`), as the engine
/// normalises the paths ecspresso configs name.
pub fn key(path: &str) -> String {
    let absolute = std::path::absolute(path)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| path.to_string());
    ecsplain_engine::ecspresso::normalize_path(&absolute)
}

/// The one edit that turns `old` into `new`: the part between their common prefix and suffix.
pub fn minimal_edit(old: &str, new: &str) -> (usize, usize, String) {
    let prefix = old
        .char_indices()
        .zip(new.chars())
        .find(|((_, a), b)| a != b)
        .map_or(old.len().min(new.len()), |((i, _), _)| i);
    let prefix = floor_char_boundary(old, prefix.min(old.len()));
    let prefix = floor_char_boundary(new, prefix.min(new.len()));
    let max_suffix = (old.len() - prefix).min(new.len() - prefix);
    let mut suffix = 0;
    while suffix < max_suffix
        && old.as_bytes()[old.len() - 1 - suffix] == new.as_bytes()[new.len() - 1 - suffix]
    {
        suffix += 1;
    }
    // Keep both cuts on character boundaries.
    while suffix > 0
        && !(old.is_char_boundary(old.len() - suffix) && new.is_char_boundary(new.len() - suffix))
    {
        suffix -= 1;
    }
    (
        prefix,
        old.len() - suffix,
        new[prefix..new.len() - suffix].to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units() {
        let text = "a\r\nxé😀y\nlast";
        let located = Located::new(text);
        let y = text.find('y').unwrap_or(0);
        assert_eq!(
            located.position(y),
            Position {
                line: 1,
                character: 4
            }
        );
        assert_eq!(
            located.offset(Position {
                line: 1,
                character: 4
            }),
            y
        );
        assert_eq!(located.offset(Position::new(1, 99)), y + 1);
        assert_eq!(located.offset(Position::new(9, 0)), text.len());
        assert_eq!(located.position(text.len()), Position::new(2, 4));
    }

    #[test]
    fn file_uris_round_trip() {
        let uri = path_to_uri("/tmp/a b/ü.json").and_then(|u| uri_to_path(&u));
        assert_eq!(uri.as_deref(), Some("/tmp/a b/ü.json"));
        let windows = Uri::from_str("file:///c%3A/x/task.json").ok();
        assert_eq!(
            windows.as_ref().and_then(uri_to_path).as_deref(),
            Some("c:/x/task.json")
        );
        let remote = Uri::from_str("file://server/share/x").ok();
        assert_eq!(remote.as_ref().and_then(uri_to_path), None);
        let other = Uri::from_str("untitled:Untitled-1").ok();
        assert_eq!(other.as_ref().and_then(uri_to_path), None);
    }

    #[test]
    fn minimal_edits_cover_the_change() {
        assert_eq!(
            minimal_edit("a\nb\n", "a\n# x\nb\n"),
            (2, 2, "# x\n".to_string())
        );
        assert_eq!(minimal_edit("abc", "abc"), (3, 3, String::new()));
        assert_eq!(minimal_edit("é", "è"), (0, 2, "è".to_string()));
    }
}
