//! Terraform: every `aws_ecs_task_definition` and `aws_ecs_service` resource of a `.tf` file,
//! mapped onto the API's members.
//!
//! HCL is read by `hcl-edit` (a maintained crate of the hcl-rs project that keeps the byte span
//! of every body item and expression; we did not write our own: HCL's expressions, templates and
//! heredocs are a language of their own). The resource's arguments are Terraform's snake_case
//! names of the API members (the AWS provider's documentation of the two resources), found by
//! the same letters as the API's (`super::to_api`), with the provider's own shapes turned into
//! the API's here: repeated blocks (`volume`) into lists, `host_path` into `host.sourcePath`,
//! `network_configuration` into `networkConfiguration.awsvpcConfiguration` with
//! `assign_public_ip` as `ENABLED`/`DISABLED`, the `deployment_*` arguments into
//! `deploymentConfiguration`, maps of tags and proxy properties into the API's lists.
//!
//! `container_definitions` is read where the file writes it: `jsonencode([...])` (HCL objects
//! with the API's camelCase keys), a heredoc or a string of JSON. From another file (`file()`,
//! `templatefile()`, `data "template_file"`) or a variable, it is a placeholder: that file is
//! checked on its own when it is JSON. Everything the file computes (`var.`, `module.`,
//! resource attributes, interpolations, conditionals, functions) is a placeholder; a `local.`
//! whose value is a literal in the same file is read from where it is written.

use hcl_edit::expr::{Expression, ObjectKey};
use hcl_edit::structure::{Block, Body, Structure};
use hcl_edit::Span as _;

use super::{placeholder, to_api, Read, Resource, Spelling};
use crate::input::span::Span;
use crate::input::Kind;
use crate::models::ecs_schema::Ty;
use crate::syntax::value::{Member, Node, NodeKind, Object};

/// Deeper than this, the file is not read (hcl-edit's parser recurses).
const MAX_NESTING: usize = 100;

/// Arguments of the two resources that are Terraform's own: they never reach the API.
const TERRAFORM_ONLY: [&str; 20] = [
    "count",
    "for_each",
    "provider",
    "depends_on",
    "lifecycle",
    "timeouts",
    "wait_for_steady_state",
    "force_new_deployment",
    "force_delete",
    "triggers",
    "skip_destroy",
    "track_latest",
    "tags_all",
    "arn",
    "arn_without_revision",
    "id",
    "revision",
    "dynamic",
    "sigint_rollback",
    "region",
];

pub fn read(text: &str) -> Read {
    let mut read = Read::default();
    if nesting(text) > MAX_NESTING {
        read.diagnostics.push(super::unreadable(
            Span::new(0, 0),
            crate::msg!(super::in013::TOO_DEEP),
        ));
        return read;
    }
    let body = match hcl_edit::parser::parse_body(text) {
        Ok(body) => body,
        Err(err) => {
            let at = err.location().offset().min(text.len());
            let end = text[at..].find('\n').map_or(text.len(), |i| at + i).max(at);
            read.diagnostics.push(super::unreadable(
                Span::new(at, end),
                crate::msg!(super::in013::HCL_ERROR, message = err.message()),
            ));
            return read;
        }
    };
    let reader = Reader {
        text,
        locals: locals(&body),
    };
    for structure in body.iter() {
        let Structure::Block(block) = structure else {
            continue;
        };
        if block.ident.as_str() != "resource" {
            continue;
        }
        let (Some(ty), Some(name)) = (block.labels.first(), block.labels.get(1)) else {
            continue;
        };
        let kind = match ty.as_str() {
            "aws_ecs_task_definition" => Kind::TaskDef,
            "aws_ecs_service" => Kind::ServiceDef,
            _ => continue,
        };
        let mut root = reader.body(&block.body, span_of(block.span(), text), 0);
        let task_ref = match kind {
            Kind::ServiceDef => block
                .body
                .get_attribute("task_definition")
                .and_then(|a| task_reference(span_of(a.value.span(), text).text(text))),
            _ => None,
        };
        let files = match kind {
            Kind::TaskDef => reader.task(&block.body, &mut root),
            _ => {
                service(&mut root);
                Vec::new()
            }
        };
        let shape = Ty::Named(super::root_shape(kind).to_string());
        let drop = |key: &str| TERRAFORM_ONLY.contains(&key);
        read.resources.push(Resource {
            kind,
            address: format!("{}.{}", ty.as_str(), name.as_str()),
            root: to_api(root, &shape, &drop, Spelling::Terraform),
            task_ref,
            files,
        });
    }
    read
}

