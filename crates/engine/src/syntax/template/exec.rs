//! Executes a parsed template as go-config does for ecspresso (text/template's exec.go, with
//! go-config's and ecspresso's plugin functions), keeping a map from the output back to the
//! source.
//!
//! A value the run was not given is *unknown*: it flows through every function as unknown, and
//! the part of the output that depends on it is left as written in the source (for linting, so
//! that parsers read it as a placeholder) or shown as a marker such as `${IMAGE}` (for display).
//! Control structures whose condition is unknown are left as written.

use super::gofmt;
use super::parse::{self, Arg, Branch, Command, List, Node, Pipe, Tree};
use super::{Call, Rendered, TemplateError, Values};
use crate::input::span::Span;

/// A template value. Templates only ever hold these: the data (`.`) is nil in go-config, and no
/// function of ecspresso's returns a list or a map.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    /// An invalid `reflect.Value` (a field of nil data): prints `<no value>`.
    Missing,
    Nil,
    Bool(bool),
    Int(i64),
    /// A byte, as `index` returns from a string (Go's `uint8`).
    Byte(u8),
    Float(f64),
    Str(String),
    /// Depends on a value not given; the marker names the first one.
    Unknown(String),
}

impl Val {
    /// Go's `isTrue`.
    fn truth(&self) -> bool {
        match self {
            Val::Missing | Val::Nil | Val::Unknown(_) => false,
            Val::Bool(b) => *b,
            Val::Int(n) => *n != 0,
            Val::Byte(n) => *n != 0,
            Val::Float(f) => *f != 0.0,
            Val::Str(s) => !s.is_empty(),
        }
    }

    fn type_name(&self) -> &'static str {
        match self {
            Val::Missing => "invalid value",
            Val::Nil => "nil",
            Val::Bool(_) => "bool",
            Val::Int(_) => "int",
            Val::Byte(_) => "uint8",
            Val::Float(_) => "float64",
            Val::Str(_) => "string",
            Val::Unknown(_) => "unknown",
        }
    }
}

/// How unknown values are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// For linting: an unknown part stays as written; `env`'s default is not taken for a name
    /// not given.
    Lint,
    /// For display: an unknown part becomes a marker; `env` falls back to its default.
    Display,
}

/// Bounds that keep any input from running away (Go has its own: depth 100000).
const MAX_DEPTH: usize = 100;
const MAX_OUTPUT: usize = 8 * 1024 * 1024;
const MAX_STEPS: usize = 1_000_000;

/// The result of executing a template.
#[derive(Debug, Clone, Default)]
pub struct Output {
    pub rendered: Rendered,
    /// Where Go stopped (a parse error, or an execution error in a known part).
    pub error: Option<TemplateError>,
}

enum Stop {
    /// Unknown inside a part that must be rendered whole (a `range` body, a `template` call).
    Unknown,
    Error(TemplateError),
    Break,
    Continue,
}

type R<T> = Result<T, Stop>;

/// The output being built: either mapped back to the source (the top level, where text keeps
/// its place), or flat (a loop body or a called template, rendered as one replacement).
struct Out {
    text: String,
    map: Vec<(Span, Span)>,
    cursor: usize,
    flat: bool,
}

impl Out {
    fn new(flat: bool) -> Out {
        Out {
            text: String::new(),
            map: Vec::new(),
            cursor: 0,
            flat,
        }
    }

    fn over(&self) -> bool {
        self.text.len() > MAX_OUTPUT
    }

    /// Source text kept as it is; what lies between the cursor and it is dropped.
    fn copy(&mut self, src: &str, span: Span) {
        if self.flat {
            self.text.push_str(span.text(src));
            return;
        }
        let start = span.start as usize;
        if start > self.cursor {
            self.replace(Span::new(self.cursor, start), "");
        }
        self.text.push_str(span.text(src));
        self.cursor = self.cursor.max(span.end as usize);
    }

    /// The source from the cursor to the end of `span` becomes `value`.
    fn replace(&mut self, span: Span, value: &str) {
        if self.flat {
            self.text.push_str(value);
            return;
        }
        let from = Span::new(self.cursor.min(span.start as usize), span.end as usize);
        let out_start = self.text.len();
        self.text.push_str(value);
        let out = Span::new(out_start, self.text.len());
        // Merge with a replacement that ends exactly here in both texts.
        if let Some((r, o)) = self.map.last_mut() {
            if r.end as usize == out_start && o.end == from.start {
                *r = Span::new(r.start as usize, out.end as usize);
                *o = Span::new(o.start as usize, from.end as usize);
                self.cursor = from.end as usize;
                return;
            }
        }
        self.map.push((out, from));
        self.cursor = from.end as usize;
    }
}

struct Exec<'a> {
    src: &'a str,
    tree: &'a Tree,
    values: &'a dyn Values,
    mode: Mode,
    steps: usize,
    depth: usize,
    /// Variables in scope, innermost last.
    vars: Vec<(String, Val)>,
}

