//! Facts an exercise's attempt must hold besides the findings that must disappear: the point of
//! the lesson, checked on the attempt's own text so that deleting a value to silence a rule does
//! not pass (a log configuration that works, a collector the app really sends to, sizes that fit
//! the measured peaks, the cheapest valid Fargate size, no starved container, a final stage
//! without the toolchain).
//!
//! Each fact reads the attempt with the engine's own parsers and says in one sentence why it
//! does not hold.

use serde::Serialize;

use crate::input::msg::{Arg, Msg};
use crate::models::taskdef::TaskDefCtx;
use crate::sizing::task::{self, Amount};
use crate::syntax::value::Node;

/// What one container was measured to use at its peak (the right-sizing lesson's query result).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Peak {
    pub container: &'static str,
    /// CPU units.
    pub cpu: u32,
    /// MiB.
    pub memory: u32,
}

/// The smallest memory value Docker 20.10 and later accepts for a container, in MiB (AWS
/// `ContainerDefinition.memory` and `memoryReservation`: "don't specify less than 6 MiB").
pub const DOCKER_MIN_MEMORY_MIB: u32 = 6;

/// A fact an exercise checks on the attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Fact {
    /// Every container sends its output to a log driver; on Fargate every `awslogs`
    /// configuration names `awslogs-group`, `awslogs-region` and `awslogs-stream-prefix`
    /// (Fargate requires the prefix).
    LogsCollected,
    /// This container's OpenTelemetry SDK is on (no `OTEL_SDK_DISABLED=true`, no
    /// `OTEL_TRACES_EXPORTER=none`), has a service name, and exports to the collector on
    /// localhost on the port of its protocol (4318 for the default `http/protobuf`, 4317 for
    /// `grpc`).
    OtelExportsToCollector { container: &'static str },
    /// Each named container reserves at least its peak memory and has at least its peak CPU.
    FitsPeaks { peaks: &'static [Peak] },
    /// No container sets `memory` or `memoryReservation` below Docker's 6 MiB minimum.
    DockerMemoryMinimum,
    /// The task size is the cheapest valid Fargate size that holds the containers' CPU and
    /// memory reservations (AWS's advice: their sums rounded up to the next valid size).
    CheapestFargateSize,
    /// Every container has a `cpu` above 0 (0 or none means 2 shares: starved under contention).
    NoStarvedContainer,
    /// Container `a` has `ratio` times the CPU units of container `b`.
    CpuRatio {
        a: &'static str,
        b: &'static str,
        ratio: u32,
    },
    /// Every essential container runs an init process (`initProcessEnabled`) and sets a
    /// `stopTimeout` of at least its drain time (`min_seconds`, by container) and at most
    /// Fargate's 120 seconds on Fargate.
    GracefulStop {
        drain: &'static [(&'static str, u32)],
    },
    /// No container opts out of ECS resolving its tag to a digest per deployment
    /// (`versionConsistency: "disabled"`).
    VersionConsistency,
    /// The Dockerfile's final stage is not built on one of these images (a stage alias is
    /// followed to its base): the toolchain stays in the build stage.
    FinalStageNotFrom { images: &'static [&'static str] },
    /// The service deploys blue/green with ECS itself: the `ECS` controller (or none given),
    /// `strategy` `BLUE_GREEN`, a `bakeTimeInMinutes` of at least 1, a rollback (circuit
    /// breaker or alarms), and every load balancer entry with an `advancedConfiguration` that
    /// names a second target group, a production listener rule and a role.
    NativeBlueGreen,
}

/// Whether a fact holds for an attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FactResult {
    pub fact: Fact,
    /// The fact in one sentence, for the page.
    pub text: String,
    pub holds: bool,
    /// Why it does not hold (empty when it holds).
    pub why: String,
    /// `text` and `why`, keyed ([`FactResult::localize`]).
    #[serde(skip)]
    pub text_msg: Option<Msg>,
    #[serde(skip)]
    pub why_msg: Option<Msg>,
}

impl FactResult {
    /// Writes `text` and `why` again with `render` (a language's renderer).
    pub fn localize(&mut self, render: &dyn Fn(&Msg) -> String) {
        if let Some(m) = &self.text_msg {
            self.text = render(m);
        }
        if let Some(m) = &self.why_msg {
            self.why = render(m);
        }
    }
}

