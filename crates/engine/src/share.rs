//! Share links: the whole playground state in a URL fragment, compressed and versioned.
//!
//! The page puts everything a teammate needs to see the same findings (the four panes, any extra
//! project files, the variables, the selected view, the settings and the checklist ticks) into the
//! fragment of the page's URL. Browsers never send the fragment to a server, so a link carries
//! the user's configuration (which may hold account IDs and ARNs) only to whoever receives it.
//! Anyone holding a link can read everything in it; the page says so next to "Copy link".
//!
//! # The format, version 1 (frozen)
//!
//! A share fragment is, after an optional leading `#`:
//!
//! ```text
//! v1.<payload>
//! ```
//!
//! - `v1` is the format version: a lower-case `v`, a decimal number without leading zeros, then a
//!   dot. [`decode`] rejects versions it does not know with [`ShareError::NewerFormat`], so an
//!   old page opening a newer link says so instead of guessing.
//! - `<payload>` is base64url (RFC 4648 section 5: `A-Z a-z 0-9 - _`) without `=` padding, of
//! - a raw DEFLATE stream (RFC 1951: no zlib or gzip header, no checksum), of
//! - the UTF-8 JSON serialization of [`ShareState`], an object with these members, every one of
//!   which may be absent (absent means empty or unset):
//!
//! | key | type | meaning |
//! |---|---|---|
//! | `s` | number | schema revision inside v1, see below; absent means 1 |
//! | `td` | string | the task definition pane |
//! | `sd` | string | the service definition pane |
//! | `df` | string | the Dockerfile pane |
//! | `ec` | string | the ecspresso config pane |
//! | `files` | array of `[path, text]` | extra project files, in order |
//! | `kinds` | array of string | (s ≥ 2) the kind chosen for each of `files` (`taskdef`...), `""` = detected |
//! | `paths` | array of 4 strings | (s ≥ 2) the paths the four panes were given (td, sd, df, ec), `""` = the default |
//! | `vars` | array of `[name, value]` | variables (for `{{ must_env }}` and friends), in order |
//! | `view` | string | the selected view or pane, as the page names it |
//! | `set` | object of string to string | settings, sorted by key |
//! | `ticks` | array of string | ids of the ticked checklist items |
//!
//! Short keys keep links short: every character counts against the 2,000 that chat tools keep.
//!
//! **The meaning of `v1` never changes.** Links made today must open in every later ecsplain.
//! Within v1 a later version may only *add* optional members whose absence means what it meant
//! before; it then raises `s`, and older readers ignore members they do not know (an older page
//! can tell its user with [`ShareState::is_from_newer_schema`]). Anything else (renaming or
//! retyping a member, another compression, another alphabet) needs `v2`, and the decoder keeps
//! its `v1` branch forever.
//!
//! # Limits
//!
//! [`decode`] never panics, on any input. It refuses fragments longer than [`MAX_FRAGMENT`]
//! (512 KiB, far above anything [`encode`] makes for real inputs) before doing any work, and it
//! inflates with a hard output cap of [`MAX_STATE_BYTES`] (4 MiB) so that a decompression bomb (a
//! few kilobytes that inflate to gigabytes) fails fast instead of exhausting the tab's memory.
//! Raw DEFLATE has no checksum, so a damaged payload can inflate "successfully" to garbage; the
//! JSON parse (UTF-8 check included) that follows is what catches it. Text in the state is only
//! ever data: HTML or script inside a pane stays text, and the page must only ever put it into
//! editors and text nodes, never into markup.
//!
//! # How long links get
//!
//! Measured on the shared corpus (`tests/share.rs`, `corpus_round_trips_and_link_lengths`, with a
//! 40-character page URL): 54 of the 55 task definitions fit in [`MAX_CHAT_LINK`], at about 2.6
//! bytes of input per link character (the 19,467-byte one does not; its first 14,727 bytes would);
//! all 14 service definitions; 65 of 70 Dockerfiles; 14 of 17 whole ecspresso projects. Roughly, a
//! task definition up to 4-5 KB fits a chat link. Encoding 100 KB takes tens of milliseconds
//! natively, so the page should compute the live link length debounced, not on every keystroke.
//!
//! # Why these pieces
//!
//! DEFLATE through `miniz_oxide` (pure Rust, maintained, builds for wasm32): on the 5,012-byte
//! task definition of the research notes it gives 2,040 URL characters against 3,244 for
//! lz-string, for about 60 KB of wasm (research/crates.md section 4; brotli would be 1 MB).
//! Measured for this module: an `opt-level = "z"`, LTO cdylib calling `encode` and `decode` is
//! 55.9 KB larger than one doing the same serde_json round trip without them (91,195 → 147,119
//! bytes), 18.4 KB after brotli -q 11 (32,067 → 50,511), of the page's 400 KB budget.
//! Base64url is about forty lines written here rather than the `base64` crate, whose general
//! engine and configuration types cost wasm bytes we do not need for one alphabet.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