/// Executes `text` with `values`.
pub fn execute(text: &str, values: &dyn Values, mode: Mode) -> Output {
    let tree = match parse::parse(text) {
        Ok(tree) => tree,
        Err(e) => {
            return Output {
                rendered: identity(text),
                error: Some(TemplateError {
                    span: e.span,
                    message: e.message,
                }),
            }
        }
    };
    let mut ex = Exec {
        src: text,
        tree: &tree,
        values,
        mode,
        steps: 0,
        depth: 0,
        vars: vec![("$".to_string(), Val::Missing)],
    };
    let mut out = Out::new(false);
    match ex.walk(&tree.root, &Val::Missing, &mut out) {
        Ok(()) => {
            if out.cursor < text.len() {
                out.replace(Span::new(out.cursor, text.len()), "");
            }
            Output {
                rendered: Rendered {
                    text: out.text,
                    map: out.map,
                },
                error: None,
            }
        }
        Err(Stop::Error(e)) => Output {
            rendered: identity(text),
            error: Some(e),
        },
        // Unknown, break and continue never leave the top level.
        Err(_) => Output {
            rendered: identity(text),
            error: None,
        },
    }
}

fn identity(text: &str) -> Rendered {
    Rendered {
        text: text.to_string(),
        map: Vec::new(),
    }
}

fn err<T>(span: Span, message: impl Into<String>) -> R<T> {
    Err(Stop::Error(TemplateError {
        span,
        message: message.into(),
    }))
}

