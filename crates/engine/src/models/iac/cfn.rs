//! CloudFormation templates (YAML with the short-form intrinsic tags, or JSON; SAM; the CDK's
//! synthesised `*.template.json`): every `AWS::ECS::TaskDefinition` and `AWS::ECS::Service`
//! resource, its `Properties` mapped onto the API's members.
//!
//! CloudFormation's property names are the API's with a capital first letter, except a few
//! (`EFSVolumeConfiguration`, `FilesystemId`, ...): the mapping finds the API member with the same
//! letters (`super::to_api`). `data/cfn-ecs-names.json`, generated from cfn-lint's resource
//! schemas by `scripts/gen_cfn_names.py`, lists the properties that have no API member at all
//! (CloudFormation's own), which are left out rather than reported as unknown keys.

use std::sync::OnceLock;

use super::{placeholder, to_api, Read, Resource, Spelling};
use crate::input::span::Span;
use crate::input::Kind;
use crate::models::ecs_schema::Ty;
use crate::syntax::value::{Member, Node, NodeKind, Object};

const NAMES: &str = include_str!("../../../data/cfn-ecs-names.json");

/// Properties of the two resource types that have no API member (from the data file).
fn cloudformation_only() -> &'static [String] {
    static ONLY: OnceLock<Vec<String>> = OnceLock::new();
    ONLY.get_or_init(|| {
        let Ok(value) = crate::syntax::json::read_value(NAMES) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if let Some(resources) = value.get("resources").and_then(|r| r.as_object()) {
            for resource in resources.values() {
                for name in resource
                    .get("cloudformation_only")
                    .and_then(|n| n.as_array())
                    .into_iter()
                    .flatten()
                {
                    if let Some(path) = name.as_str() {
                        // The last segment: `ContainerDefinitions/Foo` drops `Foo`.
                        let last = path.rsplit('/').next().unwrap_or(path);
                        out.push(last.to_string());
                    }
                }
            }
        }
        out
    })
}

/// The API member of a property CloudFormation spells otherwise (the data file's `renamed`:
/// `FilesystemId` → `fileSystemId`).
pub fn renamed(key: &str) -> Option<&'static str> {
    static RENAMED: OnceLock<Vec<(String, String)>> = OnceLock::new();
    RENAMED
        .get_or_init(|| {
            let Ok(value) = crate::syntax::json::read_value(NAMES) else {
                return Vec::new();
            };
            let mut out = Vec::new();
            for resource in value
                .get("resources")
                .and_then(|r| r.as_object())
                .into_iter()
                .flat_map(|r| r.values())
            {
                for entry in resource
                    .get("renamed")
                    .and_then(|r| r.as_array())
                    .into_iter()
                    .flatten()
                {
                    if let (Some(cfn), Some(api)) = (
                        entry.get("cfn").and_then(|c| c.as_str()),
                        entry.get("api").and_then(|a| a.as_str()),
                    ) {
                        out.push((cfn.to_string(), api.to_string()));
                    }
                }
            }
            out
        })
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// CloudFormation's name for an API member it spells otherwise (`fileSystemId` →
/// `FilesystemId`), when the data file names one.
pub fn renamed_from(api: &str) -> Option<&'static str> {
    static FROM: OnceLock<Vec<(String, String)>> = OnceLock::new();
    FROM.get_or_init(|| {
        let Ok(value) = crate::syntax::json::read_value(NAMES) else {
            return Vec::new();
        };
        let mut out: Vec<(String, String)> = Vec::new();
        for resource in value
            .get("resources")
            .and_then(|r| r.as_object())
            .into_iter()
            .flat_map(|r| r.values())
        {
            for entry in resource
                .get("renamed")
                .and_then(|r| r.as_array())
                .into_iter()
                .flatten()
            {
                if let (Some(cfn), Some(api)) = (
                    entry.get("cfn").and_then(|c| c.as_str()),
                    entry.get("api").and_then(|a| a.as_str()),
                ) {
                    if !out.iter().any(|(a, _)| a == api) {
                        out.push((api.to_string(), cfn.to_string()));
                    }
                }
            }
        }
        out
    })
    .iter()
    .find(|(a, _)| a == api)
    .map(|(_, c)| c.as_str())
}

/// Is the template JSON (rather than YAML)?
pub fn is_json(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
}

