//! Task and service definitions written as infrastructure as code (issue 20): Terraform's
//! `aws_ecs_task_definition` / `aws_ecs_service` and CloudFormation's (and the CDK's)
//! `AWS::ECS::TaskDefinition` / `AWS::ECS::Service`.
//!
//! Each such resource is mapped onto the tree the task and service rules already read (the API's
//! member names, `crate::syntax::value::Node`), keeping the spans of the source, so every rule runs on
//! it and its findings point at the `.tf` or template line where the value is written. Values
//! the file computes (`var.`, `local.`, resource attributes, interpolations, CloudFormation's
//! intrinsic functions) become placeholders, which rules never judge.
//!
//! This module depends on the JSON and YAML parsers; they know nothing of it. Terraform needs
//! HCL (`terraform.rs`, feature `terraform`); a build without it (the page's first download)
//! reads no resources from a `.tf` file and says so once.

pub mod cfn;
pub mod edit;
pub mod fold;
#[cfg(all(
    feature = "terraform",
    any(not(target_arch = "wasm32"), feature = "terraform-wasm")
))]
pub mod terraform;
pub mod wire;

use crate::input::diagnostic::{Diagnostic, Severity};
use crate::input::module::ModuleStatus;
use crate::input::span::Span;
use crate::input::Kind;
use crate::models::ecs_schema::{self, Kind as TyKind, Ty};
use crate::syntax::value::{Member, Node, NodeKind, Object};

/// One task or service definition found in a file.
#[derive(Debug, Clone)]
pub struct Resource {
    /// [`Kind::TaskDef`] or [`Kind::ServiceDef`].
    pub kind: Kind,
    /// How the file names it: `aws_ecs_task_definition.app`, or a CloudFormation logical id.
    pub address: String,
    /// The definition in the API's shape, with spans in the source.
    pub root: Node,
    /// A service's task definition, when it is a reference to a resource (its address).
    pub task_ref: Option<String>,
    /// Files of the project the resource reads its container definitions from (Terraform's
    /// `file()` and `templatefile()`): the lint run folds them in when they are among its inputs.
    pub files: Vec<FileRef>,
}

/// A file a resource's `container_definitions` comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct FileRef {
    /// The path as written, relative to the Terraform module's folder (`${path.module}/`, `./`
    /// taken off).
    pub path: String,
    /// Read by `templatefile()`: its `${...}` and `%{...}` are placeholders.
    pub template: bool,
    /// The call in the `.tf` file, where `containerDefinitions` stands in the resource.
    pub span: Span,
}

/// What reading a file of resources gave.
#[derive(Debug, Default)]
pub struct Read {
    pub resources: Vec<Resource>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads the task and service definitions of a Terraform or CloudFormation file.
pub fn read(kind: Kind, path: &str, text: &str) -> Read {
    read_with(kind, path, text, &ModuleStatus::Ready)
}

/// [`read`], told where the front end's Terraform reader is (`reader`): a build without the
/// built-in reader says so in IN013 when it did not read a `.tf` file ([`unread`]).
pub fn read_with(kind: Kind, path: &str, text: &str, reader: &ModuleStatus) -> Read {
    match kind {
        Kind::CloudFormation => cfn::read(path, text),
        Kind::Terraform => read_terraform(text, reader),
        _ => Read::default(),
    }
}

#[cfg(all(
    feature = "terraform",
    any(not(target_arch = "wasm32"), feature = "terraform-wasm")
))]
fn read_terraform(text: &str, _reader: &ModuleStatus) -> Read {
    terraform::read(text)
}

/// Without the built-in reader (the page's first download), the reader given by
/// [`set_external`] reads; with none given, the file is not read and IN013 says why, as the
/// front end knows it ([`unread`]: the reader is loading, or could not be loaded).
#[cfg(not(all(
    feature = "terraform",
    any(not(target_arch = "wasm32"), feature = "terraform-wasm")
)))]
fn read_terraform(text: &str, reader: &ModuleStatus) -> Read {
    match EXTERNAL.get() {
        Some(external) => read_via(*external, text),
        None => unread(text, reader),
    }
}

/// A Terraform reader given at run time: from a `.tf` file's text to its [`Read`] as JSON
/// ([`wire`]). The page loads crates/terraform-wasm when a project holds a `.tf` file and gives
/// its `read` export here.
static EXTERNAL: std::sync::OnceLock<fn(&str) -> String> = std::sync::OnceLock::new();

/// Gives a build without the built-in reader an external one; the first call wins (returns
/// whether this one was taken). A build with the built-in reader keeps using it.
pub fn set_external(read: fn(&str) -> String) -> bool {
    EXTERNAL.set(read).is_ok()
}

