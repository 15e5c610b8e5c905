//! The main loop: the project's state, linting and publishing.

use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;

use ecsplain_engine::registry;
use ecsplain_engine::rule::Rule;
use ecsplain_engine::{Finding, Input, Lang, Severity};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidChangeWorkspaceFolders, DidCloseTextDocument,
    DidOpenTextDocument, DidSaveTextDocument, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{CodeActionRequest, HoverRequest, RegisterCapability, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CodeDescription, Diagnostic,
    DiagnosticRelatedInformation, DiagnosticSeverity, DidChangeWatchedFilesRegistrationOptions,
    FileSystemWatcher, GlobPattern, Hover, HoverContents, HoverParams, HoverProviderCapability,
    InitializeParams, Location, MarkupContent, MarkupKind, NumberOrString,
    PublishDiagnosticsParams, Range, Registration, RegistrationParams, ServerCapabilities,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri, WorkspaceFoldersServerCapabilities,
    WorkspaceServerCapabilities,
};

use crate::text::{key, path_to_uri, uri_to_path, Located};
use crate::{actions, Host, Linted};

/// Serves the protocol on stdin and stdout until the client says `exit`.
pub fn run_stdio(host: &dyn Host) -> Result<(), String> {
    let (connection, threads) = Connection::stdio();
    run(&connection, host)?;
    drop(connection);
    threads
        .join()
        .map_err(|e| format!("the connection failed: {e}"))
}

/// Serves the protocol on a connection until the client says `exit`.
pub fn run(connection: &Connection, host: &dyn Host) -> Result<(), String> {
    let (id, params) = connection
        .initialize_start()
        .map_err(|e| format!("no initialize request: {e}"))?;
    let params: InitializeParams = serde_json::from_value(params)
        .map_err(|e| format!("the initialize request cannot be read: {e}"))?;
    let result = serde_json::json!({
        "capabilities": capabilities(),
        "serverInfo": {"name": "ecsplain", "version": ecsplain_engine::VERSION},
    });
    connection
        .initialize_finish(id, result)
        .map_err(|e| format!("initialization failed: {e}"))?;

    let mut server = Server::new(connection, host, &params);
    server.watch_files(&params);
    server.collect();
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if connection
                    .handle_shutdown(&request)
                    .map_err(|e| format!("shutdown failed: {e}"))?
                {
                    return Ok(());
                }
                server.request(request);
            }
            Message::Notification(notification) if notification.method == "exit" => {
                return Err("the client said exit without shutdown".to_string());
            }
            Message::Notification(notification) => server.notification(notification),
            // Answers to our requests (registering the file watcher) need no action.
            Message::Response(_) => {}
        }
        // A burst of changes is linted once: when no other message waits.
        if server.dirty && connection.receiver.is_empty() {
            server.lint_and_publish();
        }
    }
    Ok(())
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(lsp_types::OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..ServerCapabilities::default()
    }
}

/// A text the editor has open.
pub(crate) struct Doc {
    /// As the client wrote it: diagnostics are published to this exact URI.
    pub uri: Uri,
    pub version: i32,
    pub text: String,
    /// The path as the editor gave it.
    pub path: String,
}

pub(crate) struct Server<'a> {
    connection: &'a Connection,
    pub host: &'a dyn Host,
    folders: Vec<String>,
    /// What the folders hold on disk, as [`Host::collect`] found it.
    disk: Vec<Input>,
    /// The editor's texts, by [`key`].
    pub open: BTreeMap<String, Doc>,
    /// The last lint of the project.
    pub linted: Linted,
    /// Inputs of [`Server::linted`] by [`key`].
    by_key: HashMap<String, usize>,
    /// What was last published, by URI, for which version.
    published: HashMap<String, (i32, Vec<Diagnostic>)>,
    /// Something changed since the last lint.
    dirty: bool,
    /// Each rule's documentation at `<docs_url>#rule/<CODE>` (initialization option `docsUrl`, as
    /// `--docs-url` for SARIF); else the rule's source file, whose doc comment is its docs.
    docs_url: Option<String>,
    /// The user's language: diagnostics, their help and fix titles, and hovers speak it.
    lang: Lang,
    next_request: i32,
    /// The client reports changes on disk (`workspace/didChangeWatchedFiles`).
    watching: bool,
    /// The folders must be read again.
    disk_stale: bool,
}

