//! What `ecspresso render config` prints ([`config_yaml`]): the loaded config as goccy/go-yaml
//! writes it, with Go's durations.

#[allow(unused_imports)]
use super::*;

/// What `ecspresso render config` prints for a config, given its rendered tree (`root`, read
/// from the text after its templates were rendered): the `Config` struct after `Restrict`
/// (`cluster` defaults to `default`, `region` to `AWS_REGION` (`aws_region`), definition paths
/// joined to the config's folder, `timeout` defaults to 10m), encoded by goccy/go-yaml v1.9.5
/// (the version ecspresso v2.3 pins): fields in the struct's order, `omitempty` ones left out
/// when empty, strings quoted (`strconv.Quote`) when `token.IsNeedQuoted`, maps with sorted
/// keys, sequences not indented, `timeout` through `Duration.MarshalYAML` (`"10m0s"`).
pub fn config_yaml(
    config_path: &str,
    root: &Node,
    aws_region: Option<&str>,
    major: Major,
) -> Result<String, String> {
    if !matches!(root.kind, NodeKind::Object(_)) {
        return Err(format!(
            "json: cannot unmarshal {} into Go value of type ecspresso.Config",
            json_kind(root)
        ));
    }
    let text = |key: &str| -> Result<String, String> {
        match object_member(root, key).map(|n| &n.kind) {
            None | Some(NodeKind::Null) => Ok(String::new()),
            Some(NodeKind::String(s)) => Ok(s.clone()),
            Some(NodeKind::Placeholder(p)) => Ok(p.clone()),
            Some(_) => Err(format!(
                "json: cannot unmarshal {} into Go struct field Config.{key} of type string",
                object_member(root, key).map_or_else(String::new, json_kind)
            )),
        }
    };
    let folder = crate::input::paths::folder_of(config_path);
    let join = |p: String| {
        if p.is_empty() || p.starts_with('/') {
            p
        } else {
            let joined = crate::input::paths::resolve(folder, &p);
            if joined.is_empty() {
                ".".to_string()
            } else {
                joined
            }
        }
    };
    let mut out = String::new();
    let scalar = |key: &str, value: &str, out: &mut String| {
        out.push_str(key);
        out.push_str(": ");
        out.push_str(&yaml_string(value));
        out.push('\n');
    };
    let required = text("required_version")?;
    if !required.is_empty() {
        scalar("required_version", &required, &mut out);
    }
    let mut region = text("region")?;
    if region.is_empty() {
        region = aws_region.unwrap_or("").to_string();
    }
    scalar("region", &region, &mut out);
    let mut cluster = text("cluster")?;
    if cluster.is_empty() {
        cluster = "default".to_string();
    }
    scalar("cluster", &cluster, &mut out);
    scalar("service", &text("service")?, &mut out);
    scalar(
        "service_definition",
        &join(text("service_definition")?),
        &mut out,
    );
    scalar("task_definition", &join(text("task_definition")?), &mut out);
    if let Some(NodeKind::Array(plugins)) = object_member(root, "plugins").map(|n| &n.kind) {
        if !plugins.is_empty() {
            out.push_str("plugins:\n");
            for p in plugins {
                let field = |k: &str| match object_member(p, k).map(|n| &n.kind) {
                    Some(NodeKind::String(s)) => s.clone(),
                    Some(NodeKind::Placeholder(s)) => s.clone(),
                    _ => String::new(),
                };
                out.push_str("- name: ");
                out.push_str(&yaml_string(&field("name")));
                out.push('\n');
                match object_member(p, "config") {
                    Some(c) if matches!(c.kind, NodeKind::Object(_)) => {
                        out.push_str("  config:");
                        yaml_value(c, 2, &mut out);
                    }
                    _ => out.push_str("  config: null\n"),
                }
                let prefix = field("func_prefix");
                if !prefix.is_empty() {
                    out.push_str("  func_prefix: ");
                    out.push_str(&yaml_string(&prefix));
                    out.push('\n');
                }
            }
        }
    }
    if let Some(spec) = object_member(root, "appspec").filter(|n| !n.is_null()) {
        out.push_str("appspec:");
        yaml_value(spec, 0, &mut out);
    }
    if major == Major::V2 {
        let filter = text("filter_command")?;
        if !filter.is_empty() {
            scalar("filter_command", &filter, &mut out);
        }
    }
    let timeout = match object_member(root, "timeout").filter(|n| !n.is_null()) {
        None => 600_000_000_000,
        Some(n) => duration_ns(n, major)?,
    };
    out.push_str("timeout: \"");
    out.push_str(&go_duration(timeout));
    out.push_str("\"\n");
    if let Some(cd) = object_member(root, "codedeploy").filter(|n| !n.is_null()) {
        out.push_str("codedeploy:");
        let mut fields = String::new();
        for key in ["application_name", "deployment_group_name"] {
            if let Some(NodeKind::String(s)) = object_member(cd, key).map(|n| &n.kind) {
                if !s.is_empty() {
                    fields.push_str(&format!("  {key}: {}\n", yaml_string(s)));
                }
            }
        }
        if fields.is_empty() {
            out.push_str(" {}\n");
        } else {
            out.push('\n');
            out.push_str(&fields);
        }
    }
    Ok(out)
}

