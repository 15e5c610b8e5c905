//! `ecsplain render CONFIG`: an ecspresso config and the definitions it names, with their
//! template calls (`{{ must_env `IMAGE` }}`, `{{ tfstate `...` }}`) replaced by the values given
//! (`--var`, `--env-file`, `--tfstate`, `--env`: see [`crate::vars`]) or `env`'s default, and
//! Jsonnet files evaluated with them (`--ext-str` for `std.extVar`). A value not given becomes a
//! marker (`${IMAGE}`), never an error: the point is to see what ecspresso would deploy.
//!
//! `ecsplain lint` takes the same values and lints the rendered text itself, with findings
//! mapped back to the source. A single definition renders without a header, so its output can
//! also be piped to `ecsplain lint --kind taskdef -`.

use std::collections::BTreeMap;

use ecsplain_engine::ecspresso;
use ecsplain_engine::ecspresso::render::{load_config, Major};
use ecsplain_engine::template::Values;
use ecsplain_engine::workspace::{FileId, RenderError};
use ecsplain_engine::Input;
use ecsplain_engine::Kind;
use ecsplain_engine::Project;

use crate::args::RenderArgs;
use crate::messages::{error, t};
use crate::{out, vars, OK, TROUBLE};
use ecsplain_engine::input::msg::Arg;
use ecsplain_engine::msg;

pub fn run(args: &RenderArgs) -> u8 {
    let text = match std::fs::read(&args.file) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(err) => {
            error(&msg!(
                t::CANNOT_READ,
                path = &args.file,
                reason = err.to_string()
            ));
            return TROUBLE;
        }
    };
    let mut status = OK;
    // The config and the definitions it names with plain paths; templated paths are followed
    // below, once the values are known, exactly as `lint` follows them.
    let mut inputs = vec![Input::new(args.file.clone(), text.clone(), None)];
    for reference in ecspresso::references(&args.file, &text) {
        if reference.template {
            continue;
        }
        match std::fs::read(&reference.resolved) {
            Ok(bytes) => inputs.push(Input::new(
                reference.resolved.clone(),
                String::from_utf8_lossy(&bytes).into_owned(),
                Some(reference.role),
            )),
            Err(err) => {
                error(&msg!(
                    t::CANNOT_READ,
                    path = &reference.resolved,
                    reason = err.to_string()
                ));
                status = TROUBLE;
            }
        }
    }
    crate::files::add_imports(&mut inputs);
    let loaded = match vars::load(&args.values, &inputs) {
        Ok(loaded) => loaded,
        Err(message) => {
            eprintln!("ecsplain: {message}");
            return TROUBLE;
        }
    };
    // The engine's project of what was read, the state and the values: what each template
    // call's value is, for following paths (as `lint` follows them) and for display.
    let read = vars::project(&inputs, &loaded);
    crate::files::follow_rendered(&mut inputs, &read);
    // What is shown: the config and its definitions (not the files Jsonnet imports).
    let shown: Vec<usize> = (0..inputs.len())
        .filter(|&i| i == 0 || inputs[i].kind.is_some())
        .collect();
    crate::files::add_imports(&mut inputs);
    // The project also builds the Jsonnet environment (the files, the state, the values), as it
    // does for `lint` and the page.
    let project = vars::project(&inputs, &loaded);
    let values = project.shown();
    for reference in ecspresso::references(&args.file, &text) {
        if reference.template
            && ecspresso::resolve_rendered(&args.file, &reference, &project.known()).is_none()
        {
            error(&msg!(t::TEMPLATED_PATH, path = &reference.written));
        }
    }

    let mut sections: Vec<(String, String)> = Vec::new();
    // For targets: each shown file, its path, its text before templates (Jsonnet evaluated)
    // and its rendered text.
    let mut rendered_files: Vec<(FileId, String, String, String)> = Vec::new();
    for (input, id) in shown
        .iter()
        .filter_map(|&i| Some((inputs.get(i)?, FileId::new(i))))
    {
        // The engine's rendering, as the page shows it: Jsonnet evaluated, templates filled
        // (unknown values as markers).
        let filled = match project.fill(id) {
            Some(Ok(filled)) => filled,
            Some(Err(RenderError::Jsonnet(message))) => {
                error(&msg!(
                    t::DOES_NOT_EVALUATE,
                    path = &input.path,
                    reason = message
                ));
                status = TROUBLE;
                continue;
            }
            Some(Err(RenderError::NoEvaluator)) | None => {
                error(&msg!(t::NO_JSONNET, path = &input.path));
                status = TROUBLE;
                continue;
            }
            Some(Err(RenderError::Template {
                line,
                column,
                message,
            })) => {
                error(&msg!(
                    t::TEMPLATE_ERROR,
                    path = &input.path,
                    line = line.to_string(),
                    column = column.to_string(),
                    reason = message
                ));
                status = TROUBLE;
                continue;
            }
        };
        let mut rendered = filled.text;
        rendered_files.push((id, input.path.clone(), filled.source, rendered.clone()));
        if !rendered.ends_with('\n') {
            rendered.push('\n');
        }
        sections.push((input.path.clone(), rendered));
    }
    let unset = vars::unset(&inputs, &loaded, true);
    let not_given = || {
        let names = Arg::List(unset.iter().map(|n| n.as_str().into()).collect());
        error(&msg!(t::NOT_GIVEN, names = names));
    };
    if !args.targets.is_empty() {
        if !unset.is_empty() {
            not_given();
        }
        let (printed, ok) =
            as_ecspresso(args, &project, &rendered_files, &values, &loaded.vars.env);
        let status = if ok { status } else { TROUBLE };
        return status.max(out(&printed));
    }
    if !unset.is_empty() {
        not_given();
    }
    // One file is printed as it is, so it can be piped to `ecsplain lint -`; several get a
    // header line each.
    let printed = match sections.as_slice() {
        [(_, text)] => text.clone(),
        _ => sections
            .iter()
            .map(|(path, text)| format!("# ── {path} ──\n{text}"))
            .collect(),
    };
    status.max(out(&printed))
}

