//! Jsonnet for ecspresso: configs and definitions written in Jsonnet.
//!
//! - [`plain_literal`] reads a file that is plain data (an object literal with no `local`,
//!   `import`, `std`, operators or calls) straight into the shared [`Node`] tree, with exact spans.
//! - [`evaluate`] runs any other Jsonnet through rsjsonnet-lang (feature `jsonnet`) with
//!   ecspresso's native functions: `std.native('env')(name, default)`,
//!   `std.native('must_env')(name)`, plugin functions such as `std.native('tfstate')(address)`,
//!   and `std.extVar`. Nothing is read from the machine: an unset variable becomes a placeholder
//!   (`{{ must_env `NAME` }}`) that rules treat as unknown, a tfstate address is answered by a
//!   state given to the run, and `import` reads the other inputs of the run.
//! - [`remap`] points the nodes of the evaluated JSON back at the Jsonnet source (by finding each
//!   key and value in it), so findings land on a line of the file the user wrote.

use crate::input::span::Span;
use crate::syntax::tfstate::TfState;
#[cfg(test)]
use crate::syntax::value::{Node, NodeKind};
use std::collections::BTreeMap;

/// The IN012 messages (their Japanese: `rules/input/in012_jsonnet_error.ja.msg`); the
/// evaluator's own message stays English, as `jsonnet FILE` prints it.
pub mod in012 {
    crate::messages! {
        "IN012";
        ERROR = "Jsonnet error: {message}";
        FAILED = "Jsonnet evaluation failed: {message}";
        HELP_FIX = "fix the Jsonnet so it evaluates (`jsonnet FILE` shows the same error)";
    }
}

/// The EP010 messages (their Japanese: `rules/ecspresso/ep010_jsonnet_not_evaluated.ja.msg`): why
/// a Jsonnet file was not evaluated, said once by the reader that tried
/// (`ecspresso::read_jsonnet`); where no evaluator was at hand, the run's [`Env::evaluator`]
/// picks the sentence. The evaluator's own message stays English, as `jsonnet FILE` prints it.
pub mod ep010 {
    use super::Evaluator;
    use crate::input::diagnostic::Diagnostic;
    use crate::input::kind::Kind;
    use crate::input::msg::Msg;
    use crate::input::span::Span;

    crate::messages! {
        "EP010";
        MISSING_IMPORT = "this Jsonnet {kind} imports `{import}`, which is not among the linted files, so it was not evaluated and its checks were skipped";
        HELP_IMPORTS = "lint it together with the files it imports";
        NEEDS_VALUES = "this Jsonnet {kind} could not be evaluated without real values for {values}: {message}";
        HELP_VALUES = "give the values (environment, `--ext-str`, a tfstate file) or lint its rendered JSON (`ecspresso render`)";
        UNAVAILABLE = "this Jsonnet {kind} was not evaluated, so its checks were skipped";
        HELP_CLI = "Jsonnet is evaluated by the ecsplain CLI; or lint its rendered JSON (`ecspresso render` or `jsonnet FILE`)";
        LOADING = "this Jsonnet {kind} is waiting for the Jsonnet evaluator, which is loading";
        HELP_LOADING = "its findings appear once the evaluator is loaded (a second download, only for Jsonnet projects)";
        LOAD_FAILED = "this Jsonnet {kind} was not evaluated: the page could not load its Jsonnet evaluator ({why})";
        HELP_RELOAD = "reload the page, or lint it with the ecsplain CLI (`ecsplain lint`), which evaluates Jsonnet";
        TASK_DEF = "task definition";
        SERVICE_DEF = "service definition";
        DOCKERFILE = "Dockerfile";
        ECSPRESSO = "ecspresso config";
        TERRAFORM = "Terraform file";
        CLOUDFORMATION = "CloudFormation template";
        FILE = "file";
    }

    /// `Kind::noun` keyed, and "file" for a file of no known kind.
    pub fn noun(kind: Option<Kind>) -> Msg {
        match kind {
            Some(Kind::TaskDef) => crate::msg!(TASK_DEF),
            Some(Kind::ServiceDef) => crate::msg!(SERVICE_DEF),
            Some(Kind::Dockerfile) => crate::msg!(DOCKERFILE),
            Some(Kind::Ecspresso) => crate::msg!(ECSPRESSO),
            Some(Kind::Terraform) => crate::msg!(TERRAFORM),
            Some(Kind::CloudFormation) => crate::msg!(CLOUDFORMATION),
            None => crate::msg!(FILE),
        }
    }

