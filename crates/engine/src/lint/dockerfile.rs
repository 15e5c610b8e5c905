//! Which Dockerfile reader runs, and the JSON by which one given at run time is asked: the
//! Dockerfile parser and every Dockerfile rule's check, as one step of the lint.
//!
//! Native builds (the CLI, the language server, the tests) read a Dockerfile with the built-in
//! parser ([`crate::syntax::dockerfile::parse`]) and run the check functions of
//! `rules::dockerfile::RUNS` on it. A wasm32 build links them only when asked to: the page's
//! first download leaves them out and loads a module of its own once a project holds a
//! Dockerfile, then gives that module's [`answer`] to [`set_external`]. The teaching module and
//! the Dockerfile module call [`use_builtin`], which links them in. With neither, [`read`] and
//! [`model`] give `None`: the lint reads such a Dockerfile as an empty one and says so (IN015).
//! Rule metadata (the registry, docs, explanations) is everywhere; only the checks move.
//!
//! A request is `{"op": "read"|"model", "text", "settings": SETTINGS}`; the answer to `read` is
//! `{"model": MODEL, "diagnostics": [DIAG...], "findings": [DIAG...]}` (the parser's
//! diagnostics, then the rules' findings, each with every setting of the request applied), the
//! answer to `model` is `{"model": MODEL}`. Written and read by hand, like `iac::wire` (serde's
//! generic code costs more in the page):
//!
//! - SETTINGS `{"trusted": [..], "tags": [..], "region": s|null, "labels": [[name, kind]..], "strict": b}`
//! - MODEL `{"directives": [[name, value, s, e]..], "escape": "\\", "instructions": [INS..],
//!   "stages": [[index, from, image, s, e, [alias, s, e]|null, first, end]..]}`
//! - INS `[keyword, ks, ke, s, e, [FLAG..], [WORD..]|null (shell form), text, ts, te,
//!   [[text offset, source offset]..], [WORD..], [PAIR..], [HEREDOC..], INS|null (ONBUILD),
//!   stage|null, [COMMAND..], line]`
//! - FLAG `[name, written, value|null, s, e, vs, ve]`, WORD `[text, s, e]`,
//!   PAIR `[key, ks, ke, value|null, vs, ve, raw]`,
//!   HEREDOC `[delimiter, strip_tabs, quoted, ms, me, body, bs, be, is_script]`,
//!   COMMAND `[[WORD..], [WORD..] (assignments), s, e, piped]`
//! - DIAG `[code, severity, s, e, message, help|null, [RELATED..], FIX|null, MSG|null, MSG|null,
//!   MSG|null]` (the keyed message, help and fix title), RELATED `[file|null, s, e, message,
//!   MSG|null]`, FIX `[title, [[s, e, content]..]]`
//! - MSG `[key, english template, [[name, ARG]..]]`, ARG `["c", text]`, `["i", n]`,
//!   `["p", MSG]`, `["l", [ARG..]]`
//!
//! On the reading side spans are clamped to the text, a code maps back to the registry's (a
//! finding of an unknown code is dropped), and a template is interned once per key (the page
//! renders a keyed message in Japanese by its key). An answer that does not read is no answer.

use std::cell::RefCell;

use serde_json::{json, Value};

use crate::input::diagnostic::{Diagnostic, Edit, Fix, Place, Related, Severity};
use crate::input::msg::{Arg, Msg, Template};
use crate::input::span::Span;
use crate::models::config::{LabelKind, Settings};
use crate::syntax::dockerfile::{
    Args, Command, Directive, Dockerfile, Flag, Heredoc, Instruction, KeyValue, Parsed, Stage, Word,
};

/// A function from a request to its answer (JSON text both ways).
pub type External = fn(&str) -> String;

/// What reading a Dockerfile gives: the parser's model and diagnostics (IN003), and the
/// findings of every Dockerfile rule (all of them: selection is applied by the lint later).
pub struct Read {
    pub parsed: Parsed,
    pub findings: Vec<Diagnostic>,
}

/// The built-in reader's two entry points, as [`use_builtin`] links them.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
#[derive(Clone, Copy)]
enum Reader {
    Builtin {
        read: fn(&str, &Settings) -> Read,
        model: fn(&str) -> Dockerfile,
    },
    External(External),
}

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
static READER: std::sync::OnceLock<Reader> = std::sync::OnceLock::new();

/// Gives a wasm32 build that has not linked the built-in reader an external one (the page's
/// Dockerfile module). The first call of this or [`use_builtin`] wins; returns whether this one
/// was taken. Native builds always use the built-in reader.
pub fn set_external(answer: External) -> bool {
    READER.set(Reader::External(answer)).is_ok()
}

/// Links the built-in reader and the Dockerfile rules into a wasm32 build (the teaching module,
/// the Dockerfile module) and uses them. The first call of this or [`set_external`] wins.
pub fn use_builtin() -> bool {
    READER
        .set(Reader::Builtin {
            read: builtin,
            model: builtin_model,
        })
        .is_ok()
}

