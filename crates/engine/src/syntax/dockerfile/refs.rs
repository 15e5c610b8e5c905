//! Values BuildKit reads with helpers outside its Dockerfile parser, as those helpers read them:
//! platform specifiers (containerd's `platforms.Parse`, used for `FROM --platform`), Git
//! sources of `ADD` (BuildKit's `dfgitutil.ParseGitRef`), content digests (`go-digest`, for
//! `ADD --checksum` of a URL) and the `# check=` directive (`linter.ParseLintOptions`).
//! Each function returns our own sentence for what BuildKit refuses (an `IN003` template).

use super::in003;
use crate::input::msg::Msg;

/// containerd's `platforms.Parse`: `os[(version[+feature]*)][/arch[/variant]]`, or a lone OS or
/// architecture it knows.
pub fn parse_platform(spec: &str) -> Result<(), Msg> {
    if spec.contains('*') {
        return Err(crate::msg!(in003::PLATFORM_WILDCARD, spec = spec));
    }
    let parts: Vec<&str> = spec.splitn(4, '/').collect();
    let component = |p: &str| {
        !p.is_empty()
            && p.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
    };
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            os_component(part)
                .map_err(|why| crate::msg!(in003::PLATFORM_OS, spec = spec, why = why))?;
        } else if part.is_empty() {
            return Err(crate::msg!(in003::PLATFORM_EMPTY_PART, spec = spec));
        } else if !component(part) {
            return Err(crate::msg!(
                in003::PLATFORM_COMPONENT,
                spec = spec,
                part = *part
            ));
        }
    }
    match parts.as_slice() {
        [one] => {
            let lower = one.to_ascii_lowercase();
            let os = lower.split('(').next().unwrap_or("");
            let os = if os == "macos" { "darwin" } else { os };
            if KNOWN_OS.contains(&os) || KNOWN_ARCH.contains(&normalize_arch(&lower)) {
                Ok(())
            } else {
                Err(crate::msg!(in003::PLATFORM_UNKNOWN, spec = spec))
            }
        }
        [_, _] | [_, _, _] => Ok(()),
        _ => Err(crate::msg!(in003::PLATFORM_PARTS, spec = spec)),
    }
}

/// The OS and architecture of an `os/arch[/variant]` platform as containerd normalises them
/// (lower case, `macos` is darwin, `x86_64` is amd64...); `None` for any other form.
pub fn platform_os_arch(spec: &str) -> Option<(String, String)> {
    parse_platform(spec).ok()?;
    let mut parts = spec.splitn(4, '/');
    let os = parts.next()?.split('(').next()?.to_ascii_lowercase();
    let arch = parts.next()?.to_ascii_lowercase();
    let os = if os == "macos" {
        "darwin".to_string()
    } else {
        os
    };
    Some((os, normalize_arch(&arch).to_string()))
}

const KNOWN_OS: &[&str] = &[
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "hurd",
    "illumos",
    "ios",
    "js",
    "linux",
    "nacl",
    "netbsd",
    "openbsd",
    "plan9",
    "solaris",
    "windows",
    "zos",
];

const KNOWN_ARCH: &[&str] = &[
    "386",
    "amd64",
    "amd64p32",
    "arm",
    "armbe",
    "arm64",
    "arm64be",
    "ppc64",
    "ppc64le",
    "loong64",
    "mips",
    "mipsle",
    "mips64",
    "mips64le",
    "mips64p32",
    "mips64p32le",
    "ppc",
    "riscv",
    "riscv64",
    "s390",
    "s390x",
    "sparc",
    "sparc64",
    "wasm",
];

fn normalize_arch(arch: &str) -> &str {
    match arch {
        "i386" => "386",
        "x86_64" | "x86-64" => "amd64",
        "aarch64" => "arm64",
        "armhf" | "armel" => "arm",
        other => other,
    }
}

/// The first part: `os` then an optional `(version+feature+...)`, where `%` escapes must be valid.
fn os_component(part: &str) -> Result<(), Msg> {
    let name_len = part
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(part.len());
    if name_len == 0 {
        return Err(crate::msg!(in003::OS_MISSING));
    }
    let rest = &part[name_len..];
    if rest.is_empty() {
        return Ok(());
    }
    let inner = rest
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .filter(|i| {
            i.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'%' | b'-' | b'+'))
        });
    let Some(inner) = inner else {
        return Err(crate::msg!(in003::OS_INVALID, part = part));
    };
    let mut pieces = inner.split('+');
    let version = pieces.next().unwrap_or("");
    if !percent_ok(version) {
        return Err(crate::msg!(in003::OS_VERSION_ESCAPE, version = version));
    }
    for feature in pieces {
        if feature.is_empty() {
            return Err(crate::msg!(in003::OS_FEATURE_EMPTY));
        }
        if !percent_ok(feature) {
            return Err(crate::msg!(in003::OS_FEATURE_ESCAPE, feature = feature));
        }
    }
    Ok(())
}

