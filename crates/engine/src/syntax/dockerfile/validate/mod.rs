//! The checks BuildKit runs after parsing and before building anything: each instruction's
//! arguments and flags (its `instructions` package, here), then the checks of the conversion to
//! a build graph (`dockerfile2llb`, in `graph.rs`): empty base images, `COPY --from` between
//! stages, `COPY` of a URL, `--chmod` values. Each finding is an `IN003` at the word BuildKit objects to.

use super::{lex, parse_json_args, refs, syntax_error, Args, Flag, Instruction, JsonArgs, Stage};
use crate::input::diagnostic::Diagnostic;
use crate::input::span::Span;

mod graph;

pub(super) use graph::build;
#[allow(unused_imports)]
use graph::*;

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Bool,
    Str,
    /// May be given several times.
    Strs,
}

const ADD_FLAGS: &[(&str, Kind)] = &[
    ("chown", Kind::Str),
    ("chmod", Kind::Str),
    ("link", Kind::Bool),
    ("keep-git-dir", Kind::Bool),
    ("checksum", Kind::Str),
    ("unpack", Kind::Bool),
    ("exclude", Kind::Strs),
];
const COPY_FLAGS: &[(&str, Kind)] = &[
    ("chown", Kind::Str),
    ("from", Kind::Str),
    ("chmod", Kind::Str),
    ("link", Kind::Bool),
    ("exclude", Kind::Strs),
    ("parents", Kind::Bool),
];
const FROM_FLAGS: &[(&str, Kind)] = &[("platform", Kind::Str)];
const RUN_FLAGS: &[(&str, Kind)] = &[
    ("mount", Kind::Strs),
    ("network", Kind::Str),
    ("security", Kind::Str),
    ("device", Kind::Strs),
];
const HEALTHCHECK_FLAGS: &[(&str, Kind)] = &[
    ("interval", Kind::Str),
    ("timeout", Kind::Str),
    ("start-period", Kind::Str),
    ("start-interval", Kind::Str),
    ("retries", Kind::Str),
];

/// The flags an instruction takes; `None` when BuildKit does not look at its flags at all.
fn flag_spec(ins: &Instruction) -> Option<&'static [(&'static str, Kind)]> {
    Some(match ins.keyword.as_str() {
        "ADD" => ADD_FLAGS,
        "COPY" => COPY_FLAGS,
        "FROM" => FROM_FLAGS,
        "RUN" => RUN_FLAGS,
        "HEALTHCHECK" => {
            let kind = ins.text.split_whitespace().next().unwrap_or("");
            if kind.eq_ignore_ascii_case("NONE") {
                return None;
            }
            HEALTHCHECK_FLAGS
        }
        "ENV" | "LABEL" | "MAINTAINER" | "ONBUILD" | "WORKDIR" | "CMD" | "ENTRYPOINT"
        | "EXPOSE" | "USER" | "VOLUME" | "SHELL" => &[],
        _ => return None,
    })
}

fn err(out: &mut Vec<Diagnostic>, span: Span, message: String) {
    out.push(syntax_error(span, message));
}

fn err_help(out: &mut Vec<Diagnostic>, span: Span, message: String, help: String) {
    out.push(syntax_error(span, message).with_help(help));
}