/// The format version [`encode`] writes: the `v1` of `v1.<payload>`.
pub const FORMAT_VERSION: u32 = 1;

/// The schema revision inside format v1 that this ecsplain writes (the `s` member). Revision 2
/// added `kinds` and `paths` (the page's project view).
pub const SCHEMA: u32 = 2;

/// Links longer than this many characters get cut by chat tools (Discord keeps 2,000 characters
/// per message, and Slack truncates long playground links: research/ux.md section 1.2). The page
/// shows the link's length and, above this, offers the fallbacks (download the state as a file,
/// copy as Markdown).
pub const MAX_CHAT_LINK: usize = 2000;

/// The longest fragment [`decode`] accepts, in bytes (512 KiB). Browsers carry far longer URLs
/// (Chromium: 2 MiB), but nothing [`encode`] makes for real configuration comes near this, so a
/// longer fragment is junk and is refused before any work is done.
pub const MAX_FRAGMENT: usize = 512 * 1024;

/// The most JSON a link may inflate to (4 MiB): the decompression-bomb cap.
pub const MAX_STATE_BYTES: usize = 4 * 1024 * 1024;

/// The DEFLATE level [`encode`] uses: miniz_oxide's best ("uber") level. Links are made on a
/// click, from at most a few hundred kilobytes, so the slower search costs nothing noticeable.
const LEVEL: u8 = 10;

/// Everything a share link restores. Serialized with short keys (see the module docs); every
/// field may be empty, and an empty field is left out of the link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ShareState {
    /// Schema revision inside format v1 ([`SCHEMA`] when written by this ecsplain).
    #[serde(rename = "s", skip_serializing_if = "is_schema_one")]
    pub schema: u32,
    /// The task definition pane.
    #[serde(rename = "td", skip_serializing_if = "Option::is_none")]
    pub task_definition: Option<String>,
    /// The service definition pane.
    #[serde(rename = "sd", skip_serializing_if = "Option::is_none")]
    pub service_definition: Option<String>,
    /// The Dockerfile pane.
    #[serde(rename = "df", skip_serializing_if = "Option::is_none")]
    pub dockerfile: Option<String>,
    /// The ecspresso config pane.
    #[serde(rename = "ec", skip_serializing_if = "Option::is_none")]
    pub ecspresso: Option<String>,
    /// Extra project files as `(path, text)`, in the order the page lists them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<(String, String)>,
    /// The kind chosen for each extra file (`Kind::as_str`), parallel to `files`; an empty or
    /// missing entry means "detected from the name and content" (schema 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<String>,
    /// The paths the four panes were given (task definition, service definition, Dockerfile,
    /// ecspresso config); an empty or missing entry means the page's default (schema 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub paths: Vec<String>,
    /// Variables as `(name, value)`, in the order the page lists them.
    #[serde(rename = "vars", skip_serializing_if = "Vec::is_empty")]
    pub variables: Vec<(String, String)>,
    /// The selected view or pane, named as the page names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub view: Option<String>,
    /// Settings (a small string map; sorted, so the same state always makes the same link).
    #[serde(rename = "set", skip_serializing_if = "BTreeMap::is_empty")]
    pub settings: BTreeMap<String, String>,
    /// Ids of the ticked checklist items.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ticks: Vec<String>,
}

