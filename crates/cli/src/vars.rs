//! Values for a project's variables, as `lint` and `render` read them: `--env` (the process
//! environment), `--env-file` files, `--var`, in that order (later sources win), `--ext-str`, and
//! the `--tfstate` file. The engine takes them as [`Vars`] and an input holding the state.

use ecsplain_engine::ecspresso::tfstate::TfState;
use ecsplain_engine::ecspresso::{self, Source};
use ecsplain_engine::template;
use ecsplain_engine::{Input, Vars};

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
        let text =
            std::fs::read_to_string(file).map_err(|err| format!("cannot read `{file}`: {err}"))?;
        vars.env.extend(ecsplain_engine::dotenv::parse(&text));
    }
    vars.env.extend(args.vars.iter().cloned());
    vars.ext_str.extend(args.ext_strs.iter().cloned());
    let tfstate = match &args.tfstate {
        None => None,
        Some(file) => {
            let text = std::fs::read_to_string(file)
                .map_err(|err| format!("cannot read `{file}`: {err}"))?;
            if !ecspresso::tfstate::is_tfstate(file, &text)
                || ecspresso::tfstate::TfState::parse(&text).is_none()
            {
                return Err(format!(
                    "`{file}` is not a Terraform state (a JSON object such as terraform.tfstate)"
                ));
            }
            Some(Input::new(file.clone(), text, None))
        }
    };
    Ok(Loaded { vars, tfstate })
}

/// The names of the inputs' variables that `vars` (and the state, when given) leave unknown,
/// as `NAME` for environment and external variables and `func:NAME` for other lookups.
/// `defaults`: an `env` default counts as a value (rendering uses it; linting does not).
pub fn unset(
    inputs: &[Input],
    vars: &Vars,
    tfstate: Option<&TfState>,
    defaults: bool,
) -> Vec<String> {
    ecspresso::variables(inputs)
        .into_iter()
        .filter(|v| v.value(vars).is_none())
        .filter(|v| !(defaults && v.default.is_some()))
        .filter(|v| match (v.source.clone(), tfstate) {
            (Source::Tfstate, Some(state)) => {
                // `tfstatef` addresses are built at render time: counted as answered.
                template::base_function(&v.func) == "tfstate" && state.lookup(&v.name).is_none()
            }
            _ => true,
        })
        .map(|v| v.key())
        .collect()
}
