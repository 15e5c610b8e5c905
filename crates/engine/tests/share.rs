//! Share-link codec: round trips, every error, hostile fragments, the frozen v1 format, the
//! corpus's link lengths, and the minimised crash inputs in `tests/share_regressions/`.
//!
//! Property tests use a small deterministic generator instead of `proptest`: no new
//! dependencies (and no lock-file churn) for the engine, the same cases on every run, and the
//! cases are aimed at what matters here (multi-byte text, markup, quotes, control characters,
//! long and empty strings).
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ecsplain_engine::share::{
    decode, encode, fits_chat, fragment_length, is_share_fragment, link_length, wrap_deflated,
    ShareError, ShareState, MAX_CHAT_LINK, MAX_FRAGMENT, MAX_STATE_BYTES,
};

mod common;
use common::Rng;

const PIECES: &[&str] = &[
    "",
    " ",
    "\n",
    "\r\n",
    "\t",
    "\0",
    "\u{7f}",
    "\"",
    "\\",
    "{{ must_env `IMAGE` }}",
    "${AWS_ACCOUNT_ID}",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</textarea>",
    "&amp;&lt;",
    "é",
    "日本語",
    "🦀",
    "\u{202e}",
    "\u{feff}",
    "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
    "{\"family\": \"web\", \"cpu\": \"256\"}",
    "FROM node:20\nRUN npm ci\n",
    "#v1.",
    "%20",
];

fn text(rng: &mut Rng) -> String {
    let mut s = String::new();
    let n = match rng.below(10) {
        0 => 0,
        1 => 200 + rng.below(400),
        _ => rng.below(12),
    };
    for _ in 0..n {
        if rng.chance(70) {
            s.push_str(PIECES[rng.below(PIECES.len())]);
        } else {
            // Any scalar value, including astral ones.
            let c = char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('?');
            s.push(c);
        }
    }
    s
}

fn maybe(rng: &mut Rng) -> Option<String> {
    rng.chance(60).then(|| text(rng))
}

fn pairs(rng: &mut Rng) -> Vec<(String, String)> {
    (0..rng.below(4)).map(|_| (text(rng), text(rng))).collect()
}

fn random_state(rng: &mut Rng) -> ShareState {
    ShareState {
        schema: if rng.chance(90) {
            1
        } else {
            rng.below(5) as u32
        },
        task_definition: maybe(rng),
        service_definition: maybe(rng),
        dockerfile: maybe(rng),
        ecspresso: maybe(rng),
        files: pairs(rng),
        kinds: (0..rng.below(3)).map(|_| text(rng)).collect(),
        paths: (0..rng.below(5)).map(|_| text(rng)).collect(),
        variables: pairs(rng),
        view: maybe(rng),
        settings: pairs(rng).into_iter().collect::<BTreeMap<_, _>>(),
        ticks: (0..rng.below(5)).map(|_| text(rng)).collect(),
    }
}

fn is_payload_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

#[test]
fn encode_then_decode_is_the_identity() {
    let mut rng = Rng(0x5eed_0001);
    // Unoptimised DEFLATE is slow: fewer cases in debug builds, all of them with --release.
    let cases = if cfg!(debug_assertions) { 500 } else { 3000 };
    for case in 0..cases {
        let state = random_state(&mut rng);
        let fragment = encode(&state).unwrap();
        let payload = fragment.strip_prefix("v1.").unwrap();
        assert!(payload.chars().all(is_payload_char), "case {case}");
        assert_eq!(decode(&fragment).as_ref(), Ok(&state), "case {case}");
        assert_eq!(decode(&format!("#{fragment}")).as_ref(), Ok(&state));
        // The same state always makes the same link.
        assert_eq!(encode(&state).unwrap(), fragment);
        assert_eq!(fragment_length(&state), Some(fragment.len()));
    }
}

#[test]
fn markup_stays_text() {
    let hostile = "<script>alert(document.cookie)</script><img src=x onerror=alert(1)>";
    let state = ShareState {
        dockerfile: Some(hostile.to_string()),
        view: Some("\"><svg onload=alert(1)>".to_string()),
        ..ShareState::new()
    };
    let back = decode(&encode(&state).unwrap()).unwrap();
    assert_eq!(back.dockerfile.as_deref(), Some(hostile));
    assert_eq!(back, state);
}

