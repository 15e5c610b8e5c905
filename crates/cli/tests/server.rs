//! `ecsplain server` driven as an editor drives it: the built binary, JSON-RPC with
//! `Content-Length` framing on its stdin and stdout. Every message the server sends is read and
//! checked; the diagnostics are compared with what `ecsplain lint --format json` finds in the
//! same files, so the server and the CLI are held to one answer.

// The latency measurement prints its figures.
#![allow(clippy::print_stdout)]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const BIN: &str = env!("CARGO_BIN_EXE_ecsplain");
const WAIT: Duration = Duration::from_secs(30);

/// An editor's end of the connection.
struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    /// Notifications and requests read while waiting for something else.
    pending: Vec<Value>,
    next_id: i64,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(BIN)
            .args(["server", "--stdio"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the server starts");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    let (name, value) = line.split_once(": ").expect("a header line");
                    assert!(
                        name.eq_ignore_ascii_case("Content-Length")
                            || name.eq_ignore_ascii_case("Content-Type"),
                        "unexpected header {line}"
                    );
                    if name.eq_ignore_ascii_case("Content-Length") {
                        length = Some(value.parse::<usize>().expect("a length"));
                    }
                }
                let mut body = vec![0; length.expect("Content-Length")];
                reader.read_exact(&mut body).expect("the body");
                let message: Value = serde_json::from_slice(&body).expect("JSON");
                assert_eq!(message["jsonrpc"], "2.0", "{message}");
                if tx.send(message).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            messages: rx,
            pending: Vec::new(),
            next_id: 0,
        }
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its response, keeping what came before it.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let response = self.wait(&format!("the response to {method}"), |m| {
            m.get("id") == Some(&json!(id)) && m.get("method").is_none()
        });
        assert!(response.get("error").is_none(), "{response}");
        response["result"].clone()
    }

    /// The first message (read before or now) that `wanted` accepts.
    fn wait(&mut self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.pending.iter().position(&wanted) {
            return self.pending.remove(i);
        }
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let received = self.messages.recv_timeout(left);
            if let Ok(message) = &received {
                check(message);
            }
            match received {
                Ok(message) if wanted(&message) => return message,
                Ok(message) => self.pending.push(message),
                Err(RecvTimeoutError::Timeout) => {
                    panic!("no {what} within {WAIT:?}; read: {:#?}", self.pending)
                }
                Err(RecvTimeoutError::Disconnected) => panic!("the server closed before {what}"),
            }
        }
    }

    /// The next diagnostics published for `uri` (for `version`, when given).
    fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        let message = self.wait(&format!("diagnostics for {uri} ({version:?})"), |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && version.is_none_or(|v| m["params"]["version"] == v)
        });
        message["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// Waits until the server has handled everything sent so far: it answers requests in
    /// order, after publishing what earlier messages changed.
    fn settle(&mut self) {
        let result = self.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": "file:///not-open"}, "position": {"line": 0, "character": 0}}),
        );
        assert_eq!(result, Value::Null);
    }

    /// The diagnostics last published for `uri` (after [`Client::settle`]), forgetting the
    /// earlier ones; `None` when nothing was published for it.
    fn latest(&mut self, uri: &str) -> Option<Vec<Value>> {
        let is_for = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        };
        let last = self.pending.iter().rev().find(|m| is_for(m)).cloned()?;
        self.pending.retain(|m| !is_for(m));
        last["params"]["diagnostics"].as_array().cloned()
    }

    /// Shuts down and exits as an editor does; the server must exit with status 0.
    fn shutdown(mut self) {
        let result = self.request("shutdown", Value::Null);
        assert_eq!(result, Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                assert!(status.success(), "the server exited with {status}");
                break;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(10));
        }
        // Whatever came last is well-formed too, and nothing unanswered or unread is left.
        for message in self.messages.try_iter() {
            check(&message);
            self.pending.push(message);
        }
        let unread: Vec<&Value> = self
            .pending
            .iter()
            .filter(|m| m["method"] != "textDocument/publishDiagnostics")
            .collect();
        assert!(unread.is_empty(), "unread messages: {unread:#?}");
    }
}

