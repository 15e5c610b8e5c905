//! Every input of one lint run, parsed: what cross-file checks see.

use crate::input::Kind;
use crate::syntax::dockerfile::Dockerfile;
use crate::syntax::value::Node;

/// One input after parsing.
pub struct ParsedInput<'a> {
    pub path: &'a str,
    /// The text the parser read: the rendered text when templates were rendered.
    pub text: &'a str,
    /// The text as written.
    pub source: &'a str,
    /// How `text` was rendered from `source`, when it was.
    pub rendered: Option<&'a crate::syntax::template::Rendered>,
    pub kind: Option<Kind>,
    pub model: Model,
    /// An ecspresso config among the inputs names this file (`task_definition` or
    /// `service_definition`).
    pub named_by_config: bool,
    /// A Terraform or CloudFormation service: the input of the task definition resource its
    /// `task_definition` / `TaskDefinition` refers to, when that resource is in the run.
    pub task_input: Option<usize>,
}

/// What the parser of the input's kind built.
pub enum Model {
    /// Task definitions, service definitions and ecspresso configs: a JSON or YAML tree.
    Tree(Option<Node>),
    Dockerfile(Dockerfile),
    /// A Terraform file or CloudFormation template: its task and service definitions, each
    /// checked as one (`crate::models::iac`). The lint run gives each its own entry among the inputs
    /// that rules see, with the file's text and path.
    Iac(Vec<crate::models::iac::Resource>),
    /// The kind is unknown: nothing was parsed.
    None,
}

impl ParsedInput<'_> {
    /// A span of the source as a span of `text`, where rules report (findings are mapped back
    /// to the source afterwards): a span inside a rendered action becomes that action's output.
    pub fn from_source(&self, span: crate::input::span::Span) -> crate::input::span::Span {
        self.rendered.map_or(span, |r| r.forward(span))
    }

    pub fn tree(&self) -> Option<&Node> {
        match &self.model {
            Model::Tree(root) => root.as_ref(),
            _ => None,
        }
    }

    pub fn dockerfile(&self) -> Option<&Dockerfile> {
        match &self.model {
            Model::Dockerfile(d) => Some(d),
            _ => None,
        }
    }
}

pub struct ProjectCtx<'a> {
    pub inputs: &'a [ParsedInput<'a>],
    /// Which Dockerfile builds which task container, as `(Dockerfile input, task input,
    /// container index)`: found once per run, asked for by every Dockerfile-vs-task rule
    /// (`rules/crossfile/pairing_docker.rs`).
    pub(crate) docker_pairing: std::cell::OnceCell<Vec<(usize, usize, usize)>>,
}

impl<'a> ProjectCtx<'a> {
    pub fn new(inputs: &'a [ParsedInput<'a>]) -> ProjectCtx<'a> {
        ProjectCtx {
            inputs,
            docker_pairing: std::cell::OnceCell::new(),
        }
    }
}
