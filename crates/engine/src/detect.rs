//! Which kind of input a file is, from its name and its content.

use crate::rule::Kind;

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
    }
}

/// The kind a JSON, YAML or Jsonnet text holds, from keys that only that kind has.
pub fn content_kind(text: &str) -> Option<Kind> {
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
}
