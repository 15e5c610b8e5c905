//! Which container of a task definition runs the image a Dockerfile builds, and the facts of
//! that image the cross-file rules compare (`XF101` upward).
//!
//! A Dockerfile is paired with a task definition only when the run has exactly one Dockerfile
//! and the task has one container whose image could be built from it: not a known sidecar
//! (log router, collector, proxy) and not an official Docker Hub image used as is (`nginx:1.27`,
//! `redis`). When several containers qualify, the one essential container wins; otherwise
//! nothing is paired: a wrong pairing would give confident, wrong findings.
//!
//! The image is taken to be the final stage (a `--target` build of another stage cannot be
//! seen from the files).

use crate::input::span::Span;
use crate::input::Kind;
use crate::models::project::{DockerBy, ProjectCtx};
use crate::models::stages as support;
use crate::models::taskdef::TaskDefCtx;
use crate::syntax::dockerfile::{Dockerfile, DockerfileCtx, Instruction, Stage};
use crate::syntax::value::{Node, NodeKind};

/// A Dockerfile and the task container that runs the image it builds.
pub struct DockerPair<'a> {
    pub docker: DockerfileCtx<'a>,
    pub task: TaskDefCtx<'a>,
    pub container: &'a Node,
}

impl<'a> DockerPair<'a> {
    pub fn name(&self) -> String {
        self.task.container_name(self.container)
    }

    /// The instructions of the stages whose settings the image keeps (the final stage and the
    /// stages it is built on), in file order.
    pub fn image_instructions(&self) -> Vec<&'a Instruction> {
        let stages = support::image_stages(&self.docker);
        self.docker
            .dockerfile
            .instructions
            .iter()
            .filter(|i| i.stage.is_some_and(|s| stages.contains(&s)))
            .collect()
    }

    /// The last instruction with this keyword that the image keeps.
    pub fn last(&self, keyword: &str) -> Option<&'a Instruction> {
        self.image_instructions()
            .into_iter()
            .rev()
            .find(|i| i.is(keyword))
    }

    /// The stage whose base image the final image starts from (following `FROM <stage>`).
    pub fn base_stage(&self) -> Option<&'a Stage> {
        let mut stage = self.docker.final_stage()?;
        for _ in 0..64 {
            match support::parent_stage(&self.docker, stage) {
                Some(parent) => stage = parent,
                None => break,
            }
        }
        Some(stage)
    }

    /// The base image of the final image, lower-cased (`gcr.io/distroless/static:nonroot`).
    pub fn base_image(&self) -> Option<String> {
        let stage = self.base_stage()?;
        Some(stage.image.to_ascii_lowercase())
    }

    /// The base image in the `FROM` the final image starts from.
    pub fn base_span(&self) -> Span {
        self.base_stage().map_or(Span::new(0, 0), |s| s.image_span)
    }

    /// Where a finding points in the Dockerfile about the image as a whole: the final `FROM`.
    pub fn final_from_span(&self) -> Span {
        self.docker
            .final_stage()
            .map_or(Span::new(0, 0), |s| s.image_span)
    }
}

/// Image name fragments of sidecars that are never built from the application's Dockerfile.
const SIDECARS: &[&str] = &[
    "fluent-bit",
    "fluentbit",
    "fluentd",
    "aws-otel-collector",
    "opentelemetry-collector",
    "otel/",
    "xray-daemon",
    "aws-xray",
    "cloudwatch-agent",
    "datadog/agent",
    "envoy",
    "newrelic/",
    "splunk-otel",
    "amazon-ssm-agent",
];

/// Names of sidecar containers (`log_router`, `xray-daemon`).
const SIDECAR_NAMES: &[&str] = &[
    "log_router",
    "log-router",
    "logrouter",
    "firelens",
    "xray",
    "envoy",
    "datadog",
    "otel-collector",
    "adot",
    "cwagent",
    "cloudwatch-agent",
];

/// Official Docker Hub images a task often runs as they are.
const OFFICIAL: &[&str] = &[
    "nginx",
    "redis",
    "postgres",
    "mysql",
    "mariadb",
    "memcached",
    "mongo",
    "busybox",
    "alpine",
    "ubuntu",
    "debian",
    "httpd",
    "rabbitmq",
    "traefik",
    "haproxy",
    "caddy",
    "amazonlinux",
    "centos",
    "elasticsearch",
    "wordpress",
    "node",
    "python",
    "golang",
    "openjdk",
    "ruby",
    "php",
    "varnish",
    "consul",
    "vault",
    "registry",
    "localstack",
    "minio",
    "mailhog",
];

