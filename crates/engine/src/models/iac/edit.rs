//! Findings on a Terraform or CloudFormation resource in the file's own words and syntax.
//!
//! The rules see the resource in the API's shape and write their messages and fixes for a JSON
//! task or service definition. Here a finding moves back into its file: the API's member names
//! in its message, help and fix title become the file's (`network_mode`, `NetworkMode`), and a
//! fix that inserts members (`"networkMode": "awsvpc"`) becomes the same insertion in HCL (an
//! argument, a nested block, or an object element inside `jsonencode`), in YAML (a block or flow
//! mapping entry at the indentation of its neighbours) or in the template's JSON. A fix is kept
//! only when every edit is right in the source's syntax and the fixed file reads back with as
//! many resources and no new input error.

use super::{api_member, compact, Spelling};
use crate::input::diagnostic::{Edit, Fix};
use crate::input::Kind;
use crate::models::ecs_schema::{self, Kind as TyKind, Ty};
use crate::syntax::value::{Node, NodeKind};

/// Terraform's names for API members it spells otherwise than snake_case (the AWS provider's
/// arguments and blocks; `terraform.rs` maps them the other way).
const TERRAFORM_NAMES: [(&str, &str); 11] = [
    ("serviceName", "name"),
    ("role", "iam_role"),
    ("placementStrategy", "ordered_placement_strategy"),
    (
        "minimumHealthyPercent",
        "deployment_minimum_healthy_percent",
    ),
    ("maximumPercent", "deployment_maximum_percent"),
    ("loadBalancers", "load_balancer"),
    ("volumes", "volume"),
    ("inferenceAccelerators", "inference_accelerator"),
    ("loadBalancerName", "elb_name"),
    ("configuredAtLaunch", "configure_at_launch"),
    ("sizeInGiB", "size_in_gib"),
];

/// API members Terraform writes in another shape (flattened, a map, a bool for an enum): no
/// name of Terraform's stands for them, and a fix never inserts them as written for the API.
const TERRAFORM_RESHAPED: [&str; 8] = [
    "deploymentConfiguration",
    "networkConfiguration",
    "awsvpcConfiguration",
    "assignPublicIp",
    "tags",
    "host",
    "sourcePath",
    "properties",
];

/// How one resource's file spells the API's member names.
pub struct Names {
    /// API name → the file's, as written in this resource.
    written: Vec<(String, String)>,
    file: Kind,
    /// A JSON template: its keys are quoted.
    quoted_keys: bool,
    /// API members of the shapes the file spells in its own way (for Terraform: outside
    /// `container_definitions`, which is JSON with the API's names).
    own: Vec<String>,
    /// API members of the shapes inside `container_definitions` (Terraform).
    json: Vec<String>,
}

impl Names {
    /// The names of the resource `root` (mapped, with spans in `text`) of a file of `file` kind
    /// (Terraform or CloudFormation), a `resource` (task or service) definition.
    pub fn new(root: &Node, text: &str, file: Kind, resource: Kind) -> Names {
        let mut written: Vec<(String, String)> = Vec::new();
        let mut ambiguous: Vec<String> = Vec::new();
        collect(root, text, file, &mut written, &mut ambiguous, 0);
        written.retain(|(api, _)| !ambiguous.contains(api));
        let (mut own, mut json) = (Vec::new(), Vec::new());
        let root_ty = Ty::Named(super::root_shape(resource).to_string());
        members(&root_ty, file == Kind::Terraform, &mut own, &mut json, 0);
        Names {
            written,
            file,
            quoted_keys: file == Kind::CloudFormation && super::cfn::is_json(text),
            own,
            json,
        }
    }

    /// The file's name for an API member (the API's own when the file spells it the same, or
    /// when it is not known as a member).
    pub fn spell(&self, api: &str) -> Option<String> {
        if let Some((_, source)) = self.written.iter().find(|(a, _)| a == api) {
            return Some(source.clone());
        }
        let own = self.own.iter().any(|m| m == api);
        if !own || is_enum_value(api) {
            return None;
        }
        match self.file {
            Kind::Terraform => {
                if self.json.iter().any(|m| m == api) || TERRAFORM_RESHAPED.contains(&api) {
                    return None;
                }
                Some(terraform_name(api))
            }
            _ => Some(cloudformation_name(api)),
        }
    }

