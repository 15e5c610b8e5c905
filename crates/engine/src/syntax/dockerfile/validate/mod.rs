//! The checks BuildKit runs after parsing and before building anything: each instruction's
//! arguments and flags (its `instructions` package, here), then the checks of the conversion to
//! a build graph (`dockerfile2llb`, in `graph.rs`): empty base images, `COPY --from` between
//! stages, `COPY` of a URL, `--chmod` values. Each finding is an `IN003` at the word BuildKit objects to.

use super::{
    in003, lex, parse_json_args, refs, syntax_error, syntax_error_help, Args, Flag, Instruction,
    JsonArgs, Stage,
};
use crate::input::diagnostic::Diagnostic;
use crate::input::msg::{Arg, Msg};
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

fn err(out: &mut Vec<Diagnostic>, span: Span, message: Msg) {
    out.push(syntax_error(span, message));
}

fn err_help(out: &mut Vec<Diagnostic>, span: Span, message: Msg, help: Msg) {
    out.push(syntax_error_help(span, message, help));
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
                Some(s) => crate::msg!(in003::HELP_FLAG_DID_YOU_MEAN, suggestion = s),
                None if known.is_empty() => crate::msg!(in003::HELP_NO_FLAGS, keyword = kw),
                None => crate::msg!(
                    in003::HELP_FLAGS,
                    keyword = kw,
                    flags = Arg::List(
                        known
                            .iter()
                            .map(|k| Arg::Code(format!("`--{k}`")))
                            .collect()
                    )
                ),
            };
            err_help(
                out,
                flag.span,
                crate::msg!(in003::UNKNOWN_FLAG, keyword = kw, name = name),
                help,
            );
            continue;
        };
        if kind != Kind::Strs && seen.contains(name) {
            err(
                out,
                flag.span,
                crate::msg!(in003::FLAG_TWICE, name = name, keyword = kw),
            );
        }
        seen.insert(name);
        match (kind, flag.value.as_deref()) {
            (Kind::Bool, Some("")) | (Kind::Str | Kind::Strs, None) => err(
                out,
                flag.span,
                crate::msg!(in003::FLAG_NEEDS_VALUE, name = name),
            ),
            (Kind::Bool, Some(v))
                if !v.eq_ignore_ascii_case("true") && !v.eq_ignore_ascii_case("false") =>
            {
                err(
                    out,
                    flag.value_span,
                    crate::msg!(in003::FLAG_BOOL, name = name, value = v),
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
            err(out, at, crate::msg!(in003::NEEDS_ARGUMENTS, keyword = kw));
        }
        "MAINTAINER" | "WORKDIR" | "USER" | "STOPSIGNAL" if empty => {
            err(
                out,
                at,
                crate::msg!(in003::NEEDS_ONE_ARGUMENT, keyword = kw),
            );
        }
        "ENV" | "LABEL" | "ARG" => {
            for p in ins.pairs.iter().filter(|p| p.value.is_some()) {
                if p.key_span.start == p.key_span.end {
                    err(
                        out,
                        p.key_span,
                        crate::msg!(in003::EMPTY_NAME, keyword = kw),
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
                    crate::msg!(in003::NEEDS_SOURCE_DEST, keyword = kw),
                    crate::msg!(in003::HELP_SOURCE_DEST, keyword = kw),
                );
            } else if let Some((dest, span)) = args.last() {
                if matches!(lex::marker(dest), lex::MarkerWord::Heredoc(_)) {
                    err(
                        out,
                        *span,
                        crate::msg!(in003::HEREDOC_DESTINATION, keyword = kw),
                    );
                }
            }
        }
        "HEALTHCHECK" => healthcheck(ins, out),
        "VOLUME" => {
            if let Args::Exec(words) = &ins.args {
                if words.is_empty() {
                    err(out, at, crate::msg!(in003::VOLUME_NEEDS_PATH));
                }
                for w in words.iter().filter(|w| w.text.trim().is_empty()) {
                    err(out, w.span, crate::msg!(in003::VOLUME_EMPTY_PATH));
                }
            }
        }
        "SHELL" => match &ins.args {
            Args::Exec(words) if words.is_empty() => {
                err(
                    out,
                    at,
                    crate::msg!(in003::NEEDS_ARGUMENTS, keyword = "SHELL"),
                );
            }
            Args::Exec(_) => {}
            Args::Shell => {
                if !matches!(parse_json_args(&ins.text), JsonArgs::NotStrings(..)) {
                    err_help(
                        out,
                        at,
                        crate::msg!(in003::SHELL_FORM),
                        crate::msg!(in003::HELP_SHELL_JSON),
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
                        crate::msg!(in003::STAGE_NAME, name = &name.text),
                        crate::msg!(in003::HELP_STAGE_NAME),
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
                        crate::msg!(in003::EXPOSE_COMMENT),
                        crate::msg!(in003::HELP_COMMENT_ABOVE),
                    );
                    break;
                }
                if let Err(why) = check_port(&w.text) {
                    err_help(
                        out,
                        w.span,
                        crate::msg!(in003::EXPOSE_PORT, port = &w.text, why = why),
                        crate::msg!(in003::HELP_PORT),
                    );
                }
            }
        }
        _ => {}
    }
}

/// A port or range (`80`, `8000-8010`) as BuildKit reads it: a number from 0 to 65535.
fn port_range(s: &str) -> Result<(i64, i64), Msg> {
    let number = |p: &str| -> Result<i64, Msg> {
        let digits = p.strip_prefix(['+', '-']).unwrap_or(p);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(crate::msg!(in003::PORT_NOT_NUMBER, value = p));
        }
        match p.parse::<i64>() {
            Ok(n) if (0..=65535).contains(&n) => Ok(n),
            _ => Err(crate::msg!(in003::PORT_OUT_OF_RANGE, value = p)),
        }
    };
    if s.is_empty() {
        return Err(crate::msg!(in003::PORT_NONE));
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
                return Err(crate::msg!(in003::PORT_BACKWARDS, range = s));
            }
            Ok((first, last))
        }
        _ => Ok((first, first)),
    }
}