/// Reads a `.tf` file through an external reader ([`wire`]); an answer that does not read
/// (a trapped module) is IN013: the loaded reader failed on the file.
pub fn read_via(external: fn(&str) -> String, text: &str) -> Read {
    wire::decode(&external(text), text.len()).unwrap_or_else(|| reader_failed(text))
}

/// The external reader's answer for a `.tf` file (crates/terraform-wasm's `read`).
#[cfg(all(
    feature = "terraform",
    any(not(target_arch = "wasm32"), feature = "terraform-wasm")
))]
pub fn answer(text: &str) -> String {
    wire::encode(&terraform::read(text))
}

/// IN013 at the first line of a `.tf` file no reader read, saying why as the front end knows
/// it (`reader`): the page's reader is still loading (a note: nothing is wrong with the file),
/// could not be loaded (a warning, with the reason), or this build has none.
pub fn unread(text: &str, reader: &ModuleStatus) -> Read {
    let (severity, message, help) = match reader {
        ModuleStatus::Ready => (
            Severity::Warning,
            crate::msg!(in013::NOT_READ),
            crate::msg!(in013::HELP_CLI),
        ),
        ModuleStatus::Loading => (
            Severity::Info,
            crate::msg!(in013::LOADING),
            crate::msg!(in013::HELP_LOADING),
        ),
        ModuleStatus::Failed(why) => (
            Severity::Warning,
            crate::msg!(in013::LOAD_FAILED, why = why.as_str()),
            crate::msg!(in013::HELP_RELOAD),
        ),
    };
    first_line_note(text, severity, message, help)
}

/// IN013 at the first line: the loaded reader failed on the file (a trapped module).
fn reader_failed(text: &str) -> Read {
    first_line_note(
        text,
        Severity::Warning,
        crate::msg!(in013::READER_FAILED),
        crate::msg!(in013::HELP_RELOAD),
    )
}

fn first_line_note(
    text: &str,
    severity: Severity,
    message: crate::input::msg::Msg,
    help: crate::input::msg::Msg,
) -> Read {
    let end = text.find(['\n', '\r']).unwrap_or(text.len());
    let mut d = Diagnostic::new_msg(
        crate::input::codes::IN013.code,
        severity,
        Span::new(0, end),
        message,
    );
    d.set_help_msg(help);
    Read {
        resources: Vec::new(),
        diagnostics: vec![d],
    }
}

/// The IN013 messages (their Japanese: `rules/input/in013_terraform_unreadable.ja.msg`); the
/// HCL parser's own message and the page's reason for a failed load stay English.
pub mod in013 {
    crate::messages! {
        "IN013";
        TOO_DEEP = "ecsplain cannot read this Terraform file: the file nests brackets deeper than ecsplain reads";
        HCL_ERROR = "ecsplain cannot read this Terraform file: {message}";
        HELP_VALIDATE = "its task and service definitions are not checked; `terraform validate` shows whether Terraform reads it";
        NOT_READ = "this Terraform file was not read, so its checks were skipped";
        HELP_CLI = "Terraform is read by the ecsplain CLI (`ecsplain lint`)";
        LOADING = "this Terraform file is waiting for the Terraform reader, which is loading";
        HELP_LOADING = "its findings appear once the reader is loaded (a second download, only for Terraform projects)";
        LOAD_FAILED = "this Terraform file was not read: the page could not load its Terraform reader ({why})";
        READER_FAILED = "this Terraform file was not read: the page's Terraform reader failed on it";
        HELP_RELOAD = "reload the page, or lint it with the ecsplain CLI (`ecsplain lint`), which reads Terraform";
    }
}

/// IN013: the file is not HCL that ecsplain reads.
pub(crate) fn unreadable(span: Span, message: crate::input::msg::Msg) -> Diagnostic {
    let mut d = crate::input::codes::IN013.diag_msg(span, message);
    d.set_help_msg(crate::msg!(in013::HELP_VALIDATE));
    d
}

/// Does this build read Terraform files?
pub const READS_TERRAFORM: bool = cfg!(all(
    feature = "terraform",
    any(not(target_arch = "wasm32"), feature = "terraform-wasm")
));

/// The API shape a resource of `kind` maps onto.
pub fn root_shape(kind: Kind) -> &'static str {
    match kind {
        Kind::ServiceDef => ecs_schema::SERVICE_ROOT,
        _ => ecs_schema::schema().input("RegisterTaskDefinition"),
    }
}

