//! Which kind of input a file is, from its name and its content.

use crate::input::Kind;

/// The kind of a file, or `None` when neither its name nor its content tells.
pub fn detect(path: &str, text: &str) -> Option<Kind> {
    let name = path
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(path)
        .to_ascii_lowercase();
    if is_dockerfile_name(&name) {
        return Some(Kind::Dockerfile);
    }
    let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    if ext == "tf" {
        return Some(Kind::Terraform);
    }
    // CloudFormation templates (and the CDK's synthesised `*.template.json`) first: their
    // `ContainerDefinitions` would otherwise pass for a task definition's key.
    if matches!(ext, "json" | "yml" | "yaml" | "template") && is_cloudformation(text) {
        return Some(Kind::CloudFormation);
    }
    // A Terraform template (`templatefile()`), whatever its name: `%{ if }` directives and
    // bare `${...}` make it text that is JSON only once Terraform renders it. It is read by
    // the `.tf` file that renders it, not linted as JSON.
    if is_terraform_template(text) {
        return None;
    }
    match ext {
        "json" | "jsonnet" | "yml" | "yaml" | "libsonnet" => {}
        "" => {
            return content_kind(text)
                .or_else(|| looks_like_dockerfile(text).then_some(Kind::Dockerfile));
        }
        _ => return None,
    }
    if ext == "libsonnet" {
        return None;
    }
    if let Some(kind) = content_kind(text) {
        return Some(kind);
    }
    // Names as people write them: ecspresso.yml, task-def.json, ecs-service-def.jsonnet.
    if name.contains("ecspresso") {
        return Some(Kind::Ecspresso);
    }
    let compact: String = name.chars().filter(char::is_ascii_alphanumeric).collect();
    if compact.contains("taskdef") || compact.contains("taskdefinition") {
        return Some(Kind::TaskDef);
    }
    if compact.contains("servicedef") || compact.contains("servicedefinition") {
        return Some(Kind::ServiceDef);
    }
    None
}

pub fn is_dockerfile_name(name: &str) -> bool {
    // Files of other kinds that may mention Dockerfiles in their names.
    const OTHER: [&str; 14] = [
        "json", "jsonnet", "yml", "yaml", "md", "txt", "rs", "go", "py", "js", "ts", "sh", "toml",
        "snap",
    ];
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    if name == "dockerfile"
        || name == "containerfile"
        || name.ends_with(".dockerfile")
        || name.ends_with(".containerfile")
    {
        return true;
    }
    // `Dockerfile.prod`, `Dockerfile-dev`, `api.Dockerfile.arm64`, `svc__Dockerfile.flask`.
    (name.contains("dockerfile") || name.contains("containerfile")) && !OTHER.contains(&ext)
}

/// Keys only a service definition has (`taskDefinition` holding a string is one too, but it
/// holds an object in describe output).
const SERVICE_KEYS: [&str; 9] = [
    "desiredCount",
    "deploymentConfiguration",
    "loadBalancers",
    "serviceName",
    "schedulingStrategy",
    "networkConfiguration",
    "deploymentController",
    "serviceRegistries",
    "healthCheckGracePeriodSeconds",
];

/// Does the text hold a key that only `kind` has? Used to obey a kind the caller gives
/// (`--kind`, a pane of the page) when the text also holds keys of another kind.
pub fn has_keys_of(text: &str, kind: Kind) -> bool {
    let has = |key: &str| has_key(text, key);
    match kind {
        Kind::Ecspresso => has("task_definition") || has("service_definition"),
        Kind::TaskDef => has("containerDefinitions") || has("taskDefinitionArn"),
        Kind::ServiceDef => SERVICE_KEYS.iter().any(|k| has(k)),
        Kind::Dockerfile => looks_like_dockerfile(text),
        Kind::Terraform => looks_like_terraform(text),
        Kind::CloudFormation => is_cloudformation(text),
    }
}

/// A CloudFormation template: `AWSTemplateFormatVersion`, a SAM `Transform`, or `Resources`
/// whose members have a `Type` of `AWS::...` (CDK output often has no format version).
pub fn is_cloudformation(text: &str) -> bool {
    if has_key(text, "AWSTemplateFormatVersion") {
        return true;
    }
    if has_key(text, "Transform") && text.contains("AWS::Serverless") {
        return true;
    }
    has_key(text, "Resources")
        && has_key(text, "Type")
        && (text.contains("\"AWS::") || text.contains(" AWS::") || text.contains("'AWS::"))
}

/// Terraform's own syntax: a top-level `resource "type" "name" {` (or `variable`, `locals`...).
pub fn looks_like_terraform(text: &str) -> bool {
    text.lines().any(|l| {
        let l = l.trim_start();
        [
            "resource \"",
            "data \"",
            "module \"",
            "variable \"",
            "locals {",
            "provider \"",
        ]
        .iter()
        .any(|p| l.starts_with(p))
    })
}

/// A Terraform template file (`templatefile()`): `%{ if ... }`/`%{ for ... }` directives, or a
/// `${...}` standing where a JSON value goes (`"cpu": ${cpu}`), which no JSON reader takes.
pub fn is_terraform_template(text: &str) -> bool {
    if text.contains("%{") {
        return [
            "%{ if", "%{if", "%{~ if", "%{ for", "%{for", "%{~ for", "%{ endif", "%{endif",
        ]
        .iter()
        .any(|d| text.contains(d));
    }
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = text[from..].find("${") {
        let at = from + i;
        // Before it, past blanks: `:`, `,` or `[` means it stands where a value goes.
        let before = text[..at].trim_end().as_bytes().last().copied();
        if matches!(before, Some(b':' | b',' | b'['))
            && bytes.get(at.wrapping_sub(1)) != Some(&b'"')
        {
            return true;
        }
        from = at + 2;
    }
    false
}

