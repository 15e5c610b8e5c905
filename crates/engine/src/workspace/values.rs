//! The values a project's variables get, and where each comes from: given by the user (the
//! page's variables panel, the CLI's `--var`, `--env-file`, `--ext-str`), an env file of the
//! project, the project's Terraform state, or `env`'s default.
//!
//! Values are keyed as share links and `--var` carry them: an environment variable (`env`,
//! `must_env`, Jsonnet's `std.native('env')`) by its bare name (`IMAGE`), a Jsonnet external
//! variable as `extVar:NAME`, any other lookup by its template key (`tfstate:aws_lb.main.arn`,
//! `ssm:/app/db/url`).

use std::collections::BTreeMap;

use crate::lint::Vars;
use crate::models::ecspresso::{Source, Variable};
use crate::syntax::template::{self, Call, Values};
use crate::syntax::tfstate::{self, TfState};

use super::FileId;

/// Where a variable's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Given by the user.
    Given,
    /// An env file of the project (`.env`, `prod.env`, `.env.production`).
    EnvFile(FileId),
    /// The project's Terraform state.
    Tfstate(FileId),
    /// `env`'s default, written in the template.
    Default,
}

impl Origin {
    /// Where the value comes from, for a sentence ("from .env").
    pub fn label(self) -> &'static str {
        match self {
            Origin::Given => "given",
            Origin::EnvFile(_) => "env file",
            Origin::Tfstate(_) => "terraform.tfstate",
            Origin::Default => "default",
        }
    }
}

/// One value the project looks up, with its value and where that comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectVariable {
    /// The key its value is given under (see the module docs).
    pub key: String,
    pub source: Source,
    /// The function as written (`must_env`, `tfstate`, `extVar`).
    pub func: String,
    /// What it looks up (`IMAGE`, `aws_lb.main.arn`).
    pub name: String,
    /// `env`'s default, when the template gives one.
    pub default: Option<String>,
    /// The files that use it, in project order.
    pub files: Vec<FileId>,
    /// Its value, when anything gives one.
    pub value: Option<String>,
    pub origin: Option<Origin>,
}

/// The key a variable's value is given under.
pub fn value_key(v: &Variable) -> String {
    match v.source {
        Source::ExtVar => format!("extVar:{}", v.name),
        _ => v.key(),
    }
}

/// Values given by key (see the module docs) as the engine's [`Vars`].
pub fn vars_from_keys(given: &BTreeMap<String, String>) -> Vars {
    let mut vars = Vars::default();
    for (key, value) in given {
        match key.strip_prefix("extVar:") {
            Some(name) => vars.ext_str.insert(name.to_string(), value.clone()),
            None => vars.env.insert(key.clone(), value.clone()),
        };
    }
    vars
}

/// Whether a file is an env file (`.env`, `prod.env`, `.env.production`): `NAME=value` lines.
pub fn is_env_file(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    name == ".env" || name.starts_with(".env.") || name.ends_with(".env")
}

/// What the project itself answers: its env files' values (the first file naming a variable
/// wins) and its first Terraform state.
#[derive(Debug, Clone, Default)]
pub(super) struct Answers {
    pub env_files: BTreeMap<String, (String, FileId)>,
    pub tfstate: Option<(TfState, FileId)>,
}

impl Answers {
    pub fn of(files: &[(FileId, &str, &str)]) -> Answers {
        let mut answers = Answers::default();
        for &(id, path, text) in files {
            if is_env_file(path) {
                for (name, value) in crate::syntax::dotenv::parse(text) {
                    answers.env_files.entry(name).or_insert((value, id));
                }
            } else if answers.tfstate.is_none() && tfstate::is_tfstate(path, text) {
                answers.tfstate = TfState::parse(text).map(|state| (state, id));
            }
        }
        answers
    }

    /// The value the project gives a variable, and where it comes from.
    pub fn answer(&self, v: &Variable) -> Option<(String, Origin)> {
        if v.source.is_env() {
            if let Some((value, id)) = self.env_files.get(&v.name) {
                return Some((value.clone(), Origin::EnvFile(*id)));
            }
        }
        let (state, id) = self.tfstate.as_ref()?;
        let address = match template::base_function(&v.func) {
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
            .map(|value| (value, Origin::Tfstate(*id)))
    }

    /// The values a lint run gets: the env files' values, then the given ones over them.
    pub fn effective(&self, given: &Vars) -> Vars {
        let mut vars = given.clone();
        for (name, (value, _)) in &self.env_files {
            vars.env
                .entry(name.clone())
                .or_insert_with(|| value.clone());
        }
        vars
    }
}

/// The values a rendered view shows: the effective values (given, then env files; `env`'s
/// default), then the project's Terraform state.
pub struct Shown<'a> {
    pub env: &'a BTreeMap<String, String>,
    pub tfstate: Option<&'a TfState>,
}

impl Values for Shown<'_> {
    fn value(&self, call: &Call) -> Option<String> {
        self.env
            .value(call)
            .or_else(|| self.tfstate.and_then(|s| s.value(call)))
    }
}