fn is_sidecar(container: &Node) -> bool {
    if container.get_set("firelensConfiguration").is_some() {
        return true;
    }
    let image = container
        .get_str("image")
        .unwrap_or("")
        .to_ascii_lowercase();
    let name = container.get_str("name").unwrap_or("").to_ascii_lowercase();
    SIDECARS.iter().any(|s| image.contains(s)) || SIDECAR_NAMES.iter().any(|s| name.contains(s))
}

/// An official Docker Hub image used as is (`nginx:1.27`, `library/redis`, `docker.io/busybox`):
/// the task runs it, not an image built from the Dockerfile.
fn is_official_image(image: &str) -> bool {
    let name = image
        .strip_prefix("docker.io/")
        .or_else(|| image.strip_prefix("index.docker.io/"))
        .unwrap_or(image);
    let name = name.strip_prefix("public.ecr.aws/docker/").unwrap_or(name);
    let name = name.strip_prefix("library/").unwrap_or(name);
    let name = name.split(['@', ':']).next().unwrap_or(name);
    OFFICIAL.contains(&name)
}

/// Public registries where third-party images live next to the user's own.
const PUBLIC_REGISTRIES: &[&str] = &[
    "docker.io",
    "index.docker.io",
    "ghcr.io",
    "quay.io",
    "public.ecr.aws",
    "registry.gitlab.com",
    "mcr.microsoft.com",
    "gcr.io",
];

/// The repository name of an image without registry, owner, tag or digest
/// (`123.dkr.ecr.eu-west-1.amazonaws.com/team/web:1.2` is `web`).
fn repository(image: &str) -> &str {
    let name = image.split('@').next().unwrap_or(image);
    let last = name.rsplit('/').next().unwrap_or(name);
    last.split(':').next().unwrap_or(last)
}

/// How sure we are that the container's image could be built from the Dockerfile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// A sidecar, an official image used as is, or no image at all.
    No,
    /// On a public registry (`owner/name` on Docker Hub, `ghcr.io/...`): it may be a third
    /// party's image, so it needs a sign in the Dockerfile.
    Maybe,
    /// A template or placeholder, an empty value a pipeline fills, a private registry (ECR), or
    /// a bare local name.
    Likely,
}