/// The deepest bracket nesting of the text (strings and comments counted too: an upper bound).
fn nesting(text: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    for b in text.bytes() {
        match b {
            b'{' | b'[' | b'(' => {
                depth += 1;
                max = max.max(depth);
            }
            b'}' | b']' | b')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

fn span_of(range: Option<std::ops::Range<usize>>, text: &str) -> Span {
    match range {
        Some(r) => Span::new(r.start.min(text.len()), r.end.min(text.len())),
        None => Span::EMPTY,
    }
}

/// `aws_ecs_task_definition.NAME` in a reference (`aws_ecs_task_definition.app.arn`,
/// `"${aws_ecs_task_definition.app.family}:${...}"`).
fn task_reference(written: &str) -> Option<String> {
    const TYPE: &str = "aws_ecs_task_definition.";
    let at = written.find(TYPE)?;
    let rest = &written[at + TYPE.len()..];
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'))
        .collect();
    (!name.is_empty()).then(|| format!("{TYPE}{name}"))
}

/// `locals { name = literal }` of the file: literals only (no reference inside).
fn locals(body: &Body) -> Vec<(String, Expression)> {
    let mut out = Vec::new();
    for structure in body.iter() {
        if let Structure::Block(block) = structure {
            if block.ident.as_str() == "locals" {
                for item in block.body.iter() {
                    if let Structure::Attribute(attribute) = item {
                        if literal(&attribute.value, 0) {
                            out.push((attribute.key.as_str().to_string(), attribute.value.clone()));
                        }
                    }
                }
            }
        }
    }
    out
}

/// Is the expression a literal (no reference, function or interpolation anywhere)?
fn literal(expr: &Expression, depth: usize) -> bool {
    if depth > 32 {
        return false;
    }
    match expr {
        Expression::Null(_) | Expression::Bool(_) | Expression::Number(_) => true,
        Expression::String(_) => true,
        Expression::Array(items) => items.iter().all(|i| literal(i, depth + 1)),
        Expression::Object(object) => object.iter().all(|(k, v)| {
            matches!(
                k,
                ObjectKey::Ident(_) | ObjectKey::Expression(Expression::String(_))
            ) && literal(v.expr(), depth + 1)
        }),
        _ => false,
    }
}

struct Reader<'t> {
    text: &'t str,
    locals: Vec<(String, Expression)>,
}

impl Reader<'_> {
    /// A block's body as an object: attributes as members, blocks as objects (a list when the
    /// same block is written more than once).
    fn body(&self, body: &Body, span: Span, depth: usize) -> Node {
        let mut members: Vec<Member> = Vec::new();
        let mut opaque = false;
        for structure in body.iter() {
            match structure {
                Structure::Attribute(attribute) => members.push(Member {
                    key: attribute.key.as_str().to_string(),
                    key_span: span_of(attribute.key.span(), self.text),
                    value: self.expr(&attribute.value, depth + 1),
                }),
                Structure::Block(block) if block.ident.as_str() == "dynamic" => {
                    // Blocks made by `for_each`: unknown until planned.
                    opaque = true;
                    if let Some(label) = block.labels.first() {
                        let key_span = span_of(block.ident.span(), self.text);
                        members.push(Member {
                            key: label.as_str().to_string(),
                            key_span,
                            value: placeholder(self.text, span_of(block.span(), self.text)),
                        });
                    }
                }
                Structure::Block(block) => self.block(block, &mut members, depth),
            }
        }
        Node::new(NodeKind::Object(Object { members, opaque }), span)
    }

    fn block(&self, block: &Block, members: &mut Vec<Member>, depth: usize) {
        let key = block.ident.as_str();
        let node = self.body(&block.body, span_of(block.span(), self.text), depth + 1);
        if let Some(existing) = members.iter_mut().find(|m| m.key == key) {
            let span = existing.value.span.cover(node.span);
            let previous = std::mem::replace(&mut existing.value, Node::new(NodeKind::Null, span));
            let mut items = match previous.kind {
                NodeKind::Array(items) => items,
                other => vec![Node::new(other, previous.span)],
            };
            items.push(node);
            existing.value = Node::new(NodeKind::Array(items), span);
            return;
        }
        members.push(Member {
            key: key.to_string(),
            key_span: span_of(block.ident.span(), self.text),
            value: node,
        });
    }

    fn expr(&self, expr: &Expression, depth: usize) -> Node {
        let span = span_of(expr.span(), self.text);
        if depth > MAX_NESTING {
            return placeholder(self.text, span);
        }
        match expr {
            Expression::Null(_) => Node::new(NodeKind::Null, span),
            Expression::Bool(b) => Node::new(NodeKind::Bool(*b.value()), span),
            Expression::Number(n) => match n.value().as_f64() {
                Some(v) => Node::new(
                    NodeKind::Number(v, span.text(self.text).trim().to_string()),
                    span,
                ),
                None => placeholder(self.text, span),
            },
            Expression::String(s) => Node::new(NodeKind::String(s.value().clone()), span),
            Expression::Array(items) => Node::new(
                NodeKind::Array(items.iter().map(|i| self.expr(i, depth + 1)).collect()),
                span,
            ),
            Expression::Object(object) => {
                let mut members = Vec::new();
                let mut opaque = false;
                for (key, value) in object.iter() {
                    let name = match key {
                        ObjectKey::Ident(ident) => Some(ident.as_str().to_string()),
                        ObjectKey::Expression(Expression::String(s)) => Some(s.value().clone()),
                        ObjectKey::Expression(_) => None,
                    };
                    match name {
                        Some(name) => members.push(Member {
                            key: name,
                            key_span: span_of(key.span(), self.text),
                            value: self.expr(value.expr(), depth + 1),
                        }),
                        None => opaque = true,
                    }
                }
                Node::new(NodeKind::Object(Object { members, opaque }), span)
            }
            Expression::Parenthesis(inner) => self.expr(inner.inner(), depth + 1),
            Expression::Traversal(_) => {
                // `local.name` of a literal local: read where it is written.
                let written = span.text(self.text).trim();
                if let Some(name) = written.strip_prefix("local.") {
                    if let Some((_, value)) = self.locals.iter().find(|(n, _)| n == name) {
                        return self.expr(value, depth + 1);
                    }
                }
                placeholder(self.text, span)
            }
            // Templates with interpolations, references, functions, conditionals, operations:
            // known once Terraform plans.
            _ => placeholder(self.text, span),
        }
    }

    /// The task definition's own shapes: `container_definitions` read where it is written,
    /// `host_path`, maps of tags and proxy properties.
    fn task(&self, body: &Body, root: &mut Node) -> Vec<super::FileRef> {
        let Some(attribute) = body.get_attribute("container_definitions") else {
            return Vec::new();
        };
        let containers = self.container_definitions(&attribute.value);
        let files = self.file_ref(&attribute.value).into_iter().collect();
        if let Some(member) =
            members_mut(root).and_then(|m| m.iter_mut().find(|m| m.key == "container_definitions"))
        {
            member.value = containers;
        }
        for member in members_mut(root).into_iter().flatten() {
            match member.key.as_str() {
                "volume" => {
                    let volumes: Vec<&mut Node> = match &mut member.value.kind {
                        NodeKind::Array(items) => items.iter_mut().collect(),
                        _ => vec![&mut member.value],
                    };
                    for volume in volumes {
                        nest(volume, "host_path", "host", "sourcePath");
                        // The provider's `configure_at_launch` is the API's `configuredAtLaunch`.
                        for m in members_mut(volume).into_iter().flatten() {
                            if m.key == "configure_at_launch" {
                                m.key = "configuredAtLaunch".to_string();
                            }
                        }
                    }
                }
                "proxy_configuration" => {
                    for m in members_mut(&mut member.value).into_iter().flatten() {
                        if m.key == "properties" {
                            map_to_pairs(&mut m.value, "name", "value");
                        }
                    }
                }
                "tags" => map_to_pairs(&mut member.value, "key", "value"),
                _ => {}
            }
        }
        files
    }

    /// `file("x.json")` or `templatefile("x.tpl", {...})`, with the path relative to the
    /// module's folder (`"${path.module}/x.json"`, `"./x.json"`, `"x.json"`).
    fn file_ref(&self, expr: &Expression) -> Option<super::FileRef> {
        let Expression::FuncCall(call) = expr else {
            return None;
        };
        let template = match call.name.name.as_str() {
            "file" if call.args.len() == 1 => false,
            "templatefile" if call.args.len() == 2 => true,
            _ => return None,
        };
        let arg = call.args.iter().next()?;
        let written = span_of(arg.span(), self.text).text(self.text).trim();
        let inner = written.strip_prefix('"')?.strip_suffix('"')?;
        let path = inner
            .strip_prefix("${path.module}/")
            .unwrap_or(inner)
            .trim_start_matches("./");
        if path.is_empty() || path.contains(['$', '%', '\\', '"']) || path.starts_with('/') {
            return None;
        }
        Some(super::FileRef {
            path: path.to_string(),
            template,
            span: span_of(expr.span(), self.text),
        })
    }

    fn container_definitions(&self, expr: &Expression) -> Node {
        let span = span_of(expr.span(), self.text);
        match expr {
            Expression::FuncCall(call)
                if call.name.name.as_str() == "jsonencode" && call.args.len() == 1 =>
            {
                match call.args.iter().next() {
                    Some(arg) => self.expr(arg, 1),
                    None => placeholder(self.text, span),
                }
            }
            Expression::HeredocTemplate(heredoc) => {
                let body = span_of(heredoc.template.span(), self.text);
                json_at(self.text, body).unwrap_or_else(|| placeholder(self.text, span))
            }
            Expression::String(_) => {
                // The JSON between the quotes, when no escape changes its offsets.
                let inner = Span::new(
                    span.start as usize + 1,
                    (span.end as usize).saturating_sub(1),
                );
                if inner.text(self.text).contains('\\') {
                    return placeholder(self.text, span);
                }
                json_at(self.text, inner).unwrap_or_else(|| placeholder(self.text, span))
            }
            Expression::Traversal(_) => match self.expr(expr, 1) {
                // A literal local holding the list.
                node @ Node {
                    kind: NodeKind::Array(_),
                    ..
                } => node,
                _ => placeholder(self.text, span),
            },
            _ => placeholder(self.text, span),
        }
    }
}

/// JSON written at `span` of the text (a heredoc's body, a string's content), as a tree with
/// spans in the text; `None` when it does not parse (a template's `%{ }` directives).
fn json_at(text: &str, span: Span) -> Option<Node> {
    let slice = text.get(span.start as usize..span.end as usize)?;
    let parsed = crate::syntax::json::parse(slice);
    let broken = parsed
        .diagnostics
        .iter()
        .any(|d| d.severity == crate::input::diagnostic::Severity::Error);
    if broken {
        return None;
    }
    let mut root = parsed.root?;
    shift(&mut root, span.start as usize);
    Some(root)
}

/// Moves every span of a tree parsed from a slice of the source by `offset`.
fn shift(node: &mut Node, offset: usize) {
    let by = |s: Span| Span::new(s.start as usize + offset, s.end as usize + offset);
    node.span = by(node.span);
    match &mut node.kind {
        NodeKind::Array(items) => items.iter_mut().for_each(|i| shift(i, offset)),
        NodeKind::Object(object) => {
            for m in &mut object.members {
                m.key_span = by(m.key_span);
                shift(&mut m.value, offset);
            }
        }
        _ => {}
    }
}

fn members_mut(node: &mut Node) -> Option<&mut Vec<Member>> {
    match &mut node.kind {
        NodeKind::Object(object) => Some(&mut object.members),
        _ => None,
    }
}

/// `from = x` in `node` becomes `to = { inner = x }`.
fn nest(node: &mut Node, from: &str, to: &str, inner: &str) {
    let Some(members) = members_mut(node) else {
        return;
    };
    let Some(member) = members.iter_mut().find(|m| m.key == from) else {
        return;
    };
    let value = std::mem::replace(&mut member.value, Node::new(NodeKind::Null, Span::EMPTY));
    let span = member.span();
    member.key = to.to_string();
    member.value = Node::new(
        NodeKind::Object(Object {
            members: vec![Member {
                key: inner.to_string(),
                key_span: member.key_span,
                value,
            }],
            opaque: false,
        }),
        span,
    );
}

/// A map (`{ Name = "web" }`) becomes the API's list of pairs (`[{key: Name, value: web}]`).
fn map_to_pairs(node: &mut Node, key: &str, value: &str) {
    let span = node.span;
    let NodeKind::Object(object) = &mut node.kind else {
        return;
    };
    let opaque = object.opaque;
    let items = std::mem::take(&mut object.members)
        .into_iter()
        .map(|m| {
            let name = Node::new(NodeKind::String(m.key.clone()), m.key_span);
            let item_span = m.span();
            Node::new(
                NodeKind::Object(Object {
                    members: vec![
                        Member {
                            key: key.to_string(),
                            key_span: m.key_span,
                            value: name,
                        },
                        Member {
                            key: value.to_string(),
                            key_span: m.key_span,
                            value: m.value,
                        },
                    ],
                    opaque: false,
                }),
                item_span,
            )
        })
        .collect();
    node.kind = if opaque {
        NodeKind::Placeholder(String::from("tags"))
    } else {
        NodeKind::Array(items)
    };
    node.span = span;
}

/// The service's own shapes: names the API spells otherwise, `network_configuration`, the
/// `deployment_*` arguments, tags.
fn service(root: &mut Node) {
    let Some(members) = members_mut(root) else {
        return;
    };
    let mut deployment: Vec<Member> = Vec::new();
    let mut kept = Vec::with_capacity(members.len());
    for mut member in std::mem::take(members) {
        match member.key.as_str() {
            "name" => member.key = "serviceName".to_string(),
            "iam_role" => member.key = "role".to_string(),
            "ordered_placement_strategy" => member.key = "placementStrategy".to_string(),
            "deployment_circuit_breaker" | "alarms" => {
                deployment.push(member);
                continue;
            }
            "deployment_minimum_healthy_percent" => {
                member.key = "minimumHealthyPercent".to_string();
                deployment.push(member);
                continue;
            }
            "deployment_maximum_percent" => {
                member.key = "maximumPercent".to_string();
                deployment.push(member);
                continue;
            }
            "network_configuration" => {
                for m in members_mut(&mut member.value).into_iter().flatten() {
                    if m.key == "assign_public_ip" {
                        // Terraform converts the strings "true" and "false" to a bool.
                        let flag = match &m.value.kind {
                            NodeKind::Bool(b) => Some(*b),
                            NodeKind::String(s) if s == "true" => Some(true),
                            NodeKind::String(s) if s == "false" => Some(false),
                            _ => None,
                        };
                        m.value = match flag {
                            Some(b) => Node::new(
                                NodeKind::String(if b { "ENABLED" } else { "DISABLED" }.into()),
                                m.value.span,
                            ),
                            _ => Node::new(
                                NodeKind::Placeholder("assign_public_ip".into()),
                                m.value.span,
                            ),
                        };
                    }
                }
                let span = member.value.span;
                let inner = std::mem::replace(&mut member.value, Node::new(NodeKind::Null, span));
                member.value = Node::new(
                    NodeKind::Object(Object {
                        members: vec![Member {
                            key: "awsvpcConfiguration".to_string(),
                            key_span: member.key_span,
                            value: inner,
                        }],
                        opaque: false,
                    }),
                    span,
                );
            }
            "load_balancer" => {
                let items: Vec<&mut Node> = match &mut member.value.kind {
                    NodeKind::Array(items) => items.iter_mut().collect(),
                    _ => vec![&mut member.value],
                };
                for item in items {
                    for m in members_mut(item).into_iter().flatten() {
                        if m.key == "elb_name" {
                            m.key = "loadBalancerName".to_string();
                        }
                    }
                }
            }
            "tags" => map_to_pairs(&mut member.value, "key", "value"),
            "volume_configuration" => {
                // The provider's `size_in_gb` is the API's `sizeInGiB`.
                for m in members_mut(&mut member.value).into_iter().flatten() {
                    if m.key == "managed_ebs_volume" {
                        for inner in members_mut(&mut m.value).into_iter().flatten() {
                            if inner.key == "size_in_gb" {
                                inner.key = "sizeInGiB".to_string();
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        kept.push(member);
    }
    if let Some(first) = deployment.first() {
        let key_span = first.key_span;
        let span = deployment
            .iter()
            .fold(first.span(), |s, m| s.cover(m.span()));
        kept.push(Member {
            key: "deploymentConfiguration".to_string(),
            key_span,
            value: Node::new(
                NodeKind::Object(Object {
                    members: deployment,
                    opaque: false,
                }),
                span,
            ),
        });
    }
    *members = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    const TF: &str = r#"
locals {
  cpu = "256"
}

resource "aws_ecs_task_definition" "app" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = local.cpu
  memory                   = 512
  execution_role_arn       = aws_iam_role.exec.arn
  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }
  ephemeral_storage {
    size_in_gib = 30
  }
  volume {
    name = "data"
    efs_volume_configuration {
      file_system_id     = aws_efs_file_system.x.id
      transit_encryption = "ENABLED"
    }
  }
  volume {
    name      = "scratch"
    host_path = "/tmp"
  }
  container_definitions = jsonencode([
    {
      name      = "web"
      image     = "${var.repo}:latest"
      essential = true
      portMappings = [{ containerPort = 80 }]
    }
  ])
  lifecycle {
    ignore_changes = [container_definitions]
  }
}

resource "aws_ecs_service" "app" {
  name            = "web"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.app.arn
  desired_count   = 2
  launch_type     = "FARGATE"
  deployment_minimum_healthy_percent = 50
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
  network_configuration {
    subnets          = var.subnets
    assign_public_ip = true
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.web.arn
    container_name   = "web"
    container_port   = 80
  }
  tags = { Team = "core" }
}
"#;

    #[test]
    fn resources_map_onto_the_api() {
        let read = read(TF);
        assert!(read.diagnostics.is_empty(), "{:?}", read.diagnostics);
        assert_eq!(read.resources.len(), 2);
        let task = &read.resources[0].root;
        assert_eq!(read.resources[0].address, "aws_ecs_task_definition.app");
        assert_eq!(task.get_str("family"), Some("web"));
        assert_eq!(task.get_str("networkMode"), Some("awsvpc"));
        // The literal local, read where it is written.
        assert_eq!(task.get_str("cpu"), Some("256"));
        assert_eq!(task.get("cpu").map(|n| n.span.text(TF)), Some("\"256\""));
        assert_eq!(task.get_str("memory"), Some("512"));
        assert!(task
            .get("executionRoleArn")
            .is_some_and(Node::is_placeholder));
        let platform = task.get("runtimePlatform");
        assert_eq!(
            platform.and_then(|p| p.get_str("cpuArchitecture")),
            Some("ARM64")
        );
        let storage = task.get("ephemeralStorage");
        assert_eq!(
            storage
                .and_then(|s| s.get("sizeInGiB"))
                .and_then(Node::as_i64_lenient),
            Some(30)
        );
        let volumes = task.get_array("volumes");
        assert_eq!(volumes.len(), 2);
        let efs = volumes[0].get("efsVolumeConfiguration");
        assert_eq!(
            efs.and_then(|e| e.get_str("transitEncryption")),
            Some("ENABLED")
        );
        assert_eq!(
            volumes[1].get("host").and_then(|h| h.get_str("sourcePath")),
            Some("/tmp")
        );
        let container = &task.get_array("containerDefinitions")[0];
        assert_eq!(container.get_str("name"), Some("web"));
        assert!(container.get("image").is_some_and(Node::is_placeholder));
        assert!(task.get("lifecycle").is_none());

        let service = &read.resources[1];
        assert_eq!(
            service.task_ref.as_deref(),
            Some("aws_ecs_task_definition.app")
        );
        let root = &service.root;
        assert_eq!(root.get_str("serviceName"), Some("web"));
        let deployment = root.get("deploymentConfiguration");
        assert_eq!(
            deployment
                .and_then(|d| d.get("deploymentCircuitBreaker"))
                .and_then(|c| c.get_bool("rollback")),
            Some(true)
        );
        assert_eq!(
            deployment
                .and_then(|d| d.get("minimumHealthyPercent"))
                .and_then(Node::as_i64_lenient),
            Some(50)
        );
        let awsvpc = root
            .get("networkConfiguration")
            .and_then(|n| n.get("awsvpcConfiguration"));
        assert_eq!(
            awsvpc.and_then(|a| a.get_str("assignPublicIp")),
            Some("ENABLED")
        );
        assert_eq!(root.get_array("loadBalancers").len(), 1);
        assert_eq!(root.get_array("tags")[0].get_str("key"), Some("Team"));
    }

    #[test]
    fn heredoc_and_string_json_keep_their_spans() {
        let tf = "resource \"aws_ecs_task_definition\" \"t\" {\n  family = \"x\"\n  container_definitions = <<EOF\n[{\"name\": \"a\", \"image\": \"nginx\", \"memory\": 128}]\nEOF\n}\n";
        let read = read(tf);
        let task = &read.resources[0].root;
        let container = &task.get_array("containerDefinitions")[0];
        let image = container.get("image").map(|n| n.span.text(tf));
        assert_eq!(image, Some("\"nginx\""));
        let from_file = "resource \"aws_ecs_task_definition\" \"t\" {\n  container_definitions = file(\"c.json\")\n}\n";
        let read = super::read(from_file);
        assert!(read.resources[0]
            .root
            .get("containerDefinitions")
            .is_some_and(Node::is_placeholder));
    }

    #[test]
    fn unreadable_files_say_so_and_never_panic() {
        let read = read("resource \"aws_ecs_service\" \"x\" {\n  name = \n");
        assert_eq!(read.diagnostics.len(), 1);
        assert!(read.resources.is_empty());
        let deep = format!("locals {{ x = {}{} }}", "[".repeat(5000), "]".repeat(5000));
        assert_eq!(super::read(&deep).diagnostics.len(), 1);
    }
}
