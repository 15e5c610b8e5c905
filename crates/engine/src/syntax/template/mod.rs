//! Go-template actions (`{{ must_env `IMAGE` }}`) in ecspresso configs and definitions.
//!
//! ecspresso renders its config and the JSON/YAML definitions with Go's `text/template` before
//! reading them. [`scan`] finds every `{{ ... }}` action with its byte span and reads the function
//! calls inside (`must_env`, `env`, `tfstate`, `ssm`, plugin functions with a `func_prefix`...),
//! so that rules know which values are unknown until rendering, and the variables panel can list
//! them. It never fails: an action left open is reported as a [`TemplateError`] and the rest of
//! the text is scanned.
//!
//! [`render`] replaces each action by a value (a user-supplied one, `env`'s default, or a marker)
//! and keeps a map from the rendered text back to the original.

pub mod exec;
pub mod gofmt;
pub mod parse;
pub mod wire;

pub use exec::{Mode, Output};
pub use wire::{available, set_external, use_builtin};

/// The IN004 messages (their Japanese: `rules/input/in004_template_syntax.ja.msg`); Go's own
/// message stays English, as ecspresso prints it.
pub mod in004 {
    crate::messages! {
        "IN004";
        GO_ERROR = "template: {message}";
        HELP_CLOSE = "ecspresso renders this file with Go's text/template, which stops here: close each `{{` with `}}`, each string with its quote, and each `if`, `range`, `with` with `{{ end }}`";
    }
}

use crate::input::span::Span;

/// Longest action read; beyond this an unclosed `{{` is reported rather than scanned further.
const MAX_ACTION_LEN: usize = 64 * 1024;

/// One `{{ ... }}` action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    /// From `{{` to `}}` included (to the end of the text when the action is not closed).
    pub span: Span,
    /// The text between the delimiters and their trim markers.
    pub inner: Span,
    pub closed: bool,
    /// A comment (`{{/* ... */}}`): renders to nothing.
    pub comment: bool,
    /// Every function call in the action, in order (including calls in pipes and parentheses).
    pub calls: Vec<Call>,
}

/// A function call: the identifier that starts a command, and its literal arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    pub func: String,
    pub func_span: Span,
    pub args: Vec<Arg>,
    /// The call receives the output of the previous command of a pipe as its last argument.
    pub piped: bool,
}

/// An argument of a call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arg {
    /// The value: a string literal without its quotes, or the token as written.
    pub value: String,
    pub span: Span,
    /// A string literal (`"X"` or `` `X` ``) rather than a variable, field or sub-expression.
    pub literal: bool,
}

/// A template that Go's `text/template` would reject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    pub span: Span,
    pub message: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scan {
    pub actions: Vec<Action>,
    pub errors: Vec<TemplateError>,
}

/// Words of the template language that are not function calls.
const KEYWORDS: [&str; 12] = [
    "if", "else", "end", "range", "with", "define", "template", "block", "nil", "true", "false",
    "break",
];

/// Go's `text/template` builtins (`funcs.go`, `builtins`): defined in every template.
pub const GO_BUILTINS: [&str; 19] = [
    "and", "call", "eq", "ge", "gt", "html", "index", "js", "le", "len", "lt", "ne", "not", "or",
    "print", "printf", "println", "slice", "urlquery",
];

/// go-config's `DefaultFuncMap`: defined in every template ecspresso renders (config and
/// definitions).
pub const GO_CONFIG_FUNCS: [&str; 3] = ["env", "must_env", "json_escape"];

/// Every function name the template calls (an identifier where Go's parser reads an operand,
/// which it checks against the defined functions: `function "x" not defined`), with its span, in
/// source order. `None` when Go's parser rejects the text for another reason first.
pub fn function_names(text: &str) -> Option<Vec<(String, Span)>> {
    if !has_template(text) {
        return Some(Vec::new());
    }
    wire::names(text)
}