/// Reads a Dockerfile and runs every Dockerfile rule on it with `settings`: natively with the
/// built-in reader; in wasm32 with the one this build was given (`None` without one, or when
/// the external one's answer does not read).
#[cfg(not(target_arch = "wasm32"))]
pub fn read(text: &str, settings: &Settings) -> Option<Read> {
    #[cfg(test)]
    if let Some(answer) = tests::forced() {
        return read_via(answer, text, settings);
    }
    Some(builtin(text, settings))
}

/// Reads a Dockerfile and runs every Dockerfile rule on it with `settings`, with the reader
/// this build was given (`None` without one, or when the external one's answer does not read).
#[cfg(target_arch = "wasm32")]
pub fn read(text: &str, settings: &Settings) -> Option<Read> {
    match READER.get() {
        Some(Reader::Builtin { read, .. }) => Some(read(text, settings)),
        Some(Reader::External(answer)) => read_via(*answer, text, settings),
        None => None,
    }
}

/// The model of a Dockerfile alone (no rules run), through the same choice as [`read`].
#[cfg(not(target_arch = "wasm32"))]
pub fn model(text: &str) -> Option<Dockerfile> {
    #[cfg(test)]
    if let Some(answer) = tests::forced() {
        return model_via(answer, text);
    }
    Some(builtin_model(text))
}

/// The model of a Dockerfile alone (no rules run), through the same choice as [`read`].
#[cfg(target_arch = "wasm32")]
pub fn model(text: &str) -> Option<Dockerfile> {
    match READER.get() {
        Some(Reader::Builtin { model, .. }) => Some(model(text)),
        Some(Reader::External(answer)) => model_via(*answer, text),
        None => None,
    }
}

/// The IN015 messages (their Japanese: `rules/input/in015_dockerfile_not_checked.ja.msg`): a
/// Dockerfile not read because the front end's Dockerfile reader is not at hand. The page's
/// reason for a failed load stays English.
pub mod in015 {
    crate::messages! {
        "IN015";
        LOADING = "the Dockerfile checks are loading: this Dockerfile is checked once they are loaded";
        HELP_LOADING = "the page loads its Dockerfile reader and rules as a second download, only for projects with a Dockerfile";
        LOAD_FAILED = "this Dockerfile was not checked: the page could not load its Dockerfile checks ({why})";
        HELP_RELOAD = "reload the page, or lint it with the ecsplain CLI (`ecsplain lint`), which has the Dockerfile checks built in";
    }
}

/// Why a Dockerfile was not read, at its first line (IN015): a note while the front end's
/// Dockerfile reader is loading (nothing is wrong with the file), a warning with the reason
/// when it could not be loaded or its answer did not read.
pub fn not_read(text: &str, status: &crate::input::module::ModuleStatus) -> Diagnostic {
    use crate::input::module::ModuleStatus;
    let (severity, message, help) = match status {
        ModuleStatus::Loading => (
            Severity::Info,
            crate::msg!(in015::LOADING),
            crate::msg!(in015::HELP_LOADING),
        ),
        ModuleStatus::Failed(why) => (
            Severity::Warning,
            crate::msg!(in015::LOAD_FAILED, why = why.as_str()),
            crate::msg!(in015::HELP_RELOAD),
        ),
        ModuleStatus::Ready => (
            Severity::Warning,
            crate::msg!(in015::LOAD_FAILED, why = "its answer could not be read"),
            crate::msg!(in015::HELP_RELOAD),
        ),
    };
    let end = text.find(['\n', '\r']).unwrap_or(text.len());
    let mut d = Diagnostic::new_msg(
        crate::input::codes::IN015.code,
        severity,
        Span::new(0, end),
        message,
    );
    d.set_help_msg(help);
    d
}

/// The built-in reader: the parser, then every Dockerfile rule's check.
fn builtin(text: &str, settings: &Settings) -> Read {
    use crate::rules::check::{Check, Sink};
    let parsed = crate::syntax::dockerfile::parse(text);
    let ctx = crate::syntax::dockerfile::DockerfileCtx {
        text,
        file: 0,
        dockerfile: &parsed.dockerfile,
    };
    let mut raw: Vec<(usize, Diagnostic)> = Vec::new();
    let rules = crate::rules::dockerfile::CHECKS;
    for (check, run) in rules.iter().zip(crate::rules::dockerfile::RUNS) {
        if let Check::Dockerfile(rule) = check {
            run(
                &ctx,
                &mut Sink::new(rule, 0, &mut raw).with_settings(settings),
            );
        }
    }
    Read {
        parsed,
        findings: raw.into_iter().map(|(_, d)| d).collect(),
    }
}

fn builtin_model(text: &str) -> Dockerfile {
    crate::syntax::dockerfile::parse(text).dockerfile
}

/// [`read`] through an external reader.
pub fn read_via(answer: External, text: &str, settings: &Settings) -> Option<Read> {
    let request = json!({ "op": "read", "text": text, "settings": settings_json(settings) });
    let value = crate::syntax::json::read_value(&answer(&request.to_string())).ok()?;
    let len = text.len();
    let dockerfile = decode_model(value.get("model")?, len)?;
    let diagnostics = decode_diagnostics(value.get("diagnostics")?, len)?;
    let findings = decode_diagnostics(value.get("findings")?, len)?;
    Some(Read {
        parsed: Parsed {
            dockerfile,
            diagnostics,
        },
        findings,
    })
}