/// The kind a JSON, YAML or Jsonnet text holds, from keys that only that kind has.
pub fn content_kind(text: &str) -> Option<Kind> {
    if is_cloudformation(text) {
        return Some(Kind::CloudFormation);
    }
    let has = |key: &str| has_key(text, key);
    let service = has_keys_of(text, Kind::ServiceDef);
    // `cluster` and `region` together mean an ecspresso config, unless service keys are there
    // too: a service definition has a `cluster` of its own.
    if has_keys_of(text, Kind::Ecspresso)
        || (has("cluster") && has("region") && !has("containerDefinitions") && !service)
    {
        return Some(Kind::Ecspresso);
    }
    if has_keys_of(text, Kind::TaskDef) {
        return Some(Kind::TaskDef);
    }
    if service {
        return Some(Kind::ServiceDef);
    }
    if text.trim_start().starts_with('[') && has("image") && has("name") {
        // A bare containerDefinitions array.
        return Some(Kind::TaskDef);
    }
    None
}

/// Is `key` written as a key in the text (`"key":`, `key:`, with the first letter in either case)?
fn has_key(text: &str, key: &str) -> bool {
    let mut upper = key.to_string();
    if let Some(first) = upper.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    [key, upper.as_str()].iter().any(|k| {
        let mut from = 0;
        while let Some(i) = text[from..].find(k) {
            let at = from + i;
            let before = text[..at].chars().next_back();
            let after = text[at + k.len()..]
                .trim_start_matches(['"', '\''])
                .trim_start();
            // `awslogs-region` and `a.region` are other keys than `region`.
            let boundary =
                !before.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
            if boundary && after.starts_with(':') {
                return true;
            }
            from = at + k.len();
        }
        false
    })
}

/// Starts with a Dockerfile instruction, after comments and blank lines.
pub fn looks_like_dockerfile(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .is_some_and(|l| {
            let word = l
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_ascii_uppercase();
            matches!(word.as_str(), "FROM" | "ARG")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_contents() {
        assert_eq!(detect("a/Dockerfile", ""), Some(Kind::Dockerfile));
        assert_eq!(detect("Dockerfile.prod", ""), Some(Kind::Dockerfile));
        assert_eq!(detect("repo__Dockerfile.flask", ""), Some(Kind::Dockerfile));
        assert_eq!(detect("dockerfile-notes.md", "FROM x"), None);
        assert_eq!(
            detect("x.json", "{\"containerDefinitions\": []}"),
            Some(Kind::TaskDef)
        );
        assert_eq!(
            detect(
                "x.json",
                "{\"taskDefinition\": \"web\", \"desiredCount\": 2}"
            ),
            Some(Kind::ServiceDef)
        );
        assert_eq!(
            detect("ecspresso.yml", "region: ap-northeast-1\ncluster: x\n"),
            Some(Kind::Ecspresso)
        );
        assert_eq!(
            detect("conf.yml", "task_definition: td.json\n"),
            Some(Kind::Ecspresso)
        );
        assert_eq!(
            detect("ecs-task-def.jsonnet", "local x = 1; {}"),
            Some(Kind::TaskDef)
        );
        assert_eq!(detect("notes.txt", "FROM x"), None);
        assert_eq!(detect("package.json", "{\"name\": \"x\"}"), None);
        // A service with Service Connect logs: `awslogs-region` is not `region`, and a
        // top-level `cluster` belongs to services too.
        let service = r#"{"cluster": "prod", "serviceName": "api", "serviceConnectConfiguration":
            {"enabled": true, "logConfiguration": {"logDriver": "awslogs",
            "options": {"awslogs-region": "eu-west-1"}}}}"#;
        assert_eq!(detect("api.json", service), Some(Kind::ServiceDef));
        assert!(!has_key("{\"awslogs-region\": 1}", "region"));
        assert!(has_key("{\"region\": 1}", "region"));
    }

    #[test]
    fn infrastructure_as_code() {
        assert_eq!(
            detect("ecs.tf", "resource \"x\" \"y\" {}"),
            Some(Kind::Terraform)
        );
        let cfn_json = r#"{"Resources": {"Task": {"Type": "AWS::ECS::TaskDefinition",
            "Properties": {"ContainerDefinitions": [{"Name": "web", "Image": "nginx"}]}}}}"#;
        assert_eq!(
            detect("stack.template.json", cfn_json),
            Some(Kind::CloudFormation)
        );
        let cfn_yaml = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n";
        assert_eq!(detect("ecs.yml", cfn_yaml), Some(Kind::CloudFormation));
        let sam = "Transform: AWS::Serverless-2016-10-31\nResources: {}\n";
        assert_eq!(detect("template.yaml", sam), Some(Kind::CloudFormation));
        // A task definition is not a template; a template file of Terraform is neither.
        assert_eq!(
            detect(
                "task-def.json",
                "{\"containerDefinitions\": [], \"family\": \"x\"}"
            ),
            Some(Kind::TaskDef)
        );
        let tpl = "[{\"name\": \"app\", \"cpu\": ${cpu}, \"image\": \"${image}\"}]";
        assert_eq!(detect("app.json", tpl), None);
        let tpl = "[{\"name\": \"app\", %{ if x }\"command\": []%{ endif }}]";
        assert_eq!(detect("app.json", tpl), None);
        assert_eq!(
            detect("app.json", "[{\"name\": \"a\", \"image\": \"${image}\"}]"),
            Some(Kind::TaskDef)
        );
        assert!(has_keys_of(cfn_json, Kind::CloudFormation));
        assert_eq!(Kind::parse("terraform"), Some(Kind::Terraform));
        assert_eq!(Kind::parse("cloudformation"), Some(Kind::CloudFormation));
    }
}
