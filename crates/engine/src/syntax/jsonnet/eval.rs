//! Evaluation by rsjsonnet-lang with ecspresso's natives, bounded (feature `jsonnet`, built in on
//! native targets, or `jsonnet-wasm`).

use super::{native_arity, placeholder, Env, Outcome};
use crate::input::span::Span;
use rsjsonnet_lang::arena::Arena;
use rsjsonnet_lang::interner::InternedStr;
use rsjsonnet_lang::program::{
    Callbacks, EvalError, EvalErrorKind, EvalErrorValueType, EvalStackTraceItem, ImportError,
    LoadError, NativeError, Program, Thunk, Value,
};
use rsjsonnet_lang::span::{SpanContextId, SpanId};
use std::collections::{BTreeSet, HashMap};

/// The Jsonnet call stack (functions calling functions); deeper is an error, not a crash.
const MAX_STACK: usize = 400;

struct Files<'e, 'a, 'p> {
    env: &'e Env<'a>,
    /// Loaded sources: span context, path, text.
    contexts: Vec<(SpanContextId, String, &'a str)>,
    cache: HashMap<String, Thunk<'p>>,
    placeholders: Vec<String>,
    missing_import: Option<String>,
    /// An imported file that failed to load: its path and the error's message.
    import_error: Option<(String, String)>,
}

impl<'p> Callbacks<'p> for Files<'_, '_, 'p> {
    fn import(
        &mut self,
        program: &mut Program<'p>,
        from: SpanId,
        path: &str,
    ) -> Result<Thunk<'p>, ImportError> {
        let (ctx, _, _) = program.span_manager().get_span(from);
        let importer = self
            .contexts
            .iter()
            .find(|(c, _, _)| *c == ctx)
            .map(|(_, p, _)| p.clone())
            .unwrap_or_default();
        let Some((resolved, text)) = self.env.resolve_import(&importer, path) else {
            self.missing_import = Some(path.to_string());
            return Err(ImportError);
        };
        if let Some(thunk) = self.cache.get(&resolved) {
            return Ok(thunk.clone());
        }
        let (ctx, _) = program.span_manager_mut().insert_source_context(text.len());
        self.contexts.push((ctx, resolved.clone(), text));
        match program.load_source(ctx, text.as_bytes(), true, &resolved) {
            Ok(thunk) => {
                self.cache.insert(resolved, thunk.clone());
                Ok(thunk)
            }
            Err(e) => {
                let (_, message) = load_error(program, &e);
                self.import_error = Some((resolved, message));
                Err(ImportError)
            }
        }
    }

    fn import_str(
        &mut self,
        program: &mut Program<'p>,
        from: SpanId,
        path: &str,
    ) -> Result<String, ImportError> {
        let (ctx, _, _) = program.span_manager().get_span(from);
        let importer = self
            .contexts
            .iter()
            .find(|(c, _, _)| *c == ctx)
            .map(|(_, p, _)| p.clone())
            .unwrap_or_default();
        match self.env.resolve_import(&importer, path) {
            Some((_, text)) => Ok(text.to_string()),
            None => {
                self.missing_import = Some(path.to_string());
                Err(ImportError)
            }
        }
    }

    fn import_bin(
        &mut self,
        program: &mut Program<'p>,
        from: SpanId,
        path: &str,
    ) -> Result<Vec<u8>, ImportError> {
        self.import_str(program, from, path).map(String::into_bytes)
    }

    fn trace(&mut self, _: &mut Program<'p>, _: &str, _: &[EvalStackTraceItem]) {}

    fn native_call(
        &mut self,
        program: &mut Program<'p>,
        name: InternedStr<'p>,
        args: &[Value<'p>],
    ) -> Result<Value<'p>, NativeError> {
        let name = name.value();
        let text: Vec<String> = args.iter().map(arg_text).collect();
        let first = text.first().cloned().unwrap_or_default();
        // A lookup given by key (`tfstate:aws_lb.web.arn`), as for template calls.
        if !matches!(name, "env" | "must_env") {
            if let Some(v) = self.env.env.get(&format!("{name}:{}", text.join(" "))) {
                return Ok(Value::string(v));
            }
        }
        let value = match crate::syntax::template::base_function(name) {
            _ if name == "env" => match self.env.env.get(&first) {
                Some(v) => Value::string(v),
                // ecspresso's env(name, default): the default, whatever its type.
                None => args.get(1).cloned().unwrap_or_else(|| Value::string("")),
            },
            _ if name == "must_env" => match self.env.env.get(&first) {
                Some(v) => Value::string(v),
                None => self.unknown(name, &text),
            },
            "tfstate" => match self.env.tfstate.as_ref().and_then(|s| s.lookup(&first)) {
                Some(v) => Value::string(&v),
                None => self.unknown(name, &text),
            },
            "tfstatef" => {
                let (format, rest) = text.split_first().unwrap_or((&first, &[]));
                let rest: Vec<&str> = rest.iter().map(String::as_str).collect();
                let address = crate::syntax::tfstate::format_address(format, &rest);
                match self.env.tfstate.as_ref().and_then(|s| s.lookup(&address)) {
                    Some(v) => Value::string(&v),
                    None => self.unknown(name, &text),
                }
            }
            _ => self.unknown(name, &text),
        };
        let _ = program;
        Ok(value)
    }
}