/// [`model`] through an external reader.
pub fn model_via(answer: External, text: &str) -> Option<Dockerfile> {
    let request = json!({ "op": "model", "text": text });
    let value = crate::syntax::json::read_value(&answer(&request.to_string())).ok()?;
    decode_model(value.get("model")?, text.len())
}

/// The Dockerfile module's answer to a request (its `answer` export): the built-in reader run
/// on it. A request that does not read is answered with an empty text, which the asking side
/// reads as no answer.
pub fn answer(request: &str) -> String {
    let Ok(value) = crate::syntax::json::read_value(request) else {
        return String::new();
    };
    let Some(text) = value.get("text").and_then(Value::as_str) else {
        return String::new();
    };
    if value.get("op").and_then(Value::as_str) == Some("model") {
        return json!({ "model": encode_model(&builtin_model(text)) }).to_string();
    }
    let settings = value
        .get("settings")
        .map(decode_settings)
        .unwrap_or_default();
    let read = builtin(text, &settings);
    encode_read(&read).to_string()
}

/// A [`Read`] as the JSON [`read_via`] reads.
fn encode_read(read: &Read) -> Value {
    json!({
        "model": encode_model(&read.parsed.dockerfile),
        "diagnostics": read.parsed.diagnostics.iter().map(encode_diagnostic).collect::<Vec<_>>(),
        "findings": read.findings.iter().map(encode_diagnostic).collect::<Vec<_>>(),
    })
}

// ---- settings ----

fn settings_json(s: &Settings) -> Value {
    json!({
        "trusted": s.trusted_registries,
        "tags": s.required_tags,
        "region": s.region,
        "labels": s.label_schema.iter().map(|(n, k)| json!([n, k.name()])).collect::<Vec<_>>(),
        "strict": s.strict_labels,
    })
}

fn decode_settings(v: &Value) -> Settings {
    let strings = |key: &str| -> Vec<String> {
        v.get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str().map(str::to_string))
            .collect()
    };
    Settings {
        trusted_registries: strings("trusted"),
        required_tags: strings("tags"),
        region: v.get("region").and_then(Value::as_str).map(str::to_string),
        label_schema: v
            .get("labels")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|l| {
                Some((
                    l.get(0)?.as_str()?.to_string(),
                    LabelKind::parse(l.get(1)?.as_str()?)?,
                ))
            })
            .collect(),
        strict_labels: v.get("strict").and_then(Value::as_bool) == Some(true),
    }
}

// ---- the model ----

fn encode_model(d: &Dockerfile) -> Value {
    json!({
        "directives": d.directives.iter()
            .map(|x| json!([x.name, x.value, x.span.start, x.span.end]))
            .collect::<Vec<_>>(),
        "escape": d.escape.to_string(),
        "instructions": d.instructions.iter().map(encode_instruction).collect::<Vec<_>>(),
        "stages": d.stages.iter().map(|s| json!([
            s.index,
            s.from,
            s.image,
            s.image_span.start,
            s.image_span.end,
            s.alias.as_ref().map(|(a, sp)| json!([a, sp.start, sp.end])),
            s.instructions.start,
            s.instructions.end,
        ])).collect::<Vec<_>>(),
    })
}

fn encode_word(w: &Word) -> Value {
    json!([w.text, w.span.start, w.span.end])
}

fn encode_words(words: &[Word]) -> Value {
    Value::Array(words.iter().map(encode_word).collect())
}

fn encode_instruction(i: &Instruction) -> Value {
    json!([
        i.keyword,
        i.keyword_span.start,
        i.keyword_span.end,
        i.span.start,
        i.span.end,
        i.flags
            .iter()
            .map(|f| json!([
                f.name,
                f.written,
                f.value,
                f.span.start,
                f.span.end,
                f.value_span.start,
                f.value_span.end
            ]))
            .collect::<Vec<_>>(),
        match &i.args {
            Args::Exec(words) => encode_words(words),
            Args::Shell => Value::Null,
        },
        i.text,
        i.text_span.start,
        i.text_span.end,
        i.map.iter().map(|(a, b)| json!([a, b])).collect::<Vec<_>>(),
        encode_words(&i.words),
        i.pairs
            .iter()
            .map(|p| json!([
                p.key,
                p.key_span.start,
                p.key_span.end,
                p.value,
                p.value_span.start,
                p.value_span.end,
                p.raw_value
            ]))
            .collect::<Vec<_>>(),
        i.heredocs
            .iter()
            .map(|h| json!([
                h.delimiter,
                h.strip_tabs,
                h.quoted,
                h.marker_span.start,
                h.marker_span.end,
                h.body,
                h.body_span.start,
                h.body_span.end,
                h.is_script
            ]))
            .collect::<Vec<_>>(),
        i.onbuild.as_deref().map(encode_instruction),
        i.stage,
        i.commands
            .iter()
            .map(|c| json!([
                encode_words(&c.words),
                encode_words(&c.assignments),
                c.span.start,
                c.span.end,
                c.piped
            ]))
            .collect::<Vec<_>>(),
        i.line,
    ])
}

