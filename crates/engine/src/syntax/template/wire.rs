//! Which Go-template engine runs, and the JSON by which one given at run time is asked.
//!
//! Native builds parse and execute templates with [`super::parse`] and [`super::exec`]. A
//! wasm32 build links them only when asked to: the page's first download leaves them out
//! (about 20 KB of brotli) and loads a module of its own, crates/template-wasm, once a project
//! holds a `{{ ... }}` action, then gives that module's `answer` to [`set_external`]. The
//! teaching module calls [`use_builtin`], which links them in. With neither, a template is not
//! rendered: [`run`] gives the text back as it is (every action reads as a placeholder), and
//! [`names`] gives `None` (as for a text Go's parser rejects).
//!
//! The values stay on the page's side: the module asks for the ones it needs. A request is
//! `{"op": "execute", "text", "display": bool, "answers": [[func, [[arg, literal]...], value|null]...]}`
//! and its answer `{"text", "map": [[rs, re, os, oe]...], "error": [s, e, message]|null,
//! "asked": [[func, [[arg, literal]...]]...]}`: the output with every value not answered taken as
//! unknown, and the calls it asked for without an answer. [`execute_via`] answers those with its
//! [`Values`] and asks again, until nothing is asked: then the output is the one the built-in
//! engine gives (values depend only on the call's function and arguments). `{"op": "names",
//! "text"}` answers `{"names": [[name, start, end]...]|null}` ([`super::function_names`]).
//! Written and read by hand, like `iac::wire` (serde's generic code costs more in the page).

use std::cell::RefCell;

use serde_json::{json, Value};

use super::{Arg, Call, Mode, Output, Rendered, TemplateError, Values};
use crate::input::span::Span;

/// A function from a request to its answer (JSON text both ways).
pub type External = fn(&str) -> String;

/// The function names a text calls, with their spans ([`super::function_names`]).
type Names = Option<Vec<(String, Span)>>;

/// The built-in engine's two entry points, as [`use_builtin`] links them.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
#[derive(Clone, Copy)]
enum Runner {
    Builtin {
        execute: fn(&str, &dyn Values, Mode) -> Output,
        names: fn(&str) -> Names,
    },
    External(External),
}

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
static RUNNER: std::sync::OnceLock<Runner> = std::sync::OnceLock::new();

/// Gives a wasm32 build that has not linked the built-in engine an external one (the page's
/// template module). The first call of this or [`use_builtin`] wins; returns whether this one
/// was taken. Native builds always use the built-in engine.
pub fn set_external(answer: External) -> bool {
    RUNNER.set(Runner::External(answer)).is_ok()
}

/// Links the built-in engine into a wasm32 build (the teaching module) and uses it. The first
/// call of this or [`set_external`] wins.
pub fn use_builtin() -> bool {
    RUNNER
        .set(Runner::Builtin {
            execute: super::exec::execute,
            names: super::parsed_names,
        })
        .is_ok()
}

/// Whether templates are rendered: always in native builds; in wasm32 once an engine was given.
pub fn available() -> bool {
    !cfg!(target_arch = "wasm32") || RUNNER.get().is_some()
}

/// Executes a text that holds an action, with the engine this build uses.
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn run(text: &str, values: &dyn Values, mode: Mode) -> Output {
    super::exec::execute(text, values, mode)
}

/// Executes a text that holds an action, with the engine this build was given.
#[cfg(target_arch = "wasm32")]
pub(super) fn run(text: &str, values: &dyn Values, mode: Mode) -> Output {
    match RUNNER.get() {
        Some(Runner::Builtin { execute, .. }) => execute(text, values, mode),
        Some(Runner::External(answer)) => execute_via(*answer, text, values, mode),
        None => unrendered(text),
    }
}

/// The function names of a text that holds an action ([`super::function_names`]).
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn names(text: &str) -> Option<Vec<(String, Span)>> {
    super::parsed_names(text)
}

/// The function names of a text that holds an action ([`super::function_names`]).
#[cfg(target_arch = "wasm32")]
pub(super) fn names(text: &str) -> Option<Vec<(String, Span)>> {
    match RUNNER.get() {
        Some(Runner::Builtin { names, .. }) => names(text),
        Some(Runner::External(answer)) => names_via(*answer, text),
        None => None,
    }
}

/// The text as written, no error: what a build without an engine gives.
fn unrendered(text: &str) -> Output {
    Output {
        rendered: Rendered {
            text: text.to_string(),
            map: Vec::new(),
        },
        error: None,
    }
}

/// Rounds of questions before [`execute_via`] gives the last output (each round answers at
/// least one new call; the calls a text makes are few).
const ROUNDS: usize = 32;