/// What `ecspresso render TARGET...` prints, target by target, and whether every target
/// rendered (ecspresso stops at the first error; so does this, saying why on stderr).
fn as_ecspresso(
    args: &RenderArgs,
    project: &Project,
    files: &[(FileId, String, String, String)],
    values: &dyn Values,
    env: &BTreeMap<String, String>,
) -> (String, bool) {
    let Some((_, config_path, config_source, _)) = files.first() else {
        return (String::new(), false);
    };
    let versions = ecspresso::read_config(config_path, config_source)
        .map_or(ecspresso::Versions { v2: true, v3: true }, |root| {
            ecspresso::versions(&root)
        });
    let major = if versions.v3_only() {
        Major::V3
    } else {
        Major::V2
    };
    let config_text = match load_config(config_path, config_source, values, major) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("ecsplain: failed to load config file {config_path}: {e}");
            return (String::new(), false);
        }
    };
    let config_root = ecspresso::read_config(config_path, &config_text);
    let service = config_root
        .as_ref()
        .and_then(|root| root.get_str("service").map(str::to_string))
        .unwrap_or_default();
    // The functions the definitions' templates have: Go's, go-config's and the plugins'.
    let plugin_functions = config_root.as_ref().and_then(ecspresso::plugin_functions);
    let mut printed = String::new();
    for target in &args.targets {
        let (kind, what) = match target.as_str() {
            "config" => (Kind::Ecspresso, "config"),
            "task-definition" | "taskdef" => (Kind::TaskDef, "task definition"),
            _ => (Kind::ServiceDef, "service definition"),
        };
        let (path, text) = if kind == Kind::Ecspresso {
            (config_path.as_str(), config_text.as_str())
        } else {
            // The file the config names for the role (the engine's answer).
            let named = project.named(kind);
            match files.iter().skip(1).find(|(id, ..)| Some(*id) == named) {
                Some((_, path, source, text)) => {
                    if let Some(e) =
                        ecspresso::render::undefined_function(source, plugin_functions.as_deref())
                    {
                        eprintln!("ecsplain: failed to load {what} {path}: {e}");
                        return (printed, false);
                    }
                    (path.as_str(), text.as_str())
                }
                None => {
                    let key = if kind == Kind::TaskDef {
                        "task_definition"
                    } else {
                        "service_definition"
                    };
                    eprintln!("ecsplain: failed to load {what}: {key} is not defined or could not be read");
                    return (printed, false);
                }
            }
        };
        let result = ecspresso::render::as_ecspresso_prints(
            path,
            text,
            kind,
            &service,
            env.get("AWS_REGION").map(String::as_str),
            major,
        );
        match result {
            Some(Ok(text)) => printed.push_str(&text),
            Some(Err(e)) => {
                eprintln!("ecsplain: failed to load {what} {path}: {e}");
                return (printed, false);
            }
            None => {}
        }
    }
    (printed, true)
}