/// A link made by the first version of the format. It must open, with exactly this state, in
/// every later ecsplain: if this test fails, the change broke old links (make a v2 instead).
#[test]
fn v1_links_keep_their_meaning() {
    const LINK: &str = "#v1.Jc2xDoIwEAbgVyE3IwkuJt0c1DgQE1fKUOFaL5aWtA1ICO_uIdMl993_3wKpAwGLBK16srMEkUmY8CVhhRw6zXh9PqrMGXJfURbHk3QMmixGEHUN2MYhYIy-mHvLEtCQdyJTw8H5kN6oYjqUHGqaHEYV9tS9Ot8ufP2v3Ylw4meaXEfORLaICcTCY8RAaWacVHCMsOaQqP1sVWC9MduuWX8";
    let state = decode(LINK).unwrap();
    let expected = ShareState {
        schema: 1,
        task_definition: Some("{\"family\": \"web\"}".to_string()),
        service_definition: None,
        dockerfile: Some("FROM nginx:1.27\n".to_string()),
        ecspresso: None,
        files: vec![(
            "ecspresso.yml".to_string(),
            "region: ap-northeast-1\n".to_string(),
        )],
        kinds: Vec::new(),
        paths: Vec::new(),
        variables: vec![("IMAGE".to_string(), "nginx".to_string())],
        view: Some("findings".to_string()),
        settings: [("severity".to_string(), "warning".to_string())]
            .into_iter()
            .collect(),
        ticks: vec!["logging".to_string()],
    };
    assert_eq!(state, expected);
}

#[test]
fn print_the_frozen_link() {
    // Helper for the test above: shows what the current encoder makes for the same state.
    let state = ShareState {
        task_definition: Some("{\"family\": \"web\"}".to_string()),
        dockerfile: Some("FROM nginx:1.27\n".to_string()),
        files: vec![(
            "ecspresso.yml".to_string(),
            "region: ap-northeast-1\n".to_string(),
        )],
        kinds: Vec::new(),
        paths: Vec::new(),
        variables: vec![("IMAGE".to_string(), "nginx".to_string())],
        view: Some("findings".to_string()),
        settings: [("severity".to_string(), "warning".to_string())]
            .into_iter()
            .collect(),
        ticks: vec!["logging".to_string()],
        ..ShareState::new()
    };
    println!("#{}", encode(&state).unwrap());
}

fn err(fragment: &str) -> ShareError {
    let result = decode(fragment);
    assert!(result.is_err(), "{fragment:.60} decoded to {result:?}");
    result.err().unwrap_or(ShareError::Empty)
}

fn link_of_json(json: &[u8]) -> String {
    wrap_deflated(&miniz_oxide::deflate::compress_to_vec(json, 6))
}

#[test]
fn empty_fragments() {
    assert_eq!(err(""), ShareError::Empty);
    assert_eq!(err("#"), ShareError::Empty);
    assert_eq!(err("#  \n"), ShareError::Empty);
    assert_eq!(err("").to_string(), "this link holds no ecsplain state");
}

#[test]
fn unknown_versions() {
    let e = err("#v7.q1YqSU1RslIKTU4tCkgsSVFIz8_Pz0lVSMnPLVBILEpVKCjKL0nNSUksUXBOLCqJLy5");
    assert_eq!(e, ShareError::NewerFormat { version: 7 });
    assert!(e
        .to_string()
        .starts_with("this link was made by a newer ecsplain (format v7)"));
    assert_eq!(err("v2."), ShareError::NewerFormat { version: 2 });
    for bad in [
        "v0.abc",
        "abc",
        "V1.abc",
        "v.abc",
        "v01.abc",
        "v1abc",
        "rule/DL3025",
    ] {
        let e = err(bad);
        assert_eq!(e, ShareError::NoVersion, "{bad}");
        assert!(e.to_string().starts_with("this link is damaged: "), "{bad}");
    }
}

#[test]
fn bad_base64() {
    assert_eq!(err("v1.ab*c"), ShareError::BadEncoding { at: 2 });
    assert_eq!(err("v1.ab c"), ShareError::BadEncoding { at: 2 });
    assert_eq!(err("v1.abc+/"), ShareError::BadEncoding { at: 3 });
    // A length no base64 text can have: a link cut one character after a group.
    assert_eq!(err("v1.abcdA"), ShareError::BadEncoding { at: 4 });
    let e = err("v1.ab%3Cc");
    assert_eq!(
        e.to_string(),
        "this link is damaged: character 3 of its state is not valid (it may have been cut or altered when it was copied)"
    );
}