/// Executes through an external engine, answering what it asks with `values`.
pub fn execute_via(answer: External, text: &str, values: &dyn Values, mode: Mode) -> Output {
    // The calls the text writes with literal arguments, answered up front: most texts need
    // no second round.
    let mut answers: Vec<(Key, Option<String>)> = Vec::new();
    for action in super::scan(text).actions {
        for call in &action.calls {
            if call.piped || call.args.iter().any(|a| !a.literal) {
                continue;
            }
            let key = if matches!(call.func.as_str(), "env" | "must_env") {
                match call.first_literal() {
                    Some(name) => ("must_env".to_string(), vec![(name.to_string(), true)]),
                    None => continue,
                }
            } else {
                (
                    call.func.clone(),
                    call.args.iter().map(|a| (a.value.clone(), true)).collect(),
                )
            };
            if !answers.iter().any(|(k, _)| *k == key) {
                let value = values.value(&to_call(&key));
                answers.push((key, value));
            }
        }
    }
    let mut last = unrendered(text);
    for _ in 0..ROUNDS {
        let request = json!({
            "op": "execute",
            "text": text,
            "display": mode == Mode::Display,
            "answers": answers.iter().map(|(k, v)| json!([k.0, args_json(&k.1), v])).collect::<Vec<_>>(),
        })
        .to_string();
        let Some((output, asked)) = decode_output(&answer(&request), text.len()) else {
            return unrendered(text);
        };
        last = output;
        let mut new = false;
        for key in asked {
            if !answers.iter().any(|(k, _)| *k == key) {
                let value = values.value(&to_call(&key));
                answers.push((key, value));
                new = true;
            }
        }
        if !new {
            return last;
        }
    }
    last
}

/// [`super::function_names`] through an external engine.
pub fn names_via(answer: External, text: &str) -> Option<Vec<(String, Span)>> {
    let request = json!({ "op": "names", "text": text }).to_string();
    let value = crate::syntax::json::read_value(&answer(&request)).ok()?;
    let names = value.get("names")?.as_array()?;
    names
        .iter()
        .map(|n| {
            Some((
                n.get(0)?.as_str()?.to_string(),
                span(n.get(1), n.get(2), text.len()),
            ))
        })
        .collect()
}

/// A call as asked: the function and its arguments (value, literal).
type Key = (String, Vec<(String, bool)>);

fn to_call(key: &Key) -> Call {
    Call {
        func: key.0.clone(),
        func_span: Span::EMPTY,
        args: key
            .1
            .iter()
            .map(|(value, literal)| Arg {
                value: value.clone(),
                span: Span::EMPTY,
                literal: *literal,
            })
            .collect(),
        piped: false,
    }
}

fn key_of(call: &Call) -> Key {
    (
        call.func.clone(),
        call.args
            .iter()
            .map(|a| (a.value.clone(), a.literal))
            .collect(),
    )
}

fn args_json(args: &[(String, bool)]) -> Value {
    Value::Array(args.iter().map(|(v, l)| json!([v, l])).collect())
}

fn read_key(v: &Value) -> Option<Key> {
    let args = v
        .get(1)?
        .as_array()?
        .iter()
        .map(|a| Some((a.get(0)?.as_str()?.to_string(), a.get(1)?.as_bool()?)))
        .collect::<Option<Vec<_>>>()?;
    Some((v.get(0)?.as_str()?.to_string(), args))
}

fn span(start: Option<&Value>, end: Option<&Value>, len: usize) -> Span {
    let at = |v: Option<&Value>| {
        v.and_then(Value::as_u64)
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(0)
            .min(len)
    };
    let (s, e) = (at(start), at(end));
    Span::new(s.min(e), e)
}

/// Reads an execute answer: the output (spans clamped to the texts) and the calls asked.
fn decode_output(answer: &str, len: usize) -> Option<(Output, Vec<Key>)> {
    let value = crate::syntax::json::read_value(answer).ok()?;
    let text = value.get("text")?.as_str()?.to_string();
    let out_len = text.len();
    let map = value
        .get("map")?
        .as_array()?
        .iter()
        .map(|m| {
            Some((
                span(m.get(0), m.get(1), out_len),
                span(m.get(2), m.get(3), len),
            ))
        })
        .collect::<Option<Vec<_>>>()?;
    let error = match value.get("error")? {
        Value::Null => None,
        e => Some(TemplateError {
            span: span(e.get(0), e.get(1), len),
            message: e.get(2)?.as_str()?.to_string(),
        }),
    };
    let asked = value
        .get("asked")?
        .as_array()?
        .iter()
        .map(read_key)
        .collect::<Option<Vec<_>>>()?;
    Some((
        Output {
            rendered: Rendered { text, map },
            error,
        },
        asked,
    ))
}

/// Values from a request's answers; a call not answered is unknown, and noted.
struct Asked {
    answers: Vec<(Key, Option<String>)>,
    asked: RefCell<Vec<Key>>,
}

impl Values for Asked {
    fn value(&self, call: &Call) -> Option<String> {
        let key = key_of(call);
        if let Some((_, v)) = self.answers.iter().find(|(k, _)| *k == key) {
            return v.clone();
        }
        let mut asked = self.asked.borrow_mut();
        if !asked.contains(&key) {
            asked.push(key);
        }
        None
    }
}

