//! Turning the paths on the command line into the engine's inputs: walking directories,
//! recognising kinds, reading bytes, and pulling in the files an ecspresso config names.

use crate::messages::t;
use ecsplain_engine::input::msg::{Arg, Msg};
use ecsplain_engine::msg;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use ecsplain_engine::{detect, ecspresso, Config, Input, Kind};

/// How directories are walked (see [`walk`]).
#[derive(Debug, Clone, Default)]
pub struct Walk {
    /// `--no-ignore`: walk what `.gitignore`, `.ignore` and git's exclude files leave out.
    pub no_ignore: bool,
    /// `--config`: its `exclude` globs apply everywhere, instead of each folder's own file's.
    pub config: Option<String>,
}

/// Why the command line cannot be served: exit status 2.
#[derive(Debug)]
pub enum Problem {
    /// A path that cannot be read, with the reason.
    Io(String, std::io::Error),
    /// A file named on the command line whose kind cannot be told.
    UnknownKind(String),
}

impl Problem {
    /// What went wrong, as a keyed sentence (the OS's own words and the path stay as written).
    pub fn msg(&self) -> Msg {
        match self {
            Problem::Io(path, err) => msg!(t::CANNOT_READ, path = path, reason = io_reason(err)),
            Problem::UnknownKind(path) => msg!(t::UNKNOWN_KIND, path = path),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.msg().en())
    }
}

/// Why a path cannot be read: our words for the two common cases, else the OS's own.
fn io_reason(err: &std::io::Error) -> Arg {
    match err.kind() {
        std::io::ErrorKind::NotFound => msg!(t::NOT_FOUND).into(),
        std::io::ErrorKind::PermissionDenied => msg!(t::PERMISSION_DENIED).into(),
        _ => err.to_string().into(),
    }
}

/// Everything to lint, plus the problems met on the way.
#[derive(Default)]
pub struct Collected {
    pub inputs: Vec<Input>,
    pub problems: Vec<Problem>,
}

pub fn collect(paths: &[String], forced: Option<Kind>, how: &Walk) -> Collected {
    let mut out = Collected::default();
    let mut seen = HashSet::new();
    for path in paths {
        if path == "-" {
            match read_stdin() {
                Err(err) => out.problems.push(Problem::Io("<stdin>".into(), err)),
                Ok(text) => {
                    if forced.is_none() && detect::detect(path, &text).is_none() {
                        out.problems.push(Problem::UnknownKind("<stdin>".into()));
                    } else if seen.insert("-".into()) {
                        out.inputs.push(Input::new("-", text, forced));
                    }
                }
            }
            continue;
        }
        match fs::metadata(path) {
            Err(err) => out.problems.push(Problem::Io(path.clone(), err)),
            Ok(meta) if meta.is_dir() => {
                let mut files = Vec::new();
                walk(Path::new(path), how, &mut files, &mut out.problems);
                for file in files {
                    match read(&file) {
                        Err(err) => out.problems.push(Problem::Io(file, err)),
                        Ok(text) => {
                            let detected = detect::detect(&file, &text);
                            // In a directory `--kind` selects: only files recognised as that kind.
                            let keep = match (forced, detected) {
                                (Some(want), Some(got)) => want == got,
                                (None, Some(_)) => true,
                                // Jsonnet libraries serve the files that import them.
                                (_, None) => is_library(&file),
                            };
                            if keep && seen.insert(normalize(&file)) {
                                // Left to the engine to recognise, as it would.
                                out.inputs.push(Input::new(file, text, None));
                            }
                        }
                    }
                }
            }
            Ok(_) => match read(path) {
                Err(err) => out.problems.push(Problem::Io(path.clone(), err)),
                Ok(text) => {
                    if forced.is_none() && is_material(path, &text) {
                        // A Jsonnet library or a Terraform state: read by the other inputs (and a
                        // library checked for Jsonnet errors), not linted as a kind of its own.
                        if seen.insert(normalize(path)) {
                            out.inputs.push(Input::new(path.clone(), text, None));
                        }
                    } else if forced.is_none() && detect::detect(path, &text).is_none() {
                        out.problems.push(Problem::UnknownKind(path.clone()));
                    } else if seen.insert(normalize(path)) {
                        out.inputs.push(Input::new(path.clone(), text, forced));
                    }
                }
            },
        }
    }
    add_references(&mut out.inputs, &mut seen, None);
    add_imports(&mut out.inputs);
    add_terraform_files(&mut out.inputs);
    out
}