fn check_flags(ins: &Instruction, out: &mut Vec<Diagnostic>) {
    let Some(spec) = flag_spec(ins) else {
        return;
    };
    let kw = &ins.keyword;
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for flag in &ins.flags {
        let name = flag.written.as_str();
        let Some(&(_, kind)) = spec.iter().find(|(n, _)| *n == name) else {
            let known: Vec<&str> = spec.iter().map(|(n, _)| *n).collect();
            let help = match crate::input::text::suggest(name, known.iter().copied()) {
                Some(s) => format!("did you mean `--{s}`?"),
                None if known.is_empty() => format!("{kw} takes no flags"),
                None => format!(
                    "{kw} takes {}",
                    known
                        .iter()
                        .map(|k| format!("`--{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            err_help(out, flag.span, format!("{kw} has no flag `--{name}`"), help);
            continue;
        };
        if kind != Kind::Strs && seen.contains(name) {
            err(
                out,
                flag.span,
                format!("`--{name}` is given twice; {kw} takes it once"),
            );
        }
        seen.insert(name);
        match (kind, flag.value.as_deref()) {
            (Kind::Bool, Some("")) | (Kind::Str | Kind::Strs, None) => err(
                out,
                flag.span,
                format!("`--{name}` needs a value: `--{name}=...`"),
            ),
            (Kind::Bool, Some(v))
                if !v.eq_ignore_ascii_case("true") && !v.eq_ignore_ascii_case("false") =>
            {
                err(
                    out,
                    flag.value_span,
                    format!("`--{name}` takes true or false, not `{v}`"),
                );
            }
            _ => {}
        }
    }
}

fn flag_value<'a>(ins: &'a Instruction, name: &str) -> Option<&'a Flag> {
    ins.flags
        .iter()
        .rev()
        .find(|f| f.written == name && f.value.is_some())
}

/// BuildKit's whitespace split of shell-form arguments (quotes kept).
fn split_args(text: &str) -> Vec<&str> {
    text.split([' ', '\t', '\u{b}', '\u{c}', '\r'])
        .filter(|w| !w.is_empty())
        .collect()
}

/// The arguments of an instruction that takes a list (`ADD`, `COPY`, `VOLUME`) with spans.
fn list_args(ins: &Instruction) -> Vec<(String, Span)> {
    match &ins.args {
        Args::Exec(words) => words.iter().map(|w| (w.text.clone(), w.span)).collect(),
        Args::Shell => {
            let base = ins.text.as_ptr() as usize;
            split_args(&ins.text)
                .into_iter()
                .map(|w| {
                    let s = w.as_ptr() as usize - base;
                    (w.to_string(), ins.map_span(s, s + w.len()))
                })
                .collect()
        }
    }
}

/// Per-instruction checks (BuildKit's `instructions` package). `ONBUILD` triggers are left
/// alone: BuildKit checks them only when a later build runs them.
pub(super) fn instructions(all: &[Instruction]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for ins in all {
        instruction(ins, &mut out);
    }
    out
}

fn instruction(ins: &Instruction, out: &mut Vec<Diagnostic>) {
    check_flags(ins, out);
    let kw = ins.keyword.as_str();
    let empty = ins.text.trim().is_empty();
    let at = if empty {
        ins.keyword_span
    } else {
        ins.text_span
    };
    match kw {
        // An empty ONBUILD is reported where the parser reads its trigger.
        "ONBUILD" if empty => {}
        "ENV" | "LABEL" | "ARG" | "EXPOSE" | "VOLUME" | "HEALTHCHECK" | "SHELL" if empty => {
            err(out, at, format!("{kw} needs at least one argument"));
        }
        "MAINTAINER" | "WORKDIR" | "USER" | "STOPSIGNAL" if empty => {
            err(out, at, format!("{kw} needs one argument"));
        }
        "ENV" | "LABEL" | "ARG" => {
            for p in ins.pairs.iter().filter(|p| p.value.is_some()) {
                if p.key_span.start == p.key_span.end {
                    err(
                        out,
                        p.key_span,
                        format!("{kw} has an empty name before `=`"),
                    );
                }
            }
        }
        "ADD" | "COPY" => {
            let args = list_args(ins);
            if args.len() < 2 {
                err_help(
                    out,
                    at,
                    format!("{kw} needs a source and a destination"),
                    format!("write `{kw} <source>... <destination>`"),
                );
            } else if let Some((dest, span)) = args.last() {
                if matches!(lex::marker(dest), lex::MarkerWord::Heredoc(_)) {
                    err(
                        out,
                        *span,
                        format!("a heredoc can be a source of {kw}, not its destination"),
                    );
                }
            }
        }
        "HEALTHCHECK" => healthcheck(ins, out),
        "VOLUME" => {
            if let Args::Exec(words) = &ins.args {
                if words.is_empty() {
                    err(out, at, "VOLUME needs at least one path".into());
                }
                for w in words.iter().filter(|w| w.text.trim().is_empty()) {
                    err(out, w.span, "a VOLUME path cannot be empty".into());
                }
            }
        }
        "SHELL" => match &ins.args {
            Args::Exec(words) if words.is_empty() => {
                err(out, at, "SHELL needs at least one argument".into());
            }
            Args::Exec(_) => {}
            Args::Shell => {
                if !matches!(parse_json_args(&ins.text), JsonArgs::NotStrings(..)) {
                    err_help(
                        out,
                        at,
                        "SHELL takes a JSON array, not shell form".into(),
                        "write it like [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]".into(),
                    );
                }
            }
        },
        "FROM" => {
            if let [_, as_kw, name] = ins.words.as_slice() {
                if as_kw.text.eq_ignore_ascii_case("as") && !valid_stage_name(&name.text) {
                    err_help(
                        out,
                        name.span,
                        format!("`{}` is not a valid stage name", name.text),
                        "a stage name starts with a letter and holds only letters, digits, `-`, `_` and `.`".into(),
                    );
                }
            }
        }
        "RUN" => run_flags(ins, out),
        "EXPOSE" => {
            for w in ins.words.iter().filter(|w| !w.text.contains('$')) {
                if w.text.starts_with('#') {
                    let span = w.span.cover(ins.words.last().map_or(w.span, |l| l.span));
                    err_help(
                        out,
                        span,
                        "EXPOSE reads this comment as more ports: a Dockerfile comment must be on a line of its own".into(),
                        "move the comment to the line above".into(),
                    );
                    break;
                }
                if let Err(why) = check_port(&w.text) {
                    err_help(
                        out,
                        w.span,
                        format!("EXPOSE `{}`: {why}", w.text),
                        "write a port or a range, with an optional protocol: 8080, 8080/udp, 7000-7010".into(),
                    );
                }
            }
        }
        _ => {}
    }
}

/// A port or range (`80`, `8000-8010`) as BuildKit reads it: a number from 0 to 65535.
fn port_range(s: &str) -> Result<(i64, i64), String> {
    let number = |p: &str| -> Result<i64, String> {
        let digits = p.strip_prefix(['+', '-']).unwrap_or(p);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("`{p}` is not a port number"));
        }
        match p.parse::<i64>() {
            Ok(n) if (0..=65535).contains(&n) => Ok(n),
            _ => Err(format!("`{p}` is out of the port range 0-65535")),
        }
    };
    if s.is_empty() {
        return Err("no port is given".into());
    }
    let (start, end) = match s.split_once('-') {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    };
    let first = number(start)?;
    match end {
        Some(e) if e != start => {
            let last = number(e)?;
            if last < first {
                return Err(format!("the range `{s}` ends before it starts"));
            }
            Ok((first, last))
        }
        _ => Ok((first, first)),
    }
}

