//! The variables panel's data: which values a project looks up, and the values the page knows.
//!
//! [`project_variables`] reads the engine's list (`ecspresso::variables`) and keys it the page's way.
//!
//! Values are keyed the way share links carry them (`vars` of `ShareState`): an environment
//! variable (`env`, `must_env`, Jsonnet's `std.native('env')`) by its bare name (`IMAGE`), a
//! Jsonnet external variable as `extVar:NAME`, any other lookup by its template key
//! (`tfstate:aws_lb.main.arn`, `ssm:/app/db/url`).

use std::collections::BTreeMap;

use ecsplain_engine::ecspresso::tfstate::{self, TfState};
use ecsplain_engine::ecspresso::{self, Source};
use ecsplain_engine::template::{self, Call, Values};
use ecsplain_engine::{Input, Kind, Vars};

/// At most this many variables are listed (a generated file could name thousands).
const MAX_VARIABLES: usize = 500;

/// One value the project looks up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageVariable {
    /// The key values are stored under (see the module docs).
    pub key: String,
    /// The function as written (`must_env`, `tfstate`, `extVar`).
    pub func: String,
    /// What it looks up (`IMAGE`, `aws_lb.main.arn`).
    pub name: String,
    /// `env`'s default, when the template gives one.
    pub default: Option<String>,
    /// The files that use it, in project order.
    pub files: Vec<String>,
}

/// Turns a template variable key (`env:IMAGE`, `tfstate:a.b`) into the page's key.
fn page_key(key: &str) -> String {
    match key.split_once(':') {
        Some(("env" | "must_env", name)) => name.to_string(),
        _ => key.to_string(),
    }
}

/// Whether a file is an env file (`.env`, `prod.env`, `.env.production`): `NAME=value` lines.
pub fn is_env_file(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    name == ".env" || name.starts_with(".env.") || name.ends_with(".env")
}

/// Every value the project's files look up, in order of first use: the engine's list
/// (`ecspresso::variables`: templates in every file, Jsonnet `std.extVar` and natives, also through
/// `local` aliases), keyed the page's way. Dockerfiles, Terraform states and env files look
/// nothing up.
pub fn project_variables(inputs: &[Input]) -> Vec<PageVariable> {
    let mut out: Vec<PageVariable> = Vec::new();
    for v in ecspresso::variables(inputs) {
        if out.len() >= MAX_VARIABLES {
            break;
        }
        let key = match v.source {
            Source::ExtVar => format!("extVar:{}", v.name),
            _ => v.key(),
        };
        let mut files: Vec<String> = Vec::new();
        for (file, _) in &v.uses {
            let Some(input) = inputs.get(*file) else {
                continue;
            };
            if input.kind == Some(Kind::Dockerfile)
                || tfstate::is_tfstate(&input.path, &input.text)
                || is_env_file(&input.path)
            {
                continue;
            }
            if !files.contains(&input.path) {
                files.push(input.path.clone());
            }
        }
        if files.is_empty() {
            continue;
        }
        out.push(PageVariable {
            key,
            func: v.func.clone(),
            name: v.name.clone(),
            default: v.default.clone(),
            files,
        });
    }
    out
}

/// Reads an env file's `NAME=value` lines with the engine's reader (the CLI's `--env-file`).
pub fn parse_env_file(text: &str) -> BTreeMap<String, String> {
    ecsplain_engine::dotenv::parse(text).into_iter().collect()
}

/// What the page knows about values: the user's, then the project's env files and Terraform
/// state. Implements the engine's template [`Values`], for the rendered view.
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// Values typed in the panel (page keys).
    pub user: BTreeMap<String, String>,
    /// Values from the project's env files, by name.
    pub env_files: BTreeMap<String, String>,
    /// The project's first Terraform state.
    pub tfstate: Option<TfState>,
}

impl Known {
    pub fn new(user: &BTreeMap<String, String>, inputs: &[Input]) -> Known {
        let mut known = Known {
            user: user.clone(),
            ..Known::default()
        };
        for input in inputs {
            if is_env_file(&input.path) {
                for (name, value) in parse_env_file(&input.text) {
                    known.env_files.entry(name).or_insert(value);
                }
            } else if known.tfstate.is_none() && tfstate::is_tfstate(&input.path, &input.text) {
                known.tfstate = TfState::parse(&input.text);
            }
        }
        known
    }

    /// The value the project gives a variable without the user (env file, Terraform state), and
    /// where it comes from.
    pub fn from_project(&self, v: &PageVariable) -> Option<(String, &'static str)> {
        if !v.key.contains(':') {
            if let Some(value) = self.env_files.get(&v.key) {
                return Some((value.clone(), "env file"));
            }
        }
        let state = self.tfstate.as_ref()?;
        let base = template::base_function(&v.func);
        let address = match base {
            "tfstate" => v.name.clone(),
            "tfstatef" => {
                let mut parts = v.name.split(' ');
                let format = parts.next().unwrap_or("");
                let args: Vec<&str> = parts.collect();
                tfstate::format_address(format, &args)
            }
            _ => return None,
        };
        state
            .lookup(&address)
            .map(|value| (value, "terraform.tfstate"))
    }