/// What every message from the server must be: a response to one of our requests, the file
/// watcher's registration, or diagnostics whose every field is in form.
fn check(message: &Value) {
    let position = |p: &Value| {
        assert!(p["line"].is_u64() && p["character"].is_u64(), "{message}");
        (p["line"].as_u64(), p["character"].as_u64())
    };
    let range = |r: &Value| assert!(position(&r["start"]) <= position(&r["end"]), "{message}");
    match message["method"].as_str() {
        None => assert!(
            message["id"].is_i64()
                && (message.get("result").is_some() || message["error"]["code"].is_i64()),
            "{message}"
        ),
        Some("client/registerCapability") => assert!(message["id"].is_i64(), "{message}"),
        Some("textDocument/publishDiagnostics") => {
            let params = &message["params"];
            assert!(
                params["uri"]
                    .as_str()
                    .is_some_and(|u| u.starts_with("file:///")),
                "{message}"
            );
            assert!(
                params["version"].is_i64() || params.get("version").is_none_or(Value::is_null),
                "{message}"
            );
            for d in params["diagnostics"].as_array().expect("diagnostics") {
                range(&d["range"]);
                assert!(matches!(d["severity"].as_u64(), Some(1..=3)), "{d}");
                assert!(
                    d["code"].as_str().is_some_and(|c| c.len() >= 5
                        && c.chars().take(2).all(|c| c.is_ascii_uppercase())
                        && c[2..].chars().all(|c| c.is_ascii_digit())),
                    "{d}"
                );
                assert_eq!(d["source"], "ecsplain");
                assert!(
                    d["codeDescription"]["href"]
                        .as_str()
                        .is_some_and(|h| h.starts_with("https://")),
                    "{d}"
                );
                assert!(d["message"].as_str().is_some_and(|m| !m.is_empty()), "{d}");
                for r in d["relatedInformation"].as_array().into_iter().flatten() {
                    assert!(
                        r["location"]["uri"]
                            .as_str()
                            .is_some_and(|u| u.starts_with("file:///")),
                        "{d}"
                    );
                    range(&r["location"]["range"]);
                    assert!(r["message"].as_str().is_some_and(|m| !m.is_empty()), "{d}");
                }
            }
        }
        Some(other) => panic!("unexpected message {other}: {message}"),
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ecsplain-server-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let file = dir.join(path);
        std::fs::create_dir_all(file.parent().expect("a folder")).expect("mkdir");
        std::fs::write(file, text).expect("write");
    }
    dir
}

fn initialize(client: &mut Client, root: &Path) -> Value {
    initialize_with(client, &json!([{"uri": uri(root), "name": "project"}]))
}

fn initialize_with(client: &mut Client, folders: &Value) -> Value {
    let result = client.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": null,
            "capabilities": {
                "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}},
                "textDocument": {"publishDiagnostics": {"relatedInformation": true}},
            },
            "workspaceFolders": folders,
        }),
    );
    client.notify("initialized", json!({}));
    // The server asks to hear about the files on disk.
    let register = client.wait("client/registerCapability", |m| {
        m["method"] == "client/registerCapability"
    });
    let registration = &register["params"]["registrations"][0];
    assert_eq!(registration["method"], "workspace/didChangeWatchedFiles");
    assert_eq!(
        registration["registerOptions"]["watchers"][0]["globPattern"],
        "**/*"
    );
    let id = register["id"].clone();
    client.send(&json!({"jsonrpc": "2.0", "id": id, "result": null}));
    result
}

fn open(client: &mut Client, path: &Path, language: &str, version: i64) -> String {
    let text = std::fs::read_to_string(path).expect("read");
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri(path), "languageId": language, "version": version, "text": text}}),
    );
    text
}

fn change(client: &mut Client, path: &Path, version: i64, text: &str) {
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(path), "version": version}, "contentChanges": [{"text": text}]}),
    );
}