/// The facts' sentences, keyed (`LESSON.<NAME>`); their Japanese is `learn/facts.ja.msg`.
pub mod text {
    crate::messages! {
        "LESSON";
        LOGS_COLLECTED = "every container has a log configuration, and on Fargate each awslogs one names its group, region and stream prefix";
        OTEL_EXPORTS = "`{container}` sends its telemetry to the collector: SDK on, a service name, and an endpoint on localhost whose port matches the protocol (4318 for http/protobuf, 4317 for grpc)";
        PEAK = "{container} ≥ {cpu} units and {memory} MiB";
        FITS_PEAKS = "each container's cpu and memoryReservation cover its measured peak ({list})";
        DOCKER_MINIMUM = "no container sets memory or memoryReservation below Docker's minimum of {min} MiB";
        CHEAPEST = "the task size is the cheapest valid Fargate size that holds the containers' cpu and memory";
        NO_STARVED = "every container has a cpu above 0, so none is starved under contention";
        CPU_RATIO = "`{a}` has {ratio} times the cpu of `{b}`";
        DRAIN = "{container} ≥ {seconds} s";
        GRACEFUL_STOP = "every essential container runs an init process and has a stopTimeout that covers its drain time ({list}) and, on Fargate, is at most 120 s";
        VERSION_CONSISTENCY = "no container turns versionConsistency off, so every task of a deployment runs the same image";
        FINAL_STAGE_NOT_FROM = "the final stage is not built on the toolchain image ({images})";
        NATIVE_BLUE_GREEN = "the service deploys blue/green with ECS: strategy BLUE_GREEN, a bake time, a rollback, and for each load balancer a second target group, a production listener rule and a role";
        WHY_VERSION_DISABLED = "`{name}` sets versionConsistency to disabled: its tasks may pull different images for one tag";
        WHY_NOT_TASK_FACT = "not a task definition fact";
        WHY_NOT_TASK_DEFINITION = "the file is not a task definition yet";
        WHY_NO_CONTAINERS = "the task definition has no containers";
        WHY_NO_LOG_CONFIGURATION = "`{name}` has no logConfiguration";
        WHY_NO_LOG_DRIVER = "`{name}`'s logConfiguration names no logDriver";
        WHY_AWSLOGS_OPTION = "`{name}` logs with awslogs on Fargate without `{key}`, so the task cannot start";
        WHY_NO_CONTAINER = "there is no container `{name}`";
        WHY_SDK_DISABLED = "`{name}` sets OTEL_SDK_DISABLED=true, so its SDK sends nothing";
        WHY_TRACES_NONE = "`{name}` sets OTEL_TRACES_EXPORTER=none, so no trace leaves the app";
        WHY_NO_SERVICE_NAME = "`{name}` sets no OTEL_SERVICE_NAME";
        WHY_NO_ENDPOINT = "`{name}` sets no OTEL_EXPORTER_OTLP_ENDPOINT";
        WHY_UNKNOWN_PROTOCOL = "`{name}` sets the unknown OTLP protocol `{protocol}` (grpc, http/protobuf or http/json)";
        WHY_NOT_LOCALHOST = "`{name}` exports to `{host}`, not to the collector on localhost";
        WHY_WRONG_PORT = "`{name}` uses the OTLP protocol {protocol}, whose collector port is {port}, but its endpoint is `{endpoint}`";
        WHY_RESERVES_BELOW_PEAK = "`{name}` reserves {mib} MiB but peaked at {peak} MiB";
        WHY_CPU_BELOW_PEAK = "`{name}` has cpu {cpu} but peaked at {peak} units";
        WHY_BELOW_DOCKER_MINIMUM = "`{name}` sets {key} {value}, below Docker's {min} MiB minimum";
        WHY_NO_SIZE = "the task has no readable cpu and memory";
        WHY_NOT_FARGATE = "the task is not for Fargate";
        WHY_NOT_A_SIZE = "{cpu} CPU units with {memory} MiB is not a Fargate size";
        WHY_SUMS_UNKNOWN = "the containers' sums are not known";
        WHY_NOT_CHEAPEST = "the containers need {need_cpu} units and {need_memory} MiB: the cheapest Fargate size that holds them is {best_cpu} units with {best_memory} MiB, not {cpu} with {memory}";
        WHY_STARVED = "`{name}` has no cpu of its own (2 shares): it gets almost nothing when the others are busy";
        WHY_RATIO_MISSING = "`{a}` or `{b}` is missing";
        WHY_RATIO = "`{a}` has cpu {x} and `{b}` {y}: not {ratio} to 1";
        WHY_NO_INIT = "`{name}` runs no init process to pass SIGTERM on";
        WHY_NO_STOP_TIMEOUT = "`{name}` sets no stopTimeout";
        WHY_STOP_TOO_LONG = "`{name}` asks {timeout} s to stop; Fargate allows at most {max}";
        WHY_DRAIN = "`{name}` needs about {need} s to drain but is killed after {timeout} s";
        WHY_NOT_SERVICE_DEFINITION = "the file is not a service definition yet";
        WHY_CONTROLLER = "the deployment controller is {kind}: ECS runs blue/green itself only with the ECS controller";
        WHY_NO_DEPLOYMENT_CONFIGURATION = "there is no deploymentConfiguration";
        WHY_NOT_BLUE_GREEN = "deploymentConfiguration.strategy is not BLUE_GREEN";
        WHY_BAKE_ZERO = "bakeTimeInMinutes is 0: blue is removed as soon as production traffic moves, so there is nothing to switch back to";
        WHY_NO_BAKE = "BLUE_GREEN needs bakeTimeInMinutes";
        WHY_NO_ROLLBACK = "neither the circuit breaker nor the alarms are enabled with rollback, so a failing green is never rolled back";
        WHY_NO_LOAD_BALANCER = "the service has no load balancer, so ECS has no traffic to shift";
        WHY_NO_ADVANCED = "loadBalancers[{i}] has no advancedConfiguration: green needs a target group of its own";
        WHY_ADVANCED_MISSING = "loadBalancers[{i}].advancedConfiguration has no {key}";
        WHY_SAME_TARGET_GROUP = "loadBalancers[{i}]: the alternate target group is the production one; green needs a second target group";
        WHY_NO_FROM = "the Dockerfile has no FROM";
        WHY_TOOLCHAIN = "the final stage is built on `{image}`, so the whole toolchain ships";
    }
}