/// A key as the API's lower-case letters only (`FilesystemId`, `file_system_id` and
/// `fileSystemId` are all `filesystemid`).
fn compact(key: &str) -> String {
    key.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// How a file spells the API's member names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spelling {
    /// CloudFormation: the API's names with a capital first letter, except the properties
    /// `data/cfn-ecs-names.json` lists (`EFSVolumeConfiguration`, `FilesystemId`,
    /// `PlacementStrategies`, `ProxyConfigurationProperties`). CloudFormation matches names
    /// exactly, so nothing else is taken for a member.
    CloudFormation,
    /// Terraform's arguments and blocks: the API's names in snake_case (`file_system_id`), a
    /// block written once per item for a list (`volume` → `volumes`).
    Terraform,
    /// JSON that Terraform's AWS provider decodes with Go's `encoding/json`
    /// (`container_definitions`): the API's names, in any case.
    GoJson,
}

/// The API member a key names in `structure`, as `spelling` writes names.
fn api_member<'s>(
    structure: &'s ecs_schema::Structure,
    key: &str,
    spelling: Spelling,
) -> Option<(&'s str, &'s Ty)> {
    if let Some(found) = structure.member(key) {
        return Some(found);
    }
    let find = |want: &str, same: &dyn Fn(&str, &str) -> bool| {
        structure
            .members
            .iter()
            .find(|(k, _)| same(k, want))
            .map(|(k, t)| (k.as_str(), t))
    };
    match spelling {
        Spelling::CloudFormation => cfn::renamed(key).and_then(|api| structure.member(api)),
        Spelling::GoJson => find(key, &|a, b| a.eq_ignore_ascii_case(b)),
        Spelling::Terraform => {
            let want = compact(key);
            let same = |a: &str, b: &str| compact(a) == b;
            let singular = want.strip_suffix("ies").map(|stem| format!("{stem}y"));
            find(&want, &same)
                .or_else(|| find(&format!("{want}s"), &same))
                .or_else(|| find(&format!("{want}es"), &same))
                .or_else(|| singular.and_then(|s| find(&s, &same)))
        }
    }
}

/// Maps a tree written with another spelling of the API's member names onto the API's names,
/// walking the API shape: keys renamed (`EFSVolumeConfiguration`, `file_system_id`), scalars
/// coerced to the member's type as CloudFormation and Terraform do (`"80"` for an integer, `256`
/// for a string), a single block where the API takes a list made a list of one. Keys the shape
/// does not know stay as written (the schema rules report them); `drop` names keys that are
/// the tool's own (`DependsOn`, `lifecycle`) and never reach the API.
pub fn to_api(node: Node, ty: &Ty, drop: &dyn Fn(&str) -> bool, spelling: Spelling) -> Node {
    to_api_depth(node, ty, drop, spelling, 0)
}

fn to_api_depth(
    node: Node,
    ty: &Ty,
    drop: &dyn Fn(&str) -> bool,
    spelling: Spelling,
    depth: usize,
) -> Node {
    if depth > 64 {
        return node;
    }
    let schema = ecs_schema::schema();
    let span = node.span;
    match (schema.kind(ty), node.kind) {
        (_, NodeKind::Placeholder(p)) => Node::new(NodeKind::Placeholder(p), span),
        (TyKind::Structure(_, structure), NodeKind::Object(object)) => {
            let mut members = Vec::with_capacity(object.members.len());
            for m in object.members {
                match api_member(structure, &m.key, spelling) {
                    Some((name, member_ty)) => {
                        // Terraform hands container definitions to the API as JSON.
                        let inner =
                            if spelling == Spelling::Terraform && name == "containerDefinitions" {
                                Spelling::GoJson
                            } else {
                                spelling
                            };
                        members.push(Member {
                            key: name.to_string(),
                            key_span: m.key_span,
                            value: to_api_depth(m.value, member_ty, drop, inner, depth + 1),
                        });
                    }
                    None if drop(&m.key) => {}
                    None => members.push(m),
                }
            }
            Node::new(
                NodeKind::Object(Object {
                    members,
                    opaque: object.opaque,
                }),
                span,
            )
        }
        (TyKind::List(inner), NodeKind::Array(items)) => Node::new(
            NodeKind::Array(
                items
                    .into_iter()
                    .map(|i| to_api_depth(i, inner, drop, spelling, depth + 1))
                    .collect(),
            ),
            span,
        ),
        (TyKind::List(inner), kind @ NodeKind::Object(_)) => {
            // One Terraform block where the API takes a list.
            let item = to_api_depth(Node::new(kind, span), inner, drop, spelling, depth + 1);
            Node::new(NodeKind::Array(vec![item]), span)
        }
        (TyKind::String | TyKind::Enum(_), NodeKind::Number(_, text)) => {
            Node::new(NodeKind::String(text), span)
        }
        (TyKind::String | TyKind::Enum(_), NodeKind::Bool(b)) => {
            Node::new(NodeKind::String(b.to_string()), span)
        }
        (TyKind::Integer | TyKind::Double, NodeKind::String(s)) => {
            match crate::input::number::parse_f64(s.trim()) {
                Some(n) if n.is_finite() => {
                    Node::new(NodeKind::Number(n, s.trim().to_string()), span)
                }
                _ => Node::new(NodeKind::String(s), span),
            }
        }
        (TyKind::Boolean, NodeKind::String(s)) => match s.as_str() {
            "true" | "True" => Node::new(NodeKind::Bool(true), span),
            "false" | "False" => Node::new(NodeKind::Bool(false), span),
            _ => Node::new(NodeKind::String(s), span),
        },
        (TyKind::Map, NodeKind::Object(object)) => {
            // Map values are strings to the API; CloudFormation and Terraform take numbers and
            // booleans for them too.
            let members = object
                .members
                .into_iter()
                .map(|m| Member {
                    value: to_api_depth(m.value, &Ty::String, drop, spelling, depth + 1),
                    ..m
                })
                .collect();
            Node::new(
                NodeKind::Object(Object {
                    members,
                    opaque: object.opaque,
                }),
                span,
            )
        }
        (_, kind) => Node::new(kind, span),
    }
}