impl Exec<'_> {
    fn step(&mut self, span: Span) -> R<()> {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return err(span, "template execution takes too many steps");
        }
        Ok(())
    }

    fn walk(&mut self, list: &List, dot: &Val, out: &mut Out) -> R<()> {
        for node in &list.nodes {
            self.node(node, dot, out)?;
            if out.over() {
                return err(list.span, "template output is too large");
            }
        }
        Ok(())
    }

    /// A part that cannot be rendered because of an unknown value: inside a flat output in lint
    /// mode the whole enclosing construct is left as written; otherwise this part is.
    fn unknown_part(&self, out: &mut Out, span: Span) -> R<()> {
        if out.flat && self.mode == Mode::Lint {
            return Err(Stop::Unknown);
        }
        out.copy(self.src, span);
        Ok(())
    }

    fn node(&mut self, node: &Node, dot: &Val, out: &mut Out) -> R<()> {
        match node {
            Node::Text(span) => {
                out.copy(self.src, *span);
                Ok(())
            }
            Node::Comment { outer } => {
                out.replace(*outer, "");
                Ok(())
            }
            Node::Action { outer, span, pipe } => {
                self.step(*span)?;
                let mark = self.vars.len();
                let value = self.pipe(pipe, dot)?;
                if !pipe.decl.is_empty() {
                    // A declaration prints nothing; its variables stay in scope.
                    let _ = mark;
                    out.replace(*outer, "");
                    return Ok(());
                }
                match value {
                    Val::Unknown(marker) => {
                        if self.mode == Mode::Display {
                            out.replace(*outer, &marker);
                            Ok(())
                        } else {
                            self.unknown_part(out, *span)
                        }
                    }
                    Val::Missing => {
                        out.replace(*outer, "<no value>");
                        Ok(())
                    }
                    v => {
                        out.replace(*outer, &gofmt::sprint_one(&v));
                        Ok(())
                    }
                }
            }
            Node::If(b) | Node::With(b) => {
                self.step(b.span)?;
                let with = matches!(node, Node::With(_));
                let mark = self.vars.len();
                let value = self.pipe(&b.pipe, dot)?;
                if let Val::Unknown(_) = value {
                    self.vars.truncate(mark);
                    self.forget_assigned(b);
                    return self.unknown_part(out, b.outer);
                }
                let result = if value.truth() {
                    let inner_dot = if with { value } else { dot.clone() };
                    self.chosen(b, &b.list, &inner_dot, out)
                } else if let Some(else_list) = &b.else_list {
                    self.chosen(b, else_list, dot, out)
                } else {
                    out.replace(b.outer, "");
                    Ok(())
                };
                self.vars.truncate(mark);
                result
            }
            Node::Range(b) => self.range(b, dot, out),
            Node::Template {
                outer,
                span,
                name,
                pipe,
            } => {
                self.step(*span)?;
                // Without a pipeline the template runs with no data (exec.go walkTemplate).
                let value = match pipe {
                    Some(p) => self.pipe(p, dot)?,
                    None => Val::Missing,
                };
                let Some((_, list)) = self.tree.defines.iter().rev().find(|(n, _)| n == name)
                else {
                    return err(*span, format!("no such template {name:?}"));
                };
                if self.depth >= MAX_DEPTH {
                    return err(
                        *span,
                        format!("exceeded maximum template depth ({MAX_DEPTH})"),
                    );
                }
                self.depth += 1;
                let saved =
                    std::mem::replace(&mut self.vars, vec![("$".to_string(), value.clone())]);
                let mut sub = Out::new(true);
                let result = self.walk(list, &value, &mut sub);
                self.vars = saved;
                self.depth -= 1;
                match result {
                    Ok(()) => {
                        out.replace(*outer, &sub.text);
                        Ok(())
                    }
                    Err(Stop::Unknown) => self.unknown_part(out, *span),
                    Err(e) => Err(e),
                }
            }
            Node::Break { .. } => Err(Stop::Break),
            Node::Continue { .. } => Err(Stop::Continue),
        }
    }

    /// Renders the chosen list of an `if`/`with` in place: the rest of the construct is dropped.
    fn chosen(&mut self, b: &Branch, list: &List, dot: &Val, out: &mut Out) -> R<()> {
        if !out.flat {
            out.replace(
                Span::new(b.outer.start as usize, list.span.start as usize),
                "",
            );
        }
        self.walk(list, dot, out)?;
        if !out.flat {
            out.replace(b.outer, "");
        }
        Ok(())
    }

    /// Variables assigned (`$x = ...`) inside a part left unrendered become unknown.
    fn forget_assigned(&mut self, b: &Branch) {
        fn collect(list: &List, names: &mut Vec<String>) {
            for node in &list.nodes {
                match node {
                    Node::Action { pipe, .. } if pipe.assign => names.extend(pipe.decl.clone()),
                    Node::If(b) | Node::With(b) | Node::Range(b) => {
                        if b.pipe.assign {
                            names.extend(b.pipe.decl.clone());
                        }
                        collect(&b.list, names);
                        if let Some(e) = &b.else_list {
                            collect(e, names);
                        }
                    }
                    _ => {}
                }
            }
        }
        let mut names = Vec::new();
        collect(&b.list, &mut names);
        if let Some(e) = &b.else_list {
            collect(e, &mut names);
        }
        for name in names {
            if let Some(slot) = self.vars.iter_mut().rev().find(|(n, _)| *n == name) {
                slot.1 = Val::Unknown("${template}".to_string());
            }
        }
    }

    fn range(&mut self, b: &Branch, dot: &Val, out: &mut Out) -> R<()> {
        self.step(b.span)?;
        let mark = self.vars.len();
        // The pipeline without its declarations: they are set per element.
        let bare = Pipe {
            decl: Vec::new(),
            assign: false,
            ..b.pipe.clone()
        };
        let value = self.pipe(&bare, dot)?;
        let count = match &value {
            Val::Unknown(_) => {
                self.forget_assigned(b);
                return self.unknown_part(out, b.outer);
            }
            // Go: an invalid value is likely a nil map: no iteration, not an error.
            Val::Missing | Val::Nil => 0,
            // Go 1.22 ranges over an integer, with one variable at most.
            Val::Int(n) if b.pipe.decl.len() > 1 => {
                return err(
                    b.pipe.span,
                    format!("can't use {n} to iterate over more than one variable"),
                )
            }
            Val::Int(n) => (*n).max(0),
            v => {
                return err(
                    b.pipe.span,
                    format!("range can't iterate over {}", gofmt::sprint_one(v)),
                )
            }
        };
        let mut sub = Out::new(true);
        let mut result: R<()> = Ok(());
        if count == 0 {
            if let Some(else_list) = &b.else_list {
                result = self.walk(else_list, dot, &mut sub);
            }
        } else {
            for i in 0..count {
                self.step(b.span)?;
                let elem = Val::Int(i);
                self.vars.truncate(mark);
                for name in &b.pipe.decl {
                    self.set_var(name, elem.clone(), b.pipe.assign);
                }
                match self.walk(&b.list, &elem, &mut sub) {
                    Ok(()) | Err(Stop::Continue) => {}
                    Err(Stop::Break) => break,
                    Err(e) => {
                        result = Err(e);
                        break;
                    }
                }
            }
        }
        self.vars.truncate(mark);
        match result {
            Ok(()) => {
                out.replace(b.outer, &sub.text);
                Ok(())
            }
            Err(Stop::Unknown) => {
                self.forget_assigned(b);
                self.unknown_part(out, b.outer)
            }
            Err(e) => Err(e),
        }
    }

    fn set_var(&mut self, name: &str, value: Val, assign: bool) {
        if assign {
            if let Some(slot) = self.vars.iter_mut().rev().find(|(n, _)| n == name) {
                slot.1 = value;
                return;
            }
        }
        self.vars.push((name.to_string(), value));
    }

    fn pipe(&mut self, pipe: &Pipe, dot: &Val) -> R<Val> {
        let mut value: Option<Val> = None;
        for cmd in &pipe.cmds {
            value = Some(self.command(cmd, dot, value)?);
        }
        let value = value.unwrap_or(Val::Missing);
        for name in &pipe.decl {
            self.set_var(name, value.clone(), pipe.assign);
        }
        Ok(value)
    }

    fn command(&mut self, cmd: &Command, dot: &Val, last: Option<Val>) -> R<Val> {
        self.step(cmd.span)?;
        let Some(first) = cmd.args.first() else {
            return err(cmd.span, "empty command");
        };
        if let Arg::Ident(name, span) = first {
            return self.call(name, *span, cmd.args.get(1..).unwrap_or(&[]), last, dot);
        }
        if cmd.args.len() > 1 || last.is_some() {
            return err(
                first.span(),
                format!(
                    "can't give argument to non-function {}",
                    first.span().text(self.src)
                ),
            );
        }
        match first {
            Arg::Nil(span) => err(*span, "nil is not a command"),
            other => self.arg(other, dot),
        }
    }

    fn fields(&self, mut v: Val, fields: &[String], span: Span) -> R<Val> {
        for f in fields {
            v = match v {
                Val::Unknown(_) => return Ok(v),
                // Fields of nil data are missing (exec.go evalField: invalid receiver).
                Val::Missing | Val::Nil => Val::Missing,
                other => {
                    return err(
                        span,
                        format!("can't evaluate field {f} in type {}", other.type_name()),
                    )
                }
            };
        }
        Ok(v)
    }

    fn arg(&mut self, arg: &Arg, dot: &Val) -> R<Val> {
        match arg {
            Arg::Ident(name, span) => self.call(name, *span, &[], None, dot),
            Arg::Field(fields, span) => self.fields(dot.clone(), fields, *span),
            Arg::Variable(name, fields, span) => {
                let Some((_, v)) = self.vars.iter().rev().find(|(n, _)| n == name) else {
                    return err(*span, format!("undefined variable: {name}"));
                };
                let v = v.clone();
                self.fields(v, fields, *span)
            }
            Arg::Pipe(pipe, fields, span) => {
                let mark = self.vars.len();
                let v = self.pipe(pipe, dot)?;
                self.vars.truncate(mark);
                self.fields(v, fields, *span)
            }
            Arg::Bool(b, _) => Ok(Val::Bool(*b)),
            Arg::Nil(_) => Ok(Val::Nil),
            Arg::Int(n, _) => Ok(Val::Int(*n)),
            Arg::Float(f, _) => Ok(Val::Float(*f)),
            Arg::Str(s, _) => Ok(Val::Str(s.clone())),
        }
    }

    fn args(&mut self, args: &[Arg], last: Option<Val>, dot: &Val) -> R<Vec<(Val, Span)>> {
        let mut out = Vec::with_capacity(args.len() + 1);
        for a in args {
            out.push((self.arg(a, dot)?, a.span()));
        }
        if let Some(v) = last {
            let span = args.last().map_or(Span::EMPTY, Arg::span);
            out.push((v, span));
        }
        Ok(out)
    }

    /// A function call. Builtins and go-config's functions are evaluated here; plugin functions
    /// (any `func_prefix`) are looked up in the values.
    #[allow(clippy::too_many_lines)]
    fn call(
        &mut self,
        name: &str,
        span: Span,
        args: &[Arg],
        last: Option<Val>,
        dot: &Val,
    ) -> R<Val> {
        // `and` and `or` evaluate their operands lazily (Go 1.18).
        if name == "and" || name == "or" {
            let total = args.len() + usize::from(last.is_some());
            if total == 0 {
                return err(
                    span,
                    format!("wrong number of args for {name}: want at least 1 got 0"),
                );
            }
            let mut v = Val::Missing;
            for a in args {
                v = self.arg(a, dot)?;
                if let Val::Unknown(_) = v {
                    return Ok(v);
                }
                if v.truth() != (name == "and") {
                    return Ok(v);
                }
            }
            if let Some(l) = last {
                v = l;
            }
            return Ok(v);
        }
        let vals = self.args(args, last, dot)?;
        if let Some((Val::Unknown(m), _)) = vals.iter().find(|(v, _)| matches!(v, Val::Unknown(_)))
        {
            return Ok(Val::Unknown(m.clone()));
        }
        let n = vals.len();
        let want = |k: usize| -> R<()> {
            if n == k {
                Ok(())
            } else {
                err(
                    span,
                    format!("wrong number of args for {name}: want {k} got {n}"),
                )
            }
        };
        let at_least = |k: usize| -> R<()> {
            if n >= k {
                Ok(())
            } else {
                err(
                    span,
                    format!("wrong number of args for {name}: want at least {k} got {n}"),
                )
            }
        };
        let string = |i: usize| -> R<String> {
            match vals.get(i) {
                Some((Val::Str(s), _)) => Ok(s.clone()),
                Some((v, at)) => {
                    let literal = i < args.len();
                    if literal && !matches!(v, Val::Missing | Val::Nil) {
                        err(*at, format!("expected string; found {}", at.text(self.src)))
                    } else if matches!(v, Val::Missing) {
                        err(*at, "invalid value; expected string")
                    } else {
                        err(
                            *at,
                            format!(
                                "wrong type for value; expected string; got {}",
                                v.type_name()
                            ),
                        )
                    }
                }
                None => err(span, "missing argument"),
            }
        };
        match name {
            "not" => {
                want(1)?;
                Ok(Val::Bool(!vals[0].0.truth()))
            }
            "len" => {
                want(1)?;
                match &vals[0].0 {
                    Val::Str(s) => Ok(Val::Int(i64::try_from(s.len()).unwrap_or(i64::MAX))),
                    Val::Missing | Val::Nil => err(span, "error calling len: len of nil pointer"),
                    v => err(
                        span,
                        format!("error calling len: len of type {}", v.type_name()),
                    ),
                }
            }
            "index" => {
                at_least(1)?;
                let mut item = vals[0].0.clone();
                for (ix, at) in &vals[1..] {
                    item = match (&item, ix) {
                        (Val::Str(s), Val::Int(i)) => {
                            let b = usize::try_from(*i).ok().and_then(|i| s.as_bytes().get(i));
                            match b {
                                Some(b) => Val::Byte(*b),
                                None => {
                                    return err(
                                        *at,
                                        format!("error calling index: index out of range: {i}"),
                                    )
                                }
                            }
                        }
                        (Val::Str(_), other) => {
                            return err(
                                *at,
                                format!(
                                    "error calling index: cannot index slice/array with type {}",
                                    other.type_name()
                                ),
                            )
                        }
                        (Val::Missing | Val::Nil, _) => {
                            return err(span, "error calling index: index of untyped nil")
                        }
                        (other, _) => {
                            return err(
                                span,
                                format!(
                                    "error calling index: can't index item of type {}",
                                    other.type_name()
                                ),
                            )
                        }
                    };
                }
                Ok(item)
            }
            "slice" => {
                at_least(1)?;
                let s = match &vals[0].0 {
                    Val::Str(s) => s.clone(),
                    Val::Missing | Val::Nil => {
                        return err(span, "error calling slice: slice of untyped nil")
                    }
                    v => {
                        return err(
                            span,
                            format!(
                                "error calling slice: can't slice item of type {}",
                                v.type_name()
                            ),
                        )
                    }
                };
                if n > 3 {
                    return err(span, "error calling slice: cannot 3-index slice a string");
                }
                let mut idx = [0usize, s.len()];
                for (k, (v, at)) in vals[1..].iter().enumerate() {
                    let Val::Int(i) = v else {
                        return err(
                            *at,
                            format!(
                                "error calling slice: cannot index slice/array with type {}",
                                v.type_name()
                            ),
                        );
                    };
                    match usize::try_from(*i).ok().filter(|i| *i <= s.len()) {
                        Some(i) => idx[k] = i,
                        None => {
                            return err(
                                *at,
                                format!("error calling slice: index out of range: {i}"),
                            )
                        }
                    }
                }
                if idx[0] > idx[1] {
                    return err(
                        span,
                        format!(
                            "error calling slice: invalid slice index: {} > {}",
                            idx[0], idx[1]
                        ),
                    );
                }
                Ok(Val::Str(
                    String::from_utf8_lossy(s.as_bytes().get(idx[0]..idx[1]).unwrap_or(&[]))
                        .into_owned(),
                ))
            }
            "print" | "printf" | "println" => {
                let plain: Vec<Val> = vals.iter().map(|(v, _)| v.clone()).collect();
                Ok(Val::Str(match name {
                    "print" => gofmt::sprint(&plain),
                    "println" => gofmt::sprintln(&plain),
                    _ => {
                        let format = string(0)?;
                        gofmt::sprintf(&format, &plain[1..])
                    }
                }))
            }
            "html" | "js" | "urlquery" => {
                let text = match vals.as_slice() {
                    [(Val::Str(s), _)] => s.clone(),
                    _ => gofmt::sprint(&vals.iter().map(|(v, _)| v.clone()).collect::<Vec<_>>()),
                };
                Ok(Val::Str(match name {
                    "html" => gofmt::html_escape(&text),
                    "js" => gofmt::js_escape(&text),
                    _ => gofmt::query_escape(&text),
                }))
            }
            "eq" => {
                at_least(1)?;
                if n == 1 {
                    return err(span, "error calling eq: missing argument for comparison");
                }
                for (v, _) in &vals[1..] {
                    if compare(name, &vals[0].0, v, span)? == Some(std::cmp::Ordering::Equal) {
                        return Ok(Val::Bool(true));
                    }
                }
                Ok(Val::Bool(false))
            }
            "ne" | "lt" | "le" | "gt" | "ge" => {
                want(2)?;
                let (a, b) = (&vals[0].0, &vals[1].0);
                if name != "ne" && (!is_basic(a) || !is_basic(b) || matches!(a, Val::Bool(_))) {
                    return err(
                        span,
                        format!("error calling {name}: invalid type for comparison"),
                    );
                }
                let ord = compare(name, a, b, span)?;
                use std::cmp::Ordering::{Equal, Greater, Less};
                Ok(Val::Bool(match name {
                    "ne" => ord != Some(Equal),
                    "lt" => ord == Some(Less),
                    "le" => matches!(ord, Some(Less | Equal)),
                    "gt" => ord == Some(Greater),
                    _ => matches!(ord, Some(Greater | Equal)),
                }))
            }
            "call" => err(span, "error calling call: call of nil"),
            // go-config: `env` returns the first name set to a non-empty value, else the last
            // name given (so a default is itself looked up first).
            "env" => {
                let mut keys = Vec::with_capacity(n);
                for i in 0..n {
                    keys.push(string(i)?);
                }
                let mut v = String::new();
                for (i, k) in keys.iter().enumerate() {
                    match self.lookup_env(k) {
                        Some(value) if !value.is_empty() => return Ok(Val::Str(value)),
                        Some(_) => v.clone_from(k),
                        None if i == 0 && (self.mode == Mode::Lint || keys.len() == 1) => {
                            return Ok(Val::Unknown(super::marker(Some(&literal_call(
                                "env", span, &keys,
                            )))));
                        }
                        // A default is a name nobody sets, in practice: taken as unset.
                        None => v.clone_from(k),
                    }
                }
                Ok(Val::Str(v))
            }
            "must_env" => {
                want(1)?;
                let key = string(0)?;
                Ok(match self.lookup_env(&key) {
                    Some(v) => Val::Str(v),
                    None => {
                        Val::Unknown(super::marker(Some(&literal_call("must_env", span, &[key]))))
                    }
                })
            }
            "json_escape" => {
                want(1)?;
                Ok(Val::Str(gofmt::json_escape(&string(0)?)))
            }
            _ => self.plugin(name, span, &vals),
        }
    }

    fn lookup_env(&self, key: &str) -> Option<String> {
        if key.is_empty() {
            return Some(String::new());
        }
        self.values
            .value(&literal_call("must_env", Span::EMPTY, &[key.to_string()]))
    }

    /// A plugin function: `tfstate`, `tfstatef`, `ssm`, `secretsmanager_arn`, `cfn_output`,
    /// `cfn_export` (with any `func_prefix`), or a function of an `external` plugin.
    fn plugin(&mut self, name: &str, span: Span, vals: &[(Val, Span)]) -> R<Val> {
        let base = super::base_function(name);
        let n = vals.len();
        let strings = |from: usize, to: usize| -> R<Vec<String>> {
            let mut out = Vec::new();
            for (v, at) in vals.get(from..to).unwrap_or(&[]) {
                match v {
                    Val::Str(s) => out.push(s.clone()),
                    other => {
                        return err(
                            *at,
                            format!(
                                "wrong type for value; expected string; got {}",
                                other.type_name()
                            ),
                        )
                    }
                }
            }
            Ok(out)
        };
        let want = |k: usize| -> R<()> {
            if n == k {
                Ok(())
            } else {
                err(
                    span,
                    format!("wrong number of args for {name}: want {k} got {n}"),
                )
            }
        };
        let ask = |call: Call| -> Val {
            match self.values.value(&call) {
                Some(v) => Val::Str(v),
                None => Val::Unknown(super::marker(Some(&call))),
            }
        };
        match base {
            "tfstate" | "secretsmanager_arn" | "cfn_export" => {
                want(1)?;
                Ok(ask(literal_call(name, span, &strings(0, 1)?)))
            }
            "cfn_output" => {
                want(2)?;
                Ok(ask(literal_call(name, span, &strings(0, 2)?)))
            }
            "tfstatef" => {
                if n == 0 {
                    return err(
                        span,
                        format!("wrong number of args for {name}: want at least 1 got 0"),
                    );
                }
                let format = strings(0, 1)?;
                let rest: Vec<Val> = vals[1..].iter().map(|(v, _)| v.clone()).collect();
                let as_text: Vec<String> = format
                    .iter()
                    .cloned()
                    .chain(rest.iter().map(gofmt::sprint_one))
                    .collect();
                // An answer keyed by the call as written, else the formatted address.
                if let Some(v) = self.values.value(&literal_call(name, span, &as_text)) {
                    return Ok(Val::Str(v));
                }
                let address = gofmt::sprintf(format.first().map_or("", String::as_str), &rest);
                let prefix = name.strip_suffix("tfstatef").unwrap_or("");
                Ok(ask(literal_call(
                    &format!("{prefix}tfstate"),
                    span,
                    &[address],
                )))
            }
            "ssm" => {
                if n == 0 || n > 2 {
                    return err(
                        span,
                        format!("wrong number of args for {name}: want at least 1 got {n}"),
                    );
                }
                let path = strings(0, 1)?;
                let index = match vals.get(1) {
                    None => None,
                    Some((Val::Int(i), _)) => Some(*i),
                    Some((v, at)) => {
                        return err(
                            *at,
                            format!("wrong type for value; expected int; got {}", v.type_name()),
                        )
                    }
                };
                let value = ask(literal_call(name, span, &path));
                match (value, index) {
                    (Val::Str(list), Some(i)) => {
                        // A StringList: the comma-separated item at the index (ssm/lookup.go).
                        let item = usize::try_from(i).ok().and_then(|i| list.split(',').nth(i));
                        match item {
                            Some(item) => Ok(Val::Str(item.to_string())),
                            None => err(
                                span,
                                format!("error calling {name}: index out of range [{i}]"),
                            ),
                        }
                    }
                    (v, _) => Ok(v),
                }
            }
            // Functions of an `external` plugin, or names this engine does not know: the value
            // is whatever the values say, else unknown.
            _ => {
                let mut texts = Vec::with_capacity(n);
                for (v, _) in vals {
                    texts.push(gofmt::sprint_one(v));
                }
                Ok(ask(literal_call(name, span, &texts)))
            }
        }
    }
}