/// An `EXPOSE` word as BuildKit reads it when it builds: `[ip:][host:]port[-port][/proto]`.
fn check_port(raw: &str) -> Result<(), String> {
    let parts: Vec<&str> = raw.split(':').collect();
    let (ip, host, container) = match parts.as_slice() {
        [c] => (String::new(), "", *c),
        [h, c] => (String::new(), *h, *c),
        [rest @ .., h, c] => (rest.join(":"), *h, *c),
        [] => (String::new(), "", ""),
    };
    let (port, proto) = container.split_once('/').unwrap_or((container, ""));
    if port.is_empty() {
        return Err("no port is given".into());
    }
    if !matches!(
        proto.to_ascii_lowercase().as_str(),
        "" | "tcp" | "udp" | "sctp"
    ) {
        return Err(format!("`{proto}` is not a protocol: tcp, udp or sctp"));
    }
    if !ip.is_empty() {
        let bare = ip.trim_start_matches('[').trim_end_matches(']');
        if bare.parse::<std::net::IpAddr>().is_err() {
            return Err(format!("`{ip}` is not an IP address"));
        }
    }
    let (start, end) = port_range(port)?;
    if !host.is_empty() {
        let (hs, he) = port_range(host)?;
        if end - start != he - hs && end != start {
            return Err("the host and container port ranges differ in length".into());
        }
    }
    Ok(())
}