    /// The EP010 note on a Jsonnet file of `kind` that no evaluator could evaluate, at `span`:
    /// why, as the front end knows it ([`Evaluator`]: the page's is still loading, or could not
    /// be loaded; else this build has none).
    pub fn no_evaluator(span: Span, kind: Option<Kind>, evaluator: &Evaluator) -> Diagnostic {
        let kind = noun(kind);
        let (message, help) = match evaluator {
            Evaluator::Ready => (crate::msg!(UNAVAILABLE, kind = kind), crate::msg!(HELP_CLI)),
            Evaluator::Loading => (crate::msg!(LOADING, kind = kind), crate::msg!(HELP_LOADING)),
            Evaluator::Failed(why) => (
                crate::msg!(LOAD_FAILED, kind = kind, why = why),
                crate::msg!(HELP_RELOAD),
            ),
        };
        let mut d = crate::input::codes::EP010.diag_msg(span, message);
        d.set_help_msg(help);
        d
    }
}

/// Where the Jsonnet evaluator is, as the front end knows it (the page loads it as a second
/// module; the CLI has it built in). Only says why a file was not evaluated when no evaluator
/// was at hand ([`ep010::no_evaluator`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Evaluator {
    /// Built in, or loaded ([`set_external`]).
    #[default]
    Ready,
    /// Being loaded.
    Loading,
    /// Could not be loaded, and why.
    Failed(String),
}

mod choice;
#[cfg(any(
    all(feature = "jsonnet", not(target_arch = "wasm32")),
    feature = "jsonnet-wasm"
))]
mod eval;
mod literal;
mod remap;
mod scan;
mod wire;

pub use choice::{available, evaluate, evaluate_via, set_external, MAX_NESTING};
pub use literal::plain_literal;
pub use remap::remap;
pub use scan::{ext_vars, import_path, imports, native_calls};
#[cfg(any(
    all(feature = "jsonnet", not(target_arch = "wasm32")),
    feature = "jsonnet-wasm"
))]
pub use wire::answer;
pub use wire::{read_response, request, response};

const MAX_DEPTH: usize = 64;

/// What an evaluation may read besides the file itself: the other inputs of the run (for
/// `import`), a Terraform state, environment and external variables. Built from the inputs; no IO.
#[derive(Debug, Default)]
pub struct Env<'a> {
    /// `(normalised path, text)` of every input of the run.
    pub files: Vec<(String, &'a str)>,
    pub tfstate: Option<TfState>,
    pub env: BTreeMap<String, String>,
    pub ext_str: BTreeMap<String, String>,
    /// Where the evaluator is when this build has none at hand (the page's: loading, or failed):
    /// what EP010 says then.
    pub evaluator: Evaluator,
}

impl<'a> Env<'a> {
    /// The inputs of a lint run; the first input that is a Terraform state answers `tfstate`.
    pub fn from_inputs(inputs: &'a [crate::input::Input]) -> Env<'a> {
        let tfstate = inputs
            .iter()
            .filter(|i| crate::syntax::tfstate::is_tfstate(&i.path, &i.text))
            .find_map(|i| TfState::parse(&i.text));
        Env {
            files: inputs
                .iter()
                .map(|i| {
                    (
                        crate::input::paths::normalize_path(&i.path),
                        i.text.as_str(),
                    )
                })
                .collect(),
            tfstate,
            env: BTreeMap::new(),
            ext_str: BTreeMap::new(),
            evaluator: Evaluator::Ready,
        }
    }

    /// The inputs of a lint run and the values given for it: what evaluation may read (the
    /// other inputs for imports, a Terraform state, environment and external variables).
    pub fn with_vars(inputs: &'a [crate::input::Input], vars: &crate::input::Vars) -> Env<'a> {
        let mut env = Env::from_inputs(inputs);
        env.env.clone_from(&vars.env);
        env.ext_str.clone_from(&vars.ext_str);
        env
    }

    #[cfg_attr(
        not(any(
            all(feature = "jsonnet", not(target_arch = "wasm32")),
            feature = "jsonnet-wasm"
        )),
        allow(dead_code)
    )]
    fn file(&self, path: &str) -> Option<&'a str> {
        self.files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, text)| *text)
    }

    /// An imported path as Jsonnet resolves it: next to the importing file, then from the run's
    /// root, then any input whose path ends with it.
    #[cfg_attr(
        not(any(
            all(feature = "jsonnet", not(target_arch = "wasm32")),
            feature = "jsonnet-wasm"
        )),
        allow(dead_code)
    )]
    fn resolve_import(&self, importer: &str, written: &str) -> Option<(String, &'a str)> {
        let beside =
            crate::input::paths::resolve(crate::input::paths::folder_of(importer), written);
        if let Some(text) = self.file(&beside) {
            return Some((beside, text));
        }
        let plain = crate::input::paths::normalize_path(written);
        if let Some(text) = self.file(&plain) {
            return Some((plain, text));
        }
        let suffix = format!("/{plain}");
        self.files
            .iter()
            .find(|(p, _)| p.ends_with(&suffix))
            .map(|(p, text)| (p.clone(), *text))
    }
}