impl<'p> Files<'_, '_, 'p> {
    fn unknown(&mut self, name: &str, args: &[String]) -> Value<'p> {
        let p = placeholder(name, args);
        if !self.placeholders.contains(&p) {
            self.placeholders.push(p.clone());
        }
        Value::string(&p)
    }
}

fn arg_text(value: &Value<'_>) -> String {
    if let Some(s) = value.to_string() {
        s
    } else if let Some(n) = value.as_number() {
        if n.fract() == 0.0 && n.abs() < 1e15 {
            format!("{n:.0}")
        } else {
            n.to_string()
        }
    } else if let Some(b) = value.as_bool() {
        b.to_string()
    } else {
        String::new()
    }
}

pub(super) fn evaluate(path: &str, text: &str, env: &Env<'_>) -> Outcome {
    let arena = Arena::new();
    let mut program = Program::new(&arena);
    program.set_max_stack(MAX_STACK);
    let path = crate::input::paths::normalize_path(path);

    // Natives and external variables are registered before evaluation: every name any
    // input of the run asks for (registering one twice would panic, hence the sets).
    let mut natives = BTreeSet::new();
    let mut ext = BTreeSet::new();
    for source in std::iter::once(text).chain(env.files.iter().map(|(_, t)| *t)) {
        for (name, _) in super::native_calls(source) {
            natives.insert(name);
        }
        for name in super::ext_vars(source) {
            ext.insert(name);
        }
    }
    for name in ["env", "must_env", "tfstate"] {
        natives.insert(name.to_string());
    }
    let params: Vec<InternedStr<'_>> = (0..4)
        .map(|i| program.intern_str(&format!("arg{i}")))
        .collect();
    for name in &natives {
        let arity = native_arity(name).min(params.len());
        let interned = program.intern_str(name);
        program.register_native_func(interned, params.get(..arity).unwrap_or(&[]));
    }
    let mut placeholders = Vec::new();
    for name in &ext {
        let value = match env.ext_str.get(name) {
            Some(v) => v.clone(),
            None => {
                let p = placeholder("extVar", std::slice::from_ref(name));
                placeholders.push(p.clone());
                p
            }
        };
        let thunk = program.value_to_thunk(&Value::string(&value));
        let interned = program.intern_str(name);
        program.add_ext_var(interned, &thunk);
    }

    let (main_ctx, _) = program.span_manager_mut().insert_source_context(text.len());
    let thunk = match program.load_source(main_ctx, text.as_bytes(), true, &path) {
        Ok(thunk) => thunk,
        Err(e) => {
            let (span, message) = load_error(&program, &e);
            return Outcome::Syntax {
                span: local_span(&program, span, main_ctx, text),
                message,
            };
        }
    };
    let mut files = Files {
        env,
        contexts: vec![(main_ctx, path.clone(), text)],
        cache: HashMap::new(),
        placeholders: Vec::new(),
        missing_import: None,
        import_error: None,
    };
    let result = program
        .eval_value(&thunk, &mut files)
        .and_then(|value| program.manifest_json(&value, true));
    // Placeholders from external variables count only when the file read them.
    let used_ext: Vec<String> = placeholders
        .into_iter()
        .filter(|p| files.placeholders.contains(p) || text.contains("extVar"))
        .collect();
    let mut all = used_ext;
    for p in std::mem::take(&mut files.placeholders) {
        if !all.contains(&p) {
            all.push(p);
        }
    }
    match result {
        Ok(json) => Outcome::Value {
            json,
            placeholders: all,
        },
        Err(error) => {
            let (span, mut message) = eval_error(&error);
            if let Some((file, why)) = files.import_error.take() {
                message = format!("`{file}` is not valid Jsonnet: {why}");
            }
            let span = span
                .filter(|s| program.span_manager().get_span(*s).0 == main_ctx)
                .or_else(|| trace_span(&program, &error, main_ctx));
            Outcome::Failed {
                span: span.map_or(Span::EMPTY, |s| {
                    local_span(&program, Some(s), main_ctx, text)
                }),
                message,
                missing_import: files.missing_import.take(),
                placeholders: all,
            }
        }
    }
}

