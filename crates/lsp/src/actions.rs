//! Code actions: each finding's fix (preferred when safe, labelled when not) and "ignore here"
//! (the engine's [`suppress::ignore_here`]: a comment in the file's own syntax, or for JSON a
//! per-path ignore in the configuration file).

use std::collections::HashMap;

use ecsplain_engine::rule::Applicability;
use ecsplain_engine::suppress::{self, IgnoreHere};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CreateFile,
    DocumentChangeOperation, DocumentChanges, OneOf, OptionalVersionedTextDocumentIdentifier,
    Position, Range, ResourceOp, TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};

use crate::server::Server;
use crate::text::{key, minimal_edit, path_to_uri, uri_to_path, Located};

pub(crate) fn code_actions(
    server: &Server<'_>,
    params: &CodeActionParams,
) -> Vec<CodeActionOrCommand> {
    let wanted = |kind: &CodeActionKind| {
        params
            .context
            .only
            .as_ref()
            .is_none_or(|only| only.iter().any(|o| kind.as_str().starts_with(o.as_str())))
    };
    if !wanted(&CodeActionKind::QUICKFIX) {
        return Vec::new();
    }
    let uri = &params.text_document.uri;
    let Some(path) = uri_to_path(uri) else {
        return Vec::new();
    };
    let Some(text) = server.text_of(&path) else {
        return Vec::new();
    };
    let located = Located::new(text);
    let (from, to) = (
        located.offset(params.range.start),
        located.offset(params.range.end),
    );
    let mut fixes = Vec::new();
    let mut ignores = Vec::new();
    for finding in server.findings_in(&path) {
        let (start, end) = (finding.span.start as usize, finding.span.end as usize);
        // The finding's range meets the range asked about.
        if start > to || end < from {
            continue;
        }
        let diagnostic = server.diagnostic(finding, &located);
        if let Some(fix) = &finding.fix {
            let edits: Vec<TextEdit> = fix
                .edits
                .iter()
                .map(|e| TextEdit {
                    range: located.range(e.start as usize, e.end as usize),
                    new_text: e.content.clone(),
                })
                .collect();
            let safe = fix.applicability == Applicability::Safe;
            let title = if safe {
                format!("{}: {}", finding.code, fix.title)
            } else {
                format!(
                    "{}: {} (unsafe fix: changes what happens at run time)",
                    finding.code, fix.title
                )
            };
            fixes.push(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic.clone()]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(uri.clone(), edits)])),
                    ..WorkspaceEdit::default()
                }),
                is_preferred: Some(safe),
                ..CodeAction::default()
            });
        }
        let kind = server.linted.kinds.get(finding.file).copied().flatten();
        let action = match suppress::ignore_here(finding, text, kind) {
            IgnoreHere::NotOffered => None,
            IgnoreHere::Comment(new_text) => {
                let (start, end, inserted) = minimal_edit(text, &new_text);
                Some((
                    format!(
                        "{}: ignore here (`{}`)",
                        finding.code,
                        inserted.trim().split(" --").next().unwrap_or_default()
                    ),
                    WorkspaceEdit {
                        changes: Some(HashMap::from([(
                            uri.clone(),
                            vec![TextEdit {
                                range: located.range(start, end),
                                new_text: inserted,
                            }],
                        )])),
                        ..WorkspaceEdit::default()
                    },
                ))
            }
            IgnoreHere::Path { code, pointer, .. } => {
                ignore_in_config(server, &path, code, pointer.as_deref())
            }
        };
        if let Some((title, edit)) = action {
            // Two findings of one code on one line are ignored by one comment.
            if ignores
                .iter()
                .any(|a: &CodeAction| a.title == title && a.edit.as_ref() == Some(&edit))
            {
                continue;
            }
            ignores.push(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic]),
                edit: Some(edit),
                is_preferred: Some(false),
                ..CodeAction::default()
            });
        }
    }
    fixes
        .into_iter()
        .chain(ignores)
        .map(CodeActionOrCommand::CodeAction)
        .collect()
}

/// A per-path ignore of `code` at `pointer` of the file at `path`, written into the YAML
/// configuration that applies to it, or into a new `.ecsplain.yaml` in its workspace folder.
fn ignore_in_config(
    server: &Server<'_>,
    path: &str,
    code: &str,
    pointer: Option<&str>,
) -> Option<(String, WorkspaceEdit)> {
    let (config, old) = match server.host.config_for(path) {
        Some(config) => {
            let lower = config.to_ascii_lowercase();
            if !(lower.ends_with(".yaml") || lower.ends_with(".yml")) {
                return None;
            }
            let text = match server.open.get(&key(&config)) {
                Some(doc) => doc.text.clone(),
                None => std::fs::read_to_string(&config).ok()?,
            };
            (key(&config), Some(text))
        }
        None => {
            let folder = server.folder_of(path);
            (format!("{folder}/.ecsplain.yaml"), None)
        }
    };
    let folder = config.rsplit_once('/').map_or("", |(f, _)| f);
    let relative = key(path)
        .strip_prefix(&format!("{folder}/"))
        .map(str::to_string)?;
    // The engine's one configuration writer adds the ignore.
    let new = ecsplain_engine::workspace::with_path_ignore(
        old.as_deref().unwrap_or(""),
        &relative,
        code,
        pointer,
    )?;
    let name = config.rsplit('/').next().unwrap_or(".ecsplain.yaml");
    let title = match pointer {
        Some(p) => format!("{code}: ignore at {p} in {name} (per-path-ignores)"),
        None => format!("{code}: ignore in this file in {name} (per-path-ignores)"),
    };
    let uri: Uri = server.uri_of(&config).or_else(|| path_to_uri(&config))?;
    let edit = match old {
        Some(old) => {
            let located = Located::new(&old);
            let (start, end, inserted) = minimal_edit(&old, &new);
            WorkspaceEdit {
                changes: Some(HashMap::from([(
                    uri,
                    vec![TextEdit {
                        range: located.range(start, end),
                        new_text: inserted,
                    }],
                )])),
                ..WorkspaceEdit::default()
            }
        }
        None => WorkspaceEdit {
            document_changes: Some(DocumentChanges::Operations(vec![
                DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                    uri: uri.clone(),
                    options: None,
                    annotation_id: None,
                })),
                DocumentChangeOperation::Edit(TextDocumentEdit {
                    text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
                    edits: vec![OneOf::Left(TextEdit {
                        range: Range::new(Position::new(0, 0), Position::new(0, 0)),
                        new_text: new,
                    })],
                }),
            ])),
            ..WorkspaceEdit::default()
        },
    };
    Some((title, edit))
}