/// Go's `url.PathUnescape` succeeds: every `%` is followed by two hex digits.
fn percent_ok(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let ok = b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
            if !ok {
                return false;
            }
            i += 3;
        } else {
            i += 1;
        }
    }
    true
}

/// What BuildKit reads from a Git source of `ADD`.
#[derive(Debug, Default, PartialEq)]
pub struct GitRef {
    /// `?keep-git-dir=` of the URL.
    pub keep_git_dir: Option<bool>,
    /// `?checksum=` or `?commit=` of the URL.
    pub checksum: Option<String>,
}

/// `Some` when BuildKit reads `src` as a Git repository (`https://...x.git`, `git://`,
/// `ssh://`, `user@host:path`), with the error its URL options raise; `None` for a local path,
/// a plain URL or a `github.com/...` path (which `ADD` reads as a local path).
pub fn git_ref(src: &str) -> Option<Result<GitRef, Msg>> {
    if src.starts_with("./") || src.starts_with("../") || src.starts_with("github.com/") {
        return None;
    }
    let proto_len = src
        .find(|c: char| !c.is_ascii_alphanumeric())
        .filter(|&n| n > 0 && src[n..].starts_with("://"));
    let (query, fragment) = if let Some(n) = proto_len {
        let proto = src[..n].to_ascii_lowercase();
        if !matches!(proto.as_str(), "http" | "https" | "ssh" | "git") {
            return None;
        }
        let (before_fragment, fragment) = match src.split_once('#') {
            Some((b, f)) => (b, Some(f)),
            None => (src, None),
        };
        let (path_part, query) = match before_fragment.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (before_fragment, None),
        };
        if matches!(proto.as_str(), "http" | "https") {
            let after_host = path_part[n + 3..]
                .find('/')
                .map_or("", |i| &path_part[n + 3 + i..]);
            if !after_host.ends_with(".git") {
                return None;
            }
        }
        (query, fragment)
    } else {
        // scp style: `user@host:path[?query][#fragment]`.
        let (user, rest) = src.split_once('@')?;
        let (host, _) = rest.split_once(':')?;
        let user_ok = !user.is_empty()
            && user
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'));
        let host_ok = !host.is_empty()
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.'));
        if !user_ok || !host_ok {
            return None;
        }
        let (before_fragment, fragment) = match src.split_once('#') {
            Some((b, f)) => (b, Some(f)),
            None => (src, None),
        };
        (before_fragment.split_once('?').map(|(_, q)| q), fragment)
    };
    let fragment_ref = fragment
        .map(|f| f.split_once(':').map_or(f, |(r, _)| r))
        .filter(|r| !r.is_empty());
    Some(load_query(query.unwrap_or(""), fragment_ref))
}

