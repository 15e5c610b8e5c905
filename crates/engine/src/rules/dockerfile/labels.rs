//! What the label-schema rules (DL3049–DL3056, DL3058) share: the images a file produces, the
//! labels each carries, and the value formats of the `label-schema` setting.

use crate::models::config::LabelKind;
use crate::syntax::dockerfile::{DockerfileCtx, Instruction, KeyValue, Stage};

/// Every `LABEL` pair of the file with its instruction (`ONBUILD LABEL` included: the label
/// lands on the images built on this one).
pub fn pairs<'a>(
    ctx: &'a DockerfileCtx<'a>,
) -> impl Iterator<Item = (&'a Instruction, &'a KeyValue)> + 'a {
    ctx.instructions()
        .filter_map(|i| {
            if i.is("LABEL") {
                Some(i)
            } else {
                i.onbuild.as_deref().filter(|t| t.is("LABEL"))
            }
        })
        .flat_map(|i| i.pairs.iter().map(move |p| (i, p)))
}

/// The stages whose image is a result of the build: no later stage is built `FROM` it and no
/// `COPY --from` names it. (A stage used only as a source of files is not an image anyone runs.)
pub fn results<'a>(ctx: &DockerfileCtx<'a>) -> Vec<&'a Stage> {
    let stages = &ctx.dockerfile.stages;
    stages
        .iter()
        .filter(|s| {
            let names: Vec<String> = s
                .alias
                .iter()
                .map(|(a, _)| a.to_ascii_lowercase())
                .chain(std::iter::once(s.index.to_string()))
                .collect();
            let built_on = stages.iter().any(|o| {
                o.index > s.index
                    && crate::models::stages::parent_stage(ctx, o)
                        .is_some_and(|p| p.index == s.index)
            });
            let copied = ctx.instructions().any(|i| {
                i.stage.is_some_and(|st| st != s.index)
                    && i.flag("from").is_some_and(|f| {
                        f.value
                            .as_deref()
                            .is_some_and(|v| names.contains(&v.to_ascii_lowercase()))
                    })
            });
            !built_on && !copied
        })
        .collect()
}

/// The label keys an image of `stage` carries: its own and those of the stages it is built on.
pub fn keys_of(ctx: &DockerfileCtx<'_>, stage: &Stage) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = Some(stage);
    let mut seen = 0;
    while let Some(s) = current {
        seen += 1;
        if seen > 64 {
            break;
        }
        for i in ctx.stage_instructions(s) {
            if i.is("LABEL") {
                out.extend(i.pairs.iter().map(|p| p.key.clone()));
            }
        }
        current = crate::models::stages::parent_stage(ctx, s);
    }
    out
}

/// The labels of the schema with a given format.
pub fn with_kind(schema: &[(String, LabelKind)], kind: LabelKind) -> Vec<&str> {
    schema
        .iter()
        .filter(|(_, k)| *k == kind)
        .map(|(n, _)| n.as_str())
        .collect()
}

/// Each pair whose key the schema gives `kind` and whose value is set but fails `valid`
/// (values with a variable are known only at build time, and are left alone).
pub fn invalid<'a>(
    ctx: &'a DockerfileCtx<'a>,
    schema: &[(String, LabelKind)],
    kind: LabelKind,
    valid: fn(&str) -> bool,
) -> Vec<&'a KeyValue> {
    let names = with_kind(schema, kind);
    pairs(ctx)
        .map(|(_, p)| p)
        .filter(|p| names.contains(&p.key.as_str()))
        .filter(|p| {
            let v = p.value.as_deref().unwrap_or("");
            !v.is_empty() && !v.contains('$') && !valid(v)
        })
        .collect()
}

/// An absolute URI: `scheme:rest`, the scheme a letter then letters, digits, `+`, `-`, `.`
/// (RFC 3986), and no white space.
pub fn is_url(v: &str) -> bool {
    let Some((scheme, rest)) = v.split_once(':') else {
        return false;
    };
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
        && !v
            .chars()
            .any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>')
}

fn digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

/// An RFC 3339 date-time: `2021-03-10T10:26:33.564+01:00` (or `Z`).
pub fn is_rfc3339(v: &str) -> bool {
    let Some((date, time)) = v.split_once(['T', 't', ' ']) else {
        return false;
    };
    let d: Vec<&str> = date.split('-').collect();
    let date_ok = d.len() == 3
        && digits(d[0], 4)
        && digits(d[1], 2)
        && digits(d[2], 2)
        && (1..=12).contains(&d[1].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&d[2].parse::<u32>().unwrap_or(0));
    let (clock, zone) = if let Some(t) = time.strip_suffix(['Z', 'z']) {
        (t, "")
    } else if let Some(at) = time.rfind(['+', '-']) {
        (&time[..at], &time[at + 1..])
    } else {
        return false;
    };
    let zone_ok = zone.is_empty()
        || zone
            .split_once(':')
            .is_some_and(|(h, m)| digits(h, 2) && digits(m, 2));
    let (hms, frac) = clock.split_once('.').unwrap_or((clock, "0"));
    let t: Vec<&str> = hms.split(':').collect();
    let clock_ok = t.len() == 3
        && t.iter().all(|p| digits(p, 2))
        && t[0] < "24"
        && t[1] < "60"
        && t[2] <= "60"
        && !frac.is_empty()
        && frac.bytes().all(|b| b.is_ascii_digit());
    date_ok && clock_ok && zone_ok
}

