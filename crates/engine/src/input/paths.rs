//! Paths between the inputs of a run (a config names its definitions relative to its own
//! folder; Jsonnet imports resolve beside their importer) and the format a path names.

/// The format a config is written in, from its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Json,
    Jsonnet,
}

impl Format {
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".jsonnet") || lower.ends_with(".libsonnet") {
            Format::Jsonnet
        } else if lower.ends_with(".json") {
            Format::Json
        } else {
            Format::Yaml
        }
    }
}

/// The folder of a path (`""` for a bare file name).
pub fn folder_of(path: &str) -> &str {
    let path = path.trim_end_matches(['/', '\\']);
    match path.rfind(['/', '\\']) {
        Some(i) => &path[..i],
        None => "",
    }
}

/// `written` joined to `folder` (unless absolute) and normalised.
pub fn resolve(folder: &str, written: &str) -> String {
    let written = written.trim();
    if written.starts_with('/') || folder.is_empty() {
        normalize_path(written)
    } else {
        normalize_path(&format!("{folder}/{written}"))
    }
}

/// Removes `.` segments, empty segments and `x/..` pairs; `\` counts as `/`. A leading `/` is
/// kept; `..` above the start is kept.
pub fn normalize_path(path: &str) -> String {
    let path = path.replace('\\', "/");
    let absolute = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| *p != "..") {
                    parts.pop();
                } else if !absolute {
                    parts.push("..");
                }
            }
            p => parts.push(p),
        }
    }
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}