fn valid_stage_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let mut chars = lower.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c))
}

fn healthcheck(ins: &Instruction, out: &mut Vec<Diagnostic>) {
    let text = ins.text.trim();
    let kind_len = text.find(char::is_whitespace).unwrap_or(text.len());
    let kind = &text[..kind_len];
    let rest = text[kind_len..].trim();
    let kind_span = ins.map_span(0, kind_len);
    if kind.eq_ignore_ascii_case("NONE") {
        if !rest.is_empty() {
            err(
                out,
                ins.text_span,
                "HEALTHCHECK NONE takes nothing after NONE".into(),
            );
        }
        return;
    }
    if !kind.eq_ignore_ascii_case("CMD") {
        err_help(
            out,
            kind_span,
            format!("HEALTHCHECK takes CMD or NONE, not `{kind}`"),
            "write `HEALTHCHECK CMD <command>`".into(),
        );
        return;
    }
    let no_command = rest.is_empty()
        || matches!(parse_json_args(rest), JsonArgs::Strings(items) if items.is_empty());
    if no_command {
        err(
            out,
            ins.text_span,
            "HEALTHCHECK CMD needs a command after CMD".into(),
        );
    }
    for name in ["interval", "timeout", "start-period", "start-interval"] {
        let Some(flag) = flag_value(ins, name) else {
            continue;
        };
        let v = flag.value.as_deref().unwrap_or("");
        if v.is_empty() {
            continue;
        }
        match go_duration_nanos(v) {
            None => err_help(
                out,
                flag.value_span,
                format!("`--{name}={v}` is not a duration"),
                "write a number with a unit: 30s, 1m30s, 500ms".into(),
            ),
            Some(n) if n != 0.0 && n < 1e6 => err(
                out,
                flag.value_span,
                format!("`--{name}={v}` is shorter than BuildKit's minimum of 1ms (0 means the default)"),
            ),
            _ => {}
        }
    }
    if let Some(flag) = flag_value(ins, "retries") {
        let v = flag.value.as_deref().unwrap_or("");
        if !v.is_empty() {
            let digits = v.strip_prefix(['+', '-']).unwrap_or(v);
            let n = if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                v.parse::<i64>().ok().filter(|n| i32::try_from(*n).is_ok())
            } else {
                None
            };
            match n {
                None => err(
                    out,
                    flag.value_span,
                    format!("`--retries={v}` is not a whole number"),
                ),
                Some(n) if n < 0 => err(
                    out,
                    flag.value_span,
                    format!("`--retries={v}` cannot be negative"),
                ),
                _ => {}
            }
        }
    }
}

