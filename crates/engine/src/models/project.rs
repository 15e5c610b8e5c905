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
    /// container index, how it was decided)`: found once per run, asked for by every
    /// Dockerfile-vs-task rule (`rules/crossfile/pairing_docker.rs`).
    pub(crate) docker_pairing: std::cell::OnceCell<Vec<(usize, usize, usize, DockerBy)>>,
}

impl<'a> ProjectCtx<'a> {
    pub fn new(inputs: &'a [ParsedInput<'a>]) -> ProjectCtx<'a> {
        ProjectCtx {
            inputs,
            docker_pairing: std::cell::OnceCell::new(),
        }
    }
}

/// A pairing the cross-file rules read: which task definition a service runs
/// (`rules/servicedef/pairing.rs`), which task container runs the image a Dockerfile builds
/// (`rules/crossfile/pairing_docker.rs`). The lint run reports the pairings its rules used
/// (`lint::Report::pairings`), so the front ends show them without deciding them again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pairing {
    /// A service and the task definition it runs.
    Service {
        service: Paired,
        task: Paired,
        by: ServiceBy,
    },
    /// A Dockerfile and the task container that runs the image it builds.
    Dockerfile {
        dockerfile: Paired,
        task: Paired,
        /// The container's name (`container #2` when it has none).
        container: String,
        /// Its place in `containerDefinitions`.
        index: usize,
        by: DockerBy,
    },
}

/// One side of a [`Pairing`]: a file of the run (its index, as `Finding::file`) and, for a
/// task or service definition of a Terraform file or CloudFormation template, the resource's
/// address (`aws_ecs_service.web`, `Service`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paired {
    pub file: usize,
    pub resource: Option<String>,
}

/// How a service's task definition was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServiceBy {
    /// An ecspresso config names both files (ecspresso deploys the service with that task
    /// definition, whatever its `taskDefinition` says).
    Config,
    /// A Terraform or CloudFormation service refers to the task definition resource.
    Resource,
    /// The one task definition of the family the service's `taskDefinition` names.
    Family,
    /// The run's only service and only task definition, nothing contradicting it.
    Only,
}

/// How the container a Dockerfile builds was decided (the run has one Dockerfile).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DockerBy {
    /// The Dockerfile's name (`Dockerfile.web`, `web.Dockerfile`, `web/Dockerfile`) names the
    /// container, by its name or its image's.
    Name,
    /// The only container whose image could be built from the Dockerfile (not a known sidecar,
    /// not an official image used as it is).
    Only,
    /// The one essential container among several whose image could be.
    Essential,
}