fn literal_call(func: &str, span: Span, args: &[String]) -> Call {
    Call {
        func: func.to_string(),
        func_span: span,
        args: args
            .iter()
            .map(|a| super::Arg {
                value: a.clone(),
                span,
                literal: true,
            })
            .collect(),
        piped: false,
    }
}

fn is_basic(v: &Val) -> bool {
    matches!(
        v,
        Val::Bool(_) | Val::Int(_) | Val::Byte(_) | Val::Float(_) | Val::Str(_)
    )
}

/// Go's comparison of two basic values: `None` when unequal and unordered (nil against a
/// value); an error for values of different kinds.
fn compare(name: &str, a: &Val, b: &Val, span: Span) -> R<Option<std::cmp::Ordering>> {
    let int = |v: &Val| match v {
        Val::Int(n) => Some(i128::from(*n)),
        Val::Byte(n) => Some(i128::from(*n)),
        _ => None,
    };
    Ok(match (a, b) {
        (Val::Bool(x), Val::Bool(y)) => Some(x.cmp(y)),
        (Val::Str(x), Val::Str(y)) => Some(x.as_bytes().cmp(y.as_bytes())),
        (Val::Float(x), Val::Float(y)) => x.partial_cmp(y),
        (x, y) if int(x).is_some() && int(y).is_some() => Some(int(x).cmp(&int(y))),
        (Val::Missing | Val::Nil, Val::Missing | Val::Nil) => Some(std::cmp::Ordering::Equal),
        (Val::Missing | Val::Nil, _) | (_, Val::Missing | Val::Nil) => None,
        _ => {
            return err(
                span,
                format!("error calling {name}: incompatible types for comparison"),
            )
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn vars(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect()
    }

    /// Renders with every value given, as ecspresso would (Display and Lint agree then).
    fn go(text: &str, values: &[(&str, &str)]) -> String {
        let v = vars(values);
        let out = execute(text, &v, Mode::Lint);
        if let Some(e) = out.error {
            return format!("ERROR {}: {}", e.span.text(text), e.message);
        }
        let display = execute(text, &v, Mode::Display);
        assert_eq!(display.rendered.text, out.rendered.text, "{text}");
        out.rendered.text
    }

    #[test]
    fn go_config_functions() {
        // go-config config.go DefaultFuncMap: env returns the first non-empty variable, else
        // the last name given; a default is looked up as a variable first.
        assert_eq!(go("{{ env `TAG` }}", &[("TAG", "")]), "TAG");
        assert_eq!(go("{{ env `TAG` `latest` }}", &[("TAG", "v1")]), "v1");
        assert_eq!(go("{{ env `TAG` `latest` }}", &[("TAG", "")]), "latest");
        assert_eq!(
            go("{{ env `TAG` `HOME` }}", &[("TAG", ""), ("HOME", "/root")]),
            "/root"
        );
        assert_eq!(go("{{ env `A` `B` `c` }}", &[("A", ""), ("B", "b")]), "b");
        // must_env: LookupEnv, so an empty value is a value.
        assert_eq!(go("[{{ must_env `E` }}]", &[("E", "")]), "[]");
        // json_escape: json.Marshal without the quotes (HTML-safe escapes).
        assert_eq!(
            go(
                "{{ env `JSON` | json_escape }}",
                &[("JSON", "{\"foo\":\"<bar>\"}")]
            ),
            "{\\\"foo\\\":\\\"\\u003cbar\\u003e\\\"}"
        );
    }

    #[test]
    fn go_actions() {
        // text/template semantics (exec_test.go's cases, our own inputs).
        assert_eq!(go("{{ if eq (env `E` ``) `prod` }}big{{ else if eq (env `E` ``) `stg` }}mid{{ else }}small{{ end }}", &[("E", "stg")]), "mid");
        assert_eq!(go("{{ if `` }}a{{ else }}b{{ end }}", &[]), "b");
        assert_eq!(
            go("{{ with $x := `v` }}{{ . }}{{ $x }}{{ end }}", &[]),
            "vv"
        );
        assert_eq!(
            go("{{ with `` }}a{{ else with `z` }}{{ . }}{{ end }}", &[]),
            "z"
        );
        assert_eq!(go("{{ range $i := 3 }}{{ $i }}{{ end }}", &[]), "012");
        assert_eq!(
            go("{{ range $i, $e := 3 }}{{ end }}", &[]),
            "ERROR $i, $e := 3 : can't use 3 to iterate over more than one variable"
        );
        assert_eq!(
            go(
                "{{ range 5 }}{{ if eq . 3 }}{{ break }}{{ end }}{{ . }}{{ end }}",
                &[]
            ),
            "012"
        );
        assert_eq!(go("{{ range 0 }}x{{ else }}none{{ end }}", &[]), "none");
        assert_eq!(go("{{ define `t` }}[{{ . }}]{{ end }}{{ template `t` `a` }}{{ block `b` 1 }}<{{ . }}>{{ end }}", &[]), "[a]<1>");
        assert_eq!(go("{{ $x := 1 }}{{ $x = 2 }}{{ $x }}", &[]), "2");
        assert_eq!(
            go("{{ define `n` }}{{ . }}{{ end }}{{ template `n` }}", &[]),
            "<no value>"
        );
        assert_eq!(go("a  {{- /* c */ -}}  b {{- `x` }}", &[]), "abx");
        assert_eq!(
            go("{{ and 1 0 2 }} {{ or 0 `` `x` }} {{ not 0 }}", &[]),
            "0 x true"
        );
        assert_eq!(
            go(
                "{{ len `héllo` }} {{ index `abc` 1 }} {{ slice `abcd` 1 3 }}",
                &[]
            ),
            "6 98 bc"
        );
        assert_eq!(
            go(
                "{{ print 1 2 `a` }}|{{ println `a` 1 }}|{{ printf `%s=%03d` `n` 7 }}",
                &[]
            ),
            "1 2a|a 1\n|n=007"
        );
        assert_eq!(
            go("{{ html `<a>` }} {{ js `'x'` }} {{ urlquery `a b` }}", &[]),
            "&lt;a&gt; \\'x\\' a+b"
        );
        assert_eq!(
            go(
                "{{ lt 1 2 }} {{ ge `b` `a` }} {{ ne 1 1 }} {{ eq 1 2 1 }}",
                &[]
            ),
            "true true false true"
        );
        assert_eq!(
            go("{{ .Foo }} {{ 3.0 }} {{ 1e6 }} {{ print nil }}", &[]),
            "<no value> 3 1e+06 <nil>"
        );
        // Errors, with Go's wording.
        assert_eq!(
            go("{{ lt 1 `a` }}", &[]),
            "ERROR lt: error calling lt: incompatible types for comparison"
        );
        assert_eq!(
            go("{{ index `abc` 5 }}", &[]),
            "ERROR 5: error calling index: index out of range: 5"
        );
        assert_eq!(
            go("{{ must_env 3 }}", &[]),
            "ERROR 3: expected string; found 3"
        );
        assert_eq!(
            go("{{ template `x` }}", &[]),
            "ERROR {{ template `x` }}: no such template \"x\""
        );
    }

    #[test]
    fn plugins_and_unknowns() {
        let v = vars(&[
            ("ssm:/app/list", "a,b,c"),
            ("tfstate:aws_subnet.s['1'].id", "subnet-1"),
        ]);
        let out = execute(
            "{{ ssm `/app/list` 1 }} {{ tfstatef `aws_subnet.s['%d'].id` 1 }}",
            &v,
            Mode::Lint,
        );
        assert_eq!(out.rendered.text, "b subnet-1");
        // Unknown values: as written for lint, markers for display.
        let text =
            "a: {{ must_env `X` }}\n{{ if env `Y` }}y: 1\n{{ end }}b: {{ env `Z` `dflt` }}\n";
        let lint = execute(text, &BTreeMap::new(), Mode::Lint).rendered.text;
        assert_eq!(lint, text);
        let display = execute(text, &BTreeMap::new(), Mode::Display).rendered.text;
        assert_eq!(display, "a: ${X}\n{{ if env `Y` }}y: 1\n{{ end }}b: dflt\n");
        // A loop over an unknown stays whole.
        let text = "{{ range $i := 2 }}{{ must_env `X` }}{{ end }}!";
        assert_eq!(
            execute(text, &BTreeMap::new(), Mode::Lint).rendered.text,
            text
        );
    }

    #[test]
    fn never_panics() {
        for text in [
            "{{",
            "{{-",
            "{{ (",
            "{{ if 1 }}{{ else }}",
            "{{ range 100000000 }}x{{ end }}",
            "{{ define `a` }}{{ template `a` }}{{ end }}{{ template `a` }}",
            "é{{ \"\\",
            "{{ printf `%` }}",
            "{{ slice `é` 1 }}",
            "{{ 'a }}",
            "{{ $ }}{{ $.X }}",
            "{{ \"\\é",
            "{{ '\\é",
            "é {{- `é` -}} é",
            "{{ \"é\\\né }}",
            "{{ if 1 }}é{{ else if 2 }}ü{{ end }}",
        ] {
            for mode in [Mode::Lint, Mode::Display] {
                let out = execute(text, &BTreeMap::new(), mode);
                let _ = out.rendered.original(Span::new(0, out.rendered.text.len()));
                for (r, o) in &out.rendered.map {
                    assert!(out.rendered.text.get(r.range()).is_some(), "{text:?}");
                    assert!(text.get(o.range()).is_some(), "{text:?}");
                }
                if let Some(e) = out.error {
                    assert!(text.get(e.span.range()).is_some(), "{text:?} {e:?}");
                }
            }
        }
    }

    #[test]
    fn random_token_soup_keeps_spans_on_boundaries() {
        // A deterministic generator over the pieces templates are made of.
        const PIECES: [&str; 34] = [
            "{{",
            "}}",
            "{{- ",
            " -}}",
            "/*",
            "*/",
            "if ",
            "else ",
            "end",
            "range ",
            "with ",
            "define ",
            "template ",
            "block ",
            "break",
            "continue",
            "$x",
            " := ",
            " = ",
            "|",
            "(",
            ")",
            "\"",
            "`",
            "'",
            "\\",
            "é",
            "\n",
            " ",
            ".A",
            "1",
            "env `A` ",
            "printf `%d` ",
            ",",
        ];
        let mut seed: u64 = 0x5EED;
        for _ in 0..3000 {
            let mut text = String::new();
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let len = (seed >> 59) as usize + 1;
            for _ in 0..len * 2 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
            }
            let values: BTreeMap<String, String> = [("A".to_string(), "é\"<".to_string())].into();
            for mode in [Mode::Lint, Mode::Display] {
                let out = execute(&text, &values, mode);
                for (r, o) in &out.rendered.map {
                    assert!(out.rendered.text.get(r.range()).is_some(), "{text:?}");
                    assert!(text.get(o.range()).is_some(), "{text:?}");
                }
                if let Some(e) = &out.error {
                    assert!(text.get(e.span.range()).is_some(), "{text:?} {e:?}");
                }
                let whole = out.rendered.original(Span::new(0, out.rendered.text.len()));
                assert!(whole.end as usize <= text.len(), "{text:?}");
            }
        }
    }
}