impl Fact {
    /// The fact in one sentence.
    pub fn describe(&self) -> String {
        self.describe_msg().en()
    }

    /// [`Fact::describe`], keyed.
    pub fn describe_msg(&self) -> Msg {
        match self {
            Fact::LogsCollected => Msg::new(&text::LOGS_COLLECTED),
            Fact::OtelExportsToCollector { container } => {
                Msg::new(&text::OTEL_EXPORTS).with("container", Arg::from(*container))
            }
            Fact::FitsPeaks { peaks } => Msg::new(&text::FITS_PEAKS).with(
                "list",
                Arg::List(
                    peaks
                        .iter()
                        .map(|p| {
                            Arg::from(
                                Msg::new(&text::PEAK)
                                    .with("container", Arg::from(p.container))
                                    .with("cpu", Arg::from(p.cpu))
                                    .with("memory", Arg::from(p.memory)),
                            )
                        })
                        .collect(),
                ),
            ),
            Fact::DockerMemoryMinimum => {
                Msg::new(&text::DOCKER_MINIMUM).with("min", Arg::from(DOCKER_MIN_MEMORY_MIB))
            }
            Fact::CheapestFargateSize => Msg::new(&text::CHEAPEST),
            Fact::NoStarvedContainer => Msg::new(&text::NO_STARVED),
            Fact::CpuRatio { a, b, ratio } => Msg::new(&text::CPU_RATIO)
                .with("a", Arg::from(*a))
                .with("b", Arg::from(*b))
                .with("ratio", Arg::from(*ratio)),
            Fact::GracefulStop { drain } => Msg::new(&text::GRACEFUL_STOP).with(
                "list",
                Arg::List(
                    drain
                        .iter()
                        .map(|(c, s)| {
                            Arg::from(
                                Msg::new(&text::DRAIN)
                                    .with("container", Arg::from(*c))
                                    .with("seconds", Arg::from(*s)),
                            )
                        })
                        .collect(),
                ),
            ),
            Fact::VersionConsistency => Msg::new(&text::VERSION_CONSISTENCY),
            Fact::FinalStageNotFrom { images } => Msg::new(&text::FINAL_STAGE_NOT_FROM).with(
                "images",
                Arg::List(images.iter().map(|i| Arg::from(*i)).collect()),
            ),
            Fact::NativeBlueGreen => Msg::new(&text::NATIVE_BLUE_GREEN),
        }
    }

