//! What `ecspresso render` prints, for `ecsplain render` and the page's rendered view:
//! [`as_ecspresso_prints`] (the one entry the front ends call), [`load_config`] (a config in
//! v2's order or v3's), [`project_file`]; a definition as the AWS SDK's Go types write it back
//! (`definition.rs`), a config as goccy/go-yaml writes it (`config_yaml.rs`).

mod config_yaml;
mod definition;

pub use config_yaml::*;
pub use definition::*;

use std::collections::BTreeMap;

use crate::syntax::value::{Node, NodeKind};

/// What ecspresso prints for one rendered file (`rendered`: its text after templates and
/// Jsonnet): a task or service definition as [`definition_json`], a config as [`config_yaml`].
/// `service` is the config's `service` (for a service definition), `aws_region` the value of
/// `AWS_REGION`. `None` for other kinds. The one function front ends call for "what ecspresso
/// would deploy".
pub fn as_ecspresso_prints(
    path: &str,
    rendered: &str,
    kind: crate::input::Kind,
    service: &str,
    aws_region: Option<&str>,
    major: Major,
) -> Option<Result<String, String>> {
    use crate::input::Kind;
    Some(match kind {
        Kind::TaskDef => definition_json(Definition::Task, rendered, service),
        Kind::ServiceDef => definition_json(Definition::Service, rendered, service),
        Kind::Ecspresso => {
            let root = match crate::input::paths::Format::from_path(path) {
                crate::input::paths::Format::Yaml => crate::syntax::yaml::parse(rendered).root,
                _ => crate::syntax::json::parse(rendered).root,
            };
            match root {
                Some(root) => config_yaml(path, &root, aws_region, major),
                None => Err("the config does not parse".to_string()),
            }
        }
        Kind::Dockerfile | Kind::Terraform | Kind::CloudFormation => return None,
    })
}

/// A config loaded in the order ecspresso's major version loads it, with the values given
/// (a value not given shows as a marker, `${NAME}`), to its rendered text.
///
/// - v2 (`config.go` `Load`, go-config `ReadWithEnv`): the whole text is rendered as a Go
///   template with go-config's functions only (`env`, `must_env`, `json_escape` and Go's
///   builtins: no plugin function, `function "tfstate" not defined`), then read as YAML/JSON.
/// - v3 (kayac/ecspresso#1023, `docs/v2-v3.md`): pass 1 reads the raw text as YAML (a YAML
///   config must be valid YAML before rendering) to set the plugins up; pass 2 renders the
///   whole text with the plugins' functions too, and reads the result.
///
/// Both render the whole text, comments included; they differ where the raw text is not YAML
/// (an unquoted `{{` starting a value, a `{{ if }}` line) and where a plugin function is used.
/// JSON and Jsonnet configs are read alike by both. Err: ecspresso's error.
pub fn load_config(
    path: &str,
    raw: &str,
    values: &dyn crate::syntax::template::Values,
    major: Major,
) -> Result<String, String> {
    let yaml = crate::input::paths::Format::from_path(path) == crate::input::paths::Format::Yaml;
    let mut defined: Option<Vec<String>> = Some(Vec::new());
    if major == Major::V3 && yaml {
        let parsed = crate::syntax::yaml::parse(raw);
        if let Some(d) = parsed
            .diagnostics
            .iter()
            .find(|d| d.code == crate::syntax::yaml::SYNTAX)
        {
            let at = crate::input::span::LineIndex::new(raw).line_col(raw, d.span.start);
            return Err(format!(
                "failed to parse yaml before rendering (ecspresso v3 reads the YAML first): line {}, column {}: {}",
                at.line, at.column, d.message
            ));
        }
        // What ecspresso's YAML reader (goccy/go-yaml) rejects and ours may read as a flow
        // mapping: a template action starting a value, or filling a line (EP009's finding).
        if let Some(u) = crate::syntax::yaml::unquoted_templates(raw).first() {
            let at = crate::input::span::LineIndex::new(raw).line_col(raw, u.span.start);
            return Err(format!(
                "failed to parse yaml before rendering (ecspresso v3 reads the YAML first): line {}, column {}: a template action is not YAML here; quote the value",
                at.line, at.column
            ));
        }
        defined = parsed.root.as_ref().and_then(super::plugin_functions);
    } else if major == Major::V3 {
        defined = super::read_config(path, raw)
            .as_ref()
            .and_then(super::plugin_functions);
    }
    if let Some(e) = undefined_function(raw, defined.as_deref()) {
        return Err(e);
    }
    let out = crate::syntax::template::execute(raw, values, crate::syntax::template::Mode::Display);
    if let Some(e) = out.error {
        let at = crate::input::span::LineIndex::new(raw).line_col(raw, e.span.start);
        return Err(format!(
            "config parse by template failed: template: conf:{}: {}",
            at.line, e.message
        ));
    }
    if let Some(root) = super::read_config(path, &out.rendered.text) {
        plugin_clash(&root)?;
    }
    Ok(out.rendered.text)
}