/// [`function_names`] with the built-in parser, for a text that holds an action.
fn parsed_names(text: &str) -> Option<Vec<(String, Span)>> {
    fn pipe(p: &parse::Pipe, out: &mut Vec<(String, Span)>) {
        for cmd in &p.cmds {
            for arg in &cmd.args {
                match arg {
                    parse::Arg::Ident(name, span) => out.push((name.clone(), *span)),
                    parse::Arg::Pipe(inner, _, _) => pipe(inner, out),
                    _ => {}
                }
            }
        }
    }
    fn list(l: &parse::List, out: &mut Vec<(String, Span)>) {
        for node in &l.nodes {
            match node {
                parse::Node::Action { pipe: p, .. } => pipe(p, out),
                parse::Node::If(b) | parse::Node::With(b) | parse::Node::Range(b) => {
                    pipe(&b.pipe, out);
                    list(&b.list, out);
                    if let Some(e) = &b.else_list {
                        list(e, out);
                    }
                }
                parse::Node::Template { pipe: Some(p), .. } => pipe(p, out),
                _ => {}
            }
        }
    }
    let tree = parse::parse(text).ok()?;
    let mut out = Vec::new();
    list(&tree.root, &mut out);
    for (_, l) in &tree.defines {
        list(l, &mut out);
    }
    crate::input::order::sort_by(&mut out, |a, b| a.1.start.cmp(&b.1.start));
    out.dedup_by(|a, b| a.1 == b.1);
    Some(out)
}

/// The IN014 messages (their Japanese: `rules/input/in014_template_not_rendered.ja.msg`): a
/// file's templates read as written because the front end's Go-template engine is not at hand.
/// The page's reason for a failed load stays English.
pub mod in014 {
    crate::messages! {
        "IN014";
        LOADING = "the templates of this file are read as written while the Go-template engine is loading";
        HELP_LOADING = "its findings are checked again once the engine is loaded (a second download, only for projects with templates)";
        LOAD_FAILED = "the templates of this file were not rendered, so they are read as written: the page could not load its Go-template engine ({why})";
        HELP_RELOAD = "reload the page, or lint it with the ecsplain CLI (`ecsplain lint`), which renders templates";
    }
}

/// IN014 at the first line of a file that holds a template action, when the front end's
/// Go-template engine (`engine`) is loading (a note: nothing is wrong with the file) or could not
/// be loaded (a warning, with the reason). `None` when it is ready (built in or loaded).
pub fn not_rendered(
    text: &str,
    engine: &crate::input::module::ModuleStatus,
) -> Option<crate::input::diagnostic::Diagnostic> {
    use crate::input::diagnostic::{Diagnostic, Severity};
    use crate::input::module::ModuleStatus;
    if !has_template(text) {
        return None;
    }
    let (severity, message, help) = match engine {
        ModuleStatus::Ready => return None,
        ModuleStatus::Loading => (
            Severity::Info,
            crate::msg!(in014::LOADING),
            crate::msg!(in014::HELP_LOADING),
        ),
        ModuleStatus::Failed(why) => (
            Severity::Warning,
            crate::msg!(in014::LOAD_FAILED, why = why.as_str()),
            crate::msg!(in014::HELP_RELOAD),
        ),
    };
    let end = text.find(['\n', '\r']).unwrap_or(text.len());
    let mut d = Diagnostic::new_msg(
        crate::input::codes::IN014.code,
        severity,
        Span::new(0, end),
        message,
    );
    d.set_help_msg(help);
    Some(d)
}

/// Does the text hold a `{{ ... }}` template action?
pub fn has_template(text: &str) -> bool {
    text.contains("{{")
}

impl Call {
    /// The first literal argument (`IMAGE` in `must_env `IMAGE``).
    pub fn first_literal(&self) -> Option<&str> {
        self.args
            .first()
            .filter(|a| a.literal)
            .map(|a| a.value.as_str())
    }

    /// The function name without a plugin's `func_prefix` (`tfstate` for `first_tfstate`).
    pub fn base_name(&self) -> &str {
        base_function(&self.func)
    }
}

/// The known ecspresso function a (possibly prefixed) name ends with, or the name itself.
pub fn base_function(name: &str) -> &str {
    const PLUGIN_FUNCS: [&str; 7] = [
        "tfstatef",
        "tfstate",
        "cfn_output",
        "cfn_export",
        "secretsmanager_arn",
        "ssm",
        "external",
    ];
    for f in PLUGIN_FUNCS {
        if name == f {
            return f;
        }
    }
    for f in PLUGIN_FUNCS {
        if let Some(prefix) = name.strip_suffix(f) {
            if !prefix.is_empty() {
                return f;
            }
        }
    }
    name
}