/// Go's `time.ParseDuration`, in nanoseconds; `None` when Go refuses the text.
fn go_duration_nanos(s: &str) -> Option<f64> {
    let (neg, mut s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if s == "0" {
        return Some(0.0);
    }
    if s.is_empty() {
        return None;
    }
    let mut total = 0.0;
    while !s.is_empty() {
        let int_len = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let int = &s[..int_len];
        s = &s[int_len..];
        let mut frac = "";
        if let Some(r) = s.strip_prefix('.') {
            let n = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            frac = &r[..n];
            s = &r[n..];
        }
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        let unit_len = s
            .find(|c: char| c == '.' || c.is_ascii_digit())
            .unwrap_or(s.len());
        let unit = &s[..unit_len];
        s = &s[unit_len..];
        let scale = match unit {
            "ns" => 1.0,
            "us" | "\u{b5}s" | "\u{3bc}s" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            _ => return None,
        };
        let value: f64 = format!("{}.{}", if int.is_empty() { "0" } else { int }, frac)
            .trim_end_matches('.')
            .parse()
            .ok()?;
        total += value * scale;
    }
    if total > 9.223_372_036_854_776e18 {
        return None;
    }
    Some(if neg { -total } else { total })
}

fn run_flags(ins: &Instruction, out: &mut Vec<Diagnostic>) {
    if let Some(flag) = flag_value(ins, "network") {
        let v = flag.value.as_deref().unwrap_or("");
        if !matches!(v, "default" | "none" | "host") {
            err(
                out,
                flag.value_span,
                format!("`--network` takes default, none or host, not `{v}`"),
            );
        }
    }
    if let Some(flag) = flag_value(ins, "security") {
        let v = flag.value.as_deref().unwrap_or("");
        if !matches!(v, "insecure" | "sandbox") {
            err(
                out,
                flag.value_span,
                format!("`--security` takes sandbox or insecure, not `{v}`"),
            );
        }
    }
    for flag in ins.flags.iter().filter(|f| f.written == "mount") {
        if let Some(v) = &flag.value {
            if let Err(message) = check_mount(v) {
                err(out, flag.value_span, message);
            }
        }
    }
    for flag in ins.flags.iter().filter(|f| f.written == "device") {
        if let Some(v) = &flag.value {
            if let Err(message) = check_device(v) {
                err(out, flag.value_span, message);
            }
        }
    }
}

/// One CSV record, as Go's CSV reader reads it (quotes around a whole field only).
fn csv_fields(s: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        if let Some(q) = rest.strip_prefix('"') {
            let mut field = String::new();
            let mut chars = q.char_indices().peekable();
            let mut after = None;
            while let Some((i, c)) = chars.next() {
                if c == '"' {
                    if chars.peek().map(|p| p.1) == Some('"') {
                        chars.next();
                        field.push('"');
                    } else {
                        after = Some(&q[i + 1..]);
                        break;
                    }
                } else {
                    field.push(c);
                }
            }
            let Some(after) = after else {
                return Err("a quoted field of it is never closed".into());
            };
            out.push(field);
            match after.strip_prefix(',') {
                Some(r) => rest = r,
                None if after.is_empty() => return Ok(out),
                None => return Err("a quoted field of it has text after its closing quote".into()),
            }
        } else {
            let (field, next) = match rest.split_once(',') {
                Some((f, r)) => (f, Some(r)),
                None => (rest, None),
            };
            if field.contains('"') {
                return Err("a field of it holds a bare `\"`".into());
            }
            out.push(field.to_string());
            match next {
                Some(r) => rest = r,
                None => return Ok(out),
            }
        }
    }
}

fn go_parse_bool(v: &str) -> bool {
    matches!(
        v,
        "1" | "t" | "T" | "TRUE" | "true" | "True" | "0" | "f" | "F" | "FALSE" | "false" | "False"
    )
}