/// `dfgitutil`'s `loadQuery`: the options a Git URL may carry after `?`.
fn load_query(query: &str, fragment_ref: Option<&str>) -> Result<GitRef, Msg> {
    let mut values: Vec<(String, Vec<String>)> = Vec::new();
    // Go's url.ParseQuery: `&`-separated; a pair with `;` is dropped (Query() ignores the error).
    for pair in query
        .split('&')
        .filter(|p| !p.is_empty() && !p.contains(';'))
    {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let (Some(k), Some(v)) = (unescape(k), unescape(v)) else {
            continue;
        };
        match values.iter_mut().find(|(key, _)| *key == k) {
            Some((_, vs)) => vs.push(v),
            None => values.push((k, vec![v])),
        }
    }
    let mut out = GitRef::default();
    let mut git_ref: Option<String> = fragment_ref.map(str::to_string);
    let (mut tag, mut branch) = (None::<String>, None::<String>);
    for (k, vs) in &values {
        if vs.len() > 1 {
            return Err(crate::msg!(in003::GIT_OPTION_TWICE, key = k));
        }
        let v = vs.first().map(String::as_str).unwrap_or("");
        let flag_like = matches!(
            k.as_str(),
            "submodules" | "keep-git-dir" | "fetch-by-commit"
        );
        if v.is_empty() && !flag_like {
            return Err(crate::msg!(in003::GIT_OPTION_EMPTY, key = k));
        }
        let boolean = |name: &str| -> Result<bool, Msg> {
            if v.is_empty() {
                return Ok(true);
            }
            go_bool(v).ok_or_else(|| crate::msg!(in003::GIT_OPTION_BOOL, key = name, value = v))
        };
        match k.as_str() {
            "ref" => {
                if git_ref.as_deref().is_some_and(|r| r != v) {
                    return Err(crate::msg!(
                        in003::GIT_TWO_REFS,
                        first = git_ref.unwrap_or_default(),
                        second = v
                    ));
                }
                git_ref = Some(v.to_string());
            }
            "tag" => tag = Some(v.to_string()),
            "branch" => branch = Some(v.to_string()),
            "subdir" => {}
            "mtime" => {
                if !matches!(v, "checkout" | "commit") {
                    return Err(crate::msg!(in003::GIT_MTIME, value = v));
                }
            }
            "checksum" | "commit" => out.checksum = Some(v.to_string()),
            "keep-git-dir" => out.keep_git_dir = Some(boolean("keep-git-dir")?),
            "submodules" | "fetch-by-commit" => {
                boolean(k)?;
            }
            _ => {
                let known = [
                    "ref",
                    "tag",
                    "branch",
                    "subdir",
                    "checksum",
                    "commit",
                    "keep-git-dir",
                    "submodules",
                    "mtime",
                    "fetch-by-commit",
                ];
                return Err(
                    match crate::input::text::suggest(k, known.iter().copied()) {
                        Some(s) => {
                            crate::msg!(in003::GIT_UNKNOWN_OPTION_SUGGEST, key = k, suggestion = s)
                        }
                        None => crate::msg!(in003::GIT_UNKNOWN_OPTION, key = k),
                    },
                );
            }
        }
    }
    if let Some(tag) = &tag {
        let full = if tag.starts_with("refs/tags/") {
            tag.clone()
        } else {
            format!("refs/tags/{tag}")
        };
        if git_ref.as_deref().is_some_and(|r| r != full) {
            return Err(crate::msg!(
                in003::GIT_TWO_REFS_TAG,
                first = git_ref.unwrap_or_default(),
                tag = tag
            ));
        }
        git_ref = Some(full);
    }
    if let Some(branch) = &branch {
        if tag.is_some() {
            return Err(crate::msg!(in003::GIT_TAG_AND_BRANCH));
        }
        let full = if branch.starts_with("refs/heads/") {
            branch.clone()
        } else {
            format!("refs/heads/{branch}")
        };
        if git_ref.as_deref().is_some_and(|r| r != full) {
            return Err(crate::msg!(
                in003::GIT_TWO_REFS_BRANCH,
                first = git_ref.unwrap_or_default(),
                branch = branch
            ));
        }
    }
    Ok(out)
}

/// Go's `url.QueryUnescape`; `None` on a broken `%` escape.
fn unescape(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                let hex = s.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Go's `strconv.ParseBool`.
pub fn go_bool(v: &str) -> Option<bool> {
    match v {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Some(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Some(false),
        _ => None,
    }
}

/// go-digest's `Parse`: `sha256:` and 64 lowercase hex digits (or sha384 / sha512).
pub fn parse_digest(v: &str) -> Result<(), Msg> {
    let Some((algo, hex)) = v
        .split_once(':')
        .filter(|(a, h)| !a.is_empty() && !h.is_empty())
    else {
        return Err(crate::msg!(in003::DIGEST_FORM, value = v));
    };
    let len = match algo {
        "sha256" => 64,
        "sha384" => 96,
        "sha512" => 128,
        _ => return Err(crate::msg!(in003::DIGEST_ALGORITHM, algo = algo)),
    };
    if hex.len() != len
        || !hex
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        return Err(crate::msg!(
            in003::DIGEST_LENGTH,
            value = v,
            algo = algo,
            len = len
        ));
    }
    Ok(())
}

/// The `# check=` directive as BuildKit's build checks read it.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct CheckDirective {
    /// `error=true`: any check that fires fails the build.
    pub error: bool,
    /// `skip=all`.
    pub skip_all: bool,
    /// `skip=A,B`: checks not run.
    pub skip: Vec<String>,
}