/// The first place of the stack trace that lies in the main file.
fn trace_span(program: &Program<'_>, error: &EvalError, main: SpanContextId) -> Option<SpanId> {
    error.stack_trace.iter().find_map(|item| {
        let span = match item {
            EvalStackTraceItem::Expr { span }
            | EvalStackTraceItem::Variable { span, .. }
            | EvalStackTraceItem::Import { span } => Some(*span),
            EvalStackTraceItem::Call { span, .. }
            | EvalStackTraceItem::ArrayItem { span, .. }
            | EvalStackTraceItem::ObjectField { span, .. } => *span,
            _ => None,
        }?;
        (program.span_manager().get_span(span).0 == main).then_some(span)
    })
}

/// A span of the main file's text, on character boundaries; the file's start otherwise.
fn local_span(
    program: &Program<'_>,
    span: Option<SpanId>,
    main: SpanContextId,
    text: &str,
) -> Span {
    let Some(span) = span else {
        return Span::EMPTY;
    };
    let (ctx, start, end) = program.span_manager().get_span(span);
    if ctx != main {
        return Span::EMPTY;
    }
    let start = crate::input::span::floor_char_boundary(text, start.min(text.len()));
    let end = crate::input::span::floor_char_boundary(text, end.min(text.len())).max(start);
    Span::new(start, end)
}

fn type_name(t: EvalErrorValueType) -> &'static str {
    match t {
        EvalErrorValueType::Null => "null",
        EvalErrorValueType::Bool => "boolean",
        EvalErrorValueType::Number => "number",
        EvalErrorValueType::String => "string",
        EvalErrorValueType::Array => "array",
        EvalErrorValueType::Object => "object",
        EvalErrorValueType::Function => "function",
    }
}