    /// The text with the API's member names in the file's spelling: between backticks (alone,
    /// or as a part of a dotted path), as JSON keys (`"networkMode": "awsvpc"` becomes
    /// `network_mode = "awsvpc"` or `NetworkMode: "awsvpc"`), and camelCase words.
    pub fn rewrite(&self, message: &str) -> String {
        let mut out = String::with_capacity(message.len());
        let mut rest = message;
        while let Some(open) = rest.find('`') {
            let Some(close) = rest[open + 1..].find('`').map(|c| open + 1 + c) else {
                break;
            };
            out.push_str(&self.words(&rest[..=open]));
            let inner = &rest[open + 1..close];
            let is_path = !inner.is_empty()
                && inner
                    .split('.')
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()));
            if is_path {
                let parts: Vec<String> = inner
                    .split('.')
                    .map(|p| self.spell(p).unwrap_or_else(|| p.to_string()))
                    .collect();
                out.push_str(&parts.join("."));
            } else {
                out.push_str(&self.words(inner));
            }
            out.push('`');
            rest = &rest[close + 1..];
        }
        out.push_str(&self.words(rest));
        if self.file == Kind::Terraform {
            // Terraform writes the API's ENABLED/DISABLED as a bool.
            out = out
                .replace(
                    "assign_public_ip = \"DISABLED\"",
                    "assign_public_ip = false",
                )
                .replace("assign_public_ip = \"ENABLED\"", "assign_public_ip = true");
        }
        out
    }

    /// JSON keys and camelCase words of a text (see [`Names::rewrite`]).
    fn words(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        loop {
            let Some(at) = rest.find(|c: char| c == '"' || c.is_ascii_alphabetic()) else {
                out.push_str(rest);
                break;
            };
            // A word that continues one already copied is not a word of its own.
            let joined = at > 0
                && rest[..at]
                    .ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            out.push_str(&rest[..at]);
            rest = &rest[at..];
            if let Some(quoted) = rest.strip_prefix('"') {
                let end = quoted.find('"').unwrap_or(quoted.len());
                let key = &quoted[..end];
                let after = quoted.get(end + 1..).unwrap_or("");
                let colon = after.trim_start().starts_with(':');
                let word = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric());
                if colon && word {
                    let name = self.spell(key).unwrap_or_else(|| key.to_string());
                    let after = after.trim_start().trim_start_matches(':');
                    if self.file == Kind::Terraform {
                        out.push_str(&name);
                        out.push_str(" =");
                    } else if self.quoted_keys {
                        out.push_str(&self::quoted(&name));
                        out.push(':');
                    } else {
                        out.push_str(&name);
                        out.push(':');
                    }
                    rest = after;
                } else {
                    let len = (end + 2).min(rest.len());
                    out.push_str(&rest[..len]);
                    rest = &rest[len..];
                }
                continue;
            }
            let len = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                .unwrap_or(rest.len());
            let word = &rest[..len];
            let camel = word.starts_with(|c: char| c.is_ascii_lowercase())
                && word.contains(|c: char| c.is_ascii_uppercase())
                && word.chars().all(|c| c.is_ascii_alphanumeric());
            match (camel && !joined).then(|| self.spell(word)).flatten() {
                Some(name) => out.push_str(&name),
                None => out.push_str(word),
            }
            rest = &rest[len..];
        }
        out
    }
}

/// Is the word a value of one of the API's enums (`host`, `bridge`: a message naming the value
/// is not naming a member)?
fn is_enum_value(word: &str) -> bool {
    matches!(
        word,
        "host" | "bridge" | "awsvpc" | "none" | "task" | "default" | "shared" | "private"
    )
}