/// The result of [`evaluate`].
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The JSON the file evaluates to, and the values that were placeholders in it.
    Value {
        json: String,
        placeholders: Vec<String>,
    },
    /// The file is not valid Jsonnet (lexing, parsing, unknown variable...).
    Syntax { span: Span, message: String },
    /// Evaluation stopped. `missing_import` names an imported file that is not among the inputs;
    /// `placeholders` lists the unknown values used before the error (the error may come from
    /// them rather than from the file).
    Failed {
        span: Span,
        message: String,
        missing_import: Option<String>,
        placeholders: Vec<String>,
    },
    /// ecsplain was built without the Jsonnet evaluator (feature `jsonnet`).
    Unavailable,
}

/// The number of arguments ecspresso's native functions take (by name without prefix).
#[cfg_attr(
    not(any(
        all(feature = "jsonnet", not(target_arch = "wasm32")),
        feature = "jsonnet-wasm"
    )),
    allow(dead_code)
)]
fn native_arity(name: &str) -> usize {
    let base = crate::syntax::template::base_function(name);
    match base {
        "env" | "cfn_output" | "ssm_list" => 2,
        _ => 1,
    }
}

/// A placeholder for a value ecsplain does not know, in ecspresso's template form so every rule
/// sees an unknown value (never a bad one).
#[cfg_attr(
    not(any(
        all(feature = "jsonnet", not(target_arch = "wasm32")),
        feature = "jsonnet-wasm"
    )),
    allow(dead_code)
)]
fn placeholder(func: &str, args: &[String]) -> String {
    let mut out = format!("{{{{ {func}");
    for a in args {
        out.push_str(&format!(" `{a}`"));
    }
    out.push_str(" }}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ep010_kind_nouns_say_what_kind_says() {
        for kind in crate::input::kind::Kind::ALL {
            assert_eq!(ep010::noun(Some(kind)).en(), kind.noun());
        }
        assert_eq!(ep010::noun(None).en(), "file");
    }

    #[test]
    fn plain_objects_are_read() {
        let text = "{\n  region: 'ap-northeast-1', // c\n  \"cluster\": \"x\",\n  timeout: '10m0s',\n  plugins: [{ name: 'tfstate', config: { path: 'a' } },],\n}\n";
        let node = plain_literal(text).unwrap();
        assert_eq!(node.get_str("region"), Some("ap-northeast-1"));
        assert_eq!(node.member("region").unwrap().key_span.text(text), "region");
        assert_eq!(
            node.pointer("/plugins/0/name").unwrap().as_str(),
            Some("tfstate")
        );
    }

    #[cfg(any(
        all(feature = "jsonnet", not(target_arch = "wasm32")),
        feature = "jsonnet-wasm"
    ))]
    fn eval_json(text: &str, env: &Env<'_>) -> serde_json::Value {
        match evaluate("ecs/td.jsonnet", text, env) {
            Outcome::Value { json, .. } => serde_json::from_str(&json).unwrap(),
            other => panic!("{other:?}"),
        }
    }

    #[cfg(any(
        all(feature = "jsonnet", not(target_arch = "wasm32")),
        feature = "jsonnet-wasm"
    ))]
    #[test]
    fn natives_give_values_or_placeholders() {
        let text = "local env = std.native('env');\nlocal must_env = std.native('must_env');\n{\n  cpu: env('CPU', '256'),\n  mem: env('MEM', 512),\n  image: must_env('IMAGE'),\n  role: std.native('tfstate')('aws_iam_role.x.arn'),\n  sg: std.native('net_cfn_output')('stack', 'Sg'),\n  tag: std.extVar('TAG'),\n  known: std.extVar('KNOWN'),\n}";
        let mut env = Env::default();
        env.ext_str.insert("KNOWN".into(), "v1".into());
        let v = eval_json(text, &env);
        assert_eq!(v["cpu"], "256");
        assert_eq!(v["mem"], 512);
        assert_eq!(v["image"], "{{ must_env `IMAGE` }}");
        assert_eq!(v["role"], "{{ tfstate `aws_iam_role.x.arn` }}");
        assert_eq!(v["sg"], "{{ net_cfn_output `stack` `Sg` }}");
        assert_eq!(v["tag"], "{{ extVar `TAG` }}");
        assert_eq!(v["known"], "v1");
        for key in ["image", "role", "sg", "tag"] {
            assert!(crate::syntax::value::is_placeholder_text(
                v[key].as_str().unwrap()
            ));
        }
        env.env.insert("IMAGE".into(), "nginx:1".into());
        env.env.insert("CPU".into(), "1024".into());
        env.tfstate = crate::syntax::tfstate::TfState::parse(
            r#"{"version":4,"terraform_version":"1.9.0","resources":[{"mode":"managed","type":"aws_iam_role","name":"x","instances":[{"attributes":{"arn":"arn:aws:iam::1:role/x"}}]}]}"#,
        );
        let v = eval_json(text, &env);
        assert_eq!(v["image"], "nginx:1");
        assert_eq!(v["cpu"], "1024");
        assert_eq!(v["role"], "arn:aws:iam::1:role/x");
    }

    #[cfg(any(
        all(feature = "jsonnet", not(target_arch = "wasm32")),
        feature = "jsonnet-wasm"
    ))]
    #[test]
    fn imports_read_the_other_inputs() {
        let lib = "{ essential: true, image: importstr 'image.txt' }";
        let env = Env {
            files: vec![
                ("ecs/lib/c.libsonnet".into(), lib),
                ("ecs/lib/image.txt".into(), "nginx:1.27"),
            ],
            ..Env::default()
        };
        let v = eval_json(
            "local c = import 'lib/c.libsonnet'; { containerDefinitions: [c { name: 'a' }] }",
            &env,
        );
        assert_eq!(v["containerDefinitions"][0]["image"], "nginx:1.27");
        assert_eq!(v["containerDefinitions"][0]["name"], "a");
        match evaluate(
            "ecs/td.jsonnet",
            "local c = import 'missing.libsonnet'; c",
            &env,
        ) {
            Outcome::Failed {
                missing_import,
                span,
                ..
            } => {
                assert_eq!(missing_import.as_deref(), Some("missing.libsonnet"));
                assert_eq!(span, Span::new(10, 36));
            }
            other => panic!("{other:?}"),
        }
        // An import cycle is an error, not a hang.
        let env = Env {
            files: vec![("ecs/a.libsonnet".into(), "import 'a.libsonnet'")],
            ..Env::default()
        };
        assert!(matches!(
            evaluate("ecs/td.jsonnet", "import 'a.libsonnet'", &env),
            Outcome::Failed { .. }
        ));
    }

    #[cfg(any(
        all(feature = "jsonnet", not(target_arch = "wasm32")),
        feature = "jsonnet-wasm"
    ))]
    #[test]
    fn errors_point_at_the_source() {
        let env = Env::default();
        let text = "{\n  a: 1,\n  b: nope,\n}";
        match evaluate("x.jsonnet", text, &env) {
            Outcome::Syntax { span, message } => {
                assert_eq!(span.text(text), "nope");
                assert!(message.contains("nope"), "{message}");
            }
            other => panic!("{other:?}"),
        }
        let text = "local o = { a: 1 };\n{ b: o.c }";
        match evaluate("x.jsonnet", text, &env) {
            Outcome::Failed {
                span,
                message,
                placeholders,
                ..
            } => {
                assert!(span.text(text).contains("o.c"), "{span:?}");
                assert!(message.contains('c'), "{message}");
                assert!(placeholders.is_empty());
            }
            other => panic!("{other:?}"),
        }
        let text = "{ cpu: std.parseInt(std.native('must_env')('CPU')) }";
        match evaluate("x.jsonnet", text, &env) {
            Outcome::Failed { placeholders, .. } => {
                assert_eq!(placeholders, ["{{ must_env `CPU` }}"]);
            }
            other => panic!("{other:?}"),
        }
    }

    /// Deep nesting and runaway recursion end as findings, within a small machine stack (the
    /// page runs in wasm32 with a 1 MiB stack).
    #[cfg(any(
        all(feature = "jsonnet", not(target_arch = "wasm32")),
        feature = "jsonnet-wasm"
    ))]
    #[test]
    fn deep_inputs_do_not_overflow_the_stack() {
        let handle = std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(|| {
                let env = Env::default();
                let open = "[".repeat(20_000);
                let _ = evaluate("x.jsonnet", &open, &env);
                let closed = format!("{open}{}", "]".repeat(20_000));
                let _ = evaluate("x.jsonnet", &closed, &env);
                let objects = format!("{}{}", "{a:".repeat(5_000), "}".repeat(5_000));
                let _ = evaluate("x.jsonnet", &objects, &env);
                let built = "local f(n) = if n == 0 then {} else { a: f(n - 1) }; f(5000)";
                let _ = evaluate("x.jsonnet", built, &env);
                let built = "local f(n) = if n == 0 then [] else [f(n - 1)]; f(5000)";
                let _ = evaluate("x.jsonnet", built, &env);
                let recursion = "local f(n) = f(n + 1) + 1; f(0)";
                assert!(matches!(
                    evaluate("x.jsonnet", recursion, &env),
                    Outcome::Failed { .. }
                ));
                let text = format!("{{ a: {closed} }}");
                if let Outcome::Value { json, .. } = evaluate("x.jsonnet", &text, &env) {
                    let mut root = crate::syntax::json::parse(&json).root.unwrap();
                    remap(&mut root, &text);
                }
            })
            .unwrap();
        assert!(handle.join().is_ok());
    }

    #[cfg(any(
        all(feature = "jsonnet", not(target_arch = "wasm32")),
        feature = "jsonnet-wasm"
    ))]
    #[test]
    fn evaluated_nodes_point_at_the_source() {
        let text = "local c = { name: 'web', essential: true };\n{\n  family: 'app',\n  containerDefinitions: [\n    c { image: 'nginx' },\n    c { name: 'side', image: 'envoy' },\n  ],\n}\n";
        let json = match evaluate("td.jsonnet", text, &Env::default()) {
            Outcome::Value { json, .. } => json,
            other => panic!("{other:?}"),
        };
        let mut root = crate::syntax::json::parse(&json).root.unwrap();
        remap(&mut root, text);
        assert_eq!(root.member("family").unwrap().key_span.text(text), "family");
        assert_eq!(root.get("family").unwrap().span.text(text), "'app'");
        let second = root.pointer("/containerDefinitions/1/name").unwrap();
        assert_eq!(second.span.text(text), "'side'");
        let image = root.pointer("/containerDefinitions/1/image").unwrap();
        assert_eq!(image.span.text(text), "'envoy'");
        // Spans are always inside the text.
        fn check(node: &Node, text: &str) {
            assert!(text.get(node.span.range()).is_some());
            match &node.kind {
                NodeKind::Object(o) => o.members.iter().for_each(|m| {
                    assert!(text.get(m.key_span.range()).is_some());
                    check(&m.value, text);
                }),
                NodeKind::Array(items) => items.iter().for_each(|i| check(i, text)),
                _ => {}
            }
        }
        check(&root, text);
    }

    /// The page evaluates through a second wasm module: request, the built-in evaluator there,
    /// response. Whatever side evaluates, the outcome is the same.
    #[cfg(any(
        all(feature = "jsonnet", not(target_arch = "wasm32")),
        feature = "jsonnet-wasm"
    ))]
    #[test]
    fn the_external_path_gives_the_same_outcomes() {
        let state = r#"{"version":4,"terraform_version":"1.9.0","resources":[{"mode":"managed","type":"aws_iam_role","name":"x","instances":[{"attributes":{"arn":"arn:aws:iam::1:role/x"}}]}]}"#;
        let lib = "{ essential: true, image: importstr 'image.txt', role: std.native('tfstate')('aws_iam_role.x.arn') }";
        let mut env = Env {
            files: vec![
                ("ecs/lib/c.libsonnet".into(), lib),
                ("ecs/lib/image.txt".into(), "nginx:1.27"),
                ("terraform.tfstate".into(), state),
                ("ecs/other.json".into(), "{}"),
            ],
            tfstate: crate::syntax::tfstate::TfState::parse(state),
            ..Env::default()
        };
        env.ext_str.insert("TAG".into(), "v1".into());
        env.env.insert("CPU".into(), "512".into());
        let texts = [
            "local c = import 'lib/c.libsonnet'; { cpu: std.native('env')('CPU', '256'), tag: std.extVar('TAG'), other: std.extVar('OTHER'), containerDefinitions: [c { name: 'é' }] }",
            "{\n  a: 1,\n  b: nope,\n}",
            "local o = { a: 1 };\n// é\n{ b: o.c }",
            "local c = import 'missing.libsonnet'; c",
            "{ cpu: std.parseInt(std.native('must_env')('MEM')) }",
            "{ a: 'é\\u00e9', b: [1, 2.5, true, null] }",
            "{ a: 'x",
        ];
        for text in texts {
            let direct = evaluate("ecs/td.jsonnet", text, &env);
            let via = evaluate_via(answer, "ecs/td.jsonnet", text, &env);
            assert_eq!(direct, via, "{text}");
        }
        // What a broken module answers: read as "not evaluated", spans kept inside the text.
        assert_eq!(read_response("", "x"), Outcome::Unavailable);
        assert_eq!(read_response("[1]", "x"), Outcome::Unavailable);
        assert_eq!(answer("not json"), response(&Outcome::Unavailable));
        match read_response(
            r#"{"kind":"syntax","start":2,"end":99,"message":"m"}"#,
            "aé",
        ) {
            Outcome::Syntax { span, .. } => assert_eq!(span, Span::new(1, 3)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn requests_are_json() {
        let mut env = Env {
            files: vec![("a \"b\".jsonnet".into(), "x\n\t\u{1}é\\")],
            ..Env::default()
        };
        env.env.insert("K\"".into(), "v\r".into());
        env.ext_str.insert("E".into(), "w".into());
        let text = request("p\\q.jsonnet", "import 'a \"b\".jsonnet' + '\u{7f}'", &env);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            value,
            serde_json::json!({
                "path": "p\\q.jsonnet", "text": "import 'a \"b\".jsonnet' + '\u{7f}'",
                "files": [["a \"b\".jsonnet", "x\n\t\u{1}é\\"]],
                "env": {"K\"": "v\r"}, "ext_str": {"E": "w"},
            })
        );
    }

    #[test]
    fn requests_carry_what_evaluation_may_read() {
        let env = Env {
            files: vec![
                ("ecs/lib/c.libsonnet".into(), "importstr 'image.txt'"),
                ("ecs/lib/image.txt".into(), "nginx"),
                ("ecs/big.json".into(), "{}"),
            ],
            ..Env::default()
        };
        let request: serde_json::Value =
            serde_json::from_str(&request("ecs/td.jsonnet", "import 'lib/c.libsonnet'", &env))
                .unwrap();
        let files = request["files"].as_array().unwrap();
        assert_eq!(files.len(), 2, "{files:?}");
        assert_eq!(request["path"], "ecs/td.jsonnet");
    }

    #[test]
    fn native_and_ext_var_names_are_found() {
        let text =
            "local t = std.native( 'tfstate');\nstd.extVar(\"A\") + std.native(x) + std.extVar('')";
        let natives = native_calls(text);
        assert_eq!(natives.len(), 1);
        assert_eq!(natives[0].0, "tfstate");
        assert_eq!(natives[0].1.text(text), "tfstate");
        assert_eq!(ext_vars(text), ["A"]);
    }

    #[test]
    fn imports_are_listed() {
        let text = "local a = import 'lib/a.libsonnet';\nlocal b = importstr \"b.txt\";\n// reimport 'no'\nlocal c = import'lib/a.libsonnet'; importbin 'd.bin' + import 'é.libsonnet' + import";
        assert_eq!(
            imports(text),
            ["lib/a.libsonnet", "b.txt", "d.bin", "é.libsonnet"]
        );
        assert_eq!(
            import_path("x/td.jsonnet", "../lib/a.libsonnet"),
            "lib/a.libsonnet"
        );
    }

    #[test]
    fn code_is_not_evaluated() {
        for text in [
            "local a = 1; { a: a }",
            "{ a: std.extVar('x') }",
            "{ a: 1 } + { b: 2 }",
            "{ a+: [1] }",
            "(import 'x.libsonnet') { }",
            "{ a: 'x",
            "",
            "[[[[[[",
        ] {
            assert!(plain_literal(text).is_none(), "{text}");
        }
        let deep = "[".repeat(10_000);
        assert!(plain_literal(&deep).is_none());
    }
}