const SPDX: &str = include_str!("../../../data/spdx-license-ids.txt");

fn spdx_ids(exceptions: bool) -> impl Iterator<Item = &'static str> {
    let mut in_exceptions = false;
    SPDX.lines().filter(move |l| {
        if *l == "# exceptions" {
            in_exceptions = true;
            return false;
        }
        !l.starts_with('#') && in_exceptions == exceptions
    })
}

/// An SPDX license expression: license ids (or `LicenseRef-...`, with an optional `+`) joined by
/// `AND` / `OR`, with `WITH` exception ids and parentheses.
pub fn is_spdx(v: &str) -> bool {
    let spaced = v.replace('(', " ( ").replace(')', " ) ");
    let mut expect_id = true;
    let mut after_with = false;
    let mut depth = 0i32;
    for tok in spaced.split_whitespace() {
        if expect_id {
            if tok == "(" {
                depth += 1;
                continue;
            }
            let ok = if after_with {
                spdx_ids(true).any(|id| id.eq_ignore_ascii_case(tok))
            } else {
                let id = tok.strip_suffix('+').unwrap_or(tok);
                id.starts_with("LicenseRef-")
                    || id.starts_with("DocumentRef-")
                    || spdx_ids(false).any(|known| known.eq_ignore_ascii_case(id))
            };
            if !ok {
                return false;
            }
            expect_id = false;
            after_with = false;
        } else if tok == ")" {
            depth -= 1;
            if depth < 0 {
                return false;
            }
        } else {
            match tok.to_ascii_uppercase().as_str() {
                "AND" | "OR" => {}
                "WITH" => after_with = true,
                _ => return false,
            }
            expect_id = true;
        }
    }
    !expect_id && depth == 0
}

/// A git commit hash as git prints it: 7 (short) or 40 lower-case hex digits.
pub fn is_git_hash(v: &str) -> bool {
    (v.len() == 7 || v.len() == 40) && v.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// A semantic version (semver.org 2.0.0): `MAJOR.MINOR.PATCH`, optional `-pre.release` and
/// `+build`, numbers without leading zeros.
pub fn is_semver(v: &str) -> bool {
    let (rest, build) = v.split_once('+').map_or((v, None), |(a, b)| (a, Some(b)));
    let (core, pre) = rest
        .split_once('-')
        .map_or((rest, None), |(a, b)| (a, Some(b)));
    let number = |p: &str| {
        !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && (p == "0" || !p.starts_with('0'))
    };
    let ident =
        |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts.iter().all(|p| number(p))
        && pre.is_none_or(|p| {
            p.split('.')
                .all(|x| ident(x) && (!x.bytes().all(|b| b.is_ascii_digit()) || number(x)))
        })
        && build.is_none_or(|b| b.split('.').all(ident))
}

/// An e-mail address (RFC 5322 `addr-spec`, dot-atom form): `local@domain`.
pub fn is_email(v: &str) -> bool {
    let Some((local, domain)) = v.rsplit_once('@') else {
        return false;
    };
    let atom = |s: &str| {
        !s.is_empty()
            && s.split('.').all(|part| {
                !part.is_empty()
                    && part
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~-".contains(c))
            })
    };
    let label = |s: &str| {
        !s.is_empty()
            && !s.starts_with('-')
            && !s.ends_with('-')
            && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    atom(local) && !domain.is_empty() && domain.split('.').all(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert!(is_url("http://example.com") && !is_url("not-url"));
        assert!(
            is_rfc3339("2021-03-10T10:26:33.564595127+01:00") && is_rfc3339("2021-03-10T10:26:33Z")
        );
        assert!(!is_rfc3339("not-date") && !is_rfc3339("2021-13-10T10:26:33Z"));
        assert!(is_spdx("BSD-3-Clause") && is_spdx("(MIT OR Apache-2.0)"));
        assert!(is_spdx("GPL-2.0-or-later WITH Classpath-exception-2.0"));
        assert!(!is_spdx("not-spdx") && !is_spdx("MIT OR"));
        assert!(is_git_hash("2dbfae9") && !is_git_hash("not-git-hash"));
        assert!(is_semver("1.0.0") && is_semver("1.0.0-rc.1+b5") && !is_semver("01.0.0"));
        assert!(!is_semver("not-sem-ver"));
        assert!(is_email("abcd@google.com") && !is_email("not-email"));
    }

    #[test]
    fn the_spdx_list_is_sorted_and_unique() {
        for exceptions in [false, true] {
            let ids: Vec<String> = spdx_ids(exceptions).map(str::to_ascii_lowercase).collect();
            assert!(ids.len() > 50, "{exceptions}");
            assert!(ids.windows(2).all(|w| w[0] < w[1]), "{exceptions}");
        }
    }
}