/// The Dockerfile's lines outside its FROM lines, lower-cased and joined by `\n`: made once per
/// task definition, not once per container (a task with thousands of containers beside a long
/// Dockerfile made this quadratic; issue 10).
fn mention_text(dockerfile_text: &str) -> String {
    let mut out = String::with_capacity(dockerfile_text.len());
    for line in dockerfile_text.lines() {
        let line = line.trim_start().to_ascii_lowercase();
        if !line.starts_with("from ") {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// `mentions` is [`mention_text`] of the Dockerfile.
fn fit(container: &Node, mentions: &str) -> Fit {
    if is_sidecar(container) {
        return Fit::No;
    }
    let Some(image) = container.get_set("image") else {
        return Fit::No;
    };
    if image.is_placeholder() {
        return Fit::Likely;
    }
    let Some(text) = image.as_str().map(str::trim) else {
        return Fit::No;
    };
    if text.is_empty() || crate::rules::taskdef::util::is_bare_token(text) {
        return Fit::Likely;
    }
    if is_official_image(text) {
        return Fit::No;
    }
    let parsed = crate::models::image::parse_image(text);
    let public = match parsed.registry {
        Some(host) => PUBLIC_REGISTRIES.contains(&host.to_ascii_lowercase().as_str()),
        None => text.contains('/'),
    };
    if !public {
        return Fit::Likely;
    }
    // A sign: the repository's name appears in the Dockerfile, outside its FROM lines (a
    // task running `public.ecr.aws/nginx/nginx` is not built by `FROM nginx`).
    let repo = repository(text).to_ascii_lowercase();
    // Within one line, as before the lines were joined.
    let mentioned = !repo.contains('\n') && mentions.contains(&repo);
    if repo.len() >= 3 && mentioned {
        Fit::Maybe
    } else {
        Fit::No
    }
}

/// What a Dockerfile's own name says it builds: `Dockerfile.nginx`, `nginx.Dockerfile`, or the
/// folder of `nginx/Dockerfile`.
fn hint(path: &str) -> Option<String> {
    let mut parts = path.rsplit(['/', '\\']);
    let name = parts.next()?.to_ascii_lowercase();
    let from_name = name
        .strip_prefix("dockerfile.")
        .or_else(|| name.strip_prefix("dockerfile-"))
        .or_else(|| name.strip_suffix(".dockerfile"))
        .or_else(|| name.strip_prefix("containerfile."));
    let hint = match from_name {
        Some(h) => h.to_string(),
        None => parts.next()?.to_ascii_lowercase(),
    };
    (hint.len() >= 2 && hint != "." && hint != "..").then_some(hint)
}

/// Does the container's name or image name the hint?
fn names(container: &Node, hint: &str) -> bool {
    let word = |s: &str| {
        let s = s.to_ascii_lowercase();
        s == hint
            || s.ends_with(&format!("-{hint}"))
            || s.ends_with(&format!("_{hint}"))
            || s.starts_with(&format!("{hint}-"))
            || s.starts_with(&format!("{hint}_"))
    };
    let image = container.get_str("image").unwrap_or("");
    let tag = crate::models::image::parse_image(image).tag.unwrap_or("");
    container.get_str("name").is_some_and(word) || word(repository(image)) || word(tag)
}

fn is_essential(container: &Node) -> bool {
    !matches!(
        container.get("essential").map(|n| &n.kind),
        Some(NodeKind::Bool(false))
    )
}

/// The one container of the task that runs the image, if it can be told, and how.
fn pick<'a>(task: &TaskDefCtx<'a>, path: &str, text: &str) -> Option<(&'a Node, DockerBy)> {
    if crate::rules::taskdef::util::containers_opaque(task) {
        return None;
    }
    let mentions = mention_text(text);
    let fits: Vec<(&Node, Fit)> = task
        .containers
        .iter()
        .map(|c| (*c, fit(c, &mentions)))
        .collect();
    // The Dockerfile's name points at one container: that one or none.
    if let Some(hint) = hint(path) {
        let named: Vec<&(&Node, Fit)> = fits
            .iter()
            .filter(|(c, _)| !is_sidecar(c) && names(c, &hint))
            .collect();
        match named.as_slice() {
            [(c, f)] => return (*f != Fit::No).then_some((*c, DockerBy::Name)),
            [] => {}
            _ => return None,
        }
    }
    let candidates: Vec<&Node> = fits
        .iter()
        .filter(|(_, f)| *f != Fit::No)
        .map(|(c, _)| *c)
        .collect();
    match candidates.as_slice() {
        [one] => Some((one, DockerBy::Only)),
        [] => None,
        several => {
            let essential: Vec<&Node> = several
                .iter()
                .copied()
                .filter(|c| is_essential(c))
                .collect();
            match essential.as_slice() {
                [one] => Some((one, DockerBy::Essential)),
                _ => None,
            }
        }
    }
}

/// Every (Dockerfile, task container) pair of the run: at most one per task definition. Found
/// once per run ([`ProjectCtx`] keeps the answer), rebuilt cheaply for each rule that asks.
pub fn pairs<'a>(project: &'a ProjectCtx<'a>) -> Vec<DockerPair<'a>> {
    let found = project.docker_pairing.get_or_init(|| find(project));
    found
        .iter()
        .filter_map(|&(file, task_file, container, _)| {
            let input = project.inputs.get(file)?;
            let task_input = project.inputs.get(task_file)?;
            let task = TaskDefCtx::new(task_input.text, task_file, task_input.tree()?);
            let container = task.containers.get(container).copied()?;
            Some(DockerPair {
                docker: DockerfileCtx {
                    text: input.text,
                    file,
                    dockerfile: input.dockerfile()?,
                },
                task,
                container,
            })
        })
        .collect()
}

/// Every pair of the run as `(Dockerfile input, task input, container index, how it was
/// decided)`: what [`pairs`] reads, and what the lint run reports (`Report::pairings`).
pub fn decided(project: &ProjectCtx<'_>) -> Vec<(usize, usize, usize, DockerBy)> {
    project.docker_pairing.get_or_init(|| find(project)).clone()
}

/// The pairs as input and container positions.
fn find(project: &ProjectCtx<'_>) -> Vec<(usize, usize, usize, DockerBy)> {
    let mut dockerfiles = project
        .inputs
        .iter()
        .enumerate()
        .filter_map(|(file, input)| {
            let d: &Dockerfile = input.dockerfile()?;
            (input.kind == Some(Kind::Dockerfile)).then_some((file, input.path, input.text, d))
        });
    let (Some((file, path, text, dockerfile)), None) = (dockerfiles.next(), dockerfiles.next())
    else {
        return Vec::new();
    };
    // Windows images (PowerShell, backtick escapes) are not compared.
    if dockerfile.stages.is_empty()
        || dockerfile.escape == '`'
        || dockerfile
            .stages
            .iter()
            .any(|s| crate::syntax::dockerfile::is_windows_image(&s.image))
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (task_file, input) in project.inputs.iter().enumerate() {
        if input.kind != Some(Kind::TaskDef) {
            continue;
        }
        let Some(root) = input.tree() else { continue };
        let task = TaskDefCtx::new(input.text, task_file, root);
        if task.is_windows() {
            continue;
        }
        let Some((container, by)) = pick(&task, path, text) else {
            continue;
        };
        if let Some(at) = task
            .containers
            .iter()
            .position(|c| std::ptr::eq(*c, container))
        {
            out.push((file, task_file, at, by));
        }
    }
    out
}

/// A port of `EXPOSE` (`8080`, `8080/tcp`, `7000-7010/udp`) as an inclusive range and protocol.
pub struct Exposed {
    pub from: u32,
    pub to: u32,
    pub udp: bool,
    pub span: Span,
    pub text: String,
}

/// The ports the image's own `EXPOSE` lines declare, or `None` when one holds a variable (the
/// list is then not known). Ports a base image exposes cannot be seen.
pub fn exposed(pair: &DockerPair<'_>) -> Option<Vec<Exposed>> {
    let mut out = Vec::new();
    for ins in pair.image_instructions() {
        if !ins.is("EXPOSE") {
            continue;
        }
        for word in &ins.words {
            if word.is_dynamic() {
                return None;
            }
            let (port, proto) = word.text.split_once('/').unwrap_or((&word.text, "tcp"));
            let (a, b) = port.split_once('-').unwrap_or((port, port));
            let (Ok(from), Ok(to)) = (a.trim().parse::<u32>(), b.trim().parse::<u32>()) else {
                return None;
            };
            out.push(Exposed {
                from,
                to,
                udp: proto.eq_ignore_ascii_case("udp"),
                span: word.span,
                text: word.text.clone(),
            });
        }
    }
    Some(out)
}

/// Whether an exposed port list holds `port` for the protocol.
pub fn exposes(list: &[Exposed], port: u32, udp: bool) -> bool {
    list.iter()
        .any(|e| e.udp == udp && (e.from..=e.to).contains(&port))
}

/// The container's `portMappings` as (containerPort, udp, node), or `None` when one is a
/// placeholder or a range (not known exactly).
pub fn mapped_ports(container: &Node) -> Option<Vec<(u32, bool, &Node)>> {
    let list = container.get_set("portMappings")?;
    if list.is_placeholder() {
        return None;
    }
    let mut out = Vec::new();
    for m in list.as_array()? {
        if m.is_opaque() || m.get_set("containerPortRange").is_some() {
            return None;
        }
        let node = m.get_set("containerPort")?;
        if node.is_placeholder() {
            return None;
        }
        let port = u32::try_from(node.as_i64_lenient()?).ok()?;
        let udp = m
            .get_str("protocol")
            .is_some_and(|p| p.eq_ignore_ascii_case("udp"));
        out.push((port, udp, node));
    }
    Some(out)
}

/// Is the user root (`0`, `root`, `0:0`, `root:root`)?
pub fn is_root_user(user: &str) -> bool {
    let who = user.split(':').next().unwrap_or(user).trim();
    who == "0" || who == "root"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_images() {
        assert!(is_official_image("nginx:1.27"));
        assert_eq!(hint("docker/Dockerfile.nginx").as_deref(), Some("nginx"));
        assert_eq!(hint("api.Dockerfile").as_deref(), Some("api"));
        assert_eq!(hint("web/Dockerfile").as_deref(), Some("web"));
        assert_eq!(hint("Dockerfile"), None);
        assert_eq!(
            repository("123.dkr.ecr.eu-west-1.amazonaws.com/team/web:1.2"),
            "web"
        );
        assert!(is_official_image("docker.io/library/redis"));
        assert!(!is_official_image("myorg/app:1.0"));
        assert!(!is_official_image(
            "123.dkr.ecr.us-east-1.amazonaws.com/app:1"
        ));
        assert!(!is_official_image("{{ must_env `IMAGE` }}"));
        assert!(is_root_user("0:0"));
        assert!(!is_root_user("1000"));
    }
}

/// A Dockerfile `HEALTHCHECK`: its command as an ECS `healthCheck.command` and its timings.
pub struct DockerHealthCheck<'a> {
    pub instruction: &'a Instruction,
    /// `["CMD-SHELL", "curl -f http://localhost/ || exit 1"]` or `["CMD", "/healthcheck"]`.
    pub command: Vec<String>,
    /// Seconds, when set by a flag (`--interval=30s`); `None` when the flag is absent.
    pub interval: Option<f64>,
    pub timeout: Option<f64>,
    pub start_period: Option<f64>,
    pub retries: Option<i64>,
}

/// A Go duration as Docker reads it (`30s`, `1m30s`, `500ms`, `1h`), in seconds.
pub fn duration_seconds(text: &str) -> Option<f64> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if text == "0" {
        return Some(0.0);
    }
    let mut total = 0.0;
    let mut rest = text;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let number = crate::input::number::parse_f64(rest.get(..digits)?)?;
        rest = rest.get(digits..)?;
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let unit = rest.get(..unit_len)?;
        rest = rest.get(unit_len..)?;
        let factor = match unit {
            "ns" => 1e-9,
            "us" | "µs" => 1e-6,
            "ms" => 1e-3,
            "s" => 1.0,
            "m" => 60.0,
            "h" => 3600.0,
            _ => return None,
        };
        total += number * factor;
    }
    Some(total)
}