#[test]
fn bad_deflate() {
    // 0xff: a block of reserved type 3.
    assert_eq!(err(&wrap_deflated(&[0xff; 16])), ShareError::BadCompression);
    // Empty payload: no final block.
    assert_eq!(err("v1."), ShareError::BadCompression);
    assert!(err("v1.").to_string().contains("corrupt or cut short"));
    // Every cut of a real link fails cleanly (or, rarely, still holds a whole stream).
    let state = ShareState {
        task_definition: Some("{\"family\": \"web\", \"cpu\": \"256\"}".repeat(20)),
        ..ShareState::new()
    };
    let full = encode(&state).unwrap();
    for cut in 0..full.len() {
        let prefix = &full[..cut];
        if let Ok(s) = decode(prefix) {
            assert_eq!(s, state, "cut at {cut}");
        }
    }
}

#[test]
fn decompression_bomb() {
    // 8 MiB of spaces inside a JSON string (twice the cap): a few kilobytes of link.
    let mut json = b"{\"td\":\"".to_vec();
    json.resize(2 * MAX_STATE_BYTES, b' ');
    json.extend_from_slice(b"\"}");
    let link = link_of_json(&json);
    assert!(link.len() < MAX_FRAGMENT, "{}", link.len());
    let e = err(&link);
    assert_eq!(e, ShareError::TooBig);
    assert_eq!(
        e.to_string(),
        "this link is damaged: its state unpacks to more than 4 MiB, so ecsplain refused to open it"
    );
    // Just under the cap still opens.
    let mut json = b"{\"td\":\"".to_vec();
    json.resize(MAX_STATE_BYTES - 2, b' ');
    json.extend_from_slice(b"\"}");
    let state = decode(&link_of_json(&json)).unwrap();
    assert_eq!(
        state.task_definition.map(|t| t.len()),
        Some(MAX_STATE_BYTES - 9)
    );
}

#[test]
fn oversized_fragments() {
    let junk = "A".repeat(MAX_FRAGMENT + 1);
    assert_eq!(
        err(&format!("v1.{junk}")),
        ShareError::TooLong {
            len: MAX_FRAGMENT + 4
        }
    );
    assert!(err(&junk).to_string().contains("more than the 524288"));
    // 200 KB of junk within the limit fails as damage, quickly.
    let mut rng = Rng(7);
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let junk: String = (0..200 * 1024)
        .map(|_| char::from(alphabet[rng.below(64)]))
        .collect();
    let e = err(&format!("#v1.{junk}"));
    assert!(
        matches!(
            e,
            ShareError::BadCompression | ShareError::BadContent { .. }
        ),
        "{e:?}"
    );
    // Encoding refuses what decoding would refuse.
    let big = ShareState {
        task_definition: Some("x".repeat(MAX_STATE_BYTES)),
        ..ShareState::new()
    };
    assert!(matches!(
        encode(&big),
        Err(ShareError::StateTooLarge { .. })
    ));
    assert_eq!(fragment_length(&big), None);
}

#[test]
fn json_that_is_not_a_share_state() {
    for json in [
        &b"[1, 2]"[..],
        b"\"hello\"",
        b"null",
        b"{\"td\": 5}",
        b"{\"files\": [[\"a\"]]}",
        b"{\"set\": {\"a\": 1}}",
        b"{\"s\": -1}",
        b"{\"td\": \"x\"",
        b"{\"td\": \"x\"} trailing",
        b"\xff\xfe{}",
        b"{\"td\": \"\xc3\x28\"}",
        b"",
    ] {
        let e = err(&link_of_json(json));
        assert!(
            matches!(e, ShareError::BadContent { .. }),
            "{:?}: {e:?}",
            String::from_utf8_lossy(json)
        );
        assert!(e
            .to_string()
            .starts_with("this link is damaged: its contents are not ecsplain state ("));
    }
    // The reader's message quotes values: it stays one short line.
    let long = format!("{{\"s\": \"{}\n\"}}", "é".repeat(10_000));
    let e = err(&link_of_json(long.as_bytes())).to_string();
    assert!(e.len() < 300 && !e.contains('\n'), "{e}");
    // Deep nesting, in a known member or not: the JSON reader goes no deeper than
    // `json::MAX_DEPTH` levels (and never recurses past it), so the link is refused as damaged.
    for key in ["x", "files", "set"] {
        let mut json = format!("{{\"{key}\":").into_bytes();
        json.extend(std::iter::repeat_n(b'[', 100_000));
        json.extend(std::iter::repeat_n(b']', 100_000));
        json.push(b'}');
        let result = decode(&link_of_json(&json));
        assert!(
            matches!(result, Err(ShareError::BadContent { .. })),
            "{key}: {result:?}"
        );
    }
    // Unknown members are ignored, and an absent `s` is revision 1.
    assert_eq!(
        decode(&link_of_json(b"{\"x\": [[{\"y\": 1}]], \"td\": \"t\"}")),
        Ok(ShareState {
            schema: 1,
            task_definition: Some("t".into()),
            ..ShareState::new()
        })
    );
}