/// go-config's error for the first function the text calls that neither Go's builtins,
/// go-config's functions nor `extra` (the plugins' functions, [`super::plugin_functions`])
/// define: Go's parser stops there (`function "x" not defined`). `extra: None` (unknowable):
/// no error.
pub fn undefined_function(text: &str, extra: Option<&[String]>) -> Option<String> {
    use crate::syntax::template::{function_names, GO_BUILTINS, GO_CONFIG_FUNCS};
    let extra = extra?;
    let (name, span) = function_names(text)?.into_iter().find(|(name, _)| {
        !GO_BUILTINS.contains(&name.as_str())
            && !GO_CONFIG_FUNCS.contains(&name.as_str())
            && !extra.contains(name)
    })?;
    let at = crate::input::span::LineIndex::new(text).line_col(text, span.start);
    Some(format!(
        "config parse by template failed: template: conf:{}: function {} not defined",
        at.line,
        crate::syntax::template::gofmt::go_quote(&name)
    ))
}

/// ecspresso `setupPlugins`: the default plugins, then the config's, each function named with
/// its plugin's `func_prefix`; a name already taken is skipped for the default plugins (`ssm`,
/// `secretsmanager`) and an error for any other (`AppendFuncMap`).
fn plugin_clash(root: &Node) -> Result<(), String> {
    let mut taken: Vec<String> = vec!["ssm".into(), "secretsmanager_arn".into()];
    for entry in root.get_array("plugins") {
        let Some(name) = entry.get_str("name") else {
            continue;
        };
        let prefix = entry.get_str("func_prefix").unwrap_or("");
        let lower = name.to_ascii_lowercase();
        let funcs: &[&str] = match lower.as_str() {
            "tfstate" => &["tfstate", "tfstatef"],
            "cloudformation" => &["cfn_output", "cfn_export"],
            "ssm" => &["ssm"],
            "secretsmanager" => &["secretsmanager_arn"],
            _ => &[],
        };
        for f in funcs {
            let full = format!("{prefix}{f}");
            if taken.contains(&full) {
                if super::DEFAULT_PLUGINS.contains(&name) {
                    continue;
                }
                return Err(format!(
                    "failed to setup plugins: template function {full} already exists. set func_prefix to {name} plugin"
                ));
            }
            taken.push(full);
        }
    }
    Ok(())
}