/// `--mount=...` as BuildKit reads it when it builds the step. Values holding a variable are
/// only known at build time and are not judged.
fn check_mount(value: &str) -> Result<(), String> {
    let fields = csv_fields(value).map_err(|e| format!("the --mount value cannot be read: {e}"))?;
    let mut kind = Some("bind".to_string());
    let (mut has_from, mut has_source, mut has_target, mut has_id, mut has_sharing) =
        (false, false, false, false, false);
    let (mut mode, mut uid, mut gid) = (false, false, false);
    for field in &fields {
        let (key, value, has_eq) = match field.split_once('=') {
            Some((k, v)) => (k.to_ascii_lowercase(), v, true),
            None => (field.to_ascii_lowercase(), "", false),
        };
        let secretish = || matches!(kind.as_deref(), Some("secret" | "ssh") | None);
        if !has_eq {
            match key.as_str() {
                "readonly" | "ro" | "readwrite" | "rw" => continue,
                "required" if secretish() => continue,
                "required" => {
                    return Err(format!(
                        "`required` applies to secret and ssh mounts, not {} mounts",
                        kind.as_deref().unwrap_or("these")
                    ))
                }
                _ => return Err(format!("`{field}` in --mount must be key=value")),
            }
        }
        if key == "from" {
            if let Some(i) = value.find('$') {
                if i + 1 != value.len() {
                    return Err("`from` in --mount cannot use a variable; name a stage with FROM ... AS instead".into());
                }
            }
        }
        let unknown = value.contains('$');
        match key.as_str() {
            "type" => {
                if unknown {
                    kind = None;
                    continue;
                }
                let v = value.to_ascii_lowercase();
                if !matches!(v.as_str(), "bind" | "cache" | "tmpfs" | "secret" | "ssh") {
                    return Err(format!(
                        "mount type `{value}` does not exist: bind, cache, tmpfs, secret or ssh"
                    ));
                }
                kind = Some(v);
            }
            "from" => has_from = true,
            "source" | "src" => has_source = !value.is_empty(),
            "target" | "dst" | "destination" => has_target = !value.is_empty(),
            "id" => has_id = !value.is_empty(),
            "env" => {}
            "readonly" | "ro" | "readwrite" | "rw" => {
                if !unknown && !go_parse_bool(value) {
                    return Err(format!("`{key}={value}` in --mount is not true or false"));
                }
            }
            "required" => {
                if !secretish() {
                    return Err(format!(
                        "`required` applies to secret and ssh mounts, not {} mounts",
                        kind.as_deref().unwrap_or("these")
                    ));
                }
                if !unknown && !go_parse_bool(value) {
                    return Err(format!(
                        "`required={value}` in --mount is not true or false"
                    ));
                }
            }
            "size" => {
                if kind.as_deref().is_some_and(|k| k != "tmpfs") {
                    return Err(format!(
                        "`size` applies to tmpfs mounts, not {} mounts",
                        kind.as_deref().unwrap_or("")
                    ));
                }
                if !unknown && !is_ram_size(value) {
                    return Err(format!("`size={value}` in --mount is not a size"));
                }
            }
            "sharing" => {
                if !unknown {
                    let v = value.to_ascii_lowercase();
                    if !matches!(v.as_str(), "shared" | "private" | "locked") {
                        return Err(format!(
                            "`sharing={value}` in --mount must be shared, private or locked"
                        ));
                    }
                    has_sharing = true;
                }
            }
            "mode" => {
                mode = true;
                if !unknown && u32::from_str_radix(value, 8).is_err() {
                    return Err(format!("`mode={value}` in --mount is not an octal mode"));
                }
            }
            "uid" | "gid" => {
                if key == "uid" {
                    uid = true;
                } else {
                    gid = true;
                }
                if !unknown && (value.is_empty() || value.parse::<u32>().is_err()) {
                    return Err(format!("`{key}={value}` in --mount is not a number"));
                }
            }
            _ => {
                let known = [
                    "type",
                    "from",
                    "source",
                    "target",
                    "readonly",
                    "id",
                    "sharing",
                    "required",
                    "size",
                    "mode",
                    "uid",
                    "gid",
                    "src",
                    "dst",
                    "destination",
                    "ro",
                    "rw",
                    "readwrite",
                    "env",
                ];
                let hint = crate::input::text::suggest(&key, known.iter().copied())
                    .map(|s| format!(" (did you mean `{s}`?)"))
                    .unwrap_or_default();
                return Err(format!("--mount has no key `{key}`{hint}"));
            }
        }
    }
    let Some(kind) = kind else {
        return Ok(());
    };
    if !matches!(kind.as_str(), "secret" | "ssh" | "cache") {
        for (set, name) in [(mode, "mode"), (uid, "uid"), (gid, "gid")] {
            if set {
                return Err(format!("`{name}` does not apply to {kind} mounts"));
            }
        }
    }
    if kind == "secret" {
        if has_from {
            return Err("a secret mount cannot have `from`".into());
        }
        if has_sharing {
            return Err("a secret mount cannot have `sharing`".into());
        }
        if !has_source && !has_target && !has_id {
            return Err("a secret mount needs an `id` (or a `target`)".into());
        }
        if has_source && has_id {
            return Err("a secret mount takes `id` or `source`, not both".into());
        }
    }
    if has_sharing && kind != "cache" {
        return Err(format!(
            "`sharing` applies to cache mounts, not {kind} mounts"
        ));
    }
    Ok(())
}