impl<'a> Server<'a> {
    fn new(connection: &'a Connection, host: &'a dyn Host, params: &InitializeParams) -> Self {
        let mut folders: Vec<String> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| uri_to_path(&f.uri))
            .collect();
        #[allow(deprecated)]
        if folders.is_empty() {
            folders.extend(
                params
                    .root_uri
                    .as_ref()
                    .and_then(uri_to_path)
                    .or_else(|| params.root_path.clone()),
            );
        }
        let docs_url = params
            .initialization_options
            .as_ref()
            .and_then(|o| o.get("docsUrl"))
            .and_then(serde_json::Value::as_str)
            .filter(|u| !u.is_empty())
            .map(|u| u.trim_end_matches('/').to_string());
        // The initialization option `lang` ("en" or "ja"), else the client's own language
        // (`locale`, LSP 3.16: VS Code sends its display language); Japanese for `ja*`, as
        // `ecsplain lint --lang` and the locale variables read it, else English.
        let lang = params
            .initialization_options
            .as_ref()
            .and_then(|o| o.get("lang"))
            .and_then(serde_json::Value::as_str)
            .or(params.locale.as_deref())
            .map_or(Lang::En, |l| {
                if l.to_ascii_lowercase().starts_with("ja") {
                    Lang::Ja
                } else {
                    Lang::En
                }
            });
        Server {
            connection,
            host,
            folders,
            disk: Vec::new(),
            open: BTreeMap::new(),
            linted: Linted::default(),
            by_key: HashMap::new(),
            published: HashMap::new(),
            dirty: false,
            docs_url,
            lang,
            next_request: 0,
            watching: false,
            disk_stale: false,
        }
    }

    fn send(&self, message: Message) {
        // The client went away: the reader thread ends the loop.
        let _ = self.connection.sender.send(message);
    }

    fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        self.send(Message::Notification(Notification::new(
            N::METHOD.to_string(),
            params,
        )));
    }

    /// Asks the client to report changes to the files on disk, when it can.
    fn watch_files(&mut self, params: &InitializeParams) {
        let dynamic = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        if !dynamic {
            return;
        }
        self.watching = true;
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher {
                glob_pattern: GlobPattern::String("**/*".to_string()),
                kind: None,
            }],
        };
        let registration = RegistrationParams {
            registrations: vec![Registration {
                id: "ecsplain-watched-files".to_string(),
                method: DidChangeWatchedFiles::METHOD.to_string(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.next_request += 1;
        self.send(Message::Request(Request::new(
            RequestId::from(self.next_request),
            RegisterCapability::METHOD.to_string(),
            registration,
        )));
    }

    /// Marks the folders to be read again before the next lint: a burst of changes on disk (a
    /// checkout, a build) is read once.
    fn collect(&mut self) {
        self.disk_stale = true;
        self.dirty = true;
    }

    /// Reads the workspace folders from disk (a file in two nested folders once).
    fn read_disk(&mut self) {
        self.disk_stale = false;
        let mut seen = std::collections::HashSet::new();
        self.disk = self
            .folders
            .iter()
            .flat_map(|folder| self.host.collect(folder))
            .filter(|input| seen.insert(key(&input.path)))
            .collect();
    }

    fn notification(&mut self, notification: Notification) {
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(params) = notification
                    .extract::<lsp_types::DidOpenTextDocumentParams>(DidOpenTextDocument::METHOD)
                {
                    let doc = params.text_document;
                    if let Some(path) = uri_to_path(&doc.uri) {
                        self.open.insert(
                            key(&path),
                            Doc {
                                uri: doc.uri,
                                version: doc.version,
                                text: doc.text,
                                path,
                            },
                        );
                        self.dirty = true;
                    }
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(params) = notification.extract::<lsp_types::DidChangeTextDocumentParams>(
                    DidChangeTextDocument::METHOD,
                ) {
                    let Some(path) = uri_to_path(&params.text_document.uri) else {
                        return;
                    };
                    if let Some(doc) = self.open.get_mut(&key(&path)) {
                        // Full synchronisation: the last change is the whole text.
                        if let Some(change) = params.content_changes.into_iter().last() {
                            doc.text = change.text;
                            doc.version = params.text_document.version;
                            self.dirty = true;
                        }
                    }
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(params) = notification
                    .extract::<lsp_types::DidCloseTextDocumentParams>(DidCloseTextDocument::METHOD)
                {
                    let Some(path) = uri_to_path(&params.text_document.uri) else {
                        return;
                    };
                    if let Some(doc) = self.open.remove(&key(&path)) {
                        // Only open files have diagnostics; the file on disk takes its place.
                        self.published.remove(doc.uri.as_str());
                        self.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
                            uri: doc.uri,
                            diagnostics: Vec::new(),
                            version: None,
                        });
                        self.dirty = true;
                    }
                }
            }
            // The disk changed (a file saved, created or deleted, a configuration edited). A
            // client that watches files reports saves that way too.
            DidChangeWatchedFiles::METHOD => self.collect(),
            DidSaveTextDocument::METHOD if !self.watching => self.collect(),
            DidChangeWorkspaceFolders::METHOD => {
                if let Ok(params) = notification
                    .extract::<lsp_types::DidChangeWorkspaceFoldersParams>(
                        DidChangeWorkspaceFolders::METHOD,
                    )
                {
                    let removed: Vec<String> = params
                        .event
                        .removed
                        .iter()
                        .filter_map(|f| uri_to_path(&f.uri))
                        .collect();
                    self.folders.retain(|f| !removed.contains(f));
                    self.folders.extend(
                        params
                            .event
                            .added
                            .iter()
                            .filter_map(|f| uri_to_path(&f.uri)),
                    );
                    self.collect();
                }
            }
            _ => {}
        }
    }

    fn request(&mut self, request: Request) {
        if self.dirty {
            self.lint_and_publish();
        }
        let id = request.id.clone();
        let response = match request.method.as_str() {
            HoverRequest::METHOD => match request.extract::<HoverParams>(HoverRequest::METHOD) {
                Ok((id, params)) => Response::new_ok(id, self.hover(&params)),
                Err(e) => invalid(id, &e),
            },
            CodeActionRequest::METHOD => {
                match request.extract::<lsp_types::CodeActionParams>(CodeActionRequest::METHOD) {
                    Ok((id, params)) => Response::new_ok(id, actions::code_actions(self, &params)),
                    Err(e) => invalid(id, &e),
                }
            }
            method => Response::new_err(
                id,
                ErrorCode::MethodNotFound as i32,
                format!("ecsplain does not answer `{method}`"),
            ),
        };
        self.send(Message::Response(response));
    }

    /// The project as the editor sees it: the folders' files with the open texts in place, and
    /// the open files outside the folders.
    fn inputs(&self) -> Vec<Input> {
        let mut inputs = self.disk.clone();
        let overlay = |inputs: &mut Vec<Input>| {
            let mut present = std::collections::HashSet::new();
            for input in inputs.iter_mut() {
                let k = key(&input.path);
                if let Some(doc) = self.open.get(&k) {
                    input.text.clone_from(&doc.text);
                }
                present.insert(k);
            }
            for (k, doc) in &self.open {
                if !present.contains(k) && self.host.admits(&doc.path, &doc.text) {
                    inputs.push(Input::new(doc.path.clone(), doc.text.clone(), None));
                }
            }
        };
        overlay(&mut inputs);
        // An edit may name other files (a config's definitions, an import).
        self.host.complete(&mut inputs);
        overlay(&mut inputs);
        inputs
    }

    pub(crate) fn lint_and_publish(&mut self) {
        self.dirty = false;
        if self.disk_stale {
            self.read_disk();
        }
        let inputs = self.inputs();
        let open = &self.open;
        let editor = |path: &str| open.get(&key(path)).map(|doc| doc.text.clone());
        self.linted = self.host.lint(inputs, &editor);
        for finding in &mut self.linted.findings {
            finding.localize(self.lang);
        }
        self.by_key = self
            .linted
            .inputs
            .iter()
            .enumerate()
            .map(|(i, input)| (key(&input.path), i))
            .collect();
        // Each open file's findings, converted with one line index per file.
        let mut by_file: HashMap<String, Vec<Diagnostic>> = HashMap::new();
        for (i, input) in self.linted.inputs.iter().enumerate() {
            let k = key(&input.path);
            if !self.open.contains_key(&k) {
                continue;
            }
            let located = Located::new(&input.text);
            let diagnostics = self
                .linted
                .findings
                .iter()
                .filter(|f| f.file == i)
                .map(|f| self.diagnostic(f, &located))
                .collect();
            by_file.insert(k, diagnostics);
        }
        for (k, doc) in &self.open {
            let diagnostics = by_file.remove(k).unwrap_or_default();
            // A new version gets its diagnostics even when they did not change, so the client
            // knows they are current; other files only when theirs changed.
            if self
                .published
                .get(doc.uri.as_str())
                .is_some_and(|(v, d)| *v == doc.version && *d == diagnostics)
            {
                continue;
            }
            self.published.insert(
                doc.uri.as_str().to_string(),
                (doc.version, diagnostics.clone()),
            );
            self.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
                uri: doc.uri.clone(),
                diagnostics,
                version: Some(doc.version),
            });
        }
    }

    /// The text of an input of the last lint, by path.
    pub(crate) fn text_of(&self, path: &str) -> Option<&str> {
        let i = *self.by_key.get(&key(path))?;
        self.linted.inputs.get(i).map(|input| input.text.as_str())
    }

    /// The URI to show for a path: the client's own when the file is open.
    pub(crate) fn uri_of(&self, path: &str) -> Option<Uri> {
        match self.open.get(&key(path)) {
            Some(doc) => Some(doc.uri.clone()),
            None => path_to_uri(path),
        }
    }

    /// A finding as a diagnostic; `located` is the text of its file.
    pub(crate) fn diagnostic(&self, finding: &Finding, located: &Located<'_>) -> Diagnostic {
        let range = located.range(finding.span.start as usize, finding.span.end as usize);
        let related: Vec<DiagnosticRelatedInformation> = finding
            .related
            .iter()
            .filter_map(|r| {
                let other;
                let target = if key(&r.path) == key(&finding.path) {
                    located
                } else {
                    other = Located::new(self.text_of(&r.path)?);
                    &other
                };
                Some(DiagnosticRelatedInformation {
                    location: Location {
                        uri: self.uri_of(&r.path)?,
                        range: target.range(r.span.start as usize, r.span.end as usize),
                    },
                    message: r.message.clone(),
                })
            })
            .collect();
        let message = match &finding.help {
            Some(help) => format!("{}\nhelp: {help}", finding.message),
            None => finding.message.clone(),
        };
        Diagnostic {
            range,
            severity: Some(match finding.severity {
                Severity::Error => DiagnosticSeverity::ERROR,
                Severity::Warning => DiagnosticSeverity::WARNING,
                Severity::Info => DiagnosticSeverity::INFORMATION,
            }),
            code: Some(NumberOrString::String(finding.code.to_string())),
            code_description: registry::rule(finding.code)
                .and_then(|rule| self.docs_href(rule))
                .map(|href| CodeDescription { href }),
            source: Some("ecsplain".to_string()),
            message,
            related_information: (!related.is_empty()).then_some(related),
            tags: None,
            data: None,
        }
    }

    /// Where a rule's documentation is read.
    pub(crate) fn docs_href(&self, rule: &Rule) -> Option<Uri> {
        let href = match &self.docs_url {
            Some(base) => format!("{base}#rule/{}", rule.code),
            None => format!(
                "{}/blob/main/{}",
                env!("CARGO_PKG_REPOSITORY"),
                rule.source_file.replace('\\', "/")
            ),
        };
        Uri::from_str(&href).ok()
    }

    /// The workspace folder holding `path` (the innermost), else the file's own folder.
    pub(crate) fn folder_of(&self, path: &str) -> String {
        let file = key(path);
        self.folders
            .iter()
            .map(|f| key(f))
            .filter(|f| file.starts_with(&format!("{f}/")))
            .max_by_key(String::len)
            .unwrap_or_else(|| {
                file.rsplit_once('/')
                    .map_or(String::new(), |(f, _)| f.to_string())
            })
    }

    /// The findings of the last lint in the file at `path`.
    pub(crate) fn findings_in(&self, path: &str) -> Vec<&Finding> {
        let Some(&file) = self.by_key.get(&key(path)) else {
            return Vec::new();
        };
        self.linted
            .findings
            .iter()
            .filter(|f| f.file == file)
            .collect()
    }

    /// A rule's documentation under a finding or on a rule code (`DL3008` in an ignore
    /// comment or in `.ecsplain.yaml`).
    fn hover(&self, params: &HoverParams) -> Option<Hover> {
        let at = &params.text_document_position_params;
        let path = uri_to_path(&at.text_document.uri)?;
        let doc = self.open.get(&key(&path))?;
        let located = Located::new(&doc.text);
        let offset = located.offset(at.position);
        // A rule code written in the text.
        let bytes = doc.text.as_bytes();
        let word = |b: u8| b.is_ascii_alphanumeric();
        let mut start = offset;
        while start > 0 && word(bytes[start - 1]) {
            start -= 1;
        }
        let mut end = offset;
        while end < bytes.len() && word(bytes[end]) {
            end += 1;
        }
        if let Some(rule) = doc
            .text
            .get(start..end)
            .and_then(registry::rule)
            .filter(|r| r.code.eq_ignore_ascii_case(&doc.text[start..end]))
        {
            return Some(Hover {
                contents: HoverContents::Markup(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: self.rule_markdown(rule),
                }),
                range: Some(located.range(start, end)),
            });
        }
        // The findings under the cursor.
        let mut rules: Vec<&Rule> = Vec::new();
        let mut range: Option<Range> = None;
        for finding in self.findings_in(&path) {
            let (s, e) = (finding.span.start as usize, finding.span.end as usize);
            if s <= offset && offset <= e {
                if let Some(rule) = registry::rule(finding.code) {
                    if !rules.iter().any(|r| r.code == rule.code) {
                        rules.push(rule);
                    }
                    range.get_or_insert_with(|| located.range(s, e));
                }
            }
        }
        if rules.is_empty() {
            return None;
        }
        let value = rules
            .iter()
            .map(|rule| self.rule_markdown(rule))
            .collect::<Vec<_>>()
            .join("\n\n---\n\n");
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value,
            }),
            range,
        })
    }

    fn rule_markdown(&self, rule: &Rule) -> String {
        let link = self
            .docs_href(rule)
            .map(|href| format!("\n\n[{} documentation]({})", rule.code, href.as_str()))
            .unwrap_or_default();
        format!(
            "**{}** `{}` ({}, {}): {}\n\n{}{link}",
            rule.code,
            rule.name,
            rule.severity,
            rule.category.as_str(),
            rule.summary_in(self.lang),
            rule.docs_markdown_in(self.lang),
        )
    }
}

fn invalid(id: RequestId, error: &lsp_server::ExtractError<Request>) -> Response {
    Response::new_err(
        id,
        ErrorCode::InvalidParams as i32,
        format!("invalid parameters: {error}"),
    )
}