    pub fn check(&self, text: &str) -> FactResult {
        let why = match self {
            Fact::FinalStageNotFrom { images } => final_stage_not_from(text, images),
            Fact::NativeBlueGreen => native_blue_green(text),
            _ => with_task(text, |ctx| self.check_task(ctx)),
        };
        let text = self.describe_msg();
        FactResult {
            fact: *self,
            text: text.en(),
            holds: why.is_none(),
            why: why.as_ref().map(Msg::en).unwrap_or_default(),
            text_msg: Some(text),
            why_msg: why,
        }
    }

    /// `None` when the fact holds, else why not.
    fn check_task(&self, ctx: &TaskDefCtx<'_>) -> Option<Msg> {
        match self {
            Fact::LogsCollected => logs_collected(ctx),
            Fact::OtelExportsToCollector { container } => otel_exports(ctx, container),
            Fact::FitsPeaks { peaks } => fits_peaks(ctx, peaks),
            Fact::DockerMemoryMinimum => docker_minimum(ctx),
            Fact::CheapestFargateSize => cheapest_size(ctx),
            Fact::NoStarvedContainer => no_starved(ctx),
            Fact::CpuRatio { a, b, ratio } => cpu_ratio(ctx, a, b, *ratio),
            Fact::GracefulStop { drain } => graceful_stop(ctx, drain),
            Fact::VersionConsistency => ctx
                .containers
                .iter()
                .find(|c| c.get_str("versionConsistency") == Some("disabled"))
                .map(|c| {
                    Msg::new(&text::WHY_VERSION_DISABLED)
                        .with("name", Arg::from(ctx.container_name(c)))
                }),
            Fact::FinalStageNotFrom { .. } | Fact::NativeBlueGreen => {
                Some(Msg::new(&text::WHY_NOT_TASK_FACT))
            }
        }
    }
}

fn with_task(text: &str, f: impl FnOnce(&TaskDefCtx<'_>) -> Option<Msg>) -> Option<Msg> {
    let parsed = crate::syntax::json::parse(text);
    let Some(root) = parsed.root.as_ref() else {
        return Some(Msg::new(&text::WHY_NOT_TASK_DEFINITION));
    };
    let ctx = TaskDefCtx::new(text, 0, root);
    if ctx.containers.is_empty() {
        return Some(Msg::new(&text::WHY_NO_CONTAINERS));
    }
    f(&ctx)
}

fn container<'a>(ctx: &TaskDefCtx<'a>, name: &str) -> Option<&'a Node> {
    ctx.containers
        .iter()
        .copied()
        .find(|c| c.get_str("name") == Some(name))
}

fn number(c: &Node, key: &str) -> Option<i64> {
    c.get_set(key).and_then(Node::as_i64_lenient)
}

fn logs_collected(ctx: &TaskDefCtx<'_>) -> Option<Msg> {
    for c in &ctx.containers {
        let name = ctx.container_name(c);
        let Some(log) = c.get_set("logConfiguration") else {
            return Some(Msg::new(&text::WHY_NO_LOG_CONFIGURATION).with("name", Arg::from(name)));
        };
        let Some(driver) = log.get_str("logDriver") else {
            return Some(Msg::new(&text::WHY_NO_LOG_DRIVER).with("name", Arg::from(name)));
        };
        if driver == "awslogs" && ctx.is_fargate() {
            let options = log.get_set("options");
            for key in ["awslogs-group", "awslogs-region", "awslogs-stream-prefix"] {
                let set = options
                    .and_then(|o| o.get_str(key))
                    .is_some_and(|v| !v.trim().is_empty());
                if !set {
                    return Some(
                        Msg::new(&text::WHY_AWSLOGS_OPTION)
                            .with("name", Arg::from(name))
                            .with("key", Arg::from(key)),
                    );
                }
            }
        }
    }
    None
}

fn env<'a>(c: &'a Node, key: &str) -> Option<&'a str> {
    c.get_array("environment")
        .iter()
        .find(|e| e.get_str("name") == Some(key))
        .and_then(|e| e.get_str("value"))
}