/// go-units' `RAMInBytes` pattern: `^(\d+(\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$`.
fn is_ram_size(v: &str) -> bool {
    let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let n = digits(v);
    if n == 0 {
        return false;
    }
    let mut rest = &v[n..];
    while let Some(r) = rest.strip_prefix('.') {
        let m = digits(r);
        if m == 0 {
            return false;
        }
        rest = &r[m..];
    }
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let rest = rest
        .strip_prefix(['k', 'K', 'm', 'M', 'g', 'G', 't', 'T', 'p', 'P'])
        .unwrap_or(rest);
    let rest = rest.strip_prefix(['i', 'I']).unwrap_or(rest);
    let rest = rest.strip_prefix(['b', 'B']).unwrap_or(rest);
    rest.is_empty()
}

/// `--device=...` as BuildKit reads it.
fn check_device(value: &str) -> Result<(), String> {
    let fields =
        csv_fields(value).map_err(|e| format!("the --device value cannot be read: {e}"))?;
    let mut name: Option<&str> = None;
    for field in &fields {
        let (key, value, has_eq) = match field.split_once('=') {
            Some((k, v)) => (k.to_ascii_lowercase(), v, true),
            None => (field.to_ascii_lowercase(), "", false),
        };
        if !has_eq && key == "required" {
            continue;
        }
        match key.as_str() {
            "name" if has_eq => {
                if let Some(n) = name {
                    return Err(format!(
                        "--device names the device twice (`{n}`, then `{value}`)"
                    ));
                }
                name = Some(value);
            }
            "required" if has_eq => {
                if !go_parse_bool(value) {
                    return Err(format!(
                        "`required={value}` in --device is not true or false"
                    ));
                }
            }
            _ => {
                if name.is_none() {
                    name = Some(field);
                } else if has_eq {
                    return Err(format!("--device has no key `{key}`: name or required"));
                } else {
                    return Err(format!("`{field}` in --device must be key=value"));
                }
            }
        }
    }
    Ok(())
}

/// What BuildKit knows of a global `ARG` when it reads a `FROM`.
#[derive(Clone)]
enum ArgValue {
    /// A default that is known.
    Known(String),
    /// Declared without a default (a `--build-arg` may set it), or set by BuildKit itself.
    Unknown,
}

