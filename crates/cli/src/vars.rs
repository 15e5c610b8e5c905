//! Values for a project's variables, as `lint` and `render` read them: `--env` (the process
//! environment), `--env-file` files, `--var`, in that order (later sources win), `--ext-str`, and
//! the `--tfstate` file. The engine takes them as [`Vars`] and an input holding the state.

use crate::messages::{say, t};
use ecsplain_engine::ecspresso::{self, Source};
use ecsplain_engine::msg;
use ecsplain_engine::workspace::Origin;
use ecsplain_engine::{Input, Project, Vars};

use crate::args::VarArgs;

/// The values read, and the state file as an input for the engine.
pub struct Loaded {
    pub vars: Vars,
    pub tfstate: Option<Input>,
}

/// Reads the values. `inputs` are the files to lint or render: with `--env`, the environment
/// variables they use are taken from the process environment. An unreadable file is an error.
pub fn load(args: &VarArgs, inputs: &[Input]) -> Result<Loaded, String> {
    let mut vars = Vars::default();
    if args.from_env {
        for variable in ecspresso::variables(inputs) {
            if variable.source.is_env() {
                if let Ok(value) = std::env::var(&variable.name) {
                    vars.env.insert(variable.name, value);
                }
            }
        }
    }
    for file in &args.env_files {
        let text = std::fs::read_to_string(file).map_err(|err| cannot_read(file, &err))?;
        vars.env.extend(ecsplain_engine::dotenv::parse(&text));
    }
    vars.env.extend(args.vars.iter().cloned());
    vars.ext_str.extend(args.ext_strs.iter().cloned());
    let tfstate = match &args.tfstate {
        None => None,
        Some(file) => {
            let text = std::fs::read_to_string(file).map_err(|err| cannot_read(file, &err))?;
            if !ecspresso::tfstate::is_tfstate(file, &text)
                || ecspresso::tfstate::TfState::parse(&text).is_none()
            {
                return Err(say(&msg!(t::NOT_TFSTATE, path = file)));
            }
            Some(Input::new(file.clone(), text, None))
        }
    };
    Ok(Loaded { vars, tfstate })
}

/// "cannot read `FILE`: <the OS's words>", in the run's language.
fn cannot_read(file: &str, err: &std::io::Error) -> String {
    say(&msg!(t::CANNOT_READ, path = file, reason = err.to_string()))
}

/// The engine's project of the inputs, the state given and the values: what the values of
/// their templates are (`Project::known`, `Project::shown`) and where each comes from.
pub fn project(inputs: &[Input], loaded: &Loaded) -> Project {
    let mut inputs = inputs.to_vec();
    if let Some(state) = &loaded.tfstate {
        inputs.push(state.clone());
    }
    Project::from_inputs(inputs).with_values(loaded.vars.clone())
}

/// The names of the inputs' variables that the values given (and the state, when given) leave
/// unknown, as `NAME` for environment and external variables and `func:NAME` for other lookups:
/// the engine's project answers which value each variable has and where it comes from.
/// `defaults`: an `env` default counts as a value (rendering uses it; linting does not).
pub fn unset(inputs: &[Input], loaded: &Loaded, defaults: bool) -> Vec<String> {
    project(inputs, loaded)
        .variables()
        .iter()
        .filter(|v| match v.origin {
            None => true,
            Some(Origin::Default) => !defaults,
            Some(_) => false,
        })
        .map(|v| match v.source {
            Source::ExtVar => v.name.clone(),
            _ => v.key.clone(),
        })
        .collect()
}