impl CheckDirective {
    /// Whether BuildKit fails the build when its check `name` fires.
    pub fn fails_on(&self, name: &str) -> bool {
        self.error && !self.skip_all && !self.skip.iter().any(|s| s == name)
    }
}

/// `linter.ParseLintOptions`: `skip=...;error=...;experimental=...`, at most three parts.
pub fn parse_check(value: &str) -> Result<CheckDirective, Msg> {
    let value = value.trim();
    let mut out = CheckDirective::default();
    if value.is_empty() {
        return Ok(out);
    }
    for part in value.splitn(3, ';') {
        let Some((k, v)) = part.split_once('=') else {
            return Err(if part.trim().is_empty() {
                crate::msg!(in003::CHECK_EMPTY_PART)
            } else {
                crate::msg!(in003::CHECK_NOT_KEY_VALUE, part = part)
            });
        };
        match k.trim() {
            "skip" => {
                let v = v.trim();
                if v == "all" {
                    out.skip_all = true;
                } else {
                    out.skip = v.split(',').map(|s| s.trim().to_string()).collect();
                }
            }
            "experimental" => {}
            "error" => {
                out.error = go_bool(v.trim())
                    .ok_or_else(|| crate::msg!(in003::CHECK_ERROR_BOOL, value = v.trim()))?;
            }
            other => return Err(crate::msg!(in003::CHECK_UNKNOWN_OPTION, option = other)),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platforms() {
        for ok in [
            "linux/amd64",
            "linux/arm64/v8",
            "linux/arm/v7",
            "windows(10.0.17763)/amd64",
            "windows(10.0.17763+win32k)/amd64",
            "linux",
            "arm64",
            "x86_64",
            "Linux/AMD64",
        ] {
            assert!(parse_platform(ok).is_ok(), "{ok}");
        }
        for bad in [
            "linux/amd64/v8/x",
            "linux/*",
            "linux/",
            "/amd64",
            "foo",
            "linux/amd 64",
            "linux:amd64",
            "windows(10%zz)/amd64",
            "windows(10+)/amd64",
            "",
        ] {
            assert!(parse_platform(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn git_refs() {
        assert_eq!(git_ref("./x"), None);
        assert_eq!(git_ref("https://example.com/a.tar.gz"), None);
        assert_eq!(git_ref("github.com/moby/buildkit"), None);
        assert_eq!(
            git_ref("https://github.com/moby/buildkit.git"),
            Some(Ok(GitRef::default()))
        );
        assert!(git_ref("git@github.com:moby/buildkit.git#v0.10").is_some_and(|r| r.is_ok()));
        let r = git_ref("https://github.com/moby/buildkit.git?keep-git-dir&commit=abc");
        assert_eq!(
            r,
            Some(Ok(GitRef {
                keep_git_dir: Some(true),
                checksum: Some("abc".into())
            }))
        );
        for bad in [
            "https://github.com/moby/buildkit.git?foo=bar",
            "https://github.com/moby/buildkit.git?ref=",
            "https://github.com/moby/buildkit.git?keep-git-dir=maybe",
            "https://github.com/moby/buildkit.git?tag=v1&branch=main",
            "https://github.com/moby/buildkit.git?ref=a&ref=b",
            "https://github.com/moby/buildkit.git?ref=main#v1",
            "https://github.com/moby/buildkit.git?mtime=now",
            "git@github.com:moby/buildkit.git?submodules=2",
        ] {
            assert!(git_ref(bad).is_some_and(|r| r.is_err()), "{bad}");
        }
    }

    #[test]
    fn digests() {
        assert!(parse_digest(&format!("sha256:{}", "a".repeat(64))).is_ok());
        assert!(parse_digest(&format!("sha256:{}", "A".repeat(64))).is_err());
        assert!(parse_digest("sha256:abc").is_err());
        assert!(parse_digest("md5:abc").is_err());
        assert!(parse_digest("abc").is_err());
    }

    #[test]
    fn check_directive() {
        let c = parse_check("skip=JSONArgsRecommended;error=true").unwrap_or_default();
        assert!(c.error && !c.fails_on("JSONArgsRecommended") && c.fails_on("StageNameCasing"));
        assert!(!parse_check("skip=all;error=true")
            .unwrap_or_default()
            .fails_on("X"));
        assert_eq!(parse_check(""), Ok(CheckDirective::default()));
        for bad in ["error=maybe", "foo=bar", "error=true;", "true"] {
            assert!(parse_check(bad).is_err(), "{bad}");
        }
    }
}