pub fn read(path: &str, text: &str) -> Read {
    let mut read = Read::default();
    let lower = path.to_ascii_lowercase();
    let json_like = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{');
    let yaml = !json_like && !lower.ends_with(".json");
    let masked;
    let parsed = if yaml {
        // A scaffolding template (Backstage, cookiecutter: `{% if ... %}` on lines of their
        // own) is YAML once rendered; its directive lines are read as blank, keeping every
        // offset, so both branches are checked.
        masked = mask_directive_lines(text);
        crate::syntax::yaml::parse(masked.as_deref().unwrap_or(text))
    } else {
        crate::syntax::json::parse(text)
    };
    let broken = parsed.diagnostics.iter().any(|d| {
        d.severity == crate::input::diagnostic::Severity::Error
            && (d.code == crate::syntax::json::SYNTAX || d.code == crate::syntax::yaml::SYNTAX)
    });
    read.diagnostics = parsed.diagnostics;
    if broken {
        return read;
    }
    let Some(root) = parsed.root else {
        return read;
    };
    let Some(resources) = root.get("Resources").and_then(Node::as_object) else {
        return read;
    };
    let drop = |key: &str| cloudformation_only().iter().any(|k| k == key);
    for member in &resources.members {
        let kind = match member.value.get_str("Type") {
            Some("AWS::ECS::TaskDefinition") => Kind::TaskDef,
            Some("AWS::ECS::Service") => Kind::ServiceDef,
            _ => continue,
        };
        let properties = member.value.get("Properties").cloned().unwrap_or_else(|| {
            // No properties at all: an empty definition where the resource is.
            Node::new(
                NodeKind::Object(Object::default()),
                Span::new(member.key_span.start as usize, member.key_span.end as usize),
            )
        });
        let task_ref = match kind {
            Kind::ServiceDef => properties
                .get("TaskDefinition")
                .and_then(|n| reference(text, n, yaml)),
            _ => None,
        };
        let mut properties = intrinsics(text, properties, yaml, 0);
        if kind == Kind::TaskDef && properties.get("Family").is_none() {
            // Without `Family`, CloudFormation names the family itself (after the stack and
            // the logical id): a value the template does not write, not a missing one.
            if let NodeKind::Object(object) = &mut properties.kind {
                object.members.push(Member {
                    key: "Family".to_string(),
                    key_span: member.key_span,
                    value: Node::new(
                        NodeKind::Placeholder(format!("{} (named by CloudFormation)", member.key)),
                        member.key_span,
                    ),
                });
            }
        }
        let shape = Ty::Named(super::root_shape(kind).to_string());
        read.resources.push(Resource {
            kind,
            address: member.key.clone(),
            root: to_api(properties, &shape, &drop, Spelling::CloudFormation),
            task_ref,
            files: Vec::new(),
        });
    }
    read
}

/// The text with each line that is only a `{% ... %}` directive blanked, or `None` when there
/// is none.
fn mask_directive_lines(text: &str) -> Option<String> {
    if !text.contains("{%") {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim();
        if trimmed.starts_with("{%") && trimmed.ends_with("%}") {
            out.extend(
                body.chars()
                    .map(|c| if c.is_whitespace() { c } else { ' ' }),
            );
            out.push_str(&line[body.len()..]);
        } else {
            out.push_str(line);
        }
    }
    Some(out)
}

/// The logical id a `!Ref Id` or `{"Ref": "Id"}` names.
fn reference(text: &str, node: &Node, yaml: bool) -> Option<String> {
    if let Some(object) = node.as_object() {
        if let [one] = object.members.as_slice() {
            if one.key == "Ref" {
                return one.value.as_str().map(str::to_string);
            }
        }
        return None;
    }
    if yaml && tag(text, node).as_deref() == Some("!Ref") {
        return node.as_str().map(str::to_string);
    }
    None
}

/// The YAML tag written before a node (`!Ref`, `!Sub`), if any.
fn tag(text: &str, node: &Node) -> Option<String> {
    let start = node.span.start as usize;
    let own = text.get(start..node.span.end as usize).unwrap_or("");
    let word_of = |s: &str| -> Option<String> {
        let word: String = s.chars().take_while(|c| !c.is_whitespace()).collect();
        (word.starts_with('!') && !word.starts_with("!!") && word.len() > 1).then_some(word)
    };
    if let Some(word) = word_of(own.trim_start()) {
        return Some(word);
    }
    let before = text.get(..start)?.trim_end();
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '[' | '{' | ','))
        .map_or(0, |i| i + 1);
    word_of(before.get(word_start..)?)
}