/// The files Terraform inputs read their container definitions from (`file()`,
/// `templatefile()`, next to the `.tf` file) join the run as inputs of no kind, so the engine
/// folds them into their task (`iac::fold`).
pub fn add_terraform_files(inputs: &mut Vec<Input>) {
    let mut seen: HashSet<String> = inputs.iter().map(|i| normalize(&i.path)).collect();
    let mut added = Vec::new();
    for input in inputs.iter() {
        if !input.path.to_ascii_lowercase().ends_with(".tf") {
            continue;
        }
        for written in ecsplain_engine::iac::fold::referenced(&input.text) {
            let path = ecsplain_engine::iac::fold::resolve(&input.path, &written);
            if added.len() < 256 && seen.insert(normalize(&path)) {
                if let Ok(text) = read(&path) {
                    added.push(Input::new(path, text, None));
                }
            }
        }
    }
    inputs.extend(added);
}

/// A Jsonnet library (`.libsonnet`): imported by other files, never a kind of its own.
pub fn is_library(path: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".libsonnet")
}

/// A file named on the command line that other inputs read: a Jsonnet library or a state.
fn is_material(path: &str, text: &str) -> bool {
    is_library(path) || ecspresso::tfstate::is_tfstate(path, text)
}

/// The files Jsonnet inputs import (`import`, `importstr`, `importbin`, resolved next to the
/// importing file) join the run as inputs of no kind, so evaluation can read them; a file that
/// is not there is left to the engine, which reports it.
pub fn add_imports(inputs: &mut Vec<Input>) {
    let mut seen: HashSet<String> = inputs.iter().map(|i| normalize(&i.path)).collect();
    let mut i = 0;
    // Bounded: imports of imports, but never more than a few hundred files.
    while i < inputs.len() && inputs.len() < 512 {
        if ecspresso::Format::from_path(&inputs[i].path) == ecspresso::Format::Jsonnet {
            let importer = inputs[i].path.clone();
            for written in ecspresso::jsonnet::imports(&inputs[i].text) {
                let path = ecspresso::jsonnet::import_path(&importer, &written);
                if seen.insert(normalize(&path)) {
                    if let Ok(text) = read(&path) {
                        inputs.push(Input::new(path, text, None));
                    }
                }
            }
        }
        i += 1;
    }
}

/// The definition files each ecspresso config names join the run, so cross-file rules see them:
/// plain paths always, templated ones (`'{{ must_env "PWD" }}/ecs-task-def.json'`) once `values`
/// render them. A file that is not there, or a path still missing a value, is left to the engine,
/// which reports it (XF001, XF002).
fn add_references(
    inputs: &mut Vec<Input>,
    seen: &mut HashSet<String>,
    values: Option<&dyn ecsplain_engine::template::Values>,
) {
    let mut i = 0;
    while i < inputs.len() {
        let input = &inputs[i];
        let kind = input
            .kind
            .or_else(|| detect::detect(&input.path, &input.text));
        if kind == Some(Kind::Ecspresso) {
            let (path, text) = (input.path.clone(), input.text.clone());
            for reference in ecspresso::references(&path, &text) {
                let file = match values {
                    _ if !reference.template => reference.resolved.clone(),
                    Some(values) => match ecspresso::resolve_rendered(&path, &reference, values) {
                        Some(file) => file,
                        None => continue,
                    },
                    None => continue,
                };
                if !seen.insert(normalize(&file)) {
                    continue;
                }
                if let Ok(text) = read(&file) {
                    inputs.push(Input::new(file, text, Some(reference.role)));
                }
            }
        }
        i += 1;
    }
}

/// Follows the templated definition paths that the project's values render, as its lint run
/// renders them (`Project::known`; see [`add_references`]).
pub fn follow_rendered(inputs: &mut Vec<Input>, project: &ecsplain_engine::Project) {
    let mut seen: HashSet<String> = inputs.iter().map(|i| normalize(&i.path)).collect();
    add_references(inputs, &mut seen, Some(&project.known()));
}