fn otel_exports(ctx: &TaskDefCtx<'_>, name: &str) -> Option<Msg> {
    let Some(c) = container(ctx, name) else {
        return Some(Msg::new(&text::WHY_NO_CONTAINER).with("name", Arg::from(name)));
    };
    if env(c, "OTEL_SDK_DISABLED").is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) {
        return Some(Msg::new(&text::WHY_SDK_DISABLED).with("name", Arg::from(name)));
    }
    if env(c, "OTEL_TRACES_EXPORTER").is_some_and(|v| v.trim().eq_ignore_ascii_case("none")) {
        return Some(Msg::new(&text::WHY_TRACES_NONE).with("name", Arg::from(name)));
    }
    if env(c, "OTEL_SERVICE_NAME").is_none_or(|v| v.trim().is_empty()) {
        return Some(Msg::new(&text::WHY_NO_SERVICE_NAME).with("name", Arg::from(name)));
    }
    let endpoint = env(c, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
        .or_else(|| env(c, "OTEL_EXPORTER_OTLP_ENDPOINT"));
    let Some(endpoint) = endpoint else {
        return Some(Msg::new(&text::WHY_NO_ENDPOINT).with("name", Arg::from(name)));
    };
    let protocol = env(c, "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL")
        .or_else(|| env(c, "OTEL_EXPORTER_OTLP_PROTOCOL"))
        .unwrap_or("http/protobuf")
        .trim();
    let want = match protocol {
        "grpc" => 4317,
        "http/protobuf" | "http/json" => 4318,
        other => {
            return Some(
                Msg::new(&text::WHY_UNKNOWN_PROTOCOL)
                    .with("name", Arg::from(name))
                    .with("protocol", Arg::from(other)),
            )
        }
    };
    let rest = endpoint
        .trim()
        .strip_prefix("http://")
        .or_else(|| endpoint.trim().strip_prefix("https://"))
        .unwrap_or(endpoint.trim());
    let authority = rest.split('/').next().unwrap_or(rest);
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => (h, p.parse::<u32>().ok()),
        None => (authority, None),
    };
    if !matches!(host, "localhost" | "127.0.0.1") {
        return Some(
            Msg::new(&text::WHY_NOT_LOCALHOST)
                .with("name", Arg::from(name))
                .with("host", Arg::from(host)),
        );
    }
    if port != Some(want) {
        return Some(
            Msg::new(&text::WHY_WRONG_PORT)
                .with("name", Arg::from(name))
                .with("protocol", Arg::from(protocol))
                .with("port", Arg::from(want))
                .with("endpoint", Arg::from(endpoint)),
        );
    }
    None
}

/// What a container reserves in MiB: `memoryReservation`, else `memory`.
fn reserved_memory(c: &Node) -> Option<i64> {
    number(c, "memoryReservation").or_else(|| number(c, "memory"))
}

fn fits_peaks(ctx: &TaskDefCtx<'_>, peaks: &[Peak]) -> Option<Msg> {
    for p in peaks {
        let Some(c) = container(ctx, p.container) else {
            return Some(Msg::new(&text::WHY_NO_CONTAINER).with("name", Arg::from(p.container)));
        };
        let mem = reserved_memory(c).unwrap_or(0);
        if mem < i64::from(p.memory) {
            return Some(
                Msg::new(&text::WHY_RESERVES_BELOW_PEAK)
                    .with("name", Arg::from(p.container))
                    .with("mib", Arg::from(mem))
                    .with("peak", Arg::from(p.memory)),
            );
        }
        let cpu = number(c, "cpu").unwrap_or(0);
        if cpu < i64::from(p.cpu) {
            return Some(
                Msg::new(&text::WHY_CPU_BELOW_PEAK)
                    .with("name", Arg::from(p.container))
                    .with("cpu", Arg::from(cpu))
                    .with("peak", Arg::from(p.cpu)),
            );
        }
    }
    None
}

fn docker_minimum(ctx: &TaskDefCtx<'_>) -> Option<Msg> {
    let min = i64::from(DOCKER_MIN_MEMORY_MIB);
    for c in &ctx.containers {
        for key in ["memory", "memoryReservation"] {
            if let Some(v) = number(c, key) {
                if v < min {
                    return Some(
                        Msg::new(&text::WHY_BELOW_DOCKER_MINIMUM)
                            .with("name", Arg::from(ctx.container_name(c)))
                            .with("key", Arg::from(key))
                            .with("value", Arg::from(v))
                            .with("min", Arg::from(min)),
                    );
                }
            }
        }
    }
    None
}