    /// The value a variable has: typed, else from the project, else `env`'s default.
    pub fn value_of(&self, v: &PageVariable) -> Option<String> {
        self.user
            .get(&v.key)
            .cloned()
            .or_else(|| self.from_project(v).map(|(value, _)| value))
            .or_else(|| v.default.clone())
    }

    /// The values for the engine's `lint_vars`: environment variables (typed or from env files),
    /// Jsonnet external variables, and typed answers to other lookups (`tfstate:ADDR`,
    /// `ssm:/path`), which the engine reads by the same keys; a project's own Terraform state
    /// answers the rest.
    pub fn engine_vars(&self) -> Vars {
        let mut vars = Vars::default();
        for (name, value) in &self.env_files {
            vars.env.insert(name.clone(), value.clone());
        }
        for (key, value) in &self.user {
            match key.split_once(':') {
                None => {
                    vars.env.insert(key.clone(), value.clone());
                }
                Some(("extVar", name)) => {
                    vars.ext_str.insert(name.to_string(), value.clone());
                }
                Some(_) => {
                    vars.env.insert(key.clone(), value.clone());
                }
            }
        }
        vars
    }
}

impl Values for Known {
    fn value(&self, call: &Call) -> Option<String> {
        let key = page_key(&template::variable_key(call)?);
        if let Some(value) = self.user.get(&key) {
            return Some(value.clone());
        }
        let name = call.first_literal().unwrap_or("").to_string();
        let args: Vec<&str> = call
            .args
            .iter()
            .filter(|a| a.literal)
            .map(|a| a.value.as_str())
            .collect();
        let v = PageVariable {
            func: call.func.clone(),
            name: if template::base_function(&call.func) == "tfstatef" {
                args.join(" ")
            } else {
                name
            },
            key,
            default: None,
            files: Vec::new(),
        };
        self.from_project(&v).map(|(value, _)| value)
    }
}

/// The text with its template calls replaced by the known values; unknown ones stay visible as
/// `${NAME}` markers.
pub fn render(text: &str, known: &Known) -> String {
    template::render(text, known).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_come_from_templates_jsonnet_and_values_from_files() {
        let inputs = vec![
            Input::new(
                "app/ecspresso.yml",
                "region: {{ must_env `AWS_REGION` }}\ncluster: {{ env `CLUSTER` `default` }}\n",
                Some(Kind::Ecspresso),
            ),
            Input::new(
                "app/ecs-task-def.json",
                r#"{"image": "{{ must_env `IMAGE` }}", "x": "{{ tfstate `aws_lb.main.arn` }}"}"#,
                None,
            ),
            Input::new(
                "app/lib.libsonnet",
                "{ a: std.extVar('STAGE'), b: std.native('must_env')('TOKEN') }",
                None,
            ),
            Input::new(
                "app/.env",
                "export IMAGE=\"nginx:1.27\"\n# c\nBAD LINE\n",
                None,
            ),
            Input::new(
                "terraform.tfstate",
                r#"{"version": 4, "terraform_version": "1.9.0", "resources": [{"mode": "managed", "type": "aws_lb", "name": "main", "instances": [{"attributes": {"arn": "arn:aws:elasticloadbalancing:x"}}]}]}"#,
                None,
            ),
        ];
        let vars = project_variables(&inputs);
        let keys: Vec<&str> = vars.iter().map(|v| v.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "AWS_REGION",
                "CLUSTER",
                "IMAGE",
                "tfstate:aws_lb.main.arn",
                "extVar:STAGE",
                "TOKEN"
            ]
        );
        let mut user = BTreeMap::new();
        user.insert("AWS_REGION".to_string(), "ap-northeast-1".to_string());
        user.insert("extVar:STAGE".to_string(), "prod".to_string());
        let known = Known::new(&user, &inputs);
        assert_eq!(known.value_of(&vars[1]).as_deref(), Some("default"));
        assert_eq!(known.value_of(&vars[2]).as_deref(), Some("nginx:1.27"));
        assert_eq!(
            known.from_project(&vars[3]),
            Some((
                "arn:aws:elasticloadbalancing:x".to_string(),
                "terraform.tfstate"
            ))
        );
        let rendered = render(&inputs[1].text, &known);
        assert_eq!(
            rendered,
            r#"{"image": "nginx:1.27", "x": "arn:aws:elasticloadbalancing:x"}"#
        );
        assert_eq!(
            render(&inputs[0].text, &known),
            "region: ap-northeast-1\ncluster: default\n"
        );
        let engine = known.engine_vars();
        assert_eq!(
            engine.env.get("IMAGE").map(String::as_str),
            Some("nginx:1.27")
        );
        assert_eq!(
            engine.ext_str.get("STAGE").map(String::as_str),
            Some("prod")
        );
        // Unknown values stay visible.
        assert!(render("{{ must_env `NOPE` }}", &known).contains("NOPE"));
    }
}