/// The template module's answer to a request (crates/template-wasm's `answer`): the built-in
/// engine run on it. A request that does not read is answered with an empty text, which the
/// asking side reads as no answer.
pub fn answer(request: &str) -> String {
    let Ok(value) = crate::syntax::json::read_value(request) else {
        return String::new();
    };
    let Some(text) = value.get("text").and_then(Value::as_str) else {
        return String::new();
    };
    if value.get("op").and_then(Value::as_str) == Some("names") {
        let names = super::parsed_names(text).map(|names| {
            names
                .iter()
                .map(|(n, s)| json!([n, s.start, s.end]))
                .collect::<Vec<_>>()
        });
        return json!({ "names": names }).to_string();
    }
    let mode = if value.get("display").and_then(Value::as_bool) == Some(true) {
        Mode::Display
    } else {
        Mode::Lint
    };
    let answers = value
        .get("answers")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|a| {
            let key = read_key(a)?;
            Some((key, a.get(2)?.as_str().map(str::to_string)))
        })
        .collect();
    let values = Asked {
        answers,
        asked: RefCell::new(Vec::new()),
    };
    let out = super::exec::execute(text, &values, mode);
    let map: Vec<Value> = out
        .rendered
        .map
        .iter()
        .map(|(r, o)| json!([r.start, r.end, o.start, o.end]))
        .collect();
    let error = out
        .error
        .as_ref()
        .map(|e| json!([e.span.start, e.span.end, e.message]));
    let asked: Vec<Value> = values
        .asked
        .into_inner()
        .iter()
        .map(|k| json!([k.0, args_json(&k.1)]))
        .collect();
    json!({ "text": out.rendered.text, "map": map, "error": error, "asked": asked }).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// Values that count how often they are asked.
    struct Counted(BTreeMap<String, String>, RefCell<usize>);

    impl Values for Counted {
        fn value(&self, call: &Call) -> Option<String> {
            *self.1.borrow_mut() += 1;
            self.0.value(call)
        }
    }

    #[test]
    fn the_external_engine_gives_what_the_builtin_one_gives() {
        let mut env = BTreeMap::new();
        env.insert("IMAGE".to_string(), "nginx:1".to_string());
        env.insert("N".to_string(), "2".to_string());
        env.insert("tfstate:aws_lb.x.arn".to_string(), "arn:lb".to_string());
        env.insert("tfstate:aws_sg.b.id".to_string(), "sg-1".to_string());
        let texts = [
            "image: \"{{ must_env `IMAGE` }}\"\nn: {{ env `N` `1` }}\nlb: {{ tfstate `aws_lb.x.arn` }}\n",
            "{{ if eq (must_env `N`) `2` }}a: {{ tfstatef `aws_sg.%s.id` (printf `%s` `b`) }}{{ else }}b{{ end }}",
            "{{ $x := must_env `MISSING` }}x: {{ $x }} y: {{ env `NOPE` `dflt` }}",
            "{{ range $i := slice `abc` 1 }}{{ $i }}{{ end }} {{ \"IMAGE\" | must_env }}",
            "{{ printf `%d` }} {{ if }}",
            "{{ nosuch `x` }} {{ json_escape `\"q\"` }} {{/* c */}}",
            "plain text",
        ];
        for text in texts {
            for mode in [Mode::Lint, Mode::Display] {
                let want = super::super::exec::execute(text, &env, mode);
                let got = execute_via(answer, text, &env, mode);
                assert_eq!(got.rendered, want.rendered, "{text} {mode:?}");
                assert_eq!(got.error, want.error, "{text} {mode:?}");
            }
            assert_eq!(
                names_via(answer, text),
                super::super::parsed_names(text),
                "{text}"
            );
        }
        // Literal calls are answered up front: one round, each call asked once.
        let counted = Counted(env.clone(), RefCell::new(0));
        let text = "{{ must_env `IMAGE` }} {{ env `IMAGE` }} {{ tfstate `aws_lb.x.arn` }}";
        let out = execute_via(answer, text, &counted, Mode::Lint);
        assert_eq!(out.rendered.text, "nginx:1 nginx:1 arn:lb");
        assert_eq!(*counted.1.borrow(), 2);
    }

    #[test]
    fn no_answer_leaves_the_text_unrendered() {
        let env: BTreeMap<String, String> = BTreeMap::new();
        let broken: External = |_| "{".to_string();
        let out = execute_via(broken, "{{ must_env `A` }}", &env, Mode::Lint);
        assert_eq!(out.rendered.text, "{{ must_env `A` }}");
        assert!(out.rendered.map.is_empty() && out.error.is_none());
        assert!(names_via(broken, "{{ a }}").is_none());
        assert_eq!(answer("not json"), "");
        // Spans past the text are clamped.
        let wild: External = |_| {
            "{\"text\":\"ab\",\"map\":[[0,99,5,99]],\"error\":[7,99,\"m\"],\"asked\":[]}"
                .to_string()
        };
        let out = execute_via(wild, "{{ x }}", &env, Mode::Lint);
        assert_eq!(out.rendered.map, vec![(Span::new(0, 2), Span::new(5, 7))]);
        assert_eq!(out.error.map(|e| e.span), Some(Span::new(7, 7)));
    }
}