fn cheapest_size(ctx: &TaskDefCtx<'_>) -> Option<Msg> {
    let sizing = task::analyze(ctx);
    let (Amount::Known(cpu), Amount::Known(memory)) = (sizing.cpu, sizing.memory) else {
        return Some(Msg::new(&text::WHY_NO_SIZE));
    };
    let Some(fit) = sizing.fargate_fit.as_ref() else {
        return Some(Msg::new(&text::WHY_NOT_FARGATE));
    };
    if !fit.valid {
        return Some(
            Msg::new(&text::WHY_NOT_A_SIZE)
                .with("cpu", Arg::from(cpu))
                .with("memory", Arg::from(memory)),
        );
    }
    let Some(best) = sizing.recommended else {
        return Some(Msg::new(&text::WHY_SUMS_UNKNOWN));
    };
    if (best.cpu, best.memory) != (cpu, memory) {
        return Some(
            Msg::new(&text::WHY_NOT_CHEAPEST)
                .with("need_cpu", Arg::from(sizing.totals.cpu.unwrap_or(0)))
                .with(
                    "need_memory",
                    Arg::from(sizing.totals.memory_reserved.unwrap_or(0)),
                )
                .with("best_cpu", Arg::from(best.cpu))
                .with("best_memory", Arg::from(best.memory))
                .with("cpu", Arg::from(cpu))
                .with("memory", Arg::from(memory)),
        );
    }
    None
}

fn no_starved(ctx: &TaskDefCtx<'_>) -> Option<Msg> {
    for c in &ctx.containers {
        if number(c, "cpu").unwrap_or(0) <= 0 {
            return Some(
                Msg::new(&text::WHY_STARVED).with("name", Arg::from(ctx.container_name(c))),
            );
        }
    }
    None
}

fn cpu_ratio(ctx: &TaskDefCtx<'_>, a: &str, b: &str, ratio: u32) -> Option<Msg> {
    let (Some(ca), Some(cb)) = (container(ctx, a), container(ctx, b)) else {
        return Some(
            Msg::new(&text::WHY_RATIO_MISSING)
                .with("a", Arg::from(a))
                .with("b", Arg::from(b)),
        );
    };
    let (x, y) = (
        number(ca, "cpu").unwrap_or(0),
        number(cb, "cpu").unwrap_or(0),
    );
    if y <= 0 || x != y.saturating_mul(i64::from(ratio)) {
        return Some(
            Msg::new(&text::WHY_RATIO)
                .with("a", Arg::from(a))
                .with("x", Arg::from(x))
                .with("b", Arg::from(b))
                .with("y", Arg::from(y))
                .with("ratio", Arg::from(ratio)),
        );
    }
    None
}

/// Fargate's largest `stopTimeout`, in seconds.
const FARGATE_MAX_STOP_TIMEOUT: i64 = 120;

fn graceful_stop(ctx: &TaskDefCtx<'_>, drain: &[(&str, u32)]) -> Option<Msg> {
    for c in &ctx.containers {
        if c.get_set("essential").and_then(Node::as_bool) == Some(false) {
            continue;
        }
        let name = ctx.container_name(c);
        let init = c
            .get_set("linuxParameters")
            .and_then(|l| l.get_set("initProcessEnabled"))
            .and_then(Node::as_bool)
            == Some(true);
        if !init {
            return Some(Msg::new(&text::WHY_NO_INIT).with("name", Arg::from(name)));
        }
        let Some(timeout) = number(c, "stopTimeout") else {
            return Some(Msg::new(&text::WHY_NO_STOP_TIMEOUT).with("name", Arg::from(name)));
        };
        if ctx.is_fargate() && timeout > FARGATE_MAX_STOP_TIMEOUT {
            return Some(
                Msg::new(&text::WHY_STOP_TOO_LONG)
                    .with("name", Arg::from(name))
                    .with("timeout", Arg::from(timeout))
                    .with("max", Arg::from(FARGATE_MAX_STOP_TIMEOUT)),
            );
        }
        if let Some((_, need)) = drain.iter().find(|(c, _)| *c == name) {
            if timeout < i64::from(*need) {
                return Some(
                    Msg::new(&text::WHY_DRAIN)
                        .with("name", Arg::from(name))
                        .with("need", Arg::from(*need))
                        .with("timeout", Arg::from(timeout)),
                );
            }
        }
    }
    None
}