/// Reads a number at `i` of an array.
fn num(v: &Value, i: usize) -> Option<usize> {
    usize::try_from(v.get(i)?.as_u64()?).ok()
}

fn string(v: &Value, i: usize) -> Option<String> {
    Some(v.get(i)?.as_str()?.to_string())
}

fn opt_string(v: &Value, i: usize) -> Option<Option<String>> {
    match v.get(i)? {
        Value::Null => Some(None),
        s => Some(Some(s.as_str()?.to_string())),
    }
}

fn boolean(v: &Value, i: usize) -> Option<bool> {
    v.get(i)?.as_bool()
}

/// Each item of an array read by `each`; `None` when one does not read. A loop through a
/// `dyn Fn` rather than iterator adapters: one small copy per item type in the page's wasm.
fn list<T>(v: &Value, each: &dyn Fn(&Value) -> Option<T>) -> Option<Vec<T>> {
    let items = v.as_array()?;
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(each(item)?);
    }
    Some(out)
}

/// The span at `i` and `i + 1` of an array, clamped to a text of `len` bytes.
fn span_at(v: &Value, i: usize, len: usize) -> Option<Span> {
    let s = num(v, i)?.min(len);
    let e = num(v, i + 1)?.min(len);
    Some(Span::new(s.min(e), e))
}

fn decode_word(v: &Value, len: usize) -> Option<Word> {
    Some(Word {
        text: string(v, 0)?,
        span: span_at(v, 1, len)?,
    })
}

fn decode_words(v: &Value, len: usize) -> Option<Vec<Word>> {
    list(v, &|w: &Value| decode_word(w, len))
}

fn decode_model(v: &Value, len: usize) -> Option<Dockerfile> {
    let directives = list(v.get("directives")?, &|d: &Value| {
        Some(Directive {
            name: string(d, 0)?,
            value: string(d, 1)?,
            span: span_at(d, 2, len)?,
        })
    })?;
    let escape = v.get("escape")?.as_str()?.chars().next().unwrap_or('\0');
    let instructions = list(v.get("instructions")?, &|i: &Value| {
        decode_instruction(i, len)
    })?;
    let count = instructions.len();
    let stages = list(v.get("stages")?, &|s: &Value| {
        let alias = match s.get(5)? {
            Value::Null => None,
            a => Some((string(a, 0)?, span_at(a, 1, len)?)),
        };
        let (from, first, end) = (num(s, 1)?, num(s, 6)?, num(s, 7)?);
        // What the rules index by must be there.
        if from >= count || first > end || end > count {
            return None;
        }
        Some(Stage {
            index: num(s, 0)?,
            from,
            image: string(s, 2)?,
            image_span: span_at(s, 3, len)?,
            alias,
            instructions: first..end,
        })
    })?;
    if instructions
        .iter()
        .any(|i| i.stage.is_some_and(|s| s >= stages.len()))
    {
        return None;
    }
    Some(Dockerfile {
        directives,
        escape,
        instructions,
        stages,
    })
}

fn decode_instruction(v: &Value, len: usize) -> Option<Instruction> {
    let flags = list(v.get(5)?, &|f: &Value| {
        Some(Flag {
            name: string(f, 0)?,
            written: string(f, 1)?,
            value: opt_string(f, 2)?,
            span: span_at(f, 3, len)?,
            value_span: span_at(f, 5, len)?,
        })
    })?;
    let args = match v.get(6)? {
        Value::Null => Args::Shell,
        words => Args::Exec(decode_words(words, len)?),
    };
    let map = list(v.get(10)?, &|m: &Value| Some((num(m, 0)?, num(m, 1)?)))?;
    let pairs = list(v.get(12)?, &|p: &Value| {
        Some(KeyValue {
            key: string(p, 0)?,
            key_span: span_at(p, 1, len)?,
            value: opt_string(p, 3)?,
            value_span: span_at(p, 4, len)?,
            raw_value: string(p, 6)?,
        })
    })?;
    let heredocs = list(v.get(13)?, &|h: &Value| {
        Some(Heredoc {
            delimiter: string(h, 0)?,
            strip_tabs: boolean(h, 1)?,
            quoted: boolean(h, 2)?,
            marker_span: span_at(h, 3, len)?,
            body: string(h, 5)?,
            body_span: span_at(h, 6, len)?,
            is_script: boolean(h, 8)?,
        })
    })?;
    let onbuild = match v.get(14)? {
        Value::Null => None,
        trigger => Some(Box::new(decode_instruction(trigger, len)?)),
    };
    let stage = match v.get(15)? {
        Value::Null => None,
        _ => Some(num(v, 15)?),
    };
    let commands = list(v.get(16)?, &|c: &Value| {
        Some(Command {
            words: decode_words(c.get(0)?, len)?,
            assignments: decode_words(c.get(1)?, len)?,
            span: span_at(c, 2, len)?,
            piped: boolean(c, 4)?,
        })
    })?;
    Some(Instruction {
        keyword: string(v, 0)?,
        keyword_span: span_at(v, 1, len)?,
        span: span_at(v, 3, len)?,
        flags,
        args,
        text: string(v, 7)?,
        text_span: span_at(v, 8, len)?,
        map,
        words: decode_words(v.get(11)?, len)?,
        pairs,
        heredocs,
        onbuild,
        stage,
        commands,
        line: num(v, 17)?,
    })
}

