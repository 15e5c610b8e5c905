//! The task definition as rules see it: the JSON/YAML tree plus the facts most rules need
//! (launch type, operating system, network mode, the containers).

use crate::input::span::Span;
use crate::syntax::value::Node;

/// How the pasted text holds the task definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `register-task-definition` input (and ecspresso's task definition files).
    Register,
    /// `describe-task-definition` output: the definition sits under `taskDefinition`.
    Describe,
    /// A bare `containerDefinitions` array.
    ContainerArray,
    /// Something else (a scalar, an empty object...).
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Os {
    Linux,
    Windows,
}

/// Launch types the task definition declares in `requiresCompatibilities`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Compat {
    pub fargate: bool,
    pub ec2: bool,
    pub external: bool,
    pub managed_instances: bool,
    /// `requiresCompatibilities` is present and readable.
    pub declared: bool,
}

pub struct TaskDefCtx<'a> {
    pub text: &'a str,
    /// Index of this input in the lint run.
    pub file: usize,
    /// The whole document.
    pub document: &'a Node,
    /// The task definition object (for `Describe`, the `taskDefinition` member; for a bare
    /// container array, the array itself, which has no task-level keys).
    pub task: &'a Node,
    pub shape: Shape,
    /// The container definitions that are objects.
    pub containers: Vec<&'a Node>,
    pub compat: Compat,
    /// From `runtimePlatform.operatingSystemFamily`; when that is absent, Windows if an image
    /// looks like a Windows one (older Windows task definitions have no runtimePlatform).
    pub os: Os,
    /// `runtimePlatform.cpuArchitecture` when given (`X86_64`, `ARM64`).
    pub arch: Option<&'a str>,
    /// An ecspresso config among the inputs names this file as its `task_definition`: advice
    /// can use ecspresso's template functions (`{{ must_env `IMAGE_TAG` }}`).
    pub ecspresso: bool,
    /// The schema walk's findings, made once for the rules that read them (TD002, TD003).
    pub(crate) schema_issues: std::cell::OnceCell<Vec<crate::models::ecs_schema::Issue<'a>>>,
}

/// A Windows base image, or an image whose name says it is built for Windows.
fn looks_like_windows_image(image: &str) -> bool {
    let image = image.to_ascii_lowercase();
    [
        "windows",
        "servercore",
        "nanoserver",
        "microsoft/iis",
        "mcr.microsoft.com/dotnet/framework",
    ]
    .iter()
    .any(|w| image.contains(w))
}

impl<'a> TaskDefCtx<'a> {
    pub fn new(text: &'a str, file: usize, document: &'a Node) -> TaskDefCtx<'a> {
        let (task, shape) = if document.as_array().is_some() {
            (document, Shape::ContainerArray)
        } else if let Some(inner) = document
            .get("taskDefinition")
            .filter(|n| n.as_object().is_some())
        {
            (inner, Shape::Describe)
        } else if document.as_object().is_some() {
            (document, Shape::Register)
        } else {
            (document, Shape::Other)
        };
        let containers: Vec<&Node> = match shape {
            Shape::ContainerArray => task
                .as_array()
                .unwrap_or(&[])
                .iter()
                .filter(|n| n.as_object().is_some())
                .collect(),
            _ => task
                .get_array("containerDefinitions")
                .iter()
                .filter(|n| n.as_object().is_some())
                .collect(),
        };
        let mut compat = Compat::default();
        if let Some(list) = task
            .get_set("requiresCompatibilities")
            .and_then(Node::as_array)
        {
            compat.declared = true;
            for item in list {
                match item.as_str() {
                    Some("FARGATE") => compat.fargate = true,
                    Some("EC2") => compat.ec2 = true,
                    Some("EXTERNAL") => compat.external = true,
                    Some("MANAGED_INSTANCES") => compat.managed_instances = true,
                    _ => {}
                }
            }
        }
        let platform = task.get_set("runtimePlatform");
        let os = match platform.and_then(|p| p.get_str("operatingSystemFamily")) {
            Some(family) if family.starts_with("WINDOWS") => Os::Windows,
            Some(_) => Os::Linux,
            // Older Windows task definitions have no runtimePlatform: their images say it.
            None if containers
                .iter()
                .filter_map(|c| c.get_str("image"))
                .any(looks_like_windows_image) =>
            {
                Os::Windows
            }
            None => Os::Linux,
        };
        let arch = platform.and_then(|p| p.get_str("cpuArchitecture"));
        TaskDefCtx {
            text,
            file,
            document,
            task,
            shape,
            containers,
            compat,
            os,
            arch,
            ecspresso: false,
            schema_issues: std::cell::OnceCell::new(),
        }
    }

    pub fn is_fargate(&self) -> bool {
        self.compat.fargate
    }

    pub fn is_windows(&self) -> bool {
        self.os == Os::Windows
    }

    /// The network mode in effect: as written, else the default (`bridge` on Linux EC2,
    /// `default` on Windows). A Fargate task without one is refused (TD005 says so); the other
    /// rules take it as the `awsvpc` it has to become.
    pub fn network_mode(&self) -> Option<&'a str> {
        match self.task.get_set("networkMode") {
            Some(n) => n
                .as_str()
                .filter(|s| !crate::syntax::value::is_placeholder_text(s)),
            None if self.shape == Shape::ContainerArray => None,
            None if self.compat.fargate => Some("awsvpc"),
            None if self.os == Os::Windows => Some("default"),
            None => Some("bridge"),
        }
    }

    /// The container's `name`, or `#<index>` when it has none.
    pub fn container_name(&self, container: &Node) -> String {
        match container.get_str("name") {
            Some(name) => name.to_string(),
            None => {
                let index = self
                    .containers
                    .iter()
                    .position(|c| std::ptr::eq(*c, container))
                    .unwrap_or(0);
                format!("#{}", index + 1)
            }
        }
    }

    /// Where to point a finding about a container as a whole: its `name` value, else the object.
    pub fn container_span(container: &Node) -> Span {
        container.get("name").map_or(
            Span::new(
                container.span.start as usize,
                container.span.start as usize + 1,
            ),
            |n| n.span,
        )
    }

    /// The span of a task-level key, or of the start of the task object when the key is absent.
    pub fn key_span_or_task(&self, key: &str) -> Span {
        self.task
            .member(key)
            .map_or_else(|| self.task_head_span(), |m| m.span())
    }

    /// The opening brace of the task definition object: where "missing key" findings point.
    pub fn task_head_span(&self) -> Span {
        Span::new(
            self.task.span.start as usize,
            self.task.span.start as usize + 1,
        )
    }
}