#[test]
fn later_schema_revisions_still_open() {
    let json = br#"{"s": 3, "td": "{}", "newThing": {"a": [1, 2, {"b": null}]}}"#;
    let state = decode(&link_of_json(json)).unwrap();
    assert_eq!(state.task_definition.as_deref(), Some("{}"));
    assert!(state.is_from_newer_schema());
    assert!(!ShareState::new().is_from_newer_schema());
    // Absent members are empty.
    let state = decode(&link_of_json(b"{}")).unwrap();
    assert_eq!(
        state,
        ShareState {
            schema: 1,
            ..ShareState::new()
        }
    );
}

#[test]
fn link_lengths() {
    let state = ShareState {
        dockerfile: Some("FROM nginx\n".to_string()),
        ..ShareState::new()
    };
    let fragment = encode(&state).unwrap();
    let page = "https://example.org/ecsplain/";
    assert_eq!(
        link_length(page, &state),
        Some(page.len() + 1 + fragment.len())
    );
    // A fragment already on the page URL is not counted twice.
    assert_eq!(
        link_length(&format!("{page}#v1.old"), &state),
        link_length(page, &state)
    );
    assert!(fits_chat(MAX_CHAT_LINK));
    assert!(!fits_chat(MAX_CHAT_LINK + 1));
    assert!(is_share_fragment(&format!("#{fragment}")));
}

/// Mutations of real links and random payloads: decode must return, never panic.
fn no_panic_loop(iterations: usize, seed: u64) {
    let mut rng = Rng(seed);
    for _ in 0..iterations {
        let state = random_state(&mut rng);
        let good = encode(&state);
        assert!(good.is_ok(), "{good:?}");
        let mut bytes = good.unwrap_or_default().into_bytes();
        for _ in 0..1 + rng.below(4) {
            let len = bytes.len();
            match rng.below(5) {
                0 if len > 0 => bytes[rng.below(len)] = rng.next() as u8,
                1 if len > 0 => bytes.truncate(rng.below(len)),
                2 => bytes.insert(rng.below(len + 1), rng.next() as u8),
                3 if len > 0 => {
                    bytes.remove(rng.below(len));
                }
                _ => {
                    let alphabet =
                        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
                    let at = rng.below(len + 1);
                    bytes.insert(at, alphabet[rng.below(64)]);
                }
            }
        }
        let _ = decode(&String::from_utf8_lossy(&bytes));
        // Arbitrary bytes as the DEFLATE stream.
        let raw: Vec<u8> = (0..rng.below(64)).map(|_| rng.next() as u8).collect();
        let _ = decode(&wrap_deflated(&raw));
        // A valid stream of arbitrary (mostly JSON-ish) text.
        let mut json = String::from("{\"td\":");
        json.push_str(&text(&mut rng));
        let _ = decode(&link_of_json(json.as_bytes()));
    }
}

#[test]
fn mutated_links_never_panic() {
    no_panic_loop(if cfg!(debug_assertions) { 500 } else { 2000 }, 0x0dd_ba11);
}

/// The long version, for when cargo-fuzz is not at hand:
/// `cargo test -p ecsplain-engine --release --test share -- --ignored`.
#[test]
#[ignore]
fn mutated_links_never_panic_long() {
    for seed in 1..=40u64 {
        no_panic_loop(5000, seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    }
}

fn regressions_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/share_regressions")
}

/// Minimised inputs from the fuzz target (`fuzz/fuzz_targets/share_decode.rs`): each file is
/// fed to the decoder exactly as the fuzz target does.
#[test]
fn regressions_never_panic() {
    let mut seen = 0;
    for entry in std::fs::read_dir(regressions_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) == Some("md") {
            continue;
        }
        let data = std::fs::read(&path).unwrap();
        if let Err(e) = ecsplain_engine::share::fuzz_one(&data) {
            panic!("{path:?}: {e}");
        }
        seen += 1;
    }
    assert!(seen > 0, "no regression inputs in {:?}", regressions_dir());
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

