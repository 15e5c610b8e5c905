//! The lowest layer: what a run is given (its inputs and the values of their variables), the
//! kinds of input, paths between inputs, byte spans and line indexes, the diagnostics everything
//! above emits, and the codes the readers below the rules report ([`codes`]).

pub mod codes;
pub mod detect;
pub mod diagnostic;
pub mod kind;
pub mod module;
pub mod msg;
pub mod number;
pub mod order;
pub mod paths;
pub mod span;
pub mod text;

pub use kind::Kind;

/// One text to lint.
#[derive(Debug, Clone)]
pub struct Input {
    /// A path for messages and for resolving references between inputs (`ecspresso.yml` names
    /// `ecs-task-def.json` relative to its own folder).
    pub path: String,
    pub text: String,
    /// The kind, when the caller knows it (a pane of the page, `--kind`); otherwise detected.
    pub kind: Option<Kind>,
}

impl Input {
    pub fn new(path: impl Into<String>, text: impl Into<String>, kind: Option<Kind>) -> Input {
        Input {
            path: path.into(),
            text: text.into(),
            kind,
        }
    }
}

/// Values the user gives for a project's template variables (`{{ env }}`, `{{ must_env }}`) and
/// Jsonnet external variables (`std.extVar`): the CLI's `--var`, `--env-file` and `--ext-str`, the
/// page's variables panel. A name without a value stays a placeholder, never an error.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vars {
    /// Environment variables, by name, for `env`/`must_env` and Jsonnet's `std.native('env')`;
    /// also other lookups by key (`tfstate:aws_lb.web.arn`, `ssm:/app/db`: the function as
    /// written, `:`, its literal arguments joined by spaces). See
    /// [`crate::models::ecspresso::Variable::assign`].
    pub env: std::collections::BTreeMap<String, String>,
    /// Jsonnet external variables, by name, for `std.extVar`.
    pub ext_str: std::collections::BTreeMap<String, String>,
}