fn collect(
    node: &Node,
    text: &str,
    file: Kind,
    out: &mut Vec<(String, String)>,
    ambiguous: &mut Vec<String>,
    depth: usize,
) {
    if depth > 64 {
        return;
    }
    match &node.kind {
        NodeKind::Array(items) => {
            for i in items {
                collect(i, text, file, out, ambiguous, depth + 1);
            }
        }
        NodeKind::Object(object) => {
            for m in &object.members {
                let written = m.key_span.text(text).trim().trim_matches(['"', '\'']);
                if written != m.key && is_spelling_of(written, &m.key, file) {
                    match out.iter().find(|(api, _)| *api == m.key) {
                        Some((_, other)) if other != written => ambiguous.push(m.key.clone()),
                        Some(_) => {}
                        None => out.push((m.key.clone(), written.to_string())),
                    }
                }
                collect(&m.value, text, file, out, ambiguous, depth + 1);
            }
        }
        _ => {}
    }
}

/// Is `written` the file's spelling of the API member `api` (and not a key the mapping made
/// up for a reshaped value, such as `host_path` for `host.sourcePath`)?
fn is_spelling_of(written: &str, api: &str, file: Kind) -> bool {
    if written.is_empty()
        || !written
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        return false;
    }
    match file {
        Kind::Terraform => {
            let (w, a) = (compact(written), compact(api));
            w == a
                || format!("{w}s") == a
                || format!("{w}es") == a
                || TERRAFORM_NAMES
                    .iter()
                    .any(|(x, t)| *x == api && *t == written)
        }
        _ => {
            compact(written) == compact(api)
                || super::cfn::renamed(written).is_some_and(|r| r == api)
        }
    }
}

/// The member names of the shapes reachable from `ty`: `own` where the file spells names its
/// way, `json` inside Terraform's `container_definitions`.
fn members(ty: &Ty, terraform: bool, own: &mut Vec<String>, json: &mut Vec<String>, depth: usize) {
    if depth > 12 {
        return;
    }
    let schema = ecs_schema::schema();
    match schema.kind(ty) {
        TyKind::List(inner) => members(inner, terraform, own, json, depth + 1),
        TyKind::Structure(_, structure) => {
            for (name, member_ty) in &structure.members {
                let list = if terraform && name == "containerDefinitions" {
                    own.push(name.clone());
                    let mut inner = Vec::new();
                    members(member_ty, false, &mut inner, &mut Vec::new(), depth + 1);
                    for n in inner {
                        if !json.contains(&n) {
                            json.push(n);
                        }
                    }
                    continue;
                } else {
                    &mut *own
                };
                if list.contains(name) {
                    continue;
                }
                list.push(name.clone());
                members(member_ty, terraform, own, json, depth + 1);
            }
        }
        _ => {}
    }
}

/// `enableECSManagedTags` → `enable_ecs_managed_tags`.
fn terraform_name(api: &str) -> String {
    if let Some((_, t)) = TERRAFORM_NAMES.iter().find(|(a, _)| *a == api) {
        return (*t).to_string();
    }
    let chars: Vec<char> = api.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(char::is_ascii_lowercase);
            if prev.is_ascii_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_ascii_uppercase() && next_lower)
            {
                out.push('_');
            }
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// `networkMode` → `NetworkMode` (`fileSystemId` → `FilesystemId`, as CloudFormation names it).
fn cloudformation_name(api: &str) -> String {
    if let Some(cfn) = super::cfn::renamed_from(api) {
        return cfn.to_string();
    }
    let mut chars = api.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// A fix of the rules in the file's own syntax, or `None` when some edit cannot be written
/// there. `root` is the resource as mapped, `text` the file.
pub fn translate(root: &Node, text: &str, file: Kind, resource: Kind, fix: &Fix) -> Option<Fix> {
    let mut edits = Vec::with_capacity(fix.edits.len());
    for edit in &fix.edits {
        if super::keeps_edit(root, text, edit) {
            edits.push(edit.clone());
            continue;
        }
        edits.push(insertion(root, text, file, resource, edit)?);
    }
    Some(Fix {
        title: fix.title.clone(),
        edits,
    })
}

/// Where an object sits in the resource: its API shape and whether it is JSON inside
/// Terraform's `container_definitions`.
struct Target<'n> {
    object: &'n Node,
    ty: Ty,
    json: bool,
}