/// An `EXPOSE` word as BuildKit reads it when it builds: `[ip:][host:]port[-port][/proto]`.
fn check_port(raw: &str) -> Result<(), Msg> {
    let parts: Vec<&str> = raw.split(':').collect();
    let (ip, host, container) = match parts.as_slice() {
        [c] => (String::new(), "", *c),
        [h, c] => (String::new(), *h, *c),
        [rest @ .., h, c] => (rest.join(":"), *h, *c),
        [] => (String::new(), "", ""),
    };
    let (port, proto) = container.split_once('/').unwrap_or((container, ""));
    if port.is_empty() {
        return Err(crate::msg!(in003::PORT_NONE));
    }
    if !matches!(
        proto.to_ascii_lowercase().as_str(),
        "" | "tcp" | "udp" | "sctp"
    ) {
        return Err(crate::msg!(in003::PORT_PROTOCOL, proto = proto));
    }
    if !ip.is_empty() {
        let bare = ip.trim_start_matches('[').trim_end_matches(']');
        if bare.parse::<std::net::IpAddr>().is_err() {
            return Err(crate::msg!(in003::PORT_IP, ip = &ip));
        }
    }
    let (start, end) = port_range(port)?;
    if !host.is_empty() {
        let (hs, he) = port_range(host)?;
        if end - start != he - hs && end != start {
            return Err(crate::msg!(in003::PORT_RANGES_DIFFER));
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
                crate::msg!(in003::HEALTHCHECK_NONE_ARGS),
            );
        }
        return;
    }
    if !kind.eq_ignore_ascii_case("CMD") {
        err_help(
            out,
            kind_span,
            crate::msg!(in003::HEALTHCHECK_KIND, kind = kind),
            crate::msg!(in003::HELP_HEALTHCHECK_CMD),
        );
        return;
    }
    let no_command = rest.is_empty()
        || matches!(parse_json_args(rest), JsonArgs::Strings(items) if items.is_empty());
    if no_command {
        err(
            out,
            ins.text_span,
            crate::msg!(in003::HEALTHCHECK_NO_COMMAND),
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
                crate::msg!(in003::NOT_DURATION, name = name, value = v),
                crate::msg!(in003::HELP_DURATION),
            ),
            Some(n) if n != 0.0 && n < 1e6 => err(
                out,
                flag.value_span,
                crate::msg!(in003::DURATION_TOO_SHORT, name = name, value = v),
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
                    crate::msg!(in003::RETRIES_NOT_NUMBER, value = v),
                ),
                Some(n) if n < 0 => err(
                    out,
                    flag.value_span,
                    crate::msg!(in003::RETRIES_NEGATIVE, value = v),
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
        let value = crate::input::number::parse_f64(
            format!("{}.{}", if int.is_empty() { "0" } else { int }, frac).trim_end_matches('.'),
        )?;
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
                crate::msg!(in003::NETWORK_VALUE, value = v),
            );
        }
    }
    if let Some(flag) = flag_value(ins, "security") {
        let v = flag.value.as_deref().unwrap_or("");
        if !matches!(v, "insecure" | "sandbox") {
            err(
                out,
                flag.value_span,
                crate::msg!(in003::SECURITY_VALUE, value = v),
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
fn csv_fields(s: &str) -> Result<Vec<String>, Msg> {
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
                return Err(crate::msg!(in003::CSV_UNCLOSED));
            };
            out.push(field);
            match after.strip_prefix(',') {
                Some(r) => rest = r,
                None if after.is_empty() => return Ok(out),
                None => return Err(crate::msg!(in003::CSV_AFTER_QUOTE)),
            }
        } else {
            let (field, next) = match rest.split_once(',') {
                Some((f, r)) => (f, Some(r)),
                None => (rest, None),
            };
            if field.contains('"') {
                return Err(crate::msg!(in003::CSV_BARE_QUOTE));
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
fn check_mount(value: &str) -> Result<(), Msg> {
    let fields = csv_fields(value).map_err(|e| crate::msg!(in003::MOUNT_UNREADABLE, why = e))?;
    let mut kind = Some("bind".to_string());
    let (mut has_from, mut has_source, mut has_target, mut has_id, mut has_sharing) =
        (false, false, false, false, false);
    let (mut mode, mut uid, mut gid) = (false, false, false);
    for field in &fields {
        let (key, value, has_eq) = match field.split_once('=') {
            Some((k, v)) => (k.to_ascii_lowercase(), v, true),
            None => (field.to_ascii_lowercase(), "", false),
        };
        // `required` is for secret and ssh mounts (and a type only known at build time).
        let not_secretish = || {
            kind.as_deref()
                .filter(|k| !matches!(*k, "secret" | "ssh"))
                .map(|k| crate::msg!(in003::MOUNT_REQUIRED_KIND, kind = k))
        };
        if !has_eq {
            match key.as_str() {
                "readonly" | "ro" | "readwrite" | "rw" => continue,
                "required" => match not_secretish() {
                    Some(e) => return Err(e),
                    None => continue,
                },
                _ => return Err(crate::msg!(in003::MOUNT_NOT_KEY_VALUE, field = field)),
            }
        }
        if key == "from" {
            if let Some(i) = value.find('$') {
                if i + 1 != value.len() {
                    return Err(crate::msg!(in003::MOUNT_FROM_VARIABLE));
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
                    return Err(crate::msg!(in003::MOUNT_TYPE, value = value));
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
                    return Err(crate::msg!(
                        in003::MOUNT_NOT_BOOL,
                        key = &key,
                        value = value
                    ));
                }
            }
            "required" => {
                if let Some(e) = not_secretish() {
                    return Err(e);
                }
                if !unknown && !go_parse_bool(value) {
                    return Err(crate::msg!(
                        in003::MOUNT_NOT_BOOL,
                        key = "required",
                        value = value
                    ));
                }
            }
            "size" => {
                if kind.as_deref().is_some_and(|k| k != "tmpfs") {
                    return Err(crate::msg!(
                        in003::MOUNT_SIZE_KIND,
                        kind = kind.as_deref().unwrap_or("")
                    ));
                }
                if !unknown && !is_ram_size(value) {
                    return Err(crate::msg!(in003::MOUNT_SIZE, value = value));
                }
            }
            "sharing" => {
                if !unknown {
                    let v = value.to_ascii_lowercase();
                    if !matches!(v.as_str(), "shared" | "private" | "locked") {
                        return Err(crate::msg!(in003::MOUNT_SHARING, value = value));
                    }
                    has_sharing = true;
                }
            }
            "mode" => {
                mode = true;
                if !unknown && u32::from_str_radix(value, 8).is_err() {
                    return Err(crate::msg!(in003::MOUNT_MODE, value = value));
                }
            }
            "uid" | "gid" => {
                if key == "uid" {
                    uid = true;
                } else {
                    gid = true;
                }
                if !unknown && (value.is_empty() || value.parse::<u32>().is_err()) {
                    return Err(crate::msg!(
                        in003::MOUNT_NOT_NUMBER,
                        key = &key,
                        value = value
                    ));
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
                return Err(
                    match crate::input::text::suggest(&key, known.iter().copied()) {
                        Some(s) => {
                            crate::msg!(
                                in003::MOUNT_UNKNOWN_KEY_SUGGEST,
                                key = &key,
                                suggestion = s
                            )
                        }
                        None => crate::msg!(in003::MOUNT_UNKNOWN_KEY, key = &key),
                    },
                );
            }
        }
    }
    let Some(kind) = kind else {
        return Ok(());
    };
    if !matches!(kind.as_str(), "secret" | "ssh" | "cache") {
        for (set, name) in [(mode, "mode"), (uid, "uid"), (gid, "gid")] {
            if set {
                return Err(crate::msg!(
                    in003::MOUNT_FIELD_KIND,
                    name = name,
                    kind = &kind
                ));
            }
        }
    }
    if kind == "secret" {
        if has_from {
            return Err(crate::msg!(in003::SECRET_FROM));
        }
        if has_sharing {
            return Err(crate::msg!(in003::SECRET_SHARING));
        }
        if !has_source && !has_target && !has_id {
            return Err(crate::msg!(in003::SECRET_ID));
        }
        if has_source && has_id {
            return Err(crate::msg!(in003::SECRET_ID_SOURCE));
        }
    }
    if has_sharing && kind != "cache" {
        return Err(crate::msg!(in003::MOUNT_SHARING_KIND, kind = &kind));
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
fn check_device(value: &str) -> Result<(), Msg> {
    let fields = csv_fields(value).map_err(|e| crate::msg!(in003::DEVICE_UNREADABLE, why = e))?;
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
                    return Err(crate::msg!(
                        in003::DEVICE_NAME_TWICE,
                        first = n,
                        second = value
                    ));
                }
                name = Some(value);
            }
            "required" if has_eq => {
                if !go_parse_bool(value) {
                    return Err(crate::msg!(in003::DEVICE_NOT_BOOL, value = value));
                }
            }
            _ => {
                if name.is_none() {
                    name = Some(field);
                } else if has_eq {
                    return Err(crate::msg!(in003::DEVICE_UNKNOWN_KEY, key = &key));
                } else {
                    return Err(crate::msg!(in003::DEVICE_NOT_KEY_VALUE, field = field));
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

    /// Every template of a message, with the templates of its phrases.
    fn keys(m: &Msg, out: &mut std::collections::BTreeSet<&'static str>) {
        out.insert(m.template.key);
        let mut args: Vec<&Arg> = m.args.iter().map(|(_, a)| a).collect();
        while let Some(arg) = args.pop() {
            match arg {
                Arg::Phrase(p) => keys(p, out),
                Arg::List(items) => args.extend(items),
                Arg::Code(_) | Arg::Int(_) => {}
            }
        }
    }

    /// Every IN003 template is reached by some input, and every message and help the parser
    /// reports is keyed and renders in Japanese with all its placeholders filled.
    #[test]
    fn every_in003_message_is_keyed_and_renders_in_japanese() {
        let long = format!("FROM a\nRUN echo {}\n", "x".repeat(70_000));
        let files: Vec<String> = [
            long.as_str(),
            "FROM\n",
            "FROM a b\n",
            "RUN x\nFROM a\n",
            "ARG A\n",
            "# syntax=a\n# syntax=b\nFROM a\n",
            "# escape=x\nFROM a\n",
            "# check=;\nFROM a\n",
            "# check=skip\nFROM a\n",
            "# check=error=maybe\nFROM a\n",
            "# check=foo=1\nFROM a\n",
            "FROM a\nRUN apk add \\ # c\n  curl\n",
            "FROM a\nONBUILD FROM b\n",
            "FROM a\nONBUILD\n",
            "FROM a\nCMD [\"a\", 1]\n",
            "FROM a\nENV A\n",
            "FROM a\nENV A=1 B\n",
            "FROM a\nRUN <<EOF\necho\n",
            "# check=error=true\nFROM a AS Build\nFROM a as b\n",
            "# check=error=true\nfrom a\nrun x\nRUN y\n",
            "# check=error=true\nFROM a\nRUN x\nrun y\n",
            "# check=error=true\nFROM a\nENV A b\nEXPOSE 80/TCP 1.2.3.4:80:80\n",
            "FROM a\nCOPY --chmodd=7 a b\nWORKDIR --x /a\nRUN --zzzzzzzz x\n",
            "FROM a AS s\nCOPY --from=s --from=s x y\nCOPY --chown x y\nCOPY --link=maybe x y\n",
            "FROM a\nENV\nWORKDIR\nENV =x\nCOPY x\nCOPY x <<EOF\nhi\nEOF\n",
            "FROM a\nVOLUME []\nVOLUME [\"\"]\nSHELL bash -c\nSHELL []\n",
            "FROM a AS 1x\n",
            "FROM a\nEXPOSE 80 # web\n",
            "FROM a\nEXPOSE http 70000 /tcp 8010-8000 80/http 1.2.3:80:80 8000-8001:80-82\n",
            "FROM a\nHEALTHCHECK NONE x\n",
            "FROM a\nHEALTHCHECK FOO\n",
            "FROM a\nHEALTHCHECK CMD\n",
            "FROM a\nHEALTHCHECK --interval=10 --timeout=5us --retries=x CMD x\n",
            "FROM a\nHEALTHCHECK --retries=-1 CMD x\n",
            "FROM a\nRUN --network=bridge --security=x --mount=type=volume --device=a,b y\n",
            "ARG P=\nFROM --platform=$P a\nFROM --platform=linux/*/x a\n",
            "FROM \"\" AS x\n",
            "ARG I=\nFROM $I\n",
            "FROM a\nCOPY --from=$X a b\nCOPY --from=5 a b\n",
            "FROM a AS b\nCOPY --from=b x y\n",
            "FROM a AS x\nCOPY --from=y a b\nFROM a AS y\nCOPY --from=x a b\n",
            "FROM a AS x\nCOPY --from=y a b\nFROM a AS y\n",
            "FROM scratch\nRUN --mount=type=cache x\nRUN --mount=type=cache,target=/ x\nRUN --mount=type=cache,target=. x\n",
            "FROM a\nCOPY --chmod=999 a b\nCOPY https://x/y b\nCOPY git@github.com:a/b.git c\n",
            "FROM a\nADD --checksum=sha256:x a b c\nADD --checksum=sha256:x a b\n",
            "FROM a\nADD --keep-git-dir=false https://g/x.git?keep-git-dir=true d\n",
            "FROM a\nADD --checksum=abc https://g/x.git?checksum=def d\n",
            "FROM a\nADD --checksum=zz https://x/y d\nADD https://g/x.git?mtime=x d\n",
        ]
        .iter()
        .map(|s| (*s).to_string())
        .collect();
        let mut msgs: Vec<Msg> = Vec::new();
        for file in &files {
            for d in crate::syntax::dockerfile::parse(file).diagnostics {
                assert_eq!(d.code, "IN003");
                let message = d.keyed.message.clone();
                assert!(message.is_some(), "{file:?}: `{}` is not keyed", d.message);
                msgs.extend(message);
                if d.help.is_some() {
                    assert!(d.keyed.help.is_some(), "{file:?}: help `{:?}`", d.help);
                }
                msgs.extend(d.keyed.help);
            }
        }
        let mounts = [
            "\"a",
            "\"a\"b",
            "a\"b",
            "type=bind,rw=maybe",
            "type=bind,required",
            "type=bind,required=true",
            "type=secret,id=a,required=x",
            "type=bind,foo",
            "type=bind,from=a$b",
            "type=bind,size=1",
            "type=tmpfs,size=x",
            "type=cache,sharing=x",
            "type=cache,mode=9",
            "type=cache,uid=x",
            "type=cache,targett=/x",
            "type=cache,zzzzzz=1",
            "type=bind,mode=0755",
            "type=secret,id=a,from=b",
            "type=secret,id=a,sharing=shared",
            "type=secret",
            "type=secret,id=a,source=b",
            "type=bind,sharing=shared",
        ];
        msgs.extend(mounts.iter().filter_map(|m| check_mount(m).err()));
        let devices = ["\"a", "a,name=b", "a,required=x", "a,foo=1", "a,b"];
        msgs.extend(devices.iter().filter_map(|d| check_device(d).err()));
        let platforms = [
            "*",
            "(x/amd64",
            "linux!/amd64",
            "linux(%zz)/amd64",
            "linux(1+)/amd64",
            "linux(1+%z)/amd64",
            "linux//x",
            "linux/am!d",
            "foo",
            "a/b/c/d",
        ];
        msgs.extend(
            platforms
                .iter()
                .filter_map(|p| refs::parse_platform(p).err()),
        );
        msgs.extend(
            ["md5:x", "sha256:abc"]
                .iter()
                .filter_map(|d| refs::parse_digest(d).err()),
        );
        let gits = [
            "https://g/x.git?a=1&a=2",
            "https://g/x.git?tag=",
            "https://g/x.git?submodules=x",
            "https://g/x.git?ref=r2#r1",
            "https://g/x.git?tag=t#r1",
            "https://g/x.git?branch=b#r1",
            "https://g/x.git?tag=t&branch=b",
            "https://g/x.git?refs=1",
            "https://g/x.git?zzzzzz=1",
        ];
        msgs.extend(
            gits.iter()
                .filter_map(|g| refs::git_ref(g).and_then(Result::err)),
        );
        // The parser's guard for a heredoc marker its word lexer cannot re-read: the line's
        // lexer and the marker's are the same, so no whole file seems to reach it.
        msgs.push(crate::msg!(in003::HEREDOC_QUOTE));
        // The Japanese as build.rs compiles it (the `rules` layer's table is out of reach here).
        let japanese: std::collections::BTreeMap<String, &str> =
            include_str!("../../../rules/input/in003_dockerfile_syntax.ja.msg")
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .filter_map(|l| l.split_once(" = "))
                .map(|(name, text)| (format!("IN003.{}", name.trim()), text))
                .collect();
        let mut used = std::collections::BTreeSet::new();
        for m in &msgs {
            keys(m, &mut used);
            let ja = m.ja(&|key| japanese.get(key).copied());
            assert!(
                crate::input::msg::placeholders(&ja).is_empty() && ja != m.en(),
                "{}: Japanese `{ja}` for `{}`",
                m.template.key,
                m.en()
            );
        }
        let unused: Vec<&str> = in003::MESSAGES
            .iter()
            .map(|t| t.key)
            .filter(|k| !used.contains(k))
            .collect();
        assert!(unused.is_empty(), "no input reaches {unused:?}");
    }

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