fn load_error(program: &Program<'_>, error: &LoadError) -> (Option<SpanId>, String) {
    use rsjsonnet_lang::lexer::LexError as L;
    use rsjsonnet_lang::parser::ParseError as P;
    use rsjsonnet_lang::program::AnalyzeError as A;
    let _ = program;
    match error {
        LoadError::Lex(e) => match e {
            L::InvalidChar { span, chr } => (Some(*span), format!("unexpected character `{chr}`")),
            L::InvalidUtf8 { span, .. } => (Some(*span), "bytes that are not UTF-8".into()),
            L::UnfinishedMultilineComment { span } => {
                (Some(*span), "this `/*` comment is never closed".into())
            }
            L::UnfinishedString { span } => (Some(*span), "this string is never closed".into()),
            L::InvalidEscapeInString { span, chr } => {
                (Some(*span), format!("`\\{chr}` is not a string escape"))
            }
            L::LeadingZeroInNumber { span }
            | L::MissingFracDigits { span }
            | L::MissingExpDigits { span }
            | L::MissingDigitAfterUnderscore { span }
            | L::ExpOverflow { span } => (Some(*span), "this number is malformed".into()),
            L::IncompleteUnicodeEscape { span } | L::InvalidUtf16EscapeSequence { span, .. } => {
                (Some(*span), "this `\\u` escape is malformed".into())
            }
            L::MissingLineBreakAfterTextBlockStart { span }
            | L::MissingWhitespaceTextBlockStart { span }
            | L::InvalidTextBlockTermination { span } => {
                (Some(*span), "this `|||` text block is malformed".into())
            }
        },
        LoadError::Parse(P::Expected {
            span,
            expected,
            instead,
        }) => {
            let what = match instead {
                rsjsonnet_lang::parser::ActualToken::EndOfFile => "the end of the file".to_string(),
                rsjsonnet_lang::parser::ActualToken::Ident(i) => format!("`{i}`"),
                rsjsonnet_lang::parser::ActualToken::Simple(k) => {
                    format!("`{}`", token_str(*k))
                }
                rsjsonnet_lang::parser::ActualToken::OtherOp(op) => format!("`{op}`"),
                rsjsonnet_lang::parser::ActualToken::Number => "a number".into(),
                rsjsonnet_lang::parser::ActualToken::String => "a string".into(),
                rsjsonnet_lang::parser::ActualToken::TextBlock => "a text block".into(),
            };
            let wanted: Vec<String> = expected
                .iter()
                .take(6)
                .map(|t| match t {
                    rsjsonnet_lang::parser::ExpectedToken::EndOfFile => {
                        "the end of the file".to_string()
                    }
                    rsjsonnet_lang::parser::ExpectedToken::Simple(k) => {
                        format!("`{}`", token_str(*k))
                    }
                    rsjsonnet_lang::parser::ExpectedToken::Ident => "a name".into(),
                    rsjsonnet_lang::parser::ExpectedToken::Number => "a number".into(),
                    rsjsonnet_lang::parser::ExpectedToken::String => "a string".into(),
                    rsjsonnet_lang::parser::ExpectedToken::TextBlock => "a text block".into(),
                    rsjsonnet_lang::parser::ExpectedToken::Expr => "an expression".into(),
                    rsjsonnet_lang::parser::ExpectedToken::BinaryOp => "an operator".into(),
                })
                .collect();
            (
                Some(*span),
                format!("expected {}, found {what}", wanted.join(" or ")),
            )
        }
        LoadError::Analyze(e) => match e {
            A::UnknownVariable { span, name } => {
                (Some(*span), format!("unknown variable `{name}`"))
            }
            A::SelfOutsideObject { self_span } => {
                (Some(*self_span), "`self` outside an object".into())
            }
            A::SuperOutsideObject { super_span } => {
                (Some(*super_span), "`super` outside an object".into())
            }
            A::DollarOutsideObject { dollar_span } => {
                (Some(*dollar_span), "`$` outside an object".into())
            }
            A::RepeatedLocalName {
                repeated_span,
                name,
                ..
            } => (Some(*repeated_span), format!("`{name}` is declared twice")),
            A::RepeatedFieldName {
                repeated_span,
                name,
                ..
            } => (
                Some(*repeated_span),
                format!("the field `{name}` is written twice"),
            ),
            A::RepeatedParamName {
                repeated_span,
                name,
                ..
            } => (
                Some(*repeated_span),
                format!("the parameter `{name}` is written twice"),
            ),
            A::PositionalArgAfterNamed { arg_span } => (
                Some(*arg_span),
                "a positional argument after a named one".into(),
            ),
            A::TextBlockAsImportPath { span } | A::ComputedImportPath { span } => (
                Some(*span),
                "an import path must be a plain string literal".into(),
            ),
        },
    }
}