/// What ecspresso prints for one file of a project (`render config`, `render taskdef` or
/// `render servicedef`), for the page's rendered view: the file's kind is its own or the role
/// a config of the project gives it; that config gives a service definition its `serviceName`,
/// the plugins' functions and, by its `required_version`, v2's or v3's reading (v2 when it
/// admits both). Values not given show as markers (`${IMAGE}`) with [`crate::syntax::template::Mode::Display`].
/// A Jsonnet file is evaluated first by the caller, who passes the evaluated JSON as `text`.
/// `None`: not a config or definition. Err: where ecspresso stops, with its message.
pub fn project_file(
    inputs: &[crate::input::Input],
    path: &str,
    text: &str,
    values: &dyn crate::syntax::template::Values,
    aws_region: Option<&str>,
) -> Option<Result<String, String>> {
    use crate::input::Kind;
    let normalized = crate::input::paths::normalize_path(path);
    let own = inputs
        .iter()
        .find(|i| i.path == path)
        .and_then(|i| i.kind)
        .or_else(|| crate::input::detect::detect(path, text));
    // The config that names this file (the first), else the file itself when it is a config.
    let mut config: Option<(&crate::input::Input, Kind)> = None;
    for input in inputs {
        let kind = input
            .kind
            .or_else(|| crate::input::detect::detect(&input.path, &input.text));
        if kind != Some(Kind::Ecspresso) {
            continue;
        }
        if let Some(reference) = super::references(&input.path, &input.text)
            .into_iter()
            .find(|r| !r.template && r.resolved == normalized)
        {
            config = Some((input, reference.role));
            break;
        }
    }
    let kind = match (own, config) {
        (Some(Kind::Dockerfile), _) => return None,
        (Some(k), _) => k,
        (None, Some((_, role))) => role,
        (None, None) => return None,
    };
    let (config_path, config_text) = match (kind, config) {
        (Kind::Ecspresso, _) => (path, text),
        (_, Some((c, _))) => (c.path.as_str(), c.text.as_str()),
        (_, None) => ("", ""),
    };
    let raw_root = super::read_config(config_path, config_text);
    let major = match &raw_root {
        Some(root) if super::versions(root).v3_only() => Major::V3,
        _ => Major::V2,
    };
    let loaded = if config_path.is_empty() {
        Ok(String::new())
    } else {
        load_config(config_path, config_text, values, major)
    };
    if kind == Kind::Ecspresso {
        return Some(loaded.and_then(|t| {
            as_ecspresso_prints(path, &t, kind, "", aws_region, major)
                .unwrap_or_else(|| Err("not a config".into()))
        }));
    }
    let config_root = match loaded {
        Ok(t) => super::read_config(config_path, &t),
        Err(e) => {
            return Some(Err(format!(
                "failed to load config file {config_path}: {e}"
            )))
        }
    };
    let service = config_root
        .as_ref()
        .and_then(|r| r.get_str("service"))
        .unwrap_or("")
        .to_string();
    // Without a config, only Go's and go-config's functions are certain: unknown names are
    // not judged.
    let plugins = config_root.as_ref().and_then(super::plugin_functions);
    if let Some(e) = undefined_function(text, plugins.as_deref()) {
        return Some(Err(e));
    }
    let out =
        crate::syntax::template::execute(text, values, crate::syntax::template::Mode::Display);
    if let Some(e) = out.error {
        let at = crate::input::span::LineIndex::new(text).line_col(text, e.span.start);
        return Some(Err(format!(
            "config parse by template failed: template: conf:{}: {}",
            at.line, e.message
        )));
    }
    as_ecspresso_prints(path, &out.rendered.text, kind, &service, aws_region, major)
}