/// Finds every action in the text.
pub fn scan(text: &str) -> Scan {
    let bytes = text.as_bytes();
    let mut out = Scan::default();
    let mut pos = 0;
    while let Some(found) = text.get(pos..).and_then(|rest| rest.find("{{")) {
        let start = pos + found;
        let mut inner_start = start + 2;
        if bytes.get(inner_start) == Some(&b'-')
            && bytes
                .get(inner_start + 1)
                .is_some_and(u8::is_ascii_whitespace)
        {
            inner_start += 1;
        }
        match find_close(bytes, inner_start) {
            Some(close) => {
                let mut inner_end = close;
                if close > inner_start + 1
                    && bytes.get(close - 1) == Some(&b'-')
                    && bytes.get(close - 2).is_some_and(u8::is_ascii_whitespace)
                {
                    inner_end = close - 1;
                }
                let inner = Span::new(inner_start, inner_end.max(inner_start));
                let inner_text = inner.text(text);
                let comment = inner_text.trim_start().starts_with("/*");
                let calls = if comment {
                    Vec::new()
                } else {
                    parse_calls(text, inner)
                };
                if let Some(err) = unterminated_string(text, inner) {
                    out.errors.push(err);
                }
                out.actions.push(Action {
                    span: Span::new(start, close + 2),
                    inner,
                    closed: true,
                    comment,
                    calls,
                });
                pos = close + 2;
            }
            None => {
                let end = text.len();
                out.errors.push(TemplateError {
                    span: Span::new(start, start + 2),
                    message: "this template action is never closed: `}}` is missing".to_string(),
                });
                let inner = Span::new(inner_start.min(end), end);
                out.actions.push(Action {
                    span: Span::new(start, end),
                    inner,
                    closed: false,
                    comment: false,
                    calls: parse_calls(text, inner),
                });
                break;
            }
        }
    }
    out
}