/// Intrinsic functions (`!Ref`, `!Sub`, `Fn::GetAtt`, `{"Ref": ...}`, ...) become placeholders:
/// their value is known only when the stack is deployed.
fn intrinsics(text: &str, node: Node, yaml: bool, depth: usize) -> Node {
    if depth > 64 {
        return node;
    }
    if yaml && tag(text, &node).is_some() {
        return placeholder(text, node.span);
    }
    let span = node.span;
    match node.kind {
        NodeKind::Object(object) => {
            if let [one] = object.members.as_slice() {
                if one.key == "Ref" || one.key.starts_with("Fn::") || one.key == "Condition" {
                    return placeholder(text, span);
                }
            }
            let members = object
                .members
                .into_iter()
                .map(|m| Member {
                    value: intrinsics(text, m.value, yaml, depth + 1),
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
        NodeKind::Array(items) => Node::new(
            NodeKind::Array(
                items
                    .into_iter()
                    .map(|i| intrinsics(text, i, yaml, depth + 1))
                    .collect(),
            ),
            span,
        ),
        kind => Node::new(kind, span),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = "AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: web
      Cpu: 256
      Memory: '512'
      RequiresCompatibilities: [FARGATE]
      ExecutionRoleArn: !GetAtt Role.Arn
      Volumes:
        - Name: data
          EFSVolumeConfiguration:
            FilesystemId: !Ref Fs
      ContainerDefinitions:
        - Name: web
          Image: !Sub '${Repo}:latest'
          PortMappings:
            - ContainerPort: '80'
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref Task
      DesiredCount: 2
";

    #[test]
    fn yaml_resources_map_onto_the_api() {
        let read = read("ecs.yml", YAML);
        assert_eq!(read.resources.len(), 2);
        let task = &read.resources[0].root;
        assert_eq!(task.get_str("family"), Some("web"));
        // Coerced to the API's string, with its span in the template.
        assert_eq!(task.get_str("cpu"), Some("256"));
        assert!(task
            .get("executionRoleArn")
            .is_some_and(Node::is_placeholder));
        let volume = &task.get_array("volumes")[0];
        let efs = volume.get("efsVolumeConfiguration");
        assert!(efs
            .and_then(|e| e.get("fileSystemId"))
            .is_some_and(Node::is_placeholder));
        let container = &task.get_array("containerDefinitions")[0];
        assert!(container.get("image").is_some_and(Node::is_placeholder));
        let port = &container.get_array("portMappings")[0];
        assert_eq!(
            port.get("containerPort").and_then(Node::as_i64_lenient),
            Some(80)
        );
        let span = port
            .get("containerPort")
            .map(|n| n.span)
            .unwrap_or(Span::EMPTY);
        assert_eq!(span.text(YAML), "'80'");
        let service = &read.resources[1];
        assert_eq!(service.kind, Kind::ServiceDef);
        assert_eq!(service.task_ref.as_deref(), Some("Task"));
        assert_eq!(
            service
                .root
                .get("desiredCount")
                .and_then(Node::as_i64_lenient),
            Some(2)
        );
    }

    #[test]
    fn json_intrinsics_are_placeholders() {
        let json = r#"{"Resources": {"T": {"Type": "AWS::ECS::TaskDefinition", "Properties": {
            "Cpu": {"Fn::If": ["Big", "1024", "256"]}, "TaskRoleArn": {"Ref": "Role"},
            "ContainerDefinitions": [{"Name": "a", "Image": {"Fn::Join": ["", ["x", ":1"]]}}]}}}}"#;
        let read = read("stack.template.json", json);
        let task = &read.resources[0].root;
        assert!(task.get("cpu").is_some_and(Node::is_placeholder));
        assert!(task.get("taskRoleArn").is_some_and(Node::is_placeholder));
        let container = &task.get_array("containerDefinitions")[0];
        assert!(container.get("image").is_some_and(Node::is_placeholder));
    }
}