/// The image's effective `HEALTHCHECK` (the last one it keeps), unless it is `NONE` or cannot be
/// read.
pub fn docker_health_check<'a>(pair: &DockerPair<'a>) -> Option<DockerHealthCheck<'a>> {
    let ins = pair.last("HEALTHCHECK")?;
    let text = ins.text.trim();
    let lower = text.to_ascii_lowercase();
    if lower == "none" {
        return None;
    }
    let rest = lower
        .starts_with("cmd")
        .then(|| text.get(3..))
        .flatten()?
        .trim();
    if rest.is_empty() {
        return None;
    }
    let command = if rest.starts_with('[') {
        let words: Vec<String> = crate::syntax::json::to_value(rest)?
            .as_array()?
            .iter()
            .map(|w| w.as_str().map(str::to_string))
            .collect::<Option<_>>()?;
        if words.is_empty() {
            return None;
        }
        std::iter::once("CMD".to_string()).chain(words).collect()
    } else {
        vec!["CMD-SHELL".to_string(), rest.to_string()]
    };
    let flag = |name: &str| ins.flag(name).and_then(|f| f.value.as_deref());
    let seconds = |name: &str| -> Result<Option<f64>, ()> {
        match flag(name) {
            None => Ok(None),
            Some(v) if v.contains('$') => Err(()),
            Some(v) => duration_seconds(v).map(Some).ok_or(()),
        }
    };
    let retries = match flag("retries") {
        None => None,
        Some(v) => Some(v.trim().parse::<i64>().ok()?),
    };
    Some(DockerHealthCheck {
        instruction: ins,
        command,
        interval: seconds("interval").ok()?,
        timeout: seconds("timeout").ok()?,
        start_period: seconds("start-period").ok()?,
        retries,
    })
}

#[cfg(test)]
mod duration_tests {
    use super::duration_seconds;

    #[test]
    fn go_durations() {
        assert_eq!(duration_seconds("30s"), Some(30.0));
        assert_eq!(duration_seconds("1m30s"), Some(90.0));
        assert_eq!(duration_seconds("500ms"), Some(0.5));
        assert_eq!(duration_seconds("1h"), Some(3600.0));
        assert_eq!(duration_seconds("10"), None);
        assert_eq!(duration_seconds("s"), None);
    }
}