/// AWS's words for what a rule reports, as `terraform apply` and a failed stack show them (the
/// rules' References cite each refusal), so users of those tools recognise the finding.
const AWS_ERRORS: [(&str, &str); 3] = [
    ("TD001", "No Fargate configuration exists for given values"),
    ("TD005", "Fargate only supports network mode 'awsvpc'"),
    (
        "TD018",
        "Fargate requires task definition to have execution role ARN to support log driver \
         awslogs",
    ),
];

/// The note a finding of `code` on a resource of `kind` gets: the refusal in AWS's words.
pub fn aws_error_note(code: &str, kind: Kind) -> Option<String> {
    let (_, words) = AWS_ERRORS.iter().find(|(c, _)| *c == code)?;
    Some(match kind {
        Kind::Terraform => {
            format!("`terraform apply` fails with AWS's \"ClientException: {words}\"")
        }
        _ => format!("the stack fails to create the resource with AWS's \"{words}\""),
    })
}

/// A placeholder standing for what the source computes at `span`.
pub(crate) fn placeholder(text: &str, span: Span) -> Node {
    let written = span.text(text).trim();
    let shown: String = written.chars().take(80).collect();
    Node::new(NodeKind::Placeholder(shown), span)
}

/// Fixes the rules compute as JSON edits are kept only where they are right in the source's
/// own syntax too: each edit replaces a scalar value of the mapped tree whose key is written
/// as the API spells it, by a JSON string, number or boolean (valid HCL, YAML and JSON alike);
/// inserting or removing members would need the source's syntax and is withheld.
pub fn keeps_fix(root: &Node, text: &str, fix: &crate::input::diagnostic::Fix) -> bool {
    fix.edits.iter().all(|edit| keeps_edit(root, text, edit))
}

/// One edit of [`keeps_fix`].
pub fn keeps_edit(root: &Node, text: &str, edit: &crate::input::diagnostic::Edit) -> bool {
    let replaces_scalar = scalar_at(root, text, edit.span);
    let content = edit.content.trim();
    // The engine's own JSON reader: the page carries no serde_json deserializer.
    let scalar_text = crate::syntax::json::to_value(content)
        .is_some_and(|v| v.is_string() || v.is_number() || v.is_boolean());
    // A YAML plain scalar replaced by a JSON string is still YAML; a quoted one too.
    replaces_scalar && scalar_text && !edit.span.text(text).contains('\n')
}