impl Default for ShareState {
    /// An empty state as this ecsplain writes it (schema [`SCHEMA`]).
    fn default() -> Self {
        ShareState {
            schema: SCHEMA,
            task_definition: None,
            service_definition: None,
            dockerfile: None,
            ecspresso: None,
            files: Vec::new(),
            kinds: Vec::new(),
            paths: Vec::new(),
            variables: Vec::new(),
            view: None,
            settings: BTreeMap::new(),
            ticks: Vec::new(),
        }
    }
}

impl ShareState {
    /// An empty state as this ecsplain writes it (schema [`SCHEMA`]).
    pub fn new() -> Self {
        ShareState::default()
    }

    /// True when the link came from a later ecsplain that added members this one ignored; the
    /// page can say "some settings from a newer ecsplain were not restored".
    pub fn is_from_newer_schema(&self) -> bool {
        self.schema > SCHEMA
    }
}

impl ShareState {
    /// Reads a state from its JSON (a link's contents, or a state file), as the serde
    /// attributes above write it: members may be absent (an absent `s` is revision 1), unknown
    /// members are ignored, a member of the wrong type is an error naming it. Read with the
    /// engine's own JSON reader ([`crate::syntax::json::read_value`]): one reader in the page.
    pub fn from_json(text: &str) -> Result<ShareState, String> {
        use serde_json::Value;
        let value = crate::syntax::json::read_value(text)?;
        let object = value.as_object().ok_or("it is not a JSON object")?;
        let wrong = |key: &str, what: &str| format!("`{key}` is not {what}");
        let text_of = |key: &str| -> Result<Option<String>, String> {
            match object.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(_) => Err(wrong(key, "a string")),
            }
        };
        let list = |key: &str| -> Result<&[Value], String> {
            match object.get(key) {
                None | Some(Value::Null) => Ok(&[]),
                Some(Value::Array(items)) => Ok(items),
                Some(_) => Err(wrong(key, "an array")),
            }
        };
        let strings = |key: &str| -> Result<Vec<String>, String> {
            crate::syntax::json::strings(list(key)?)
                .ok_or_else(|| wrong(key, "an array of strings"))
        };
        let pairs = |key: &str| -> Result<Vec<(String, String)>, String> {
            list(key)?
                .iter()
                .map(|v| match v.as_array().map(Vec::as_slice) {
                    Some([Value::String(a), Value::String(b)]) => Some((a.clone(), b.clone())),
                    _ => None,
                })
                .collect::<Option<_>>()
                .ok_or_else(|| wrong(key, "an array of [string, string] pairs"))
        };
        let schema = match object.get("s") {
            None | Some(Value::Null) => schema_one(),
            Some(v) => v
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .ok_or_else(|| wrong("s", "a revision number"))?,
        };
        let settings = match object.get("set") {
            None | Some(Value::Null) => BTreeMap::new(),
            Some(Value::Object(map)) => map
                .iter()
                .map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
                .collect::<Option<Vec<_>>>()
                .map(crate::input::order::btree_map)
                .ok_or_else(|| wrong("set", "an object of strings"))?,
            Some(_) => return Err(wrong("set", "an object of strings")),
        };
        Ok(ShareState {
            schema,
            task_definition: text_of("td")?,
            service_definition: text_of("sd")?,
            dockerfile: text_of("df")?,
            ecspresso: text_of("ec")?,
            files: pairs("files")?,
            kinds: strings("kinds")?,
            paths: strings("paths")?,
            variables: pairs("vars")?,
            view: text_of("view")?,
            settings,
            ticks: strings("ticks")?,
        })
    }
}

fn schema_one() -> u32 {
    // An absent `s` means revision 1, whatever this ecsplain writes.
    1
}

fn is_schema_one(schema: &u32) -> bool {
    // Absent means 1: the revision every v1 link had before any member was added.
    *schema == 1
}