/// Files under `dir`, depth first, in name order, as `dir` joined with their relative path
/// (the `ignore` crate's walker, as ripgrep and ruff use). Left out: what `.gitignore`,
/// `.ignore`, `.git/info/exclude` and git's global excludes list (unless `--no-ignore`; a
/// `.gitignore` counts outside a git repository too), `.git` itself, and what the `exclude` and
/// `extend-exclude` globs of the configuration that applies match. Hidden files are walked.
/// Symbolic links to files are followed, to folders not (no cycles).
fn walk(dir: &Path, how: &Walk, files: &mut Vec<String>, problems: &mut Vec<Problem>) {
    let excludes = Arc::new(Excludes::new(how.config.clone()));
    let filter = Arc::clone(&excludes);
    let walker = ignore::WalkBuilder::new(dir)
        .standard_filters(!how.no_ignore)
        .hidden(false)
        .require_git(false)
        .follow_links(false)
        .sort_by_file_name(std::cmp::Ord::cmp)
        .filter_entry(move |entry| {
            // The folder named on the command line is walked whatever the patterns say.
            entry.depth() == 0 || (entry.file_name() != ".git" && !filter.excluded(entry.path()))
        })
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let Some(file_type) = entry.file_type() else {
                    continue;
                };
                let path = entry.path();
                if file_type.is_file() || (file_type.is_symlink() && path.is_file()) {
                    files.push(path.display().to_string());
                }
            }
            Err(err) => {
                // A folder that cannot be read; a malformed ignore file is not worth a failure.
                if let Some(io) = err.io_error() {
                    let path = error_path(&err).unwrap_or_else(|| dir.display().to_string());
                    problems.push(Problem::Io(
                        path,
                        std::io::Error::new(io.kind(), io.to_string()),
                    ));
                }
            }
        }
    }
}

fn error_path(err: &ignore::Error) -> Option<String> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.display().to_string()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        _ => None,
    }
}

/// The `exclude` and `extend-exclude` globs of the configuration that applies to each folder
/// (`--config`, else the folder's own `.ecsplain.yaml` or its nearest parent's), read once per
/// folder and matched relative to the configuration file's folder.
struct Excludes {
    fixed: Option<String>,
    by_folder: Mutex<HashMap<PathBuf, Option<Arc<Applies>>>>,
}

/// A configuration's folder and the configuration.
type Applies = (PathBuf, Config);

impl Excludes {
    fn new(fixed: Option<String>) -> Excludes {
        Excludes {
            fixed,
            by_folder: Mutex::new(HashMap::new()),
        }
    }

    fn excluded(&self, path: &Path) -> bool {
        let Ok(absolute) = std::path::absolute(path) else {
            return false;
        };
        let folder = absolute.parent().unwrap_or(&absolute).to_path_buf();
        let applies = {
            let Ok(mut cache) = self.by_folder.lock() else {
                return false;
            };
            cache
                .entry(folder.clone())
                .or_insert_with(|| self.config_for(&folder))
                .clone()
        };
        let (root, config) = match &applies {
            Some(found) => (found.0.as_path(), &found.1),
            // No configuration file: the default patterns, relative to where the walk is.
            None => (Path::new(""), &*DEFAULTS),
        };
        let relative = absolute.strip_prefix(root).unwrap_or(&absolute);
        let relative: Vec<String> = relative
            .components()
            .filter_map(|c| match c {
                std::path::Component::Normal(name) => Some(name.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect();
        config.excluded(&relative.join("/"))
    }

    fn config_for(&self, folder: &Path) -> Option<Arc<Applies>> {
        let file = match &self.fixed {
            Some(file) => file.clone(),
            None => crate::conf::find(&folder.display().to_string())?,
        };
        // A configuration that cannot be read is reported when the files are linted.
        let loaded = crate::conf::load(&file).ok()?;
        let root = std::path::absolute(&file)
            .ok()?
            .parent()
            .map(Path::to_path_buf)?;
        Some(Arc::new((root, loaded.config)))
    }
}

static DEFAULTS: std::sync::LazyLock<Config> = std::sync::LazyLock::new(Config::default);

/// The file's bytes as text; invalid UTF-8 becomes U+FFFD, which the engine reports (IN008).
fn read(path: &str) -> std::io::Result<String> {
    let bytes = fs::read(path)?;
    Ok(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => String::from_utf8_lossy(err.as_bytes()).into_owned(),
    })
}

/// Standard input (`-` on the command line), read the same way.
fn read_stdin() -> std::io::Result<String> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A path's identity for de-duplication: `./a/b/../c` and `a/c` are one file (the engine's
/// normalisation, the one ecspresso references use).
pub fn normalize(path: &str) -> String {
    ecsplain_engine::ecspresso::normalize_path(path)
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn normalizes() {
        assert_eq!(normalize("./a/b/../c"), "a/c");
        assert_eq!(normalize("a//c/"), "a/c");
        assert_eq!(normalize("../x"), "../x");
        assert_eq!(normalize("/a/../../b"), "/b");
    }
}