/// The object an insertion edit adds members to: the one whose first member starts where the
/// edit inserts (or the empty object it replaces).
fn target<'n>(
    node: &'n Node,
    ty: &Ty,
    json: bool,
    edit: &Edit,
    depth: usize,
) -> Option<Target<'n>> {
    if depth > 64 {
        return None;
    }
    let schema = ecs_schema::schema();
    match (&node.kind, schema.kind(ty)) {
        (NodeKind::Array(items), TyKind::List(inner)) => items
            .iter()
            .find_map(|i| target(i, inner, json, edit, depth + 1)),
        (NodeKind::Object(object), TyKind::Structure(_, structure)) => {
            let here = match object.members.first() {
                Some(first) => edit.span.is_empty() && first.key_span.start == edit.span.start,
                None => edit.span == node.span,
            };
            let deeper = object.members.iter().find_map(|m| {
                let (_, member_ty) = structure.member(&m.key)?;
                let json = json || m.key == "containerDefinitions";
                target(&m.value, member_ty, json, edit, depth + 1)
            });
            deeper.or_else(|| {
                here.then(|| Target {
                    object: node,
                    ty: ty.clone(),
                    json,
                })
            })
        }
        _ => None,
    }
}

/// The members a JSON insertion holds (`"a": 1,\n  "b": true,\n  `, or `{ "a": 1 }` for an empty
/// object), as a tree of the content.
fn inserted(content: &str) -> Option<(Node, String)> {
    let trimmed = content.trim().trim_end_matches(',').trim();
    let wrapped = if trimmed.starts_with('{') {
        trimmed.to_string()
    } else {
        format!("{{{trimmed}}}")
    };
    let parsed = crate::syntax::json::parse(&wrapped);
    if parsed
        .diagnostics
        .iter()
        .any(|d| d.severity == crate::input::diagnostic::Severity::Error)
    {
        return None;
    }
    Some((parsed.root?, wrapped))
}

fn insertion(root: &Node, text: &str, file: Kind, resource: Kind, edit: &Edit) -> Option<Edit> {
    let (members, wrapped) = inserted(&edit.content)?;
    let root_ty = Ty::Named(super::root_shape(resource).to_string());
    let target = target(root, &root_ty, false, edit, 0)?;
    let object = target.object.as_object()?;
    let written = target.object.span.text(text);
    let braces = written.trim_start().starts_with('{');
    let empty = object.members.is_empty();
    let (line_start, column) = column_of(text, edit.span.start as usize);
    let own_line = text
        .get(line_start..edit.span.start as usize)
        .is_some_and(|b| b.chars().all(char::is_whitespace));
    let indent = " ".repeat(column);
    let new: &[crate::syntax::value::Member] = &members.as_object()?.members;
    if new.is_empty() {
        return None;
    }
    let json_text = |n: &Node, names: &dyn Fn(&str) -> String| value_text(n, &wrapped, names, 0);
    let content = match file {
        Kind::CloudFormation => {
            let names = |k: &str| cloudformation_name(k);
            let json = super::cfn::is_json(text);
            if braces || json {
                let items: Vec<String> = new
                    .iter()
                    .map(|m| {
                        Some(format!(
                            "{}: {}",
                            quoted(&names(&m.key)),
                            json_text(&m.value, &names)?
                        ))
                    })
                    .collect::<Option<_>>()?;
                if empty {
                    format!("{{ {} }}", items.join(", "))
                } else {
                    let sep = if own_line {
                        format!("\n{indent}")
                    } else {
                        " ".to_string()
                    };
                    items.iter().map(|i| format!("{i},{sep}")).collect()
                }
            } else {
                // A YAML block mapping: one `Key: value` line each (the value in flow style,
                // which JSON is), at the column of the first key.
                let items: Vec<String> = new
                    .iter()
                    .map(|m| {
                        Some(format!(
                            "{}: {}",
                            names(&m.key),
                            json_text(&m.value, &names)?
                        ))
                    })
                    .collect::<Option<_>>()?;
                if empty {
                    return None;
                }
                items.iter().map(|i| format!("{i}\n{indent}")).collect()
            }
        }
        Kind::Terraform if braces => {
            // An HCL object expression: inside `jsonencode` (the API's names), `key = value`.
            if !target.json {
                return None;
            }
            let same = |k: &str| k.to_string();
            let items: Vec<String> = new
                .iter()
                .map(|m| {
                    Some(format!(
                        "{} = {}",
                        hcl_key(&m.key),
                        json_text(&m.value, &same)?
                    ))
                })
                .collect::<Option<_>>()?;
            if empty {
                format!("{{ {} }}", items.join(", "))
            } else if own_line {
                items.iter().map(|i| format!("{i}\n{indent}")).collect()
            } else {
                items.iter().map(|i| format!("{i}, ")).collect()
            }
        }
        Kind::Terraform => {
            // A block body: arguments and nested blocks, each on its own line.
            if target.json || empty || !own_line {
                return None;
            }
            let mut out = String::new();
            for m in new {
                out.push_str(&block_item(
                    &target.ty, &m.key, &m.value, &wrapped, &indent, 0,
                )?);
                out.push('\n');
                out.push_str(&indent);
            }
            out
        }
        _ => return None,
    };
    Some(Edit {
        span: edit.span,
        content,
    })
}