/// Why a link cannot be opened (or made). `Display` gives the sentence the page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The fragment is empty (after the `#`).
    Empty,
    /// The fragment is longer than [`MAX_FRAGMENT`].
    TooLong {
        /// The fragment's length in bytes.
        len: usize,
    },
    /// The fragment does not start with `v<number>.`.
    NoVersion,
    /// The fragment names a format this ecsplain does not know (a later one).
    NewerFormat {
        /// The version number in the fragment.
        version: u32,
    },
    /// A character outside base64url, or a payload whose length no base64 text can have.
    BadEncoding {
        /// Byte offset of the problem within the payload (after `v1.`).
        at: usize,
    },
    /// The payload is not a complete DEFLATE stream.
    BadCompression,
    /// The payload inflates to more than [`MAX_STATE_BYTES`]: a decompression bomb.
    TooBig,
    /// The inflated data is not a share state (not UTF-8 JSON, or not the right shape).
    BadContent {
        /// What the JSON reader said.
        detail: String,
    },
    /// [`encode`]: the state is too large for a link; share it as a file instead.
    StateTooLarge {
        /// The length the fragment (or JSON) would have, in bytes.
        len: usize,
    },
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Empty => write!(f, "this link holds no ecsplain state"),
            ShareError::TooLong { len } => write!(
                f,
                "this link is damaged: its state is {len} characters long, more than the {MAX_FRAGMENT} ecsplain opens"
            ),
            ShareError::NoVersion => write!(
                f,
                "this link is damaged: its state does not start with a format version such as `v1.`"
            ),
            ShareError::NewerFormat { version } => write!(
                f,
                "this link was made by a newer ecsplain (format v{version}); open it with the latest ecsplain"
            ),
            ShareError::BadEncoding { at } => write!(
                f,
                "this link is damaged: character {} of its state is not valid (it may have been cut or altered when it was copied)",
                at + 1
            ),
            ShareError::BadCompression => write!(
                f,
                "this link is damaged: its compressed state is corrupt or cut short (was the whole link copied?)"
            ),
            ShareError::TooBig => write!(
                f,
                "this link is damaged: its state unpacks to more than {} MiB, so ecsplain refused to open it",
                MAX_STATE_BYTES / (1024 * 1024)
            ),
            ShareError::BadContent { detail } => write!(
                f,
                "this link is damaged: its contents are not ecsplain state ({detail})"
            ),
            ShareError::StateTooLarge { len } => write!(
                f,
                "this state is too large for a link ({len} bytes); download it as a file instead"
            ),
        }
    }
}

impl std::error::Error for ShareError {}

/// Encodes `state` as a share fragment `v1.<payload>` (without the `#`).
///
/// Fails only when the result would be refused by [`decode`] (JSON over [`MAX_STATE_BYTES`] or a
/// fragment over [`MAX_FRAGMENT`]); the page then offers the download fallback.
pub fn encode(state: &ShareState) -> Result<String, ShareError> {
    let json = serde_json::to_vec(state).map_err(|e| ShareError::BadContent {
        detail: e.to_string(),
    })?;
    if json.len() > MAX_STATE_BYTES {
        return Err(ShareError::StateTooLarge { len: json.len() });
    }
    let deflated = miniz_oxide::deflate::compress_to_vec(&json, LEVEL);
    let mut out = String::with_capacity(4 + base64url_len(deflated.len()));
    out.push('v');
    out.push_str(&FORMAT_VERSION.to_string());
    out.push('.');
    base64url_encode(&deflated, &mut out);
    if out.len() > MAX_FRAGMENT {
        return Err(ShareError::StateTooLarge { len: out.len() });
    }
    Ok(out)
}

/// Decodes a share fragment (with or without its leading `#`). Never panics.
pub fn decode(fragment: &str) -> Result<ShareState, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_FRAGMENT {
        return Err(ShareError::TooLong {
            len: fragment.len(),
        });
    }
    let fragment = fragment.trim();
    if fragment.is_empty() {
        return Err(ShareError::Empty);
    }
    let (version, payload) = split_version(fragment).ok_or(ShareError::NoVersion)?;
    if version != FORMAT_VERSION {
        // Version 0 was never written; anything above 1 is from a later ecsplain.
        return Err(if version == 0 {
            ShareError::NoVersion
        } else {
            ShareError::NewerFormat { version }
        });
    }
    decode_v1(payload)
}

/// True when `fragment` (with or without `#`) looks like a share fragment (`v<number>.`), as
/// opposed to the page's other fragments (a rule permalink, say). It does not check the payload.
pub fn is_share_fragment(fragment: &str) -> bool {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    split_version(fragment.trim_start()).is_some()
}