// ---- diagnostics ----

fn encode_msg(m: &Msg) -> Value {
    json!([
        m.template.key,
        m.template.en,
        m.args
            .iter()
            .map(|(n, a)| json!([n, encode_arg(a)]))
            .collect::<Vec<_>>()
    ])
}

fn encode_arg(a: &Arg) -> Value {
    match a {
        Arg::Code(s) => json!(["c", s]),
        Arg::Int(n) => json!(["i", n]),
        Arg::Phrase(m) => json!(["p", encode_msg(m)]),
        Arg::List(items) => json!(["l", items.iter().map(encode_arg).collect::<Vec<_>>()]),
    }
}

fn encode_diagnostic(d: &Diagnostic) -> Value {
    let related: Vec<Value> = d
        .related
        .iter()
        .map(|r| {
            let file = match r.place {
                Place::SameFile => None,
                Place::File(f) => Some(f),
            };
            json!([
                file,
                r.span.start,
                r.span.end,
                r.message,
                r.keyed.as_ref().map(encode_msg)
            ])
        })
        .collect();
    let fix = d.fix.as_ref().map(|f| {
        json!([
            f.title,
            f.edits
                .iter()
                .map(|e| json!([e.span.start, e.span.end, e.content]))
                .collect::<Vec<_>>()
        ])
    });
    json!([
        d.code,
        d.severity.as_str(),
        d.span.start,
        d.span.end,
        d.message,
        d.help,
        related,
        fix,
        d.keyed.message.as_ref().map(encode_msg),
        d.keyed.help.as_ref().map(encode_msg),
        d.keyed.fix_title.as_ref().map(encode_msg),
    ])
}

/// How many templates and argument names a build interns at most (every template of the
/// Dockerfile rules and the parser is far fewer): an answer past it loses its keyed forms,
/// never its English text.
const INTERNED_MAX: usize = 2048;

thread_local! {
    /// Templates read from answers: leaked once each, so a [`Msg`] can hold them (a list
    /// searched by key: far less code in the page than a map).
    static TEMPLATES: RefCell<Vec<&'static Template>> = const { RefCell::new(Vec::new()) };
    /// Argument names read from answers, leaked once each.
    static NAMES: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

fn template(key: &str, en: &str) -> Option<&'static Template> {
    TEMPLATES.with(|cell| {
        let mut known = cell.try_borrow_mut().ok()?;
        if let Some(t) = known.iter().find(|t| t.key == key) {
            return Some(*t);
        }
        if known.len() >= INTERNED_MAX {
            return None;
        }
        let t: &'static Template = Box::leak(Box::new(Template {
            key: Box::leak(key.to_string().into_boxed_str()),
            en: Box::leak(en.to_string().into_boxed_str()),
        }));
        known.push(t);
        Some(t)
    })
}

fn name(n: &str) -> Option<&'static str> {
    NAMES.with(|cell| {
        let mut known = cell.try_borrow_mut().ok()?;
        if let Some(t) = known.iter().find(|t| **t == n) {
            return Some(*t);
        }
        if known.len() >= INTERNED_MAX {
            return None;
        }
        let t: &'static str = Box::leak(n.to_string().into_boxed_str());
        known.push(t);
        Some(t)
    })
}

fn decode_msg(v: &Value) -> Option<Msg> {
    let args = list(v.get(2)?, &|a: &Value| {
        Some((name(a.get(0)?.as_str()?)?, decode_arg(a.get(1)?)?))
    })?;
    Some(Msg {
        template: template(v.get(0)?.as_str()?, v.get(1)?.as_str()?)?,
        args,
    })
}

fn decode_arg(v: &Value) -> Option<Arg> {
    let payload = v.get(1)?;
    Some(match v.get(0)?.as_str()? {
        "c" => Arg::Code(payload.as_str()?.to_string()),
        "i" => Arg::Int(payload.as_i64()?),
        "p" => Arg::Phrase(Box::new(decode_msg(payload)?)),
        "l" => Arg::List(list(payload, &decode_arg)?),
        _ => return None,
    })
}

/// A keyed form at `i`: `null`, or a message that reads (one that does not is left out).
fn keyed(v: &Value, i: usize) -> Option<Msg> {
    v.get(i).and_then(decode_msg)
}

/// The registry's own `&'static str` for a code.
fn known_code(code: &str) -> Option<&'static str> {
    crate::rules::registry::checks()
        .map(|c| c.rule().code)
        .find(|c| *c == code)
}