/// The offset of the `}}` closing an action whose content starts at `from`: string literals are
/// skipped; a newline inside a double-quoted string ends that string. `None` when not closed.
fn find_close(bytes: &[u8], from: usize) -> Option<usize> {
    let limit = bytes.len().min(from.saturating_add(MAX_ACTION_LEN));
    let mut i = from;
    while i < limit {
        match bytes[i] {
            b'}' if bytes.get(i + 1) == Some(&b'}') => return Some(i),
            b'"' | b'\'' => {
                let quote = bytes[i];
                i += 1;
                while i < limit && bytes[i] != quote && bytes[i] != b'\n' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'`' => {
                i += 1;
                while i < limit && bytes[i] != b'`' {
                    // A raw string never spans `}}` in practice; stop at it to recover from a
                    // stray backquote.
                    if bytes[i] == b'}' && bytes.get(i + 1) == Some(&b'}') {
                        return Some(i);
                    }
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn unterminated_string(text: &str, inner: Span) -> Option<TemplateError> {
    let body = inner.text(text);
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            q @ (b'"' | b'`') => {
                let open = i;
                i += 1;
                while i < bytes.len() && bytes[i] != q && !(q == b'"' && bytes[i] == b'\n') {
                    if q == b'"' && bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if i >= bytes.len() || bytes[i] != q {
                    let at = inner.start as usize + open;
                    return Some(TemplateError {
                        span: Span::new(at, at + 1),
                        message: "this string in a template action is never closed".to_string(),
                    });
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => return None,
            _ => {}
        }
        i += 1;
    }
    None
}

/// Reads the commands of an action's pipeline.
fn parse_calls(text: &str, inner: Span) -> Vec<Call> {
    let body = inner.text(text);
    let base = inner.start as usize;
    let bytes = body.as_bytes();
    let mut calls: Vec<Call> = Vec::new();
    // Indices into `calls` of the call each open parenthesis level adds arguments to.
    let mut stack: Vec<Option<usize>> = vec![None];
    let mut command_start = true;
    let mut piped = false;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let current = stack.last().copied().flatten();
        match c {
            b'|' => {
                command_start = true;
                piped = true;
                i += 1;
            }
            b'(' => {
                stack.push(None);
                command_start = true;
                piped = false;
                i += 1;
            }
            b')' => {
                if stack.len() > 1 {
                    stack.pop();
                }
                if let Some(parent) = stack.last().copied().flatten() {
                    if let Some(call) = calls.get_mut(parent) {
                        call.args.push(Arg {
                            value: "(...)".to_string(),
                            span: Span::new(base + i, base + i + 1),
                            literal: false,
                        });
                    }
                }
                command_start = false;
                i += 1;
            }
            b'"' | b'`' => {
                let open = i;
                i += 1;
                let mut value = String::new();
                while i < bytes.len() && bytes[i] != c {
                    if c == b'"' && bytes[i] == b'\\' && i + 1 < bytes.len() {
                        i += 1;
                        match bytes[i] {
                            b'n' => value.push('\n'),
                            b't' => value.push('\t'),
                            _ => {}
                        }
                        if !matches!(bytes[i], b'n' | b't') {
                            if let Some(ch) = body.get(i..).and_then(|s| s.chars().next()) {
                                value.push(ch);
                                i += ch.len_utf8() - 1;
                            }
                        }
                        i += 1;
                        continue;
                    }
                    if let Some(ch) = body.get(i..).and_then(|s| s.chars().next()) {
                        value.push(ch);
                        i += ch.len_utf8();
                    } else {
                        i += 1;
                    }
                }
                let end = (i + 1).min(bytes.len());
                if let Some(call) = current.and_then(|k| calls.get_mut(k)) {
                    call.args.push(Arg {
                        value,
                        span: Span::new(base + open, base + end),
                        literal: true,
                    });
                }
                command_start = false;
                i = end;
            }
            _ => {
                let start = i;
                while i < bytes.len()
                    && !bytes[i].is_ascii_whitespace()
                    && !matches!(bytes[i], b'|' | b'(' | b')' | b'"' | b'`')
                {
                    i += 1;
                }
                if i == start {
                    i += 1;
                    continue;
                }
                let word = body.get(start..i).unwrap_or("");
                let is_ident = word
                    .chars()
                    .next()
                    .is_some_and(|ch| ch.is_ascii_alphabetic() || ch == '_')
                    && word
                        .chars()
                        .all(|ch| ch.is_ascii_alphanumeric() || ch == '_');
                if command_start && is_ident && !KEYWORDS.contains(&word) {
                    calls.push(Call {
                        func: word.to_string(),
                        func_span: Span::new(base + start, base + i),
                        args: Vec::new(),
                        piped,
                    });
                    if let Some(slot) = stack.last_mut() {
                        *slot = Some(calls.len() - 1);
                    }
                } else if let Some(call) = current.and_then(|k| calls.get_mut(k)) {
                    call.args.push(Arg {
                        value: word.to_string(),
                        span: Span::new(base + start, base + i),
                        literal: false,
                    });
                }
                // After `if`, `range`, `with`, the next word starts a command.
                command_start = matches!(word, "if" | "range" | "with" | "else");
                piped = false;
            }
        }
    }
    calls
}

/// A text with its actions replaced, and where each replacement came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    pub text: String,
    /// `(span in the rendered text, span of the action in the original)`, in order.
    pub map: Vec<(Span, Span)>,
}

impl Rendered {
    /// The original span for a span of the rendered text. A span inside one replacement is the
    /// action that produced it; otherwise each end is moved back to where its text was, and an
    /// end that falls inside a replacement stretches to the whole action.
    pub fn original(&self, span: Span) -> Span {
        let (start, end) = (span.start as usize, span.end.max(span.start) as usize);
        // Replacements that end at or before `start` (an empty one at `start` included).
        let k = self.map.partition_point(|(r, _)| (r.end as usize) <= start);
        if let Some((r, o)) = self.map.get(k) {
            if (r.start as usize) <= start && end <= r.end as usize {
                return *o;
            }
        }
        Span::new(self.position(start, false), self.position(end, true))
    }

    /// The span of the rendered text that a span of the original became: a span inside an
    /// action (or other replaced source) is the whole replacement; otherwise each end is moved
    /// by the replacements before it.
    pub fn forward(&self, span: Span) -> Span {
        let (start, end) = (span.start as usize, span.end.max(span.start) as usize);
        if let Some((r, _)) = self
            .map
            .iter()
            .find(|(_, o)| (o.start as usize) <= start && end <= o.end as usize && !o.is_empty())
        {
            return *r;
        }
        let shift = |pos: usize| -> usize {
            let k = self.map.partition_point(|(_, o)| (o.end as usize) <= pos);
            match k.checked_sub(1).and_then(|i| self.map.get(i)) {
                Some((r, o)) => (pos + r.end as usize).saturating_sub(o.end as usize),
                None => pos,
            }
        };
        let (a, b) = (shift(start), shift(end));
        Span::new(
            a.min(self.text.len()),
            b.min(self.text.len()).max(a.min(self.text.len())),
        )
    }

    /// Does the span of the rendered text lie inside one rendered value (a quoted string
    /// whose content does counts)?
    pub fn from_template(&self, span: Span) -> bool {
        let mut span = span;
        let bytes = self.text.as_bytes();
        let (start, end) = (span.start as usize, span.end as usize);
        if end >= start + 2 {
            if let (Some(&open), Some(&close)) = (bytes.get(start), bytes.get(end - 1)) {
                if open == close && matches!(open, b'"' | b'\'') {
                    span = Span::new(start + 1, end - 1);
                }
            }
        }
        let k = self.map.partition_point(|(r, _)| r.end <= span.start);
        self.map
            .get(k)
            .is_some_and(|(r, _)| r.start <= span.start && span.end <= r.end && !r.is_empty())
    }

    /// Does the span of the rendered text overlap a rendered value (an insertion: fall strictly
    /// inside one)?
    pub fn touches(&self, span: Span) -> bool {
        let k = self.map.partition_point(|(r, _)| r.end <= span.start);
        self.map.get(k).is_some_and(|(r, _)| {
            if span.is_empty() {
                r.start < span.start
            } else {
                r.start < span.end
            }
        })
    }

    /// A position of the rendered text in the original. `end`: the position ends a span (a
    /// replacement it falls inside of, or an empty one right at it, counts as after it).
    fn position(&self, pos: usize, end: bool) -> usize {
        let k = if end {
            self.map.partition_point(|(r, _)| (r.end as usize) < pos)
        } else {
            self.map.partition_point(|(r, _)| (r.end as usize) <= pos)
        };
        if let Some((r, o)) = self.map.get(k) {
            let inside = if end {
                (r.start as usize) < pos
            } else {
                (r.start as usize) <= pos && pos < r.end as usize
            };
            if inside {
                return if end {
                    o.end as usize
                } else {
                    o.start as usize
                };
            }
        }
        match k.checked_sub(1).and_then(|i| self.map.get(i)) {
            Some((r, o)) => (pos + o.end as usize).saturating_sub(r.end as usize),
            None => pos,
        }
    }
}

/// The value an action stands for when rendering, given the call it makes.
pub trait Values {
    /// A value for the call, or `None` to leave a marker.
    fn value(&self, call: &Call) -> Option<String>;
}

/// Values by environment variable name, for `env` and `must_env`; `env`'s default otherwise.
impl Values for std::collections::BTreeMap<String, String> {
    fn value(&self, call: &Call) -> Option<String> {
        match call.func.as_str() {
            "env" | "must_env" => {
                let name = call.first_literal()?;
                self.get(name).cloned().or_else(|| {
                    (call.func == "env")
                        .then(|| call.args.get(1).filter(|a| a.literal))
                        .flatten()
                        .map(|a| a.value.clone())
                })
            }
            _ => self.get(&variable_key(call)?).cloned(),
        }
    }
}

/// A stable key naming what a call looks up (`env:IMAGE`, `tfstate:aws_x.y.id`, `ssm:/a/b`), for
/// the variables panel; `None` for calls that look nothing up.
pub fn variable_key(call: &Call) -> Option<String> {
    let base = call.base_name();
    let kind = match call.func.as_str() {
        "env" | "must_env" => "env",
        _ => match base {
            "tfstate" | "tfstatef" | "cfn_output" | "cfn_export" | "ssm" | "secretsmanager_arn"
            | "external" => base,
            _ => return None,
        },
    };
    let args: Vec<&str> = call
        .args
        .iter()
        .filter(|a| a.literal)
        .map(|a| a.value.as_str())
        .collect();
    if args.is_empty() {
        return None;
    }
    let what = if kind == "env" {
        args[0].to_string()
    } else {
        args.join(" ")
    };
    Some(format!("{}:{what}", call.func))
}

/// A value a text looks up: an environment variable, a tfstate address, an SSM path...
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variable {
    /// [`variable_key`]: `must_env:IMAGE` is keyed `env:IMAGE`, like `env`.
    pub key: String,
    /// The function as written (`must_env`, `env`, `network_tfstate`).
    pub func: String,
    /// What it looks up (`IMAGE`, `aws_lb.x.arn`).
    pub name: String,
    /// `env`'s default, when given.
    pub default: Option<String>,
    /// Every call site.
    pub spans: Vec<Span>,
}

/// Every value the text looks up, in order of first use, for the variables panel.
pub fn variables(text: &str) -> Vec<Variable> {
    let mut out: Vec<Variable> = Vec::new();
    for action in scan(text).actions {
        for call in &action.calls {
            let Some(key) = variable_key(call) else {
                continue;
            };
            let key = match key.split_once(':') {
                Some(("must_env", rest)) => format!("env:{rest}"),
                _ => key,
            };
            let default = (call.func == "env")
                .then(|| call.args.get(1).filter(|a| a.literal))
                .flatten()
                .map(|a| a.value.clone());
            match out.iter_mut().find(|v| v.key == key) {
                Some(v) => {
                    v.spans.push(action.span);
                    if v.default.is_none() {
                        v.default = default;
                    }
                }
                None => out.push(Variable {
                    name: key.split_once(':').map_or("", |(_, n)| n).to_string(),
                    key,
                    func: call.func.clone(),
                    default,
                    spans: vec![action.span],
                }),
            }
        }
    }
    out
}

/// A marker for a value not supplied: it is recognised as a placeholder by
/// [`crate::syntax::value::is_placeholder_text`], so no rule takes it for a bad value.
pub fn marker(call: Option<&Call>) -> String {
    match call.and_then(|c| c.first_literal().map(|a| (c, a))) {
        Some((c, a)) if matches!(c.func.as_str(), "env" | "must_env") => format!("${{{a}}}"),
        Some((c, a)) => format!("${{{}:{a}}}", c.func),
        None => "${template}".to_string(),
    }
}

/// Renders the text as go-config would for ecspresso (`text/template` with `env`,
/// `must_env`, `json_escape` and the plugin functions), for display: a part that depends on a
/// value not given becomes a marker (`${IMAGE}`), `env` falls back to its default, and a
/// condition that cannot be decided leaves its block as written. A template Go would reject is
/// returned unchanged (see [`execute`] for the error).
pub fn render(text: &str, values: &dyn Values) -> Rendered {
    execute(text, values, Mode::Display).rendered
}

/// Executes the text with the values: the one renderer behind `ecsplain render`, `lint` (with
/// [`Mode::Lint`]) and the page's rendered view.
pub fn execute(text: &str, values: &dyn Values, mode: Mode) -> Output {
    if !has_template(text) {
        return Output {
            rendered: Rendered {
                text: text.to_string(),
                map: Vec::new(),
            },
            error: None,
        };
    }
    wire::run(text, values, mode)
}

/// Renders the text for linting: every part whose values are known is rendered as ecspresso
/// would (functions, conditions, loops, comments), and every part that depends on a value not
/// given stays as written, so the parsers read it as a placeholder exactly as in the source.
/// `None` when there is nothing to render: no action, a template Go would reject (reported by
/// [`errors`]), or nothing known. `env`'s default is not used for a name not given: a value not
/// given stays unknown.
pub fn render_known(text: &str, values: &dyn Values) -> Option<Rendered> {
    if !has_template(text) {
        return None;
    }
    let out = wire::run(text, values, Mode::Lint);
    if out.error.is_some() || out.rendered.map.is_empty() {
        return None;
    }
    Some(out.rendered)
}

/// Where Go would reject the template, parsing it or executing its known parts with the values.
pub fn errors(text: &str, values: &dyn Values) -> Vec<TemplateError> {
    if !has_template(text) {
        return Vec::new();
    }
    wire::run(text, values, Mode::Lint)
        .error
        .into_iter()
        .collect()
}

/// Values for linting: environment variables by name for `env`/`must_env` (never `env`'s
/// default), a lookup key such as `tfstate:aws_lb.web.arn` for other functions, then a Terraform
/// state for `tfstate`/`tfstatef`.
pub struct Known<'a> {
    pub env: &'a std::collections::BTreeMap<String, String>,
    pub tfstate: Option<&'a crate::syntax::tfstate::TfState>,
}

impl Values for Known<'_> {
    fn value(&self, call: &Call) -> Option<String> {
        let given = match call.func.as_str() {
            "env" | "must_env" => self.env.get(call.first_literal()?).cloned(),
            _ => variable_key(call).and_then(|key| self.env.get(&key).cloned()),
        };
        given.or_else(|| self.tfstate.and_then(|state| state.value(call)))
    }
}

/// Template values from a state: `tfstate` and `tfstatef` calls (with any `func_prefix`).
impl Values for crate::syntax::tfstate::TfState {
    fn value(&self, call: &Call) -> Option<String> {
        let literals: Vec<&str> = call
            .args
            .iter()
            .filter(|a| a.literal)
            .map(|a| a.value.as_str())
            .collect();
        match call.base_name() {
            "tfstate" => self.lookup(literals.first()?),
            "tfstatef" => {
                // Every argument must be known to build the address.
                if literals.len() != call.args.len() {
                    return None;
                }
                let (format, args) = literals.split_first()?;
                self.lookup(&crate::syntax::tfstate::format_address(format, args))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {

    /// A file holding a template action says its templates are read as written while the
    /// front end's engine is loading (information) or after it failed (a warning naming the
    /// reason); never when the engine is ready, nor for a plain file (their Japanese:
    /// `workspace::tests::module_notes_render_in_japanese`).
    #[test]
    fn unrendered_templates_are_noted_by_the_engine_status() {
        use crate::input::diagnostic::Severity;
        use crate::input::module::ModuleStatus;
        let text = "{\n  \"cpu\": \"{{ env `CPU` `256` }}\"\n}\n";
        assert_eq!(not_rendered(text, &ModuleStatus::Ready), None);
        assert_eq!(not_rendered("{}\n", &ModuleStatus::Loading), None);
        let loading = not_rendered(text, &ModuleStatus::Loading);
        let failed = not_rendered(text, &ModuleStatus::Failed("offline".into()));
        let cases = [
            (
                loading,
                Severity::Info,
                "the templates of this file are read as written while the Go-template engine is loading",
            ),
            (
                failed,
                Severity::Warning,
                "the templates of this file were not rendered, so they are read as written: the page could not load its Go-template engine (offline)",
            ),
        ];
        for (d, severity, en) in cases {
            let Some(d) = d else { panic!("no note: {en}") };
            assert_eq!(d.code, "IN014");
            assert_eq!(d.severity, severity);
            assert_eq!(d.message, en);
            assert_eq!(d.span, Span::new(0, 1));
            assert!(d.keyed.message.as_ref().is_some_and(|m| m.en() == en));
            assert!(d.keyed.help.is_some() && d.help.is_some());
        }
    }
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn function_names_as_go_checks_them() {
        let names = |t: &str| -> Vec<String> {
            function_names(t)
                .unwrap()
                .into_iter()
                .map(|(n, _)| n)
                .collect()
        };
        assert_eq!(
            names("{{ define `a` }}{{ x }}{{ end }}{{ if y (z 1) }}{{ printf `%s` w }}{{ end }}"),
            ["x", "y", "z", "printf", "w"]
        );
        assert!(names("{{ .A }} {{ $x := 1 }}{{ $x }} {{/* f */}}").is_empty());
        assert!(function_names("{{ if }}").is_none());
    }

    #[test]
    fn calls_and_arguments() {
        let text = "image: \"{{ must_env `IMAGE` }}\"\nx: {{ env \"A\" \"def\" }} {{ tfstate `aws_lb.x.arn` }}";
        let s = scan(text);
        assert!(s.errors.is_empty());
        assert_eq!(s.actions.len(), 3);
        let a = &s.actions[0];
        assert_eq!(a.span.text(text), "{{ must_env `IMAGE` }}");
        assert_eq!(a.calls[0].func, "must_env");
        assert_eq!(a.calls[0].first_literal(), Some("IMAGE"));
        assert_eq!(a.calls[0].args[0].span.text(text), "`IMAGE`");
        assert_eq!(s.actions[1].calls[0].args[1].value, "def");
        assert_eq!(s.actions[2].calls[0].func, "tfstate");
        assert_eq!(
            variable_key(&s.actions[2].calls[0]).as_deref(),
            Some("tfstate:aws_lb.x.arn")
        );
    }

    #[test]
    fn pipes_parens_prefixes_and_trim() {
        let s =
            scan("{{- must_env `X` | json_escape -}} {{ first_tfstate (printf \"a.%s\" `b`) }}");
        let funcs: Vec<&str> = s
            .actions
            .iter()
            .flat_map(|a| a.calls.iter().map(|c| c.func.as_str()))
            .collect();
        assert_eq!(
            funcs,
            ["must_env", "json_escape", "first_tfstate", "printf"]
        );
        assert!(s.actions[0].calls[1].piped);
        assert_eq!(s.actions[1].calls[0].base_name(), "tfstate");
        assert_eq!(base_function("tfstatef"), "tfstatef");
        assert_eq!(base_function("my_tfstatef"), "tfstatef");
    }

    #[test]
    fn unclosed_actions_are_errors_not_panics() {
        for text in [
            "a {{ must_env `X`",
            "{{",
            "{{ \"é",
            "x {{ `a }} b",
            "{{-",
            "é{{ \"\\",
        ] {
            let s = scan(text);
            for a in &s.actions {
                assert!(text.get(a.span.range()).is_some(), "{text:?}");
            }
            let _ = render(text, &BTreeMap::new());
        }
        assert_eq!(scan("a {{ x").errors.len(), 1);
        assert_eq!(scan("{{ \"abc }}").errors.len(), 1);
    }

    #[test]
    fn rendered_spans_map_back() {
        let text = "a: {{ must_env `A` }}, b: {{ must_env `B` }}, c: 1, d: {{ must_env `D` }}";
        let mut vars = BTreeMap::new();
        vars.insert("A".to_string(), "long value".to_string());
        vars.insert("B".to_string(), String::new());
        let known = Known {
            env: &vars,
            tfstate: None,
        };
        let r = render_known(text, &known).unwrap();
        assert_eq!(r.text, "a: long value, b: , c: 1, d: {{ must_env `D` }}");
        let find = |s: &str| {
            let at = r.text.find(s).unwrap();
            Span::new(at, at + s.len())
        };
        // Inside a value: the action.
        assert_eq!(r.original(find("value")).text(text), "{{ must_env `A` }}");
        assert!(r.from_template(find("value")));
        // Text after values: shifted back.
        assert_eq!(r.original(find("c: 1")).text(text), "c: 1");
        assert!(!r.from_template(find("c: 1")));
        assert_eq!(
            r.original(find("{{ must_env `D` }}")).text(text),
            "{{ must_env `D` }}"
        );
        // A span over a value stretches to its whole action.
        let over = Span::new(0, find("b:").end as usize);
        assert_eq!(r.original(over).text(text), "a: {{ must_env `A` }}, b:");
        let from_inside = Span::new(find("value").start as usize, find("b:").end as usize);
        assert_eq!(r.original(from_inside).text(text), "{{ must_env `A` }}, b:");
        // Around an empty value.
        let empty = Span::new(find("b: ").start as usize, find("c:").end as usize);
        assert_eq!(r.original(empty).text(text), "b: {{ must_env `B` }}, c:");
        // Forward: a source span inside an action is its output; text after moves along.
        let src = |s: &str| {
            let at = text.find(s).unwrap();
            Span::new(at, at + s.len())
        };
        assert_eq!(r.forward(src("must_env `A`")).text(&r.text), "long value");
        assert_eq!(r.forward(src("c: 1")).text(&r.text), "c: 1");
        assert_eq!(
            r.forward(src("{{ must_env `D` }}")).text(&r.text),
            "{{ must_env `D` }}"
        );
        assert!(r.touches(find("long")));
        assert!(r.touches(empty));
        assert!(!r.touches(find("c: 1")));
        assert_eq!(r.original(Span::EMPTY), Span::EMPTY);
        let end = Span::new(r.text.len(), r.text.len());
        assert_eq!(r.original(end), Span::new(text.len(), text.len()));
        // Nothing known, nothing rendered; a broken template is not rendered.
        assert!(render_known("{{ must_env `X` }}", &known).is_none());
        assert!(render_known("{{ must_env `A` }} {{", &known).is_none());
        assert!(render_known("no template", &known).is_none());
    }

    #[test]
    fn render_with_values_and_markers() {
        let text =
            "a: {{ must_env `IMAGE` }}, b: {{ env `T` `latest` }}, c: {{ ssm `/p` }}{{/* c */}}!";
        let mut vars = BTreeMap::new();
        vars.insert("IMAGE".to_string(), "nginx".to_string());
        let r = render(text, &vars);
        assert_eq!(r.text, "a: nginx, b: latest, c: ${ssm:/p}!");
        let at = r.text.find("latest").unwrap();
        let orig = r.original(Span::new(at, at + 6));
        assert_eq!(orig.text(text), "{{ env `T` `latest` }}");
        let bang = r.text.find('!').unwrap();
        assert_eq!(r.original(Span::new(bang, bang + 1)).text(text), "!");
        assert!(crate::syntax::value::is_placeholder_text(&marker(None)));
        let vars = variables(text);
        let keys: Vec<&str> = vars.iter().map(|v| v.key.as_str()).collect();
        assert_eq!(keys, ["env:IMAGE", "env:T", "ssm:/p"]);
        assert_eq!(vars[1].default.as_deref(), Some("latest"));
    }

    #[test]
    fn template_calls_get_state_values() {
        let state = r#"{"version": 4, "resources": [{"mode": "managed", "type": "aws_subnet", "name": "s",
            "instances": [{"index_key": 0, "attributes": {"id": "subnet-0"}},
                          {"index_key": 1, "attributes": {"id": "subnet-1"}}]}]}"#;
        let s = crate::syntax::tfstate::TfState::parse(state).unwrap();
        let text = "a: {{ tfstate `aws_subnet.s[1].id` }}\nb: {{ tfstatef `aws_subnet.s[%d].id` `0` }}\nc: {{ tfstate `x.y.z` }}\n";
        let rendered = render(text, &s);
        assert_eq!(
            rendered.text,
            "a: subnet-1\nb: subnet-0\nc: ${tfstate:x.y.z}\n"
        );
        assert_eq!(
            crate::syntax::tfstate::format_address("a['%s'].%v %%", &["k", "id"]),
            "a['k'].id %"
        );
    }
}