/// The length of the fragment [`encode`] makes for `state` (without the `#`), or `None` when
/// the state is too large for a link.
pub fn fragment_length(state: &ShareState) -> Option<usize> {
    encode(state).ok().map(|f| f.len())
}

/// The length of the whole link: `page_url` (without any fragment), `#`, and the fragment.
/// Compare it with [`MAX_CHAT_LINK`]. `None` when the state is too large for a link.
pub fn link_length(page_url: &str, state: &ShareState) -> Option<usize> {
    let base = page_url.split('#').next().unwrap_or(page_url);
    fragment_length(state).map(|n| base.len() + 1 + n)
}

/// Wraps raw DEFLATE bytes as a v1 fragment without any check: for tests and the fuzz target,
/// which need fragments whose payload is arbitrary compressed data.
pub fn wrap_deflated(deflated: &[u8]) -> String {
    let mut out = String::from("v1.");
    base64url_encode(deflated, &mut out);
    out
}

/// One fuzzing step, shared by the fuzz target and the regression test that replays its
/// minimised inputs. The first byte picks what the rest is: the fragment text itself (lossy
/// UTF-8), a raw DEFLATE payload, or JSON to compress. Besides "never panics", it checks that
/// whatever decodes re-encodes to a link that decodes to the same state; a broken invariant is
/// returned as `Err` (the callers panic on it), so this function itself never panics.
#[doc(hidden)]
pub fn fuzz_one(data: &[u8]) -> Result<(), String> {
    let Some((&mode, rest)) = data.split_first() else {
        return Ok(());
    };
    let fragment = match mode % 3 {
        0 => String::from_utf8_lossy(data).into_owned(),
        1 => wrap_deflated(rest),
        _ => wrap_deflated(&miniz_oxide::deflate::compress_to_vec(rest, 1)),
    };
    if let Ok(state) = decode(&fragment) {
        if let Ok(again) = encode(&state) {
            match decode(&again) {
                Ok(back) if back == state => {}
                other => return Err(format!("{state:?} re-decoded as {other:?}")),
            }
        }
    }
    Ok(())
}

/// True when a link of `len` characters survives chat tools (at most [`MAX_CHAT_LINK`]).
pub fn fits_chat(len: usize) -> bool {
    len <= MAX_CHAT_LINK
}

fn decode_v1(payload: &str) -> Result<ShareState, ShareError> {
    let deflated = base64url_decode(payload)?;
    let json = match miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_STATE_BYTES)
    {
        Ok(json) => json,
        Err(e) if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
            return Err(ShareError::TooBig)
        }
        Err(_) => return Err(ShareError::BadCompression),
    };
    let text = std::str::from_utf8(&json).map_err(|_| ShareError::BadContent {
        detail: "it is not UTF-8 text".into(),
    })?;
    ShareState::from_json(text).map_err(|detail| ShareError::BadContent {
        detail: short(detail),
    })
}

/// The JSON reader's message can quote a value from the link: keep it to one short line.
fn short(mut detail: String) -> String {
    const MAX: usize = 160;
    if detail.len() > MAX {
        let mut end = MAX;
        while !detail.is_char_boundary(end) {
            end -= 1;
        }
        detail.truncate(end);
        detail.push('…');
    }
    detail.replace(['\n', '\r'], " ")
}