fn decode_diagnostic(v: &Value, len: usize) -> Option<Diagnostic> {
    let related = list(v.get(6)?, &|r: &Value| {
        let place = match r.get(0)? {
            Value::Null => Place::SameFile,
            _ => Place::File(num(r, 0)?),
        };
        // A span in another input is not clamped to this one.
        let span = match place {
            Place::SameFile => span_at(r, 1, len)?,
            Place::File(_) => span_at(r, 1, usize::MAX)?,
        };
        Some(Related {
            place,
            span,
            message: string(r, 3)?,
            keyed: keyed(r, 4),
        })
    })?;
    let fix = match v.get(7)? {
        Value::Null => None,
        f => Some(Fix {
            title: string(f, 0)?,
            edits: list(f.get(1)?, &|e: &Value| {
                Some(Edit {
                    span: span_at(e, 0, len)?,
                    content: string(e, 2)?,
                })
            })?,
        }),
    };
    let mut d = Diagnostic::new(
        known_code(v.get(0)?.as_str()?)?,
        Severity::parse(v.get(1)?.as_str()?)?,
        span_at(v, 2, len)?,
        string(v, 4)?,
    );
    d.help = opt_string(v, 5)?;
    d.related = related;
    d.fix = fix;
    d.keyed.message = keyed(v, 8);
    d.keyed.help = keyed(v, 9);
    d.keyed.fix_title = keyed(v, 10);
    Some(d)
}