/// A config's `timeout` in nanoseconds as ecspresso reads it: a Go duration string
/// (`time.ParseDuration`); a bare number is nanoseconds in v2 and seconds in v3 (as is a string
/// of digits in v3).
pub fn duration_ns(node: &Node, major: Major) -> Result<i128, String> {
    match &node.kind {
        NodeKind::Number(n, _) => Ok(match major {
            #[allow(clippy::cast_possible_truncation)]
            Major::V2 => *n as i128,
            #[allow(clippy::cast_possible_truncation)]
            Major::V3 => (*n * 1e9) as i128,
        }),
        NodeKind::String(s) => {
            if major == Major::V3 {
                if let Ok(secs) = s.parse::<i64>() {
                    return Ok(i128::from(secs) * 1_000_000_000);
                }
            }
            parse_go_duration(s).ok_or_else(|| {
                format!(
                    "time: invalid duration {}",
                    crate::syntax::template::gofmt::go_quote(s)
                )
            })
        }
        _ => Err(format!("invalid duration format: {}", json_kind(node))),
    }
}

/// Go's `time.ParseDuration`.
pub fn parse_go_duration(s: &str) -> Option<i128> {
    let (neg, mut rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if rest == "0" {
        return Some(0);
    }
    if rest.is_empty() {
        return None;
    }
    let mut total: f64 = 0.0;
    while !rest.is_empty() {
        let num_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let number = &rest[..num_end];
        if number.is_empty() || number == "." || number.matches('.').count() > 1 {
            return None;
        }
        rest = &rest[num_end..];
        let unit_end = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let unit = &rest[..unit_end];
        rest = &rest[unit_end..];
        let scale: f64 = match unit {
            "ns" => 1.0,
            "us" | "µs" | "μs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            _ => return None,
        };
        total += crate::input::number::parse_f64(number)? * scale;
    }
    #[allow(clippy::cast_possible_truncation)]
    let ns = total.round() as i128;
    Some(if neg { -ns } else { ns })
}

/// Go's `time.Duration.String`: `10m0s`, `1h0m0s`, `1.5s`, `500ms`, `0s`.
pub fn go_duration(ns: i128) -> String {
    if ns == 0 {
        return "0s".into();
    }
    let neg = ns < 0;
    let u = ns.unsigned_abs();
    let frac = |value: u128, digits: u32| -> String {
        let div = 10u128.pow(digits);
        let (int, rem) = (value / div, value % div);
        if rem == 0 {
            return int.to_string();
        }
        let mut f = format!("{rem:0width$}", width = digits as usize);
        while f.ends_with('0') {
            f.pop();
        }
        format!("{int}.{f}")
    };
    let body = if u < 1_000 {
        format!("{u}ns")
    } else if u < 1_000_000 {
        format!("{}µs", frac(u, 3))
    } else if u < 1_000_000_000 {
        format!("{}ms", frac(u, 6))
    } else {
        let secs = u / 1_000_000_000;
        let sub = u % 1_000_000_000;
        let s = frac((secs % 60) * 1_000_000_000 + sub, 9);
        let mins = secs / 60;
        if mins == 0 {
            format!("{s}s")
        } else if mins / 60 == 0 {
            format!("{}m{s}s", mins % 60)
        } else {
            format!("{}h{}m{s}s", mins / 60, mins % 60)
        }
    };
    if neg {
        format!("-{body}")
    } else {
        body
    }
}

/// goccy/go-yaml v1.9.5's string scalar: `strconv.Quote` when `token.IsNeedQuoted`.
pub fn yaml_string(v: &str) -> String {
    if yaml_needs_quotes(v) {
        crate::syntax::template::gofmt::go_quote(v)
    } else {
        v.to_string()
    }
}

/// goccy/go-yaml v1.9.5 `token.IsNeedQuoted`.
pub(super) fn yaml_needs_quotes(v: &str) -> bool {
    const RESERVED: [&str; 22] = [
        "null", "Null", "NULL", "~", "true", "True", "TRUE", "false", "False", "FALSE", ".inf",
        ".Inf", ".INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN", "y", "Y", "n",
    ];
    let Some(first) = v.bytes().next() else {
        return true;
    };
    if RESERVED[..19].contains(&v) || looks_like_number(v) {
        return true;
    }
    if matches!(
        first,
        b'*' | b'&' | b'[' | b'{' | b'}' | b']' | b',' | b'!' | b'|' | b'>' | b'%' | b'\'' | b'"'
    ) || v.ends_with(':')
        || looks_like_time(v)
    {
        return true;
    }
    let bytes = v.as_bytes();
    bytes
        .iter()
        .enumerate()
        .any(|(i, &c)| c == b'#' || c == b'\\' || (c == b':' && bytes.get(i + 1) == Some(&b' ')))
}

pub(super) fn looks_like_number(v: &str) -> bool {
    let t = v.strip_prefix(['-', '+']).unwrap_or(v);
    if t.is_empty() {
        return false;
    }
    let t2 = t.replace('_', "");
    if crate::input::number::parse_f64(&t2).is_some() && !t2.contains(['i', 'I', 'n', 'N']) {
        return true;
    }
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(d) = t2.strip_prefix(prefix) {
            return !d.is_empty() && u64::from_str_radix(d, radix).is_ok();
        }
    }
    false
}