/// Splits `v<digits>.<rest>`; `None` if the prefix is missing, has leading zeros or overflows.
fn split_version(fragment: &str) -> Option<(u32, &str)> {
    let rest = fragment.strip_prefix('v')?;
    let dot = rest.find('.')?;
    let digits = rest.get(..dot)?;
    if digits.is_empty()
        || !digits.bytes().all(|b| b.is_ascii_digit())
        || (digits.len() > 1 && digits.starts_with('0'))
    {
        return None;
    }
    let version = digits.parse::<u32>().ok()?;
    Some((version, rest.get(dot + 1..)?))
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url_len(bytes: usize) -> usize {
    (bytes * 4).div_ceil(3)
}

/// Base64url (RFC 4648 section 5) without padding.
fn base64url_encode(bytes: &[u8], out: &mut String) {
    let sym = |v: u32| char::from(ALPHABET[(v & 63) as usize]);
    let mut chunks = bytes.chunks_exact(3);
    for c in &mut chunks {
        let n = u32::from(c[0]) << 16 | u32::from(c[1]) << 8 | u32::from(c[2]);
        out.extend([sym(n >> 18), sym(n >> 12), sym(n >> 6), sym(n)]);
    }
    match *chunks.remainder() {
        [a] => {
            let n = u32::from(a) << 16;
            out.extend([sym(n >> 18), sym(n >> 12)]);
        }
        [a, b] => {
            let n = u32::from(a) << 16 | u32::from(b) << 8;
            out.extend([sym(n >> 18), sym(n >> 12), sym(n >> 6)]);
        }
        _ => {}
    }
}

fn base64url_value(b: u8) -> Option<u32> {
    let v = match b {
        b'A'..=b'Z' => b - b'A',
        b'a'..=b'z' => b - b'a' + 26,
        b'0'..=b'9' => b - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

/// Decodes base64url; trailing `=` padding is tolerated (some tools add it), unused low bits of
/// the last symbol are ignored.
fn base64url_decode(text: &str) -> Result<Vec<u8>, ShareError> {
    let bytes = text.trim_end_matches('=').as_bytes();
    if let Some(at) = bytes.iter().position(|&b| base64url_value(b).is_none()) {
        return Err(ShareError::BadEncoding { at });
    }
    if bytes.len() % 4 == 1 {
        // No base64 text has this length: the link was cut one symbol into a group.
        return Err(ShareError::BadEncoding {
            at: bytes.len() - 1,
        });
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3 + 2);
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for &b in bytes {
        let v = base64url_value(b).unwrap_or(0);
        acc = (acc << 6 | v) & 0x00ff_ffff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(bytes: &[u8]) -> String {
        let mut s = String::new();
        base64url_encode(bytes, &mut s);
        s
    }

    #[test]
    fn base64url_matches_rfc4648_vectors() {
        // RFC 4648 section 10 vectors, without padding.
        let cases = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(b64(plain.as_bytes()), encoded);
            assert_eq!(base64url_decode(encoded).unwrap(), plain.as_bytes());
        }
        // The two url-safe symbols.
        assert_eq!(b64(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url_decode("-_8").unwrap(), vec![0xfb, 0xff]);
        assert_eq!(base64url_decode("Zm8=").unwrap(), b"fo");
    }

    #[test]
    fn base64url_round_trips_every_length_and_byte() {
        let data: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
        for len in 0..data.len() {
            let text = b64(&data[..len]);
            assert_eq!(text.len(), base64url_len(len));
            assert_eq!(base64url_decode(&text).unwrap(), &data[..len]);
        }
    }

    #[test]
    fn base64url_rejects_bad_symbols_and_lengths() {
        assert_eq!(
            base64url_decode("Zm+v"),
            Err(ShareError::BadEncoding { at: 2 })
        );
        assert_eq!(
            base64url_decode("Zm9vY"),
            Err(ShareError::BadEncoding { at: 4 })
        );
        assert_eq!(
            base64url_decode("Zé"),
            Err(ShareError::BadEncoding { at: 1 })
        );
    }

    #[test]
    fn version_prefix() {
        assert_eq!(split_version("v1.abc"), Some((1, "abc")));
        assert_eq!(split_version("v12."), Some((12, "")));
        assert_eq!(split_version("v01.abc"), None);
        assert_eq!(split_version("v.abc"), None);
        assert_eq!(split_version("vx.abc"), None);
        assert_eq!(split_version("v1abc"), None);
        assert_eq!(split_version("v99999999999999999999.a"), None);
        assert_eq!(split_version("1.abc"), None);
        assert!(is_share_fragment("#v1.x"));
        assert!(!is_share_fragment("#rule/DL3025"));
    }

    #[test]
    fn empty_state_is_short_and_round_trips() {
        let state = ShareState::new();
        let fragment = encode(&state).unwrap();
        assert!(fragment.starts_with("v1."));
        // `{"s":2}`: the schema revision is all an empty state says.
        assert!(fragment.len() < 20, "{fragment}");
        assert_eq!(decode(&fragment).unwrap(), state);
    }
}