/// Expands `$NAME`, `${NAME}` and `${NAME:-word}`-style forms with the global ARGs; `None`
/// when the result depends on something not known here.
fn expand(word: &str, args: &[(String, ArgValue)]) -> Option<String> {
    let lookup = |name: &str| -> Option<Option<String>> {
        if name.starts_with("TARGET") || name.starts_with("BUILD") {
            return None;
        }
        match args.iter().rev().find(|(n, _)| n == name) {
            Some((_, ArgValue::Known(v))) => Some(Some(v.clone())),
            Some((_, ArgValue::Unknown)) => None,
            None => Some(None),
        }
    };
    let mut out = String::new();
    let mut rest = word;
    while let Some(i) = rest.find(['$', '\\']) {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        if rest[i..].starts_with('\\') {
            let c = after.chars().next()?;
            out.push(c);
            rest = &after[c.len_utf8()..];
            continue;
        }
        if let Some(body) = after.strip_prefix('{') {
            let close = body.find('}')?;
            let inner = &body[..close];
            rest = &body[close + 1..];
            let name_len = inner
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(inner.len());
            let (name, op) = inner.split_at(name_len);
            let value = lookup(name)?;
            let set_nonempty = value.as_deref().is_some_and(|v| !v.is_empty());
            let set = value.is_some();
            let v = match op {
                "" => value.unwrap_or_default(),
                _ if op.starts_with(":-") => {
                    if set_nonempty {
                        value.unwrap_or_default()
                    } else {
                        op[2..].to_string()
                    }
                }
                _ if op.starts_with('-') => {
                    if set {
                        value.unwrap_or_default()
                    } else {
                        op[1..].to_string()
                    }
                }
                _ if op.starts_with(":+") => {
                    if set_nonempty {
                        op[2..].to_string()
                    } else {
                        String::new()
                    }
                }
                _ if op.starts_with('+') => {
                    if set {
                        op[1..].to_string()
                    } else {
                        String::new()
                    }
                }
                _ => return None,
            };
            if v.contains('$') {
                return None;
            }
            out.push_str(&v);
        } else {
            let name_len = after
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            if name_len == 0 {
                out.push('$');
                rest = after;
                continue;
            }
            out.push_str(&lookup(&after[..name_len])?.unwrap_or_default());
            rest = &after[name_len..];
        }
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(go_duration_nanos("0"), Some(0.0));
        assert_eq!(go_duration_nanos("50ns"), Some(50.0));
        assert_eq!(go_duration_nanos("1m30s"), Some(90e9));
        assert_eq!(go_duration_nanos("1.5h"), Some(5400e9));
        assert_eq!(go_duration_nanos("10"), None);
        assert_eq!(go_duration_nanos("s"), None);
        assert_eq!(go_duration_nanos("1d"), None);
    }

    #[test]
    fn mounts_and_devices() {
        assert!(check_mount("type=cache,target=/root/.cache,sharing=locked").is_ok());
        assert!(check_mount("type=secret,id=npmrc,required").is_ok());
        assert!(check_mount("type=cache,target=/x,uid=1000,mode=0755").is_ok());
        assert!(check_mount("type=bind,from=$STAGE,target=/x").is_err());
        assert!(check_mount("type=bind,from=builder,target=/x,ro").is_ok());
        assert!(check_mount("type=volume,target=/x").is_err());
        assert!(check_mount("type=bind,mode=0755").is_err());
        assert!(check_mount("type=secret").is_err());
        assert!(check_mount("target=/x,size=10m").is_err());
        assert!(check_mount("type=tmpfs,target=/x,size=10m").is_ok());
        assert!(check_device("vendor1.com/device=foo,required").is_ok());
        assert!(check_device("name=vendor1.com/device=foo").is_ok());
        assert!(check_device("vendor1.com/device=foo,name=vendor2.com/device=bar").is_err());
    }

    #[test]
    fn stage_cycles() {
        let edge = |from, to| Edge {
            from,
            to,
            span: Span::default(),
            what: "COPY --from",
        };
        let c = components(4, &[edge(0, 2), edge(1, 0), edge(2, 1), edge(3, 0)]);
        assert!(c[0] == c[1] && c[1] == c[2]);
        assert_ne!(c[3], c[0]);
        let many: Vec<Edge> = (0..20_000).map(|i| edge(i, i + 1)).collect();
        let c = components(20_001, &many);
        assert_eq!(c.len(), 20_001);
        assert_ne!(c[0], c[1]);
    }

    #[test]
    fn ports() {
        for ok in [
            "80",
            "80/tcp",
            "53/UDP",
            "8000-8010",
            "0",
            "65535",
            "127.0.0.1:80:80",
            "8080:80",
        ] {
            assert!(check_port(ok).is_ok(), "{ok}");
        }
        for bad in [
            "80/http",
            "70000",
            "http",
            "8010-8000",
            "/tcp",
            "1.2.3:80:80",
            "",
        ] {
            assert!(check_port(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn chmod_values() {
        for ok in ["755", "0644", "7777", "u+x", "a=rwx", "go-w,u+rw", "+x"] {
            assert!(valid_chmod(ok), "{ok}");
        }
        for bad in ["999", "17777", "u", "abc", "u+q"] {
            assert!(!valid_chmod(bad), "{bad}");
        }
    }

    #[test]
    fn arg_expansion() {
        let args = vec![
            ("A".to_string(), ArgValue::Known("alpine".into())),
            ("E".to_string(), ArgValue::Known(String::new())),
            ("U".to_string(), ArgValue::Unknown),
        ];
        assert_eq!(expand("$A:3", &args).as_deref(), Some("alpine:3"));
        assert_eq!(expand("${E}", &args).as_deref(), Some(""));
        assert_eq!(expand("${E:-x}", &args).as_deref(), Some("x"));
        assert_eq!(expand("$MISSING", &args).as_deref(), Some(""));
        assert_eq!(expand("$U", &args), None);
        assert_eq!(expand("${TARGETARCH}", &args), None);
    }
}
