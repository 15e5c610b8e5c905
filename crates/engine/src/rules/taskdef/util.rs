//! Small helpers shared by the task definition rules.

use crate::input::span::Span;
use crate::models::taskdef::TaskDefCtx;
use crate::sizing::units::{parse_cpu_units, parse_memory_mib};
use crate::syntax::value::{Node, NodeKind};

/// Limits of task definition values, read from `data/taskdef-limits.json` (source and date
/// inside).
pub struct Limits {
    pub source: Vec<String>,
    pub retrieved: String,
    /// `(key, min, max, default, unit)` of each health check setting.
    pub health_check: Vec<(String, i64, i64, String, String)>,
    pub fargate_max_stop_timeout: i64,
}

const LIMITS: &str = include_str!("../../../data/taskdef-limits.json");

/// The limits. The data file is part of the build and checked by a test; an unreadable file
/// gives no limits (no findings), never a panic.
pub fn limits() -> &'static Limits {
    static CELL: std::sync::OnceLock<Limits> = std::sync::OnceLock::new();
    CELL.get_or_init(|| {
        let raw = crate::syntax::json::to_value(LIMITS).unwrap_or_default();
        let text = |v: &serde_json::Value, k: &str| {
            v.get(k)
                .and_then(|x| x.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let health_check = raw
            .get("health_check")
            .and_then(|h| h.as_array())
            .map(|items| {
                items
                    .iter()
                    .filter_map(|i| {
                        Some((
                            text(i, "key"),
                            i.get("min")?.as_i64()?,
                            i.get("max")?.as_i64()?,
                            text(i, "default"),
                            text(i, "unit"),
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default();
        Limits {
            source: raw
                .get("source")
                .and_then(|s| s.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default(),
            retrieved: text(&raw, "retrieved"),
            health_check,
            fargate_max_stop_timeout: raw
                .get("fargate_max_stop_timeout")
                .and_then(serde_json::Value::as_i64)
                .unwrap_or(i64::MAX),
        }
    })
}

/// An integer value that is known: a number or a numeric string, never a placeholder.
pub fn int(node: Option<&Node>) -> Option<i64> {
    let node = node?;
    if node.is_placeholder() {
        return None;
    }
    node.as_i64_lenient()
}

/// The text of a task-level size value (`"512"`, `512`, `"1 vCPU"`), unless a placeholder.
fn size_text(node: &Node) -> Option<String> {
    if node.is_placeholder() {
        return None;
    }
    node.as_str()
        .map(str::to_string)
        .or_else(|| node.as_i64_lenient().map(|i| i.to_string()))
}

/// The task's memory in MiB and its node.
pub fn task_memory<'a>(ctx: &TaskDefCtx<'a>) -> Option<(u32, &'a Node)> {
    let node = ctx.task.get_set("memory")?;
    Some((parse_memory_mib(&size_text(node)?)?, node))
}

/// The task's CPU in units and its node.
pub fn task_cpu<'a>(ctx: &TaskDefCtx<'a>) -> Option<(u32, &'a Node)> {
    let node = ctx.task.get_set("cpu")?;
    Some((parse_cpu_units(&size_text(node)?)?, node))
}

/// A string value that is known (not a placeholder).
pub fn known_str(node: Option<&Node>) -> Option<&str> {
    node.and_then(Node::as_str)
        .filter(|s| !crate::syntax::value::is_placeholder_text(s))
}

/// The span of a member (`"key": value`) of a container, or the container's name.
pub fn member_or_name(container: &Node, key: &str) -> Span {
    container
        .member(key)
        .map_or_else(|| TaskDefCtx::container_span(container), |m| m.key_span)
}

/// The container's log driver, when known.
pub fn log_driver(container: &Node) -> Option<&str> {
    known_str(
        container
            .get_set("logConfiguration")
            .and_then(|l| l.get_set("logDriver")),
    )
}

/// A bare upper-case token filled in by a script (`DOCKER_URI`, `IMAGE_NAME`): image names are
/// lower case, so this is a placeholder, not an image.
pub fn is_bare_token(s: &str) -> bool {
    s.len() > 1
        && s.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// The container list may hold containers we cannot see (a template placeholder stands among
/// them, or the task object itself holds placeholder members).
pub fn containers_opaque(ctx: &TaskDefCtx<'_>) -> bool {
    let list = match ctx.shape {
        crate::models::taskdef::Shape::ContainerArray => Some(ctx.task),
        _ => ctx.task.get_set("containerDefinitions"),
    };
    ctx.task.is_opaque()
        || list.is_some_and(|l| {
            l.is_placeholder()
                || l.as_array()
                    .is_some_and(|a| a.iter().any(|n| matches!(n.kind, NodeKind::Placeholder(_))))
        })
}

/// Is the value a literal `true`?
pub fn is_true(node: Option<&Node>) -> bool {
    matches!(node.map(|n| &n.kind), Some(NodeKind::Bool(true)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_data_file_is_complete() {
        let l = limits();
        assert!(l
            .source
            .iter()
            .all(|u| u.starts_with("https://docs.aws.amazon.com/")));
        assert!(!l.retrieved.is_empty());
        assert_eq!(l.health_check.len(), 4);
        assert_eq!(l.fargate_max_stop_timeout, 120);
    }
}

/// What an image reference says about its tag when part of it may be a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageTag<'a> {
    /// The tag is written literally (`None`: no tag, which means `latest`).
    Tag(Option<&'a str>),
    /// Pinned by a literal digest.
    Digest,
    /// A placeholder decides the tag (`repo:{{ must_env `TAG` }}`, `{{ must_env `IMAGE` }}`).
    Unknown,
}

/// Where the literal text after the last placeholder of `s` starts (0 when there is none).
fn after_placeholders(s: &str) -> usize {
    let mut end = 0;
    if let Some(i) = s.rfind("}}") {
        end = end.max(i + 2);
    }
    if let Some(i) = s.rfind("${") {
        if let Some(close) = s.get(i..).and_then(|r| r.find('}')) {
            end = end.max(i + close + 1);
        }
    }
    let bytes = s.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'$' if bytes
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_uppercase() || *n == b'_') =>
            {
                let len = bytes
                    .iter()
                    .skip(i + 1)
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
                    .count();
                end = end.max(i + 1 + len);
            }
            b'<' => {
                if let Some(close) = s.get(i..).and_then(|r| r.find('>')) {
                    if crate::syntax::value::is_placeholder_text(s.get(i..=i + close).unwrap_or(""))
                    {
                        end = end.max(i + close + 1);
                    }
                }
            }
            _ => {}
        }
    }
    end
}

/// The tag of an image reference, deciding it from the literal text after the last
/// placeholder: `${repo_url}:latest` is `latest`, `{{ must_env `REGISTRY` }}/app` has no tag,
/// `app:{{ must_env `TAG` }}` is unknown.
pub fn image_tag(image: &str) -> ImageTag<'_> {
    if !crate::syntax::value::is_placeholder_text(image) {
        let parsed = crate::models::image::parse_image(image);
        if parsed.digest.is_some() {
            return ImageTag::Digest;
        }
        return ImageTag::Tag(parsed.tag);
    }
    let literal = image.get(after_placeholders(image)..).unwrap_or("");
    if let Some((_, digest)) = literal.split_once('@') {
        return if digest.is_empty() {
            ImageTag::Unknown
        } else {
            ImageTag::Digest
        };
    }
    if let Some(slash) = literal.rfind('/') {
        let last = literal.get(slash + 1..).unwrap_or("");
        if last.is_empty() {
            return ImageTag::Unknown;
        }
        return ImageTag::Tag(last.split_once(':').map(|(_, tag)| tag));
    }
    match literal.strip_prefix(':') {
        Some(tag) if !tag.is_empty() && !tag.contains(':') => ImageTag::Tag(Some(tag)),
        _ => ImageTag::Unknown,
    }
}

#[cfg(test)]
mod image_tag_tests {
    use super::{image_tag, ImageTag};

    #[test]
    fn tags_after_placeholders() {
        assert_eq!(image_tag("app:1.2"), ImageTag::Tag(Some("1.2")));
        assert_eq!(image_tag("app"), ImageTag::Tag(None));
        assert_eq!(image_tag("{{ must_env `IMAGE` }}"), ImageTag::Unknown);
        assert_eq!(image_tag("app:{{ must_env `TAG` }}"), ImageTag::Unknown);
        assert_eq!(
            image_tag("${repository_url}:latest"),
            ImageTag::Tag(Some("latest"))
        );
        assert_eq!(image_tag("$REPO:latest"), ImageTag::Tag(Some("latest")));
        assert_eq!(image_tag("$REPO:$TAG"), ImageTag::Unknown);
        assert_eq!(
            image_tag("<ACCOUNT_ID>.dkr.ecr.us-east-1.amazonaws.com/app"),
            ImageTag::Tag(None)
        );
        assert_eq!(
            image_tag("123.dkr.ecr.{{ must_env `AWS_REGION` }}.amazonaws.com/app:latest"),
            ImageTag::Tag(Some("latest"))
        );
        assert_eq!(image_tag("${repo}:${tag}-arm64"), ImageTag::Unknown);
        assert_eq!(
            image_tag("{{ must_env `REPO` }}@sha256:abc"),
            ImageTag::Digest
        );
        assert_eq!(image_tag("{{ must_env `REPO` }}-web"), ImageTag::Unknown);
        assert_eq!(super::env_call("{{ must_env `TAG` }}"), Some(("TAG", None)));
        assert_eq!(
            super::env_call("{{ env `V` `latest` }}"),
            Some(("V", Some("latest")))
        );
        assert_eq!(super::env_call("{{ tfstate `a.b` }}"), None);
    }
}

/// An ecspresso environment call (`{{ must_env `TAG` }}`, `{{ env `TAG` `1.0` }}`): the
/// variable's name and the default `env` falls back to, if any.
pub fn env_call<'a>(action: &'a str) -> Option<(&'a str, Option<&'a str>)> {
    let inner = action.trim().strip_prefix("{{")?.strip_suffix("}}")?;
    let inner = inner.trim_start_matches('-').trim_end_matches('-').trim();
    let mut words = inner.split_whitespace();
    let function = words.next()?;
    let unquote = |w: &'a str| -> Option<&'a str> {
        w.strip_prefix('`')
            .and_then(|w| w.strip_suffix('`'))
            .or_else(|| w.strip_prefix('"').and_then(|w| w.strip_suffix('"')))
    };
    let name = unquote(words.next()?)?;
    let default = match function {
        "must_env" => None,
        "env" => match words.next() {
            Some(w) => Some(unquote(w)?),
            None => None,
        },
        _ => return None,
    };
    words.next().is_none().then_some((name, default))
}

/// The placeholder that decides the tag: the last template action (`{{ ... }}`, `${...}`) of
/// the image, or the whole value.
pub fn deciding(image: &str) -> &str {
    for (open, close) in [("{{", "}}"), ("${", "}")] {
        if let Some(start) = image.rfind(open) {
            if let Some(len) = image.get(start..).and_then(|r| r.find(close)) {
                if let Some(action) = image.get(start..start + len + close.len()) {
                    return action;
                }
            }
        }
    }
    image
}

#[cfg(test)]
mod deciding_tests {
    use super::deciding;

    #[test]
    fn deciding_placeholders() {
        assert_eq!(
            deciding("123.dkr.ecr.eu-west-1.amazonaws.com/web:{{ must_env `TAG` }}"),
            "{{ must_env `TAG` }}"
        );
        assert_eq!(deciding("${repo}:${tag}"), "${tag}");
        assert_eq!(deciding("$IMAGE"), "$IMAGE");
    }
}

/// The ECR region of an image, read from its registry even when the rest is a template
/// (`123456789012.dkr.ecr.us-east-1.amazonaws.com/app:{{ must_env `TAG` }}` is `us-east-1`).
pub fn ecr_region_of(image: &str) -> Option<&str> {
    let (registry, _) = image.split_once('/')?;
    if crate::syntax::value::is_placeholder_text(registry) {
        return None;
    }
    crate::models::image::ecr_region(registry)
}

/// Every `null` in a definition, as (its JSON pointer, the span of `"key": null` or of the
/// array element), in document order. Used by TD037 and SV018.
pub fn nulls(root: &Node) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    let mut stack: Vec<(&Node, String)> = vec![(root, String::new())];
    while let Some((node, path)) = stack.pop() {
        match &node.kind {
            NodeKind::Object(o) => {
                for m in o.members.iter().rev() {
                    let p = format!("{path}/{}", m.key);
                    if m.value.is_null() {
                        out.push((p, m.span()));
                    } else {
                        stack.push((&m.value, p));
                    }
                }
            }
            NodeKind::Array(a) => {
                for (i, n) in a.iter().enumerate().rev() {
                    let p = format!("{path}/{i}");
                    if n.is_null() {
                        out.push((p, n.span));
                    } else {
                        stack.push((n, p));
                    }
                }
            }
            _ => {}
        }
    }
    crate::input::order::sort_by_key(&mut out, |(_, span)| span.start);
    out
}

/// Reports the `null`s of a definition once: at the first, naming a few, with the others as
/// related spans (console exports hold dozens). Used by TD037 and SV018.
pub fn report_nulls(root: &Node, sink: &mut crate::rules::check::Sink<'_>, help: &str) {
    let nulls = nulls(root);
    let Some((first, span)) = nulls.first() else {
        return;
    };
    let names: Vec<&str> = nulls
        .iter()
        .take(3)
        .map(|(p, _)| p.trim_start_matches('/'))
        .collect();
    let message = match nulls.len() {
        1 => format!(
            "`{}` is null; the AWS CLI and boto3 refuse null parameters",
            first.trim_start_matches('/')
        ),
        n if n <= 3 => format!(
            "{n} members are null (`{}`); the AWS CLI and boto3 refuse null parameters",
            names.join("`, `")
        ),
        n => format!(
            "{n} members are null (`{}` and {} more); the AWS CLI and boto3 refuse null parameters",
            names.join("`, `"),
            n - 3
        ),
    };
    let d = sink.report(*span, message);
    d.set_help(help.to_string());
    for (pointer, span) in nulls.iter().skip(1) {
        d.add_related(
            *span,
            format!("`{}` is null too", pointer.trim_start_matches('/')),
        );
    }
}

/// Reports each tag whose key an earlier tag of the same list already has (tag keys are
/// case-sensitive). Used by TD042 and SV033.
pub fn report_duplicate_tags(tags: &[Node], sink: &mut crate::rules::check::Sink<'_>) {
    let mut seen: Vec<(&str, Span)> = Vec::new();
    for tag in tags {
        let Some(node) = tag.get_set("key") else {
            continue;
        };
        let Some(key) = known_str(Some(node)) else {
            continue;
        };
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
            sink.report(
                node.span,
                format!("the tag key `{key}` is given twice; each tag key may have only one value"),
            )
            .set_help("keep one of the two tags")
            .add_related(*first, "first given here");
        } else {
            seen.push((key, node.span));
        }
    }
}

/// A list of sizes as a keyed phrase, worded as `crate::sizing::fargate::describe_list` words it:
/// `steps` is "{first} to {last} in steps of {step}", `or` is "{values} or {last}", `none` is
/// "none" (each rule passes its own templates, so the keys stay under its code).
pub fn size_list(
    values: &[u32],
    steps: &'static crate::input::msg::Template,
    or: &'static crate::input::msg::Template,
    none: &'static crate::input::msg::Template,
) -> crate::input::msg::Arg {
    use crate::input::msg::Arg;
    let ints = |v: &[u32]| Arg::List(v.iter().map(|n| Arg::from(*n)).collect());
    match values {
        [] => Arg::from(crate::msg!(*none)),
        [one] => Arg::from(*one),
        [first, second, .., last] if values.len() > 3 => {
            let step = second.wrapping_sub(*first);
            if values.windows(2).all(|w| w[1].wrapping_sub(w[0]) == step) {
                Arg::from(crate::msg!(
                    *steps,
                    first = *first,
                    last = *last,
                    step = step
                ))
            } else {
                ints(values)
            }
        }
        [rest @ .., last] => Arg::from(crate::msg!(*or, values = ints(rest), last = *last)),
    }
}

/// The key nodes of the tags of `owner` whose key starts with `aws:` (any case).
pub fn reserved_tag_keys(owner: &Node) -> Vec<&Node> {
    owner
        .get_array("tags")
        .iter()
        .filter_map(|tag| tag.get_set("key"))
        .filter(|key_node| {
            key_node
                .as_str()
                .is_some_and(|key| key.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("aws:")))
        })
        .collect()
}