/// An argument (`key = value`) or a nested block (`key {\n ... }`) of a Terraform block whose
/// API shape is `ty`, for the API member `key`; `None` when Terraform writes it otherwise.
fn block_item(
    ty: &Ty,
    key: &str,
    value: &Node,
    wrapped: &str,
    indent: &str,
    depth: usize,
) -> Option<String> {
    if depth > 8 || TERRAFORM_RESHAPED.contains(&key) {
        return None;
    }
    let schema = ecs_schema::schema();
    let TyKind::Structure(_, structure) = schema.kind(ty) else {
        return None;
    };
    let name = terraform_name(key);
    let (api, member_ty) = api_member(structure, &name, Spelling::Terraform)?;
    if api != key || key == "containerDefinitions" {
        return None;
    }
    match &value.kind {
        NodeKind::Object(object) => {
            let inner = format!("{indent}  ");
            let mut out = format!("{name} {{");
            for m in &object.members {
                out.push('\n');
                out.push_str(&inner);
                out.push_str(&block_item(
                    member_ty,
                    &m.key,
                    &m.value,
                    wrapped,
                    &inner,
                    depth + 1,
                )?);
            }
            out.push('\n');
            out.push_str(indent);
            out.push('}');
            Some(out)
        }
        NodeKind::Array(items) if items.iter().any(|i| !is_scalar(i)) => None,
        _ => {
            let same = |k: &str| k.to_string();
            Some(format!(
                "{name} = {}",
                value_text(value, wrapped, &same, 0)?
            ))
        }
    }
}

fn is_scalar(n: &Node) -> bool {
    matches!(
        n.kind,
        NodeKind::String(_) | NodeKind::Number(..) | NodeKind::Bool(_) | NodeKind::Null
    )
}

/// A value of the inserted JSON, as JSON text with its object keys renamed (JSON is valid HCL
/// and valid YAML flow style).
fn value_text(
    n: &Node,
    wrapped: &str,
    names: &dyn Fn(&str) -> String,
    depth: usize,
) -> Option<String> {
    if depth > 16 {
        return None;
    }
    Some(match &n.kind {
        NodeKind::Array(items) => format!(
            "[{}]",
            items
                .iter()
                .map(|i| value_text(i, wrapped, names, depth + 1))
                .collect::<Option<Vec<_>>>()?
                .join(", ")
        ),
        NodeKind::Object(o) => format!(
            "{{ {} }}",
            o.members
                .iter()
                .map(|m| Some(format!(
                    "{}: {}",
                    quoted(&names(&m.key)),
                    value_text(&m.value, wrapped, names, depth + 1)?
                )))
                .collect::<Option<Vec<_>>>()?
                .join(", ")
        ),
        NodeKind::String(_) | NodeKind::Number(..) | NodeKind::Bool(_) | NodeKind::Null => {
            n.span.text(wrapped).trim().to_string()
        }
        _ => return None,
    })
}