fn sorted_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Length of a link, given a page URL of this many characters (`https://` and a short host and
/// path); the note for issue 8 states the assumption.
const PAGE_URL_LEN: usize = 40;

struct Row {
    name: String,
    bytes: usize,
    fragment: usize,
}

fn report(kind: &str, rows: &[Row]) {
    println!(
        "\n{kind}: {} inputs (link = {PAGE_URL_LEN}-char page URL + '#' + fragment)",
        rows.len()
    );
    println!("{:>7} {:>8} {:>6}  file", "bytes", "fragment", "link");
    for r in rows {
        let link = PAGE_URL_LEN + 1 + r.fragment;
        let mark = if fits_chat(link) { "" } else { "  > 2000" };
        println!(
            "{:>7} {:>8} {:>6}  {}{mark}",
            r.bytes, r.fragment, link, r.name
        );
    }
    let fits = |r: &&Row| fits_chat(PAGE_URL_LEN + 1 + r.fragment);
    let largest_fit = rows.iter().filter(fits).max_by_key(|r| r.bytes);
    let smallest_miss = rows.iter().filter(|r| !fits(r)).min_by_key(|r| r.bytes);
    let total_in: usize = rows.iter().map(|r| r.bytes).sum();
    let total_out: usize = rows.iter().map(|r| r.fragment).sum();
    println!(
        "{kind}: {} of {} fit in {MAX_CHAT_LINK}; largest that fits: {:?}; smallest that does not: {:?}; bytes per fragment char overall: {:.2}",
        rows.iter().filter(fits).count(),
        rows.len(),
        largest_fit.map(|r| (&r.name, r.bytes, r.fragment)),
        smallest_miss.map(|r| (&r.name, r.bytes, r.fragment)),
        total_in as f64 / total_out.max(1) as f64
    );
}

/// The longest prefix of `text` (cut at a line end) whose link fits in [`MAX_CHAT_LINK`].
fn largest_prefix_that_fits(text: &str, put: fn(&mut ShareState, String, String)) -> usize {
    let cuts: Vec<usize> = text.match_indices('\n').map(|(i, _)| i + 1).collect();
    let fits = |n: usize| {
        let mut state = ShareState::new();
        put(&mut state, String::new(), text[..n].to_string());
        fits_chat(PAGE_URL_LEN + 1 + fragment_length(&state).unwrap_or(usize::MAX - 64))
    };
    // Link length grows (almost) monotonically with the prefix: binary search the cuts.
    let (mut lo, mut hi) = (0, cuts.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(cuts[mid - 1]) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    if lo == 0 {
        0
    } else {
        cuts[lo - 1]
    }
}

/// Every corpus input round-trips, and the link lengths for the issue-8 note are printed
/// (`cargo test -p ecsplain-engine --test share corpus -- --nocapture`).
#[test]
fn corpus_round_trips_and_link_lengths() {
    let corpus = corpus_dir();
    if !corpus.join("taskdef").is_dir() {
        println!("note: {corpus:?} is absent; corpus link lengths skipped");
        return;
    }
    type Put = fn(&mut ShareState, String, String);
    let kinds: [(&str, Put); 3] = [
        ("taskdef", |s, _, t| s.task_definition = Some(t)),
        ("servicedef", |s, _, t| s.service_definition = Some(t)),
        ("dockerfile", |s, _, t| s.dockerfile = Some(t)),
    ];
    for (kind, put) in kinds {
        let mut rows = Vec::new();
        for path in sorted_files(&corpus.join(kind)) {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let mut state = ShareState::new();
            put(&mut state, name.clone(), text.clone());
            let fragment = encode(&state).unwrap();
            assert_eq!(decode(&fragment).unwrap(), state, "{name}");
            if !fits_chat(PAGE_URL_LEN + 1 + fragment.len()) {
                let fit = largest_prefix_that_fits(&text, put);
                println!(
                    "{kind}: {name}: the first {fit} of its {} bytes fit",
                    text.len()
                );
            }
            rows.push(Row {
                name,
                bytes: text.len(),
                fragment: fragment.len(),
            });
        }
        assert!(!rows.is_empty() || kind != "taskdef");
        report(kind, &rows);
    }
    // ecspresso projects: every file of a project as an extra project file.
    let mut rows = Vec::new();
    let Ok(projects) = std::fs::read_dir(corpus.join("ecspresso")) else {
        return;
    };
    let mut projects: Vec<PathBuf> = projects.flatten().map(|e| e.path()).collect();
    projects.sort();
    for project in projects.into_iter().filter(|p| p.is_dir()) {
        let mut state = ShareState::new();
        let mut bytes = 0;
        for path in sorted_files(&project) {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let rel = path
                .strip_prefix(&project)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            bytes += text.len();
            state.files.push((rel, text));
        }
        let fragment = encode(&state).unwrap();
        assert_eq!(decode(&fragment).unwrap(), state);
        rows.push(Row {
            name: project.file_name().unwrap().to_string_lossy().into_owned(),
            bytes,
            fragment: fragment.len(),
        });
    }
    report("ecspresso projects", &rows);
}