/// What `ecsplain lint DIR --format json` finds in `file`, as the server should publish it:
/// code, severity, 0-based range, message with help.
fn cli_findings(dir: &Path, file: &Path) -> Vec<Value> {
    let out = Command::new(BIN)
        .args(["lint", "--format", "json"])
        .arg(dir)
        .output()
        .expect("lint runs");
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let severity = |s: &str| match s {
        "error" => 1,
        "warning" => 2,
        _ => 3,
    };
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| Path::new(f["path"].as_str().unwrap_or_default()) == file)
        .map(|f| {
            let line = |k: &str| f[k].as_u64().unwrap_or(0) - 1;
            let message = match f["help"].as_str() {
                Some(help) => format!("{}\nhelp: {help}", f["message"].as_str().unwrap_or("")),
                None => f["message"].as_str().unwrap_or("").to_string(),
            };
            let related: Vec<Value> = f["related"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|r| {
                    let at = |k: &str| r[k].as_u64().unwrap_or(0) - 1;
                    json!({
                        "location": {
                            "uri": uri(Path::new(r["path"].as_str().unwrap_or_default())),
                            "range": {
                                "start": {"line": at("line"), "character": at("column")},
                                "end": {"line": at("end_line"), "character": at("end_column")},
                            },
                        },
                        "message": r["message"],
                    })
                })
                .collect();
            json!({
                "code": f["code"],
                "related": related,
                "severity": severity(f["severity"].as_str().unwrap_or("")),
                "range": {
                    "start": {"line": line("line"), "character": line("column")},
                    "end": {"line": line("end_line"), "character": line("end_column")},
                },
                "message": message,
            })
        })
        .collect()
}

/// The published diagnostics without what the CLI's JSON has no counterpart of.
fn comparable(diagnostics: &[Value]) -> Vec<Value> {
    diagnostics
        .iter()
        .map(|d| {
            assert_eq!(d["source"], "ecsplain", "{d}");
            let href = d["codeDescription"]["href"].as_str().expect("a docs link");
            let code = d["code"].as_str().expect("a code").to_ascii_lowercase();
            assert!(
                href.starts_with("https://github.com/ecsplain/ecsplain/blob/main/crates/engine/src/rules/")
                    && href.contains(&code),
                "{href}"
            );
            let related = d
                .get("relatedInformation")
                .cloned()
                .unwrap_or_else(|| json!([]));
            json!({"code": d["code"], "related": related, "severity": d["severity"], "range": d["range"], "message": d["message"]})
        })
        .collect()
}

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect()
}

/// Applies LSP text edits to a text (ASCII: characters are bytes).
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let line = p["line"].as_u64().expect("line") as usize;
        let character = p["character"].as_u64().expect("character") as usize;
        text.split_inclusive('\n')
            .take(line)
            .map(str::len)
            .sum::<usize>()
            + character
    };
    let mut edits: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().expect("newText"),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (start, end, new) in edits {
        out.replace_range(start..end, new);
    }
    out
}

const DOCKERFILE: &str = "FROM node:20-slim\nWORKDIR /app\nADD server.js /app/\nUSER node\nHEALTHCHECK --interval=10s --timeout=3s --start-period=1m CMD curl -f http://localhost:8080/health || exit 1\nCMD [\"node\", \"server.js\"]\n";
const TASK: &str = r#"{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2",
      "essential": true,
      "portMappings": [{ "containerPort": 8080 }]
    }
  ]
}
"#;