/// The diagnostics of an answer; one that does not read (an unknown code) is dropped.
fn decode_diagnostics(v: &Value, len: usize) -> Option<Vec<Diagnostic>> {
    let mut out = Vec::new();
    for d in v.as_array()? {
        out.extend(decode_diagnostic(d, len));
    }
    Some(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::cell::Cell;
    use std::path::{Path, PathBuf};

    thread_local! {
        static FORCED: Cell<Option<External>> = const { Cell::new(None) };
    }

    /// The external reader a test forces on this thread (native builds never use one).
    pub(crate) fn forced() -> Option<External> {
        FORCED.with(Cell::get)
    }

    /// Runs `f` with the lint reading Dockerfiles through `answer` on this thread.
    pub(crate) fn through<T>(answer: External, f: impl FnOnce() -> T) -> T {
        FORCED.with(|c| c.set(Some(answer)));
        let out = f();
        FORCED.with(|c| c.set(None));
        out
    }

    fn repo() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                files_under(&path, out);
            } else {
                out.push(path);
            }
        }
    }

    /// Every Dockerfile of the fixtures and of the corpus (`$ECSPLAIN_CORPUS`, default
    /// `<repo>/../shared/corpus`, as tests/corpus.rs finds it), with the settings of its
    /// fixture when it has some.
    fn dockerfiles() -> Vec<(PathBuf, String, Settings)> {
        let mut paths = Vec::new();
        files_under(&repo().join("tests/fixtures"), &mut paths);
        let corpus = std::env::var_os("ECSPLAIN_CORPUS")
            .map(PathBuf::from)
            .unwrap_or_else(|| repo().join("../shared/corpus"));
        let mut in_corpus = Vec::new();
        files_under(&corpus, &mut in_corpus);
        // Without a corpus (a checkout alone) the fixtures are still read; tests/corpus.rs says
        // where the corpus is looked for.
        paths.extend(in_corpus);
        paths.sort();
        let mut out = Vec::new();
        for path in paths {
            let name = path.to_string_lossy().to_string();
            let file = path.file_name().unwrap_or_default().to_string_lossy();
            let is_dockerfile = (file.contains("Dockerfile") || file.contains("dockerfile"))
                || name.contains("/fixtures/dockerfile/")
                || name.contains("/corpus/dockerfile/");
            if !is_dockerfile
                || file.ends_with(".snap")
                || file.ends_with(".ecsplain.yaml")
                || file.ends_with(".modules")
                || file.ends_with(".md")
            {
                continue;
            }
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let stem = file.split('.').next().unwrap_or_default().to_string();
            let config = path.with_file_name(format!("{stem}.ecsplain.yaml"));
            let settings = std::fs::read_to_string(&config)
                .map(|t| {
                    crate::models::config::Config::parse(&config.to_string_lossy(), &t)
                        .0
                        .settings
                })
                .unwrap_or_default();
            out.push((path, text, settings));
        }
        out
    }

    #[test]
    fn checks_and_runs_are_paired() {
        use crate::rules::check::Check;
        let checks = crate::rules::dockerfile::CHECKS;
        assert_eq!(checks.len(), crate::rules::dockerfile::RUNS.len());
        assert!(checks.iter().all(|c| matches!(c, Check::Dockerfile(_))));
        // Each run reports on every failing fixture of the rule it is paired with (a run's
        // findings carry that rule's code, so a shifted pair would fail the fixtures too).
        let files = dockerfiles();
        for (i, check) in checks.iter().enumerate() {
            let code = check.rule().code;
            let fails: Vec<_> = files
                .iter()
                .filter(|(p, _, _)| {
                    p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with(&format!("{code}_fail")))
                        && p.to_string_lossy().contains("/fixtures/dockerfile/")
                })
                .collect();
            assert!(!fails.is_empty(), "{code}: no failing fixture");
            let reports = |run: crate::rules::check::DockerfileRun| {
                fails.iter().all(|(_, text, settings)| {
                    let parsed = crate::syntax::dockerfile::parse(text);
                    let ctx = crate::syntax::dockerfile::DockerfileCtx {
                        text,
                        file: 0,
                        dockerfile: &parsed.dockerfile,
                    };
                    let mut raw = Vec::new();
                    run(
                        &ctx,
                        &mut crate::rules::check::Sink::new(check.rule(), 0, &mut raw)
                            .with_settings(settings),
                    );
                    !raw.is_empty()
                })
            };
            assert!(
                reports(crate::rules::dockerfile::RUNS[i]),
                "{code}: RUNS[{i}] is not its check"
            );
        }
    }

    #[test]
    fn the_wire_carries_every_model_and_finding() {
        let files = dockerfiles();
        assert!(files.len() > 100, "{} Dockerfiles", files.len());
        for (path, text, settings) in &files {
            let want = builtin(text, settings);
            let got = read_via(answer, text, settings);
            let Some(got) = got else {
                panic!("{}: no answer", path.display());
            };
            assert_eq!(
                format!("{:?}", got.parsed.dockerfile),
                format!("{:?}", want.parsed.dockerfile),
                "{}",
                path.display()
            );
            assert_eq!(
                got.parsed.diagnostics,
                want.parsed.diagnostics,
                "{}",
                path.display()
            );
            assert_eq!(got.findings, want.findings, "{}", path.display());
            assert_eq!(
                model_via(answer, text).map(|d| format!("{d:?}")),
                Some(format!("{:?}", want.parsed.dockerfile)),
                "{}",
                path.display()
            );
        }
    }

    #[test]
    fn settings_cross_the_wire() {
        let settings = Settings {
            trusted_registries: vec!["docker.io".into(), "public.ecr.aws".into()],
            required_tags: vec!["team".into()],
            region: Some("eu-west-1".into()),
            label_schema: LabelKind::ALL
                .iter()
                .map(|k| (format!("l.{}", k.name()), *k))
                .collect(),
            strict_labels: true,
        };
        assert_eq!(decode_settings(&settings_json(&settings)), settings);
        assert_eq!(
            decode_settings(&settings_json(&Settings::default())),
            Settings::default()
        );
    }

    #[test]
    fn a_bad_answer_is_no_answer() {
        let settings = Settings::default();
        let text = "FROM alpine:3\nRUN echo hi\n";
        for broken in [
            (|_| String::new()) as External,
            |_| "{".to_string(),
            |_| "{\"model\": 1}".to_string(),
            |_| {
                "{\"model\":{\"directives\":[],\"escape\":\"\\\\\",\"instructions\":[],\"stages\":[[0,5,\"a\",0,1,null,0,9]]},\"diagnostics\":[],\"findings\":[]}".to_string()
            },
        ] {
            assert!(read_via(broken, text, &settings).is_none());
            assert!(model_via(broken, text).is_none());
        }
        assert_eq!(answer("not json"), "");
        // Spans past the text are clamped; unknown codes are dropped.
        let wild: External = |_| {
            "{\"model\":{\"directives\":[[\"syntax\",\"x\",5,900]],\"escape\":\"\\\\\",\"instructions\":[],\"stages\":[]},\"diagnostics\":[[\"ZZ999\",\"error\",0,1,\"m\",null,[],null,null,null,null]],\"findings\":[[\"DL3007\",\"warning\",3,999,\"m\",null,[],null,[\"DL3007.MESSAGE\",\"`{image}` x\",[[\"image\",[\"c\",\"a\"]]]],null,null]]}".to_string()
        };
        let Some(read) = read_via(wild, text, &settings) else {
            panic!("the wild answer reads");
        };
        assert_eq!(read.parsed.dockerfile.directives[0].span, Span::new(5, 26));
        assert!(read.parsed.diagnostics.is_empty());
        assert_eq!(read.findings.len(), 1);
        assert_eq!(read.findings[0].span, Span::new(3, 26));
        let keyed = read.findings[0].keyed.message.as_ref().map(Msg::en);
        assert_eq!(keyed.as_deref(), Some("`a` x"));
    }

    /// Every fixture (a file, or a project folder) that holds a Dockerfile: its inputs and its
    /// configuration with every rule on, the opt-in ones too.
    fn fixture_projects() -> Vec<(
        PathBuf,
        Vec<crate::input::Input>,
        crate::models::config::Config,
    )> {
        let mut out = Vec::new();
        let root = repo().join("tests/fixtures");
        let Ok(groups) = std::fs::read_dir(&root) else {
            panic!("no fixtures at {}", root.display());
        };
        let mut fixtures: Vec<PathBuf> = groups
            .flatten()
            .filter(|g| g.path().is_dir())
            .flat_map(|g| std::fs::read_dir(g.path()).into_iter().flatten().flatten())
            .map(|e| e.path())
            .collect();
        fixtures.sort();
        for path in fixtures {
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            let group = path
                .parent()
                .and_then(Path::file_name)
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            if name.ends_with(".snap")
                || name.ends_with(".ecsplain.yaml")
                || name.ends_with(".modules")
                || name.starts_with('.')
                || name == "README.md"
                || group == "config"
            {
                continue;
            }
            let inputs: Vec<crate::input::Input> = if path.is_dir() {
                let mut files = Vec::new();
                files_under(&path, &mut files);
                files.sort();
                files
                    .iter()
                    .filter(|f| {
                        let n = f.file_name().unwrap_or_default().to_string_lossy();
                        !n.ends_with(".snap") && n != ".ecsplain.yaml" && n != ".modules"
                    })
                    .map(|f| {
                        let rel = f
                            .strip_prefix(&path)
                            .unwrap_or(f)
                            .to_string_lossy()
                            .replace('\\', "/");
                        let text = String::from_utf8_lossy(&std::fs::read(f).unwrap_or_default())
                            .into_owned();
                        crate::input::Input::new(rel, text, None)
                    })
                    .collect()
            } else {
                let text =
                    String::from_utf8_lossy(&std::fs::read(&path).unwrap_or_default()).into_owned();
                vec![crate::input::Input::new(
                    name.clone(),
                    text,
                    crate::input::Kind::parse(&group),
                )]
            };
            let has_dockerfile = inputs.iter().any(|i| {
                i.kind == Some(crate::input::Kind::Dockerfile)
                    || crate::input::detect::detect(&i.path, &i.text)
                        == Some(crate::input::Kind::Dockerfile)
            });
            if !has_dockerfile {
                continue;
            }
            let config_file = if path.is_dir() {
                path.join(".ecsplain.yaml")
            } else {
                let stem = name.split('.').next().unwrap_or_default();
                path.with_file_name(format!("{stem}.ecsplain.yaml"))
            };
            let mut config = std::fs::read_to_string(&config_file)
                .map(|t| crate::models::config::Config::parse(&config_file.to_string_lossy(), &t).0)
                .unwrap_or_default();
            // Every rule, the opt-in ones too.
            config.select = ["D", "I", "X", "T", "S", "E"]
                .iter()
                .chain(crate::models::config::OPT_IN)
                .map(|p| p.to_string())
                .collect();
            out.push((path, inputs, config));
        }
        out
    }

    /// A whole lint with every Dockerfile read through the wire gives what the built-in reader
    /// gives: every fixture (each project together), every rule on, with its configuration.
    #[test]
    fn a_lint_through_the_wire_is_the_builtin_lint() {
        let projects = fixture_projects();
        assert!(
            projects.len() > 100,
            "{} fixtures with a Dockerfile",
            projects.len()
        );
        for (path, inputs, config) in &projects {
            let want = crate::lint::lint_with(inputs, config);
            let got = through(answer, || crate::lint::lint_with(inputs, config));
            assert_eq!(got.findings, want.findings, "{}", path.display());
            assert_eq!(got.kinds, want.kinds, "{}", path.display());
            assert_eq!(got.pairings, want.pairings, "{}", path.display());
        }
    }

    /// A Dockerfile not read (the reader loading) is an empty one: on it only IN015 (and the
    /// input checks that run before reading), no finding anywhere points into it, and every
    /// cross-file finding is one the project also gives without its Dockerfiles at all.
    #[test]
    fn a_dockerfile_not_read_gives_no_false_cross_file_finding() {
        use crate::input::module::ModuleStatus;
        use crate::input::Kind;
        let key = |f: &crate::lint::finding::Finding| {
            (f.path.clone(), f.code, f.line, f.column, f.message.clone())
        };
        let mut checked = 0;
        for (path, inputs, config) in fixture_projects() {
            let mut env = crate::models::ecspresso::jsonnet::Env::from_inputs(&inputs);
            env.modules.dockerfile = ModuleStatus::Loading;
            let report = crate::lint::lint_in(&inputs, &config, &env);
            let dockerfiles: Vec<usize> = report
                .kinds
                .iter()
                .enumerate()
                .filter(|(_, k)| **k == Some(Kind::Dockerfile))
                .map(|(i, _)| i)
                .collect();
            let without: Vec<crate::input::Input> = inputs
                .iter()
                .enumerate()
                .filter(|(i, _)| !dockerfiles.contains(i))
                .map(|(_, input)| input.clone())
                .collect();
            let alone = crate::lint::lint_with(&without, &config);
            let alone: Vec<_> = alone.findings.iter().map(key).collect();
            for f in &report.findings {
                if dockerfiles.contains(&f.file) {
                    assert!(
                        f.code == "IN015" || matches!(f.code, "IN006" | "IN007" | "IN008"),
                        "{}: {} on a Dockerfile not read",
                        path.display(),
                        f.code
                    );
                }
                let paths: Vec<&str> = dockerfiles
                    .iter()
                    .filter_map(|i| inputs.get(*i).map(|x| x.path.as_str()))
                    .collect();
                assert!(
                    f.related.iter().all(|r| !paths.contains(&r.path.as_str())),
                    "{}: {} points into a Dockerfile not read",
                    path.display(),
                    f.code
                );
                if f.code.starts_with("XF") {
                    assert!(
                        alone.contains(&key(f)),
                        "{}: {} {} only with an unread Dockerfile",
                        path.display(),
                        f.code,
                        f.message
                    );
                }
            }
            checked += 1;
        }
        assert!(checked > 100, "{checked}");
    }
}