/// Which major version of ecspresso reads the config (its `required_version`; v2 when it admits
/// both, the version ecspresso's test data is written for).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Major {
    V2,
    V3,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn floats_as_go_writes_them() {
        assert_eq!(go_float(256.0), "256");
        assert_eq!(go_float(0.5), "0.5");
        assert_eq!(go_float(1e21), "1e+21");
        assert_eq!(go_float(1.5e-7), "1.5e-7");
        assert_eq!(go_float(0.0), "0");
        assert_eq!(go_float(123_456_789.0), "123456789");
    }

    #[test]
    fn the_go_type_data_reads_and_names_its_roots() {
        // Generated from the same botocore as the schema the rules read.
        let version = |text: &str| {
            crate::syntax::json::read_value(text).unwrap()["botocore"]
                .as_str()
                .unwrap()
                .to_string()
        };
        assert_eq!(
            version(DATA),
            version(include_str!("../../../../data/ecs-schema.json"))
        );
        let data = shapes().expect("ecs-go-shapes.json reads");
        for root in ["TaskDefinition", "Service"] {
            let name = data.roots.get(root).and_then(|v| v.as_str()).unwrap();
            assert!(data.shapes.contains_key(name), "{root}");
        }
        // Every structure a member names is in the file.
        for (_, members) in &data.shapes {
            for (_, r) in members.as_object().unwrap() {
                let r = r.as_str().unwrap().trim_end_matches("[]");
                assert!(
                    r.len() == 1 || data.shapes.contains_key(r),
                    "missing shape {r}"
                );
            }
        }
    }

    #[test]
    fn a_task_definition_as_ecspresso_prints_it() {
        let json = r#"{"Family":"app","cpu":"256","containerDefinitions":[{"name":"web","image":"nginx","essential":true,"portMappings":[],"dockerLabels":{"Com.x":"<a>&"},"logConfiguration":{"logDriver":"awslogs","options":{"Awslogs-group":"g"}},"unknownKey":1}],"volumes":[{"name":"v","dockerVolumeConfiguration":{"labels":{"Foo":"x"}}}],"tags":[]}"#;
        let out = definition_json(Definition::Task, json, "").unwrap();
        let expected = r#"{
  "containerDefinitions": [
    {
      "cpu": 0,
      "dockerLabels": {
        "Com.x": "\u003ca\u003e\u0026"
      },
      "essential": true,
      "image": "nginx",
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": {
          "Awslogs-group": "g"
        }
      },
      "name": "web",
      "versionConsistency": ""
    }
  ],
  "cpu": "256",
  "family": "app",
  "ipcMode": "",
  "networkMode": "",
  "pidMode": "",
  "volumes": [
    {
      "dockerVolumeConfiguration": {
        "labels": {
          "foo": "x"
        },
        "scope": ""
      },
      "name": "v"
    }
  ]
}
"#;
        assert_eq!(out, expected);
        // describe-task-definition output is unwrapped.
        let wrapped = format!("{{\"taskDefinition\": {json}}}");
        assert_eq!(
            definition_json(Definition::Task, &wrapped, "").unwrap(),
            expected
        );
    }

    #[test]
    fn a_service_definition_gets_the_config_service_and_zero_values() {
        let out = definition_json(
            Definition::Service,
            r#"{"launchType":"FARGATE","desiredCount":2,"loadBalancers":[{"targetGroupArn":"arn","containerName":"web","containerPort":80}],"enableExecuteCommand":true}"#,
            "web",
        )
        .unwrap();
        assert!(
            out.starts_with("{\n  \"availabilityZoneRebalancing\": \"\",\n"),
            "{out}"
        );
        for line in [
            "  \"desiredCount\": 2,\n",
            "  \"enableECSManagedTags\": false,\n",
            "  \"enableExecuteCommand\": true,\n",
            "  \"pendingCount\": 0,\n",
            "  \"runningCount\": 0,\n",
            "  \"serviceName\": \"web\"\n",
            "      \"containerPort\": 80,\n",
        ] {
            assert!(out.contains(line), "{line:?} in {out}");
        }
        // Without desiredCount, none is printed (ecspresso's *int32).
        let out = definition_json(Definition::Service, "{}", "").unwrap();
        assert!(!out.contains("desiredCount"));
    }

    #[test]
    fn type_errors_are_go_s() {
        let e = definition_json(
            Definition::Task,
            r#"{"containerDefinitions":[{"cpu":"256"}]}"#,
            "",
        )
        .unwrap_err();
        assert_eq!(
            e,
            "json: cannot unmarshal string into Go struct field ContainerDefinition.ContainerDefinitions.Cpu of type int32"
        );
        let e = definition_json(Definition::Task, "[1]", "").unwrap_err();
        assert!(e.contains("cannot unmarshal array"), "{e}");
    }

    #[test]
    fn go_durations() {
        assert_eq!(go_duration(600_000_000_000), "10m0s");
        assert_eq!(go_duration(3_600_000_000_000), "1h0m0s");
        assert_eq!(go_duration(90_500_000_000), "1m30.5s");
        assert_eq!(go_duration(1_500_000), "1.5ms");
        assert_eq!(go_duration(600), "600ns");
        assert_eq!(parse_go_duration("1h30m"), Some(5_400_000_000_000));
        assert_eq!(parse_go_duration("1.5s"), Some(1_500_000_000));
        assert_eq!(parse_go_duration("10"), None);
    }

    #[test]
    fn a_config_as_ecspresso_prints_it() {
        let yaml = "region: ap-northeast-1\nservice: test\nservice_definition: ./sv.json\ntask_definition: td.json\ntimeout: 600\nplugins:\n  - name: tfstate\n    config:\n      path: terraform.tfstate\n    func_prefix: x_\n  - name: ssm\nunknown: 1\n";
        let root = crate::syntax::yaml::parse(yaml).root.unwrap();
        let out = config_yaml("app/ecspresso.yml", &root, None, Major::V2).unwrap();
        assert_eq!(
            out,
            "region: ap-northeast-1\ncluster: default\nservice: test\nservice_definition: app/sv.json\ntask_definition: app/td.json\nplugins:\n- name: tfstate\n  config:\n    path: terraform.tfstate\n  func_prefix: x_\n- name: ssm\n  config: null\ntimeout: \"600ns\"\n"
        );
        // v3 reads a bare number as seconds; an empty region takes AWS_REGION.
        let root = crate::syntax::yaml::parse("timeout: 600\n").root.unwrap();
        let out = config_yaml("ecspresso.yml", &root, Some("us-east-1"), Major::V3).unwrap();
        assert_eq!(
            out,
            "region: us-east-1\ncluster: default\nservice: \"\"\nservice_definition: \"\"\ntask_definition: \"\"\ntimeout: \"10m0s\"\n"
        );
        assert_eq!(yaml_string("true"), "\"true\"");
        assert_eq!(yaml_string("a: b"), "\"a: b\"");
        assert_eq!(yaml_string("1.5"), "\"1.5\"");
        assert_eq!(yaml_string("arn:aws:ecs:x"), "arn:aws:ecs:x");
    }

    /// Where v2's order (render, then read YAML) and v3's (read YAML, then render) differ, and
    /// where they agree.
    #[test]
    fn v2_and_v3_load_a_config_in_their_own_order() {
        let values: BTreeMap<String, String> = [("R".to_string(), "eu-west-1".to_string())].into();
        let load = |text: &str, major| load_config("ecspresso.yml", text, &values, major);
        // An unquoted template starting a value: YAML to v2 once rendered, not YAML to v3.
        let unquoted = "region: {{ must_env `R` }}\n";
        assert_eq!(load(unquoted, Major::V2).unwrap(), "region: eu-west-1\n");
        assert!(load(unquoted, Major::V3)
            .unwrap_err()
            .contains("before rendering"));
        // A template that makes YAML structure.
        let structure =
            "region: x\n{{ if eq (must_env `R`) `eu-west-1` }}\ncluster: eu\n{{ end }}\n";
        assert_eq!(
            load(structure, Major::V2).unwrap(),
            "region: x\n\ncluster: eu\n\n"
        );
        assert!(load(structure, Major::V3).is_err());
        // A plugin function in the config: v2 has none yet, v3 set the plugins up in pass 1.
        let plugin = "cluster: '{{ tfstate `aws_ecs_cluster.main.name` }}'\nplugins:\n  - name: tfstate\n    config: {path: t.tfstate}\n";
        assert_eq!(
            load(plugin, Major::V2).unwrap_err(),
            "config parse by template failed: template: conf:1: function \"tfstate\" not defined"
        );
        assert_eq!(
            load(plugin, Major::V3).unwrap(),
            "cluster: '${tfstate:aws_ecs_cluster.main.name}'\nplugins:\n  - name: tfstate\n    config: {path: t.tfstate}\n"
        );
        // A template in a YAML comment: both render the whole text, so both run it.
        let comment = "region: '{{ must_env `R` }}' # was {{ env `OLD` `us-east-1` }}\n";
        assert_eq!(load(comment, Major::V2), load(comment, Major::V3));
        assert_eq!(
            load(comment, Major::V2).unwrap(),
            "region: 'eu-west-1' # was us-east-1\n"
        );
        let broken_comment = "region: x # {{ end }}\n";
        assert!(load(broken_comment, Major::V2).is_err());
        assert!(load(broken_comment, Major::V3).is_err());
        // Two plugins defining one function: an error, unless the second is a default plugin.
        let clash = "region: x\nplugins:\n  - name: tfstate\n    config: {path: a}\n  - name: tfstate\n    config: {path: b}\n";
        assert!(load(clash, Major::V2)
            .unwrap_err()
            .ends_with("already exists. set func_prefix to tfstate plugin"));
        let default_again = "region: x\nplugins:\n  - name: ssm\n  - name: secretsmanager\n";
        assert!(load(default_again, Major::V2).is_ok());
        // An unknown function: Go's parser stops in both.
        assert!(load("region: '{{ lower `X` }}'\n", Major::V3)
            .unwrap_err()
            .contains("function \"lower\" not defined"));
    }

    #[test]
    fn a_project_file_as_ecspresso_prints_it() {
        use crate::input::Input;
        let inputs = vec![
            Input::new(
                "app/ecspresso.yml",
                "region: x\nservice: web\nservice_definition: sv.json\ntask_definition: td.json\n",
                None,
            ),
            Input::new("app/sv.json", "{\"launchType\": \"FARGATE\"}", None),
            Input::new(
                "app/td.json",
                "{\"family\": \"{{ must_env `F` }}\", \"cpu\": \"{{ nope }}\"}",
                None,
            ),
        ];
        let values: BTreeMap<String, String> = BTreeMap::new();
        let sv = project_file(&inputs, "app/sv.json", &inputs[1].text, &values, None)
            .unwrap()
            .unwrap();
        assert!(sv.contains("  \"serviceName\": \"web\"\n"), "{sv}");
        let config = project_file(&inputs, "app/ecspresso.yml", &inputs[0].text, &values, None)
            .unwrap()
            .unwrap();
        assert!(
            config.contains("task_definition: app/td.json\n"),
            "{config}"
        );
        let td = project_file(&inputs, "app/td.json", &inputs[2].text, &values, None).unwrap();
        assert_eq!(
            td.unwrap_err(),
            "config parse by template failed: template: conf:1: function \"nope\" not defined"
        );
        let td = project_file(
            &inputs,
            "app/td.json",
            "{\"family\": \"{{ must_env `F` }}\"}",
            &values,
            None,
        )
        .unwrap()
        .unwrap();
        assert!(td.contains("\"family\": \"${F}\""), "{td}");
        assert!(project_file(&inputs, "Dockerfile", "FROM x\n", &values, None).is_none());
    }
}