#[test]
fn diagnostics_fixes_ignores_hovers_and_cross_file_updates() {
    let dir = folder(
        "docker",
        &[("Dockerfile", DOCKERFILE), ("task-definition.json", TASK)],
    );
    let dockerfile = dir.join("Dockerfile");
    let task = dir.join("task-definition.json");
    let mut client = Client::start();

    // initialize: what the server offers.
    let init = initialize(&mut client, &dir);
    let caps = &init["capabilities"];
    assert_eq!(caps["textDocumentSync"]["openClose"], true);
    assert_eq!(caps["textDocumentSync"]["change"], 1, "full sync");
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(
        caps["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix"])
    );
    assert_eq!(caps["workspace"]["workspaceFolders"]["supported"], true);
    assert_eq!(init["serverInfo"]["name"], "ecsplain");
    let version = Command::new(BIN)
        .arg("--version")
        .output()
        .expect("version");
    assert_eq!(
        format!(
            "ecsplain {}\n",
            init["serverInfo"]["version"].as_str().unwrap_or("")
        ),
        String::from_utf8_lossy(&version.stdout)
    );

    // didOpen: the task definition's diagnostics are the CLI's, with the Dockerfile's
    // HEALTHCHECK as related location of XF103.
    let task_text = open(&mut client, &task, "json", 1);
    let task_diags = client.diagnostics(&uri(&task), Some(1));
    assert_eq!(comparable(&task_diags), cli_findings(&dir, &task));
    let xf103 = task_diags
        .iter()
        .find(|d| d["code"] == "XF103")
        .expect("XF103 on the task definition");
    assert_eq!(xf103["severity"], 2);
    let related = &xf103["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], uri(&dockerfile));
    assert_eq!(
        related["location"]["range"]["start"],
        json!({"line": 4, "character": 0})
    );
    assert_eq!(
        related["message"],
        "the image's HEALTHCHECK, which ECS ignores"
    );

    let docker_text = open(&mut client, &dockerfile, "dockerfile", 1);
    let docker_diags = client.diagnostics(&uri(&dockerfile), Some(1));
    assert_eq!(comparable(&docker_diags), cli_findings(&dir, &dockerfile));
    assert!(
        codes(&docker_diags).contains(&"DL3020"),
        "{docker_diags:#?}"
    );

    // codeAction on DL3020 (`ADD` of a local file): the safe fix, preferred, then "ignore here".
    let dl3020 = docker_diags
        .iter()
        .find(|d| d["code"] == "DL3020")
        .cloned()
        .expect("DL3020");
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&dockerfile)}, "range": dl3020["range"], "context": {"diagnostics": [dl3020]}}),
    );
    let actions = actions.as_array().expect("actions");
    let fix = actions
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .is_some_and(|t| t.starts_with("DL3020: ") && !t.contains("ignore"))
        })
        .expect("the DL3020 fix");
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["isPreferred"], true);
    assert_eq!(fix["diagnostics"][0]["code"], "DL3020");
    let edits = fix["edit"]["changes"][uri(&dockerfile)]
        .as_array()
        .expect("edits");
    let fixed = apply(&docker_text, edits);
    assert!(fixed.contains("\nCOPY server.js /app/\n"), "{fixed}");
    let ignore = actions
        .iter()
        .find(|a| a["title"] == "DL3020: ignore here (`# ecsplain ignore=DL3020`)")
        .expect("ignore here");
    assert_eq!(ignore["isPreferred"], false);
    let edits = ignore["edit"]["changes"][uri(&dockerfile)]
        .as_array()
        .expect("edits");
    assert_eq!(
        edits,
        &vec![
            json!({"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}}, "newText": "# ecsplain ignore=DL3020 -- why this is fine here\n"})
        ]
    );
    let ignored = apply(&docker_text, edits);

    // didChange with the ignore applied: DL3020 is gone, IN010 is not there (a reason is given).
    change(&mut client, &dockerfile, 2, &ignored);
    let after = client.diagnostics(&uri(&dockerfile), Some(2));
    assert!(!codes(&after).contains(&"DL3020"), "{after:#?}");
    std::fs::write(&dockerfile, &ignored).expect("write");
    assert_eq!(comparable(&after), cli_findings(&dir, &dockerfile));

    // hover on the code in the comment: DL3020's documentation, as `ecsplain explain` has it.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&dockerfile)}, "position": {"line": 2, "character": 22}}),
    );
    assert_eq!(hover["contents"]["kind"], "markdown");
    assert_eq!(
        hover["range"],
        json!({"start": {"line": 2, "character": 18}, "end": {"line": 2, "character": 24}})
    );
    let explain = Command::new(BIN)
        .args(["explain", "DL3020"])
        .output()
        .expect("explain");
    let explain = String::from_utf8_lossy(&explain.stdout);
    let docs = explain.split_once("\n\n").expect("docs").1.trim();
    let value = hover["contents"]["value"].as_str().expect("markdown");
    assert!(value.starts_with("**DL3020** `"), "{value}");
    assert!(value.contains(docs), "{value}");

    // hover on a finding: XF103's documentation.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&task)}, "position": xf103["range"]["start"]}),
    );
    let value = hover["contents"]["value"].as_str().expect("markdown");
    assert!(
        value.contains("**XF103** `health-check-only-in-dockerfile`"),
        "{value}"
    );
    assert_eq!(hover["range"], xf103["range"]);
    // Nothing to say on plain text.
    let nothing = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&dockerfile)}, "position": {"line": 0, "character": 1}}),
    );
    assert_eq!(nothing, Value::Null);

    // Cross-file: removing the HEALTHCHECK in the open Dockerfile updates the task definition.
    let no_check: String = ignored
        .lines()
        .filter(|l| !l.starts_with("HEALTHCHECK"))
        .map(|l| format!("{l}\n"))
        .collect();
    change(&mut client, &dockerfile, 3, &no_check);
    client.settle();
    let task_after = client
        .latest(&uri(&task))
        .expect("the task definition again");
    assert!(!codes(&task_after).contains(&"XF103"), "{task_after:#?}");
    let docker_after = client
        .latest(&uri(&dockerfile))
        .expect("the Dockerfile again");
    assert!(
        !codes(&docker_after).contains(&"DF004"),
        "{docker_after:#?}"
    );

    // Closing the Dockerfile clears its diagnostics; the file on disk (with its HEALTHCHECK)
    // takes its place, so XF103 is back on the task definition.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri(&dockerfile)}}),
    );
    client.settle();
    assert_eq!(client.latest(&uri(&dockerfile)), Some(Vec::new()));
    let task_back = client
        .latest(&uri(&task))
        .expect("the task definition again");
    assert!(codes(&task_back).contains(&"XF103"), "{task_back:#?}");

    // On disk: the Dockerfile loses its HEALTHCHECK without the editor, and the watcher says so.
    std::fs::write(&dockerfile, &no_check).expect("write");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&dockerfile), "type": 2}]}),
    );
    client.settle();
    let task_disk = client
        .latest(&uri(&task))
        .expect("the task definition again");
    assert!(!codes(&task_disk).contains(&"XF103"), "{task_disk:#?}");
    assert_eq!(comparable(&task_disk), cli_findings(&dir, &task));

    // codeAction on TD103 (JSON): the unsafe fix, labelled and not preferred, and "ignore
    // here" as a per-path ignore in a new .ecsplain.yaml.
    let td103 = task_disk
        .iter()
        .find(|d| d["code"] == "TD103")
        .cloned()
        .expect("TD103");
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&task)}, "range": td103["range"], "context": {"diagnostics": [td103], "only": ["quickfix"]}}),
    );
    let actions = actions.as_array().expect("actions");
    let unsafe_fix = actions
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .is_some_and(|t| t.starts_with("TD103: add"))
        })
        .expect("the TD103 fix");
    assert_eq!(unsafe_fix["isPreferred"], false);
    assert!(
        unsafe_fix["title"]
            .as_str()
            .unwrap_or("")
            .ends_with("(unsafe fix: changes what happens at run time)"),
        "{unsafe_fix}"
    );
    let edits = unsafe_fix["edit"]["changes"][uri(&task)]
        .as_array()
        .expect("edits");
    let fixed: Value = serde_json::from_str(&apply(&task_text, edits)).expect("still JSON");
    assert_eq!(
        fixed["containerDefinitions"][0]["readonlyRootFilesystem"],
        true
    );
    let ignore = actions
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .is_some_and(|t| t.starts_with("TD103: ignore at "))
        })
        .expect("ignore by pointer");
    let operations = ignore["edit"]["documentChanges"]
        .as_array()
        .expect("changes");
    let config = dir.join(".ecsplain.yaml");
    assert_eq!(
        operations[0],
        json!({"kind": "create", "uri": uri(&config)})
    );
    assert_eq!(operations[1]["textDocument"]["uri"], uri(&config));
    let written = operations[1]["edits"][0]["newText"].as_str().expect("text");
    assert!(
        written.starts_with("per-path-ignores:\n  - path: \"task-definition.json\"\n    codes: [TD103]\n    pointer: \"/containerDefinitions/0"),
        "{written}"
    );
    // The editor creates the file; the watcher reports it; TD103 is gone, as for the CLI.
    std::fs::write(&config, written).expect("write");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&config), "type": 1}]}),
    );
    client.settle();
    let task_ignored = client
        .latest(&uri(&task))
        .expect("the task definition again");
    assert!(
        !codes(&task_ignored).contains(&"TD103"),
        "{task_ignored:#?}"
    );
    assert_eq!(comparable(&task_ignored), cli_findings(&dir, &task));

    // A method the server does not answer is an error, not silence.
    client.next_id += 1;
    let id = client.next_id;
    client.send(&json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/completion", "params": {"textDocument": {"uri": uri(&task)}, "position": {"line": 0, "character": 0}}}));
    let error = client.wait("the completion error", |m| m["id"] == id);
    assert_eq!(error["error"]["code"], -32601);

    client.shutdown();
    let _ = std::fs::remove_dir_all(&dir);
}