fn quoted(key: &str) -> String {
    serde_json::Value::String(key.to_string()).to_string()
}

/// An HCL object key: bare when it is an identifier, else quoted.
fn hcl_key(key: &str) -> String {
    let ident = key
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if ident {
        key.to_string()
    } else {
        quoted(key)
    }
}

/// The start of the line holding `at`, and the column of `at` in characters.
fn column_of(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let head = text.get(..at).unwrap_or("");
    let start = head.rfind('\n').map_or(0, |i| i + 1);
    (start, head[start..].chars().count())
}

/// Spans of the source the fix touches, each applied to the text: the text after the fix.
pub fn apply(text: &str, fix: &Fix) -> Option<String> {
    let mut edits: Vec<&Edit> = fix.edits.iter().collect();
    crate::input::order::sort_by_key(&mut edits, |e| std::cmp::Reverse(e.span.start));
    let mut out = text.to_string();
    let mut last = usize::MAX;
    for e in edits {
        let (s, t) = (e.span.start as usize, e.span.end as usize);
        if t > last || out.get(s..t).is_none() {
            return None;
        }
        out.replace_range(s..t, &e.content);
        last = s;
    }
    Some(out)
}

/// Does the fixed text still read as the same number of resources, without a syntax error?
pub fn reads_back(file: Kind, path: &str, before: usize, fixed: &str) -> bool {
    let read = super::read(file, path, fixed);
    read.resources.len() == before
        && !read
            .diagnostics
            .iter()
            .any(|d| d.severity == crate::input::diagnostic::Severity::Error || d.code == "IN013")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_use_the_files_names() {
        let tf = "resource \"aws_ecs_task_definition\" \"t\" {\n  network_mode = \"bridge\"\n  volume {\n    name = \"v\"\n    host_path = \"/x\"\n  }\n  container_definitions = jsonencode([{ name = \"a\", readonlyRootFilesystem = false }])\n}\n";
        let read = super::super::read(Kind::Terraform, "main.tf", tf);
        let names = Names::new(&read.resources[0].root, tf, Kind::Terraform, Kind::TaskDef);
        assert_eq!(
            names
                .rewrite("set `networkMode` (\"networkMode\": \"awsvpc\") or add executionRoleArn"),
            "set `network_mode` (network_mode = \"awsvpc\") or add execution_role_arn"
        );
        // Container definitions are JSON with the API's names; values and reshaped members stay.
        assert_eq!(
            names.rewrite(
                "`readonlyRootFilesystem` of `host` in `volumes`; `deploymentConfiguration`"
            ),
            "`readonlyRootFilesystem` of `host` in `volume`; `deploymentConfiguration`"
        );
        let cfn = "Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      DesiredCount: 1\n";
        let read = super::super::read(Kind::CloudFormation, "t.yml", cfn);
        let names = Names::new(
            &read.resources[0].root,
            cfn,
            Kind::CloudFormation,
            Kind::ServiceDef,
        );
        assert_eq!(
            names.rewrite("no `deploymentConfiguration.deploymentCircuitBreaker`: add `\"deploymentCircuitBreaker\": {\"enable\": true}`; desiredCount"),
            "no `DeploymentConfiguration.DeploymentCircuitBreaker`: add `DeploymentCircuitBreaker: {Enable: true}`; DesiredCount"
        );
        assert_eq!(
            names.rewrite("image `nginx:latest` in \"bridge\" mode"),
            "image `nginx:latest` in \"bridge\" mode"
        );
    }

    #[test]
    fn names_in_each_spelling() {
        assert_eq!(
            terraform_name("enableECSManagedTags"),
            "enable_ecs_managed_tags"
        );
        assert_eq!(terraform_name("networkMode"), "network_mode");
        assert_eq!(terraform_name("sizeInGiB"), "size_in_gib");
        assert_eq!(cloudformation_name("networkMode"), "NetworkMode");
        assert_eq!(cloudformation_name("fileSystemId"), "FilesystemId");
    }
}