/// Is `span` a scalar of the tree written as the value the tree holds (a mapped value such as
/// Terraform's `assign_public_ip = true` read as `"ENABLED"` is not: its edit would write the
/// API's value where Terraform wants a bool)?
fn scalar_at(node: &Node, text: &str, span: Span) -> bool {
    match &node.kind {
        NodeKind::Array(items) => items.iter().any(|i| scalar_at(i, text, span)),
        NodeKind::Object(object) => object
            .members
            .iter()
            .any(|m| scalar_at(&m.value, text, span)),
        NodeKind::String(_) | NodeKind::Number(..) | NodeKind::Bool(_) if node.span == span => {
            let written = span.text(text).trim().trim_matches(['"', '\'']);
            match &node.kind {
                NodeKind::String(s) => s == written,
                NodeKind::Number(_, t) => t == written,
                NodeKind::Bool(b) => written == if *b { "true" } else { "false" },
                _ => false,
            }
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `.tf` file no reader read says why, as the front end knows it: the reader is loading
    /// (information), could not be loaded (a warning naming the reason), or this build has none;
    /// a loaded reader that failed on the file is a warning too (their Japanese:
    /// `workspace::tests::module_notes_render_in_japanese`).
    #[test]
    fn an_unread_terraform_file_says_why_by_the_reader_status() {
        let text = "resource \"aws_ecs_service\" \"web\" {\n  name = \"web\"\n}\n";
        let note = |read: Read| {
            assert!(read.resources.is_empty());
            assert_eq!(read.diagnostics.len(), 1);
            let Some(d) = read.diagnostics.into_iter().next() else {
                panic!("no note")
            };
            d
        };
        let cases = [
            (
                note(unread(text, &ModuleStatus::Loading)),
                Severity::Info,
                "this Terraform file is waiting for the Terraform reader, which is loading",
            ),
            (
                note(unread(text, &ModuleStatus::Failed("offline".into()))),
                Severity::Warning,
                "this Terraform file was not read: the page could not load its Terraform reader (offline)",
            ),
            (
                note(unread(text, &ModuleStatus::Ready)),
                Severity::Warning,
                "this Terraform file was not read, so its checks were skipped",
            ),
            (
                note(read_via(|_| String::from("not an answer"), text)),
                Severity::Warning,
                "this Terraform file was not read: the page's Terraform reader failed on it",
            ),
        ];
        for (d, severity, en) in cases {
            assert_eq!(d.code, "IN013");
            assert_eq!(d.severity, severity, "{en}");
            assert_eq!(d.message, en);
            assert_eq!(d.span, Span::new(0, text.find('\n').unwrap_or(0)));
            assert!(d.keyed.message.as_ref().is_some_and(|m| m.en() == en));
            assert!(d.keyed.help.is_some() && d.help.is_some());
        }
    }

    /// Every CloudFormation property whose API name differs by more than its first letter
    /// (`data/cfn-ecs-names.json`, generated from cfn-lint's schemas) is found by the mapping.
    #[test]
    fn every_renamed_cloudformation_property_maps_to_its_api_member() {
        let data =
            crate::syntax::json::read_value(include_str!("../../../data/cfn-ecs-names.json"))
                .unwrap_or_default();
        let schema = ecs_schema::schema();
        let mut checked = 0;
        for resource in data["resources"]
            .as_object()
            .into_iter()
            .flat_map(|r| r.values())
        {
            for entry in resource["renamed"].as_array().into_iter().flatten() {
                let (Some(cfn), Some(api), Some(shape)) = (
                    entry["cfn"].as_str(),
                    entry["api"].as_str(),
                    entry["shape"].as_str(),
                ) else {
                    continue;
                };
                let structure = schema.structure(shape);
                assert!(structure.is_some(), "no shape {shape} in ecs-schema.json");
                let found = structure
                    .and_then(|s| api_member(s, cfn, Spelling::CloudFormation))
                    .map(|m| m.0);
                assert_eq!(found, Some(api), "{cfn} in {shape}");
                checked += 1;
            }
        }
        assert!(checked >= 5, "only {checked} renamed properties checked");
    }

    #[test]
    fn names_of_other_spellings_find_the_api_member() {
        let schema = ecs_schema::schema();
        let Some(efs) = schema.structure("EFSVolumeConfiguration") else {
            return;
        };
        let cfn = Spelling::CloudFormation;
        let tf = Spelling::Terraform;
        let name = |s, key, spelling| api_member(s, key, spelling).map(|m| m.0);
        assert_eq!(name(efs, "FilesystemId", cfn), Some("fileSystemId"));
        assert_eq!(name(efs, "file_system_id", tf), Some("fileSystemId"));
        // CloudFormation and Go's JSON take no other spelling: a typo stays a typo.
        assert_eq!(name(efs, "FileSystemIds", cfn), None);
        assert_eq!(name(efs, "file_system_id", Spelling::GoJson), None);
        assert_eq!(
            name(efs, "FILESYSTEMID", Spelling::GoJson),
            Some("fileSystemId")
        );
        let Some(task) = schema.structure(root_shape(Kind::TaskDef)) else {
            return;
        };
        assert_eq!(name(task, "volume", tf), Some("volumes"));
        assert_eq!(name(task, "Volume", cfn), None);
        assert_eq!(
            name(task, "EphemeralStorage", cfn),
            Some("ephemeralStorage")
        );
    }
}