const ECSPRESSO: &str = "cluster: web\nservice: web\nservice_definition: ecs-service-def.json\ntask_definition: ecs-task-def.jsonnet\n";
const SERVICE: &str = r#"{
  "desiredCount": 2,
  "launchType": "FARGATE",
  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-1"], "assignPublicIp": "ENABLED"}}
}
"#;
const JSONNET: &str = r#"local cpu = '256';
{
  family: 'web',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: cpu,
  memory: '512',
  containerDefinitions: [
    {
      name: 'app',
      image: 'nginx:latest',
      essential: true,
    },
  ],
}
"#;

/// A client showing Japanese (`locale`, as VS Code sends it) gets the findings and the rules'
/// documentation in Japanese, as `ecsplain lint --lang ja` and `explain --lang ja` print them;
/// codes and ranges are the same as in English.
#[test]
fn diagnostics_and_hovers_speak_the_clients_language() {
    let dir = folder("japanese", &[("task-definition.json", TASK)]);
    let task = dir.join("task-definition.json");
    let mut client = Client::start();
    client.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": null,
            "locale": "ja",
            "capabilities": {"textDocument": {"publishDiagnostics": {"relatedInformation": true}}},
            "workspaceFolders": [{"uri": uri(&dir), "name": "project"}],
        }),
    );
    client.notify("initialized", json!({}));
    open(&mut client, &task, "json", 1);
    let diags = client.diagnostics(&uri(&task), Some(1));
    let english = cli_findings(&dir, &task);
    assert_eq!(diags.len(), english.len(), "{diags:#?}");
    let japanese = |s: &str| s.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c));
    for d in &diags {
        let message = d["message"].as_str().unwrap_or("");
        assert!(japanese(message), "{message}");
    }
    let codes_ja: Vec<&str> = codes(&diags);
    let codes_en: Vec<&str> = english.iter().filter_map(|f| f["code"].as_str()).collect();
    assert_eq!(codes_ja, codes_en);
    let first = &diags[0];
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&task)}, "position": first["range"]["start"]}),
    );
    let value = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(value.contains("## 何を検査するか"), "{value}");
}