/// The repository's last path segment, without tag or digest (`golang` for
/// `docker.io/library/golang:1.23@sha256:…`).
fn repository_name(image: &str) -> String {
    let name = image.split('@').next().unwrap_or(image);
    let last = name.rsplit('/').next().unwrap_or(name);
    last.split(':').next().unwrap_or(last).to_ascii_lowercase()
}

/// `None` when the service definition deploys blue/green with ECS itself, else why not
/// (`DeploymentConfiguration.strategy`, `bakeTimeInMinutes` "must" be given with `BLUE_GREEN`,
/// `LoadBalancer.advancedConfiguration` in the ECS API reference).
fn native_blue_green(text: &str) -> Option<Msg> {
    let parsed = crate::syntax::json::parse(text);
    let Some(root) = parsed.root.as_ref() else {
        return Some(Msg::new(&text::WHY_NOT_SERVICE_DEFINITION));
    };
    if let Some(kind) = root
        .get_set("deploymentController")
        .and_then(|c| c.get_str("type"))
    {
        if kind != "ECS" {
            return Some(Msg::new(&text::WHY_CONTROLLER).with("kind", Arg::from(kind)));
        }
    }
    let Some(config) = root.get_set("deploymentConfiguration") else {
        return Some(Msg::new(&text::WHY_NO_DEPLOYMENT_CONFIGURATION));
    };
    if config.get_str("strategy") != Some("BLUE_GREEN") {
        return Some(Msg::new(&text::WHY_NOT_BLUE_GREEN));
    }
    match config
        .get_set("bakeTimeInMinutes")
        .and_then(Node::as_i64_lenient)
    {
        Some(minutes) if minutes >= 1 => {}
        Some(_) => return Some(Msg::new(&text::WHY_BAKE_ZERO)),
        None => return Some(Msg::new(&text::WHY_NO_BAKE)),
    }
    let rolls_back = |key: &str| {
        config.get_set(key).is_some_and(|c| {
            c.get_bool("enable") == Some(true) && c.get_bool("rollback") == Some(true)
        })
    };
    if !rolls_back("deploymentCircuitBreaker") && !rolls_back("alarms") {
        return Some(Msg::new(&text::WHY_NO_ROLLBACK));
    }
    let balancers = root.get_array("loadBalancers");
    if balancers.is_empty() {
        return Some(Msg::new(&text::WHY_NO_LOAD_BALANCER));
    }
    for (i, lb) in balancers.iter().enumerate() {
        let Some(advanced) = lb.get_set("advancedConfiguration") else {
            return Some(Msg::new(&text::WHY_NO_ADVANCED).with("i", Arg::from(i)));
        };
        for key in [
            "alternateTargetGroupArn",
            "productionListenerRule",
            "roleArn",
        ] {
            if advanced.get_str(key).is_none_or(|v| v.trim().is_empty()) {
                return Some(
                    Msg::new(&text::WHY_ADVANCED_MISSING)
                        .with("i", Arg::from(i))
                        .with("key", Arg::from(key)),
                );
            }
        }
        if advanced.get_str("alternateTargetGroupArn") == lb.get_str("targetGroupArn") {
            return Some(Msg::new(&text::WHY_SAME_TARGET_GROUP).with("i", Arg::from(i)));
        }
    }
    None
}

fn final_stage_not_from(text: &str, images: &[&str]) -> Option<Msg> {
    let parsed = crate::syntax::dockerfile::parse(text);
    let stages = &parsed.dockerfile.stages;
    let Some(last) = stages.last() else {
        return Some(Msg::new(&text::WHY_NO_FROM));
    };
    // Follow `FROM <alias>` back to a base image (at most once per stage: no loops).
    let mut image = last.image.clone();
    for _ in 0..stages.len() {
        let lower = image.to_ascii_lowercase();
        match stages
            .iter()
            .find(|s| s.alias.as_ref().is_some_and(|(a, _)| *a == lower))
        {
            Some(stage) => image.clone_from(&stage.image),
            None => break,
        }
    }
    let repo = repository_name(&image);
    if images.iter().any(|i| repo == *i) {
        return Some(Msg::new(&text::WHY_TOOLCHAIN).with("image", Arg::from(image.clone())));
    }
    None
}