fn eval_error(error: &EvalError) -> (Option<SpanId>, String) {
    use EvalErrorKind as K;
    match &error.kind {
        K::StackOverflow => (None, "the evaluation went too deep (stack overflow)".into()),
        K::InfiniteRecursion => (None, "a value is defined in terms of itself".into()),
        K::InvalidIndexedType { span, got_type } => (
            Some(*span),
            format!("a {} cannot be indexed", type_name(*got_type)),
        ),
        K::NumericIndexOutOfRange {
            span,
            index,
            length,
        } => (
            Some(*span),
            format!("index {index} is out of range (length {length})"),
        ),
        K::UnknownObjectField { span, field_name } => (
            Some(*span),
            format!("the object has no field `{field_name}`"),
        ),
        K::FieldOfNonObject { span } => (
            Some(*span),
            "a field of something that is not an object".into(),
        ),
        K::CondIsNotBool { span, got_type } => (
            Some(*span),
            format!("the condition is a {}, not a boolean", type_name(*got_type)),
        ),
        K::CalleeIsNotFunction { span, got_type } => (
            *span,
            format!("a {} is called as a function", type_name(*got_type)),
        ),
        K::TooManyCallArgs { span, num_params } => (
            *span,
            format!("too many arguments (the function takes {num_params})"),
        ),
        K::CallParamNotBound { span, param_name } => {
            (*span, format!("the argument `{param_name}` is missing"))
        }
        K::InvalidBinaryOpTypes {
            span,
            op,
            lhs_type,
            rhs_type,
        } => (
            *span,
            format!(
                "`{}` cannot combine a {} and a {}",
                op_str(*op),
                type_name(*lhs_type),
                type_name(*rhs_type)
            ),
        ),
        K::InvalidStdFuncArgType {
            func_name,
            got_type,
            ..
        } => (
            None,
            format!("`std.{func_name}` got a {}", type_name(*got_type)),
        ),
        K::AssertFailed { span, message } => (
            Some(*span),
            match message {
                Some(m) => format!("assertion failed: {m}"),
                None => "assertion failed".into(),
            },
        ),
        K::ExplicitError { span, message } => (Some(*span), format!("error: {message}")),
        K::ImportFailed { span, path } => (Some(*span), format!("cannot import `{path}`")),
        K::UnknownExtVar { name } => (None, format!("the external variable `{name}` is not set")),
        K::ManifestFunction => (None, "a function cannot be turned into JSON".into()),
        K::Other { span, message } => (*span, message.clone()),
        other => (None, format!("evaluation failed ({})", short_kind(other))),
    }
}

fn token_str(k: rsjsonnet_lang::token::STokenKind) -> &'static str {
    use rsjsonnet_lang::token::STokenKind as T;
    match k {
        T::Assert => "assert",
        T::Else => "else",
        T::Error => "error",
        T::False => "false",
        T::For => "for",
        T::Function => "function",
        T::If => "if",
        T::Import => "import",
        T::Importstr => "importstr",
        T::Importbin => "importbin",
        T::In => "in",
        T::Local => "local",
        T::Null => "null",
        T::Tailstrict => "tailstrict",
        T::Then => "then",
        T::Self_ => "self",
        T::Super => "super",
        T::True => "true",
        T::Exclam => "!",
        T::ExclamEq => "!=",
        T::Dollar => "$",
        T::Percent => "%",
        T::Amp => "&",
        T::AmpAmp => "&&",
        T::LeftParen => "(",
        T::RightParen => ")",
        T::Asterisk => "*",
        T::Plus => "+",
        T::PlusColon => "+:",
        T::PlusColonColon => "+::",
        T::PlusColonColonColon => "+:::",
        T::Comma => ",",
        T::Minus => "-",
        T::Dot => ".",
        T::Slash => "/",
        T::Colon => ":",
        T::ColonColon => "::",
        T::ColonColonColon => ":::",
        T::Semicolon => ";",
        T::Lt => "<",
        T::LtLt => "<<",
        T::LtEq => "<=",
        T::Eq => "=",
        T::EqEq => "==",
        T::Gt => ">",
        T::GtEq => ">=",
        T::GtGt => ">>",
        T::LeftBracket => "[",
        T::RightBracket => "]",
        T::Hat => "^",
        T::LeftBrace => "{",
        T::Pipe => "|",
        T::PipePipe => "||",
        T::RightBrace => "}",
        T::Tilde => "~",
    }
}

fn op_str(op: rsjsonnet_lang::ast::BinaryOp) -> &'static str {
    use rsjsonnet_lang::ast::BinaryOp as B;
    match op {
        B::Add => "+",
        B::Sub => "-",
        B::Mul => "*",
        B::Div => "/",
        B::Rem => "%",
        B::Shl => "<<",
        B::Shr => ">>",
        B::Lt => "<",
        B::Le => "<=",
        B::Gt => ">",
        B::Ge => ">=",
        B::Eq => "==",
        B::Ne => "!=",
        B::In => "in",
        B::BitwiseAnd => "&",
        B::BitwiseOr => "|",
        B::BitwiseXor => "^",
        B::LogicAnd => "&&",
        B::LogicOr => "||",
    }
}

/// The variant's name, for the rare errors without their own message.
fn short_kind(kind: &EvalErrorKind) -> String {
    let debug = format!("{kind:?}");
    debug
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("error")
        .to_string()
}