pub(super) fn looks_like_time(v: &str) -> bool {
    // `2006-01-02` or an RFC 3339 time: goccy quotes what its decoder would read as a time.
    let b = v.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
}

/// A plugin's `config` (a `map[string]interface{}` decoded from JSON) or the appspec, as goccy
/// writes a mapping value: nested mappings indented by two, sequences at their key's column,
/// map keys sorted.
pub(super) fn yaml_value(node: &Node, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match &node.kind {
        NodeKind::Object(o) => {
            let mut members: Vec<&crate::syntax::value::Member> = o.members.iter().collect();
            crate::input::order::sort_by(&mut members, |a, b| a.key.cmp(&b.key));
            members.dedup_by(|a, b| a.key == b.key);
            if members.is_empty() {
                out.push_str(" {}\n");
                return;
            }
            out.push('\n');
            for m in members {
                out.push_str(&pad);
                out.push_str("  ");
                out.push_str(&yaml_string(&m.key));
                out.push(':');
                yaml_value(&m.value, indent + 2, out);
            }
        }
        NodeKind::Array(items) => {
            if items.is_empty() {
                out.push_str(" []\n");
                return;
            }
            out.push('\n');
            for item in items {
                out.push_str(&pad);
                out.push_str("  -");
                yaml_value(item, indent + 2, out);
            }
        }
        NodeKind::String(s) => {
            out.push(' ');
            out.push_str(&yaml_string(s));
            out.push('\n');
        }
        NodeKind::Placeholder(p) => {
            out.push(' ');
            out.push_str(p);
            out.push('\n');
        }
        NodeKind::Number(n, _) => {
            out.push(' ');
            out.push_str(&go_float(*n));
            out.push('\n');
        }
        NodeKind::Bool(b) => {
            out.push_str(if *b { " true\n" } else { " false\n" });
        }
        NodeKind::Null | NodeKind::Invalid => out.push_str(" null\n"),
    }
}