#[test]
fn ecspresso_configs_jsonnet_and_service_definitions() {
    let dir = folder(
        "ecspresso",
        &[
            ("deploy/ecspresso.yml", ECSPRESSO),
            ("deploy/ecs-service-def.json", SERVICE),
            ("deploy/ecs-task-def.jsonnet", JSONNET),
            (".ecsplain.yaml", "ignore: [TD307]\n"),
        ],
    );
    let config = dir.join("deploy/ecspresso.yml");
    let service = dir.join("deploy/ecs-service-def.json");
    let task = dir.join("deploy/ecs-task-def.jsonnet");
    let mut client = Client::start();
    initialize(&mut client, &dir);

    let config_text = open(&mut client, &config, "yaml", 1);
    let config_diags = client.diagnostics(&uri(&config), Some(1));
    assert_eq!(comparable(&config_diags), cli_findings(&dir, &config));
    assert!(codes(&config_diags).contains(&"EP002"), "{config_diags:#?}");
    open(&mut client, &service, "json", 1);
    let service_diags = client.diagnostics(&uri(&service), Some(1));
    assert_eq!(comparable(&service_diags), cli_findings(&dir, &service));
    assert!(!service_diags.is_empty());
    open(&mut client, &task, "jsonnet", 1);
    let task_diags = client.diagnostics(&uri(&task), Some(1));
    assert_eq!(comparable(&task_diags), cli_findings(&dir, &task));
    // The workspace's .ecsplain.yaml applies: TD307 is ignored.
    assert!(!codes(&task_diags).contains(&"TD307"), "{task_diags:#?}");
    assert!(!task_diags.is_empty());

    // The config names a task definition that is not there: XF001 on the config, at once.
    let renamed = config_text.replace("ecs-task-def.jsonnet", "missing.jsonnet");
    change(&mut client, &config, 2, &renamed);
    let missing = client.diagnostics(&uri(&config), Some(2));
    let xf001 = missing
        .iter()
        .find(|d| d["code"] == "XF001")
        .expect("XF001");
    assert_eq!(xf001["severity"], 1);

    // Jsonnet: "ignore here" writes a `//` comment.
    let first = task_diags[0].clone();
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&task)}, "range": first["range"], "context": {"diagnostics": [first]}}),
    );
    let code = first["code"].as_str().expect("code");
    let ignore = actions
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["title"] == format!("{code}: ignore here (`// ecsplain ignore={code}`)"))
        .unwrap_or_else(|| panic!("ignore here in {actions:#}"));
    let new_text = ignore["edit"]["changes"][uri(&task)][0]["newText"]
        .as_str()
        .expect("text");
    assert!(new_text
        .trim_start()
        .starts_with(&format!("// ecsplain ignore={code} -- ")));

    // The team's configuration: a problem in it is shown on it (IN011, as `ecsplain lint`
    // reports it), and a rule code in it has the rule's documentation on hover.
    let team = dir.join(".ecsplain.yaml");
    std::fs::write(&team, "ignore: [TD307]\nbogus: 1\n").expect("write");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&team), "type": 2}]}),
    );
    open(&mut client, &team, "yaml", 1);
    let team_diags = client.diagnostics(&uri(&team), Some(1));
    assert_eq!(comparable(&team_diags), cli_findings(&dir, &team));
    assert_eq!(codes(&team_diags), ["IN011"]);
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&team)}, "position": {"line": 0, "character": 10}}),
    );
    let value = hover["contents"]["value"].as_str().expect("markdown");
    assert!(value.starts_with("**TD307** `"), "{value}");
    assert_eq!(
        hover["range"],
        json!({"start": {"line": 0, "character": 9}, "end": {"line": 0, "character": 14}})
    );

    // Its unsaved text counts: the problem goes, and EP002 is ignored in the ecspresso config.
    assert!(codes(&missing).contains(&"EP002"), "{missing:#?}");
    change(&mut client, &team, 2, "ignore: [TD307, EP002]\n");
    client.settle();
    assert_eq!(client.latest(&uri(&team)), Some(Vec::new()));
    let config_now = client
        .latest(&uri(&config))
        .expect("the ecspresso config again");
    assert!(!codes(&config_now).contains(&"EP002"), "{config_now:#?}");
    assert!(codes(&config_now).contains(&"XF001"), "{config_now:#?}");

    client.shutdown();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_project_is_the_workspace_folder() {
    let dir = folder(
        "folders",
        &[("Dockerfile", DOCKERFILE), ("task-definition.json", TASK)],
    );
    let task = dir.join("task-definition.json");
    let mut client = Client::start();
    // No workspace folder: the task definition is linted alone (as `ecsplain lint FILE`).
    initialize_with(&mut client, &Value::Null);
    open(&mut client, &task, "json", 1);
    let alone = client.diagnostics(&uri(&task), Some(1));
    assert!(!codes(&alone).contains(&"XF103"), "{alone:#?}");
    let cli = Command::new(BIN)
        .args(["lint", "--format", "json"])
        .arg(&task)
        .output()
        .expect("lint");
    let cli: Value = serde_json::from_slice(&cli.stdout).expect("JSON");
    let cli_codes: Vec<&str> = cli["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert_eq!(codes(&alone), cli_codes);

    // The folder joins the workspace: its Dockerfile pairs with the task definition.
    client.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [{"uri": uri(&dir), "name": "project"}], "removed": []}}),
    );
    client.settle();
    let together = client
        .latest(&uri(&task))
        .expect("the task definition again");
    assert_eq!(comparable(&together), cli_findings(&dir, &task));
    assert!(codes(&together).contains(&"XF103"), "{together:#?}");

    // And leaves it again.
    client.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [], "removed": [{"uri": uri(&dir), "name": "project"}]}}),
    );
    client.settle();
    let apart = client
        .latest(&uri(&task))
        .expect("the task definition again");
    assert_eq!(codes(&apart), cli_codes);

    client.shutdown();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn without_a_file_watcher_a_save_reads_the_disk_again() {
    let dir = folder(
        "save",
        &[("Dockerfile", DOCKERFILE), ("task-definition.json", TASK)],
    );
    let task = dir.join("task-definition.json");
    let mut client = Client::start();
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": uri(&dir), "capabilities": {}}),
    );
    client.notify("initialized", json!({}));
    open(&mut client, &task, "json", 1);
    // `rootUri` alone names the workspace: the Dockerfile on disk pairs with the task.
    let before = client.diagnostics(&uri(&task), Some(1));
    assert!(codes(&before).contains(&"XF103"), "{before:#?}");
    let no_check: String = DOCKERFILE
        .lines()
        .filter(|l| !l.starts_with("HEALTHCHECK"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(dir.join("Dockerfile"), no_check).expect("write");
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri(&task)}}),
    );
    client.settle();
    let after = client
        .latest(&uri(&task))
        .expect("the task definition again");
    assert!(!codes(&after).contains(&"XF103"), "{after:#?}");
    // The client cannot watch files: the server never asked it to.
    assert!(
        !client
            .pending
            .iter()
            .any(|m| m["method"] == "client/registerCapability"),
        "{:#?}",
        client.pending
    );
    client.shutdown();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn exit_without_shutdown_is_status_1() {
    let dir = folder("exit", &[("task-definition.json", TASK)]);
    let mut client = Client::start();
    initialize(&mut client, &dir);
    client.notify("exit", Value::Null);
    let status = client.child.wait().expect("wait");
    assert_eq!(status.code(), Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The median time from a change to its diagnostics, on the corpus's largest task definition:
/// alone, and inside the whole corpus as the workspace. Run with
/// `cargo test -p ecsplain --release --test server -- --ignored --nocapture latency`.
#[test]
#[ignore = "a measurement, not a check: run it by hand"]
fn latency() {
    let corpus = std::env::var_os("ECSPLAIN_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"),
        PathBuf::from,
    );
    let largest = std::fs::read_dir(corpus.join("taskdef"))
        .expect("the corpus")
        .flatten()
        .map(|e| e.path())
        .max_by_key(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
        .expect("a task definition");
    let text = std::fs::read_to_string(&largest).expect("read");
    let alone = folder("latency", &[("task-definition.json", &text)]);
    for (name, root, file) in [
        ("alone", alone.clone(), alone.join("task-definition.json")),
        (
            "in the corpus (workspace = corpus)",
            corpus.clone(),
            largest.clone(),
        ),
    ] {
        let mut client = Client::start();
        initialize(&mut client, &root);
        let original = open(&mut client, &file, "json", 1);
        client.diagnostics(&uri(&file), Some(1));
        let mut times = Vec::new();
        for version in 2..=41 {
            // Each change adds or removes spaces after the first key, as typing would.
            let edited = original.replacen(
                "\"family\"",
                &format!("\"family\" {}", " ".repeat((version % 3) as usize)),
                1,
            );
            let started = Instant::now();
            change(&mut client, &file, version, &edited);
            client.diagnostics(&uri(&file), Some(version));
            times.push(started.elapsed());
        }
        times.sort();
        println!(
            "latency {name}: {} ({} bytes): median {:?}, min {:?}, max {:?} over {} changes",
            largest
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default(),
            text.len(),
            times[times.len() / 2],
            times[0],
            times[times.len() - 1],
            times.len()
        );
        client.shutdown();
    }
    let _ = std::fs::remove_dir_all(&alone);
}
