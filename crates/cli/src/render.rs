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

use ecsplain_engine::ecspresso::render::{load_config, Major};
use ecsplain_engine::ecspresso::{self, jsonnet};
use ecsplain_engine::template::{self, Values};
use ecsplain_engine::Input;
use ecsplain_engine::Kind;

use crate::args::RenderArgs;
use crate::{out, vars, OK, TROUBLE};

pub fn run(args: &RenderArgs) -> u8 {
    let text = match std::fs::read(&args.file) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(err) => {
            eprintln!("ecsplain: cannot read `{}`: {err}", args.file);
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
                eprintln!("ecsplain: cannot read `{}`: {err}", reference.resolved);
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
            eprintln!(
                "ecsplain: `{}` is a template; pass its values to follow it",
                reference.written
            );
        }
    }

    let mut sections: Vec<(String, String)> = Vec::new();
    // For targets: each shown file's kind, its path and its text before templates (Jsonnet
    // evaluated), and its rendered text.
    let mut rendered_files: Vec<(Option<Kind>, String, String, String)> = Vec::new();
    for (n, (input, id)) in shown
        .iter()
        .filter_map(|&i| Some((inputs.get(i)?, ecsplain_engine::workspace::FileId::new(i))))
        .enumerate()
    {
        let source = if ecspresso::Format::from_path(&input.path) == ecspresso::Format::Jsonnet {
            match project
                .evaluate(id)
                .unwrap_or(jsonnet::Outcome::Unavailable)
            {
                // ecspresso renders templates in the evaluated JSON too.
                jsonnet::Outcome::Value { json, .. } => pretty(&json),
                jsonnet::Outcome::Syntax { message, .. }
                | jsonnet::Outcome::Failed { message, .. } => {
                    eprintln!("ecsplain: `{}` does not evaluate: {message}", input.path);
                    status = TROUBLE;
                    continue;
                }
                jsonnet::Outcome::Unavailable => {
                    eprintln!(
                        "ecsplain: this build cannot evaluate Jsonnet (`{}`)",
                        input.path
                    );
                    status = TROUBLE;
                    continue;
                }
            }
        } else {
            input.text.clone()
        };
        // The engine's one renderer, as `lint` uses it (here showing unknown values as markers).
        let output = template::execute(&source, &values, template::Mode::Display);
        if let Some(error) = &output.error {
            let at =
                ecsplain_engine::span::LineIndex::new(&source).line_col(&source, error.span.start);
            eprintln!(
                "ecsplain: {}:{}:{}: template: {} (ecspresso stops here)",
                input.path, at.line, at.column, error.message
            );
            status = TROUBLE;
            continue;
        }
        let mut rendered = output.rendered.text;
        rendered_files.push((
            if n == 0 {
                Some(Kind::Ecspresso)
            } else {
                input.kind
            },
            input.path.clone(),
            source.clone(),
            rendered.clone(),
        ));
        if !rendered.ends_with('\n') {
            rendered.push('\n');
        }
        sections.push((input.path.clone(), rendered));
    }
    let unset = vars::unset(&inputs, &loaded, true);
    if !args.targets.is_empty() {
        if !unset.is_empty() {
            eprintln!(
                "ecsplain: not given (left as markers): {}; pass --var NAME=VALUE, --env-file FILE, --ext-str NAME=VALUE or --tfstate FILE",
                unset.join(", ")
            );
        }
        let (printed, ok) = as_ecspresso(args, &rendered_files, &values, &loaded.vars.env);
        let status = if ok { status } else { TROUBLE };
        return status.max(out(&printed));
    }
    if !unset.is_empty() {
        eprintln!(
            "ecsplain: not given (left as markers): {}; pass --var NAME=VALUE, --env-file FILE, --ext-str NAME=VALUE or --tfstate FILE",
            unset.join(", ")
        );
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
    files: &[(Option<Kind>, String, String, String)],
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
            match files.iter().skip(1).find(|(k, ..)| *k == Some(kind)) {
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

/// Evaluated JSON, indented like ecspresso's output.
fn pretty(json: &str) -> String {
    serde_json::from_str::<serde_json::Value>(json)
        .ok()
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_else(|| json.to_string())
}
