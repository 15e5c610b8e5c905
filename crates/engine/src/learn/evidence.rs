//! What the files show for each automatically decided checklist item: the positive evidence
//! (a line that does what the item asks), or why the item does not apply, or why the files do
//! not show it. [`super::checklist`] combines this with the findings of the item's codes.
//!
//! The rule of the checklist: an item is satisfied only by a line that shows it, not applicable
//! when the files cannot show it (no EFS volume for the EFS items, no service for the service
//! items), and not satisfied otherwise.

use serde::Serialize;

use crate::input::span::Span;
use crate::input::Input;
use crate::input::Kind;
use crate::models::taskdef::TaskDefCtx;
use crate::syntax::dockerfile::{Dockerfile, Stage};
use crate::syntax::value::Node;

/// One piece of evidence: a place in a file and what it shows, or a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// The file; empty when the evidence is about the set of files as a whole.
    pub path: String,
    /// 1-based line and column; 0 when the evidence is not about one place.
    pub line: u32,
    pub column: u32,
    /// The rule code when a finding decided the item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'static str>,
    /// What this place shows, in one sentence.
    pub text: String,
}

impl Evidence {
    /// Evidence about the files as a whole (no place).
    pub fn general(text: impl Into<String>) -> Evidence {
        Evidence {
            path: String::new(),
            line: 0,
            column: 0,
            code: None,
            text: text.into(),
        }
    }

    pub fn of_finding(f: &crate::lint::finding::Finding) -> Evidence {
        Evidence {
            path: f.path.clone(),
            line: f.line,
            column: f.column,
            code: Some(f.code),
            text: f.message.clone(),
        }
    }
}

/// What the files show for one item, before the findings are counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// Lines that do what the item asks.
    Satisfied(Vec<Evidence>),
    /// Lines (or their absence) that show the item is not met.
    NotSatisfied(Vec<Evidence>),
    /// The item does not apply to these files (no EFS volume, no load balancer, ...).
    NotApplicable(Evidence),
    /// A value the decision needs is a template placeholder.
    Unknown(Evidence),
}

/// The inputs read once for every item.
pub struct Files<'a> {
    inputs: &'a [Input],
    kinds: Vec<Option<Kind>>,
    trees: Vec<Option<Node>>,
    dockerfiles: Vec<Option<Dockerfile>>,
}

impl<'a> Files<'a> {
    pub fn new(inputs: &'a [Input], kinds: &[Option<Kind>]) -> Files<'a> {
        let mut trees = Vec::with_capacity(inputs.len());
        let mut dockerfiles = Vec::with_capacity(inputs.len());
        for (input, kind) in inputs.iter().zip(kinds) {
            let json_like = matches!(kind, Some(Kind::TaskDef | Kind::ServiceDef));
            trees.push(
                json_like
                    .then(|| crate::syntax::json::parse(&input.text).root)
                    .flatten(),
            );
            dockerfiles.push(
                (*kind == Some(Kind::Dockerfile))
                    .then(|| crate::syntax::dockerfile::parse(&input.text).dockerfile),
            );
        }
        Files {
            inputs,
            kinds: kinds.to_vec(),
            trees,
            dockerfiles,
        }
    }

    fn tasks(&self) -> Vec<(usize, TaskDefCtx<'_>)> {
        self.of_kind(Kind::TaskDef)
            .filter_map(|i| {
                let root = self.trees.get(i)?.as_ref()?;
                let input = self.inputs.get(i)?;
                Some((i, TaskDefCtx::new(&input.text, i, root)))
            })
            .collect()
    }

    fn services(&self) -> Vec<(usize, &Node)> {
        self.of_kind(Kind::ServiceDef)
            .filter_map(|i| {
                let root = self.trees.get(i)?.as_ref()?;
                // `aws ecs describe-services` output holds them under `services`.
                let svc = root
                    .get_array("services")
                    .first()
                    .filter(|n| n.as_object().is_some())
                    .unwrap_or(root);
                Some((i, svc))
            })
            .collect()
    }

    fn dockerfiles(&self) -> Vec<(usize, &Dockerfile)> {
        self.of_kind(Kind::Dockerfile)
            .filter_map(|i| Some((i, self.dockerfiles.get(i)?.as_ref()?)))
            .collect()
    }

    fn of_kind(&self, kind: Kind) -> impl Iterator<Item = usize> + '_ {
        self.kinds
            .iter()
            .enumerate()
            .filter(move |(_, k)| **k == Some(kind))
            .map(|(i, _)| i)
    }

    /// Evidence at a span of input `file`.
    fn at(&self, file: usize, span: Span, text: impl Into<String>) -> Evidence {
        let Some(input) = self.inputs.get(file) else {
            return Evidence::general(text);
        };
        let (line, column) = line_col(&input.text, span.start as usize);
        Evidence {
            path: input.path.clone(),
            line,
            column,
            code: None,
            text: text.into(),
        }
    }

    /// Evidence at a member's key (`"taskRoleArn": ...`), else at the node.
    fn at_key(&self, file: usize, parent: &Node, key: &str, text: impl Into<String>) -> Evidence {
        let span = parent.member(key).map_or(parent.span, |m| m.key_span);
        self.at(file, span, text)
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(column).unwrap_or(u32::MAX),
    )
}

fn name_of(ctx: &TaskDefCtx<'_>, c: &Node) -> String {
    ctx.container_name(c)
}

/// Images that collect metrics (and traces): the ADOT or OpenTelemetry collector, the
/// CloudWatch agent.
fn is_metrics_collector(image: &str) -> bool {
    let i = image.to_ascii_lowercase();
    i.contains("aws-otel-collector")
        || i.contains("opentelemetry-collector")
        || i.contains("cloudwatch-agent")
}

fn is_xray_daemon(image: &str) -> bool {
    image.to_ascii_lowercase().contains("xray-daemon")
}

/// Decides what the files show for an item (`None`: the item has no file logic).
pub fn shown(id: &str, files: &Files<'_>) -> Option<Shown> {
    Some(match id {
        "1.3" => graceful_stop(files),
        "1.4" => logs_collected(files),
        "1.5" => version_tags(files),
        "1.6" => small_image(files),
        "2.5" => managed_tags(files),
        "2.8" => own_task_role(files),
        "2.9" => sizes_set(files),
        "3.3" => spread_over_zones(files),
        "3.4" => ecr_same_region(files),
        "5.1" => managed_entry_point(files),
        "6.3" => efs(files, EfsCheck::Iam),
        "6.4" => efs(files, EfsCheck::AccessPoint),
        "8.4" => efs(files, EfsCheck::Transit),
        "8.5" => awsvpc(files),
        "8.8" => secrets(files),
        "9.2" => per_container_telemetry(files),
        "9.3" => metrics_collected(files),
        _ => return None,
    })
}

/// Which findings of an item's codes count for it (TD108 reports EFS transit encryption, IAM
/// and access points together; each item counts only its part).
pub fn finding_counts(id: &str, f: &crate::lint::finding::Finding) -> bool {
    match (id, f.code) {
        ("6.3", "TD108") => f.message.contains("IAM"),
        ("6.4", "TD108") => f.message.contains("access point"),
        ("8.4", "TD108") => f.message.contains("transit encryption"),
        _ => true,
    }
}

fn graceful_stop(files: &Files<'_>) -> Shown {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for (file, ctx) in files.tasks() {
        // Like TD303: a non-essential sidecar may be stopped any time.
        for c in ctx
            .containers
            .iter()
            .filter(|c| c.get_set("essential").and_then(Node::as_bool) != Some(false))
        {
            let name = name_of(&ctx, c);
            let init = c
                .get_set("linuxParameters")
                .and_then(|l| l.get_set("initProcessEnabled"))
                .and_then(Node::as_bool)
                == Some(true);
            if init {
                let l = c.get_set("linuxParameters").unwrap_or(c);
                good.push(files.at_key(
                    file,
                    l,
                    "initProcessEnabled",
                    format!("`{name}` runs an init process that passes SIGTERM on"),
                ));
            } else if c.get_set("stopTimeout").is_some() {
                good.push(files.at_key(
                    file,
                    c,
                    "stopTimeout",
                    format!("`{name}` sets stopTimeout, the time it has to stop after SIGTERM"),
                ));
            } else {
                bad.push(files.at(
                    file,
                    TaskDefCtx::container_span(c),
                    format!("`{name}` sets neither stopTimeout nor initProcessEnabled"),
                ));
            }
        }
    }
    for (file, df) in files.dockerfiles() {
        match final_command(df) {
            Some((span, true)) => good.push(files.at(
                file,
                span,
                "the final stage starts its process in exec form, so it receives SIGTERM",
            )),
            Some((span, false)) => bad.push(files.at(
                file,
                span,
                "the final stage starts its process through a shell (shell form)",
            )),
            None => bad.push(Evidence {
                path: files.inputs.get(file).map(|i| i.path.clone()).unwrap_or_default(),
                line: 0,
                column: 0,
                code: None,
                text: "the final stage has no CMD or ENTRYPOINT of its own: how the process starts is not in this file".into(),
            }),
        }
    }
    verdict(good, bad)
}

/// The final stage's last ENTRYPOINT (else CMD) and whether it is in exec form.
fn final_command(df: &Dockerfile) -> Option<(Span, bool)> {
    let stage: &Stage = df.stages.last()?;
    let instructions = df.instructions.get(stage.instructions.clone())?;
    let last = |kw: &str| instructions.iter().rev().find(|i| i.is(kw));
    let ins = last("ENTRYPOINT").or_else(|| last("CMD"))?;
    Some((ins.span, ins.text.trim_start().starts_with('[')))
}

fn logs_collected(files: &Files<'_>) -> Shown {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for (file, ctx) in files.tasks() {
        for c in &ctx.containers {
            let name = name_of(&ctx, c);
            match c
                .get_set("logConfiguration")
                .and_then(|l| l.get_str("logDriver").map(|d| (l, d)))
            {
                Some((l, driver)) => good.push(files.at_key(
                    file,
                    l,
                    "logDriver",
                    format!("`{name}` sends its output to the `{driver}` log driver"),
                )),
                None => bad.push(files.at(
                    file,
                    TaskDefCtx::container_span(c),
                    format!("`{name}` has no log driver"),
                )),
            }
        }
    }
    verdict(good, bad)
}

fn version_tags(files: &Files<'_>) -> Shown {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    let mut unknown = None;
    for (file, ctx) in files.tasks() {
        for c in &ctx.containers {
            let name = name_of(&ctx, c);
            let Some(node) = c.get_set("image") else {
                continue;
            };
            let Some(image) = node.as_str() else {
                unknown = Some(files.at(
                    file,
                    node.span,
                    format!("`{name}`'s image is given at deploy time"),
                ));
                continue;
            };
            let parsed = crate::models::image::parse_image(image);
            if parsed.digest.is_some() {
                good.push(files.at(
                    file,
                    node.span,
                    format!("`{name}`'s image is pinned by digest"),
                ));
                continue;
            }
            match parsed.tag {
                Some(tag) if crate::syntax::value::is_placeholder_text(tag) => {
                    unknown = Some(files.at(file, node.span, format!("`{name}`'s tag `{tag}` is set at deploy time: give its value to decide")));
                }
                Some(tag) if tag != "latest" => good.push(files.at(
                    file,
                    node.span,
                    format!("`{name}`'s image has the version tag `{tag}`"),
                )),
                Some(_) => bad.push(files.at(
                    file,
                    node.span,
                    format!("`{name}`'s image is tagged latest"),
                )),
                None => bad.push(files.at(
                    file,
                    node.span,
                    format!("`{name}`'s image has no tag, so it is latest"),
                )),
            }
        }
    }
    match (bad.is_empty(), unknown) {
        (true, Some(u)) => Shown::Unknown(u),
        _ => verdict(good, bad),
    }
}

fn small_image(files: &Files<'_>) -> Shown {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for (file, df) in files.dockerfiles() {
        let Some(last) = df.stages.last() else {
            continue;
        };
        let base = last.image.to_ascii_lowercase();
        let small_base = [
            "distroless",
            "scratch",
            "alpine",
            "slim",
            "chiseled",
            "minimal",
            "busybox",
        ]
        .iter()
        .any(|s| base.contains(s));
        let multi = df.stages.len() > 1;
        let text = match (multi, small_base) {
            (true, true) => format!(
                "the final stage is a separate stage on the small base `{}`",
                last.image
            ),
            (true, false) => format!(
                "the build is multi-stage; the final stage is on `{}`",
                last.image
            ),
            (false, true) => format!("a single stage on the small base `{}`", last.image),
            (false, false) => {
                bad.push(files.at(
                    file,
                    last.image_span,
                    format!(
                        "a single stage on `{}`: the build's tools ship in the image",
                        last.image
                    ),
                ));
                continue;
            }
        };
        good.push(files.at(file, last.image_span, text));
    }
    verdict(good, bad)
}

fn managed_tags(files: &Files<'_>) -> Shown {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for (file, svc) in files.services() {
        let managed = svc.get_set("enableECSManagedTags").and_then(Node::as_bool) == Some(true);
        let propagate = svc
            .get_str("propagateTags")
            .filter(|p| *p == "SERVICE" || *p == "TASK_DEFINITION");
        match (managed, propagate) {
            (true, Some(p)) => {
                good.push(files.at_key(
                    file,
                    svc,
                    "enableECSManagedTags",
                    "ECS managed tags are on",
                ));
                good.push(files.at_key(
                    file,
                    svc,
                    "propagateTags",
                    format!(
                        "tags propagate from the {}",
                        if p == "SERVICE" {
                            "service"
                        } else {
                            "task definition"
                        }
                    ),
                ));
            }
            _ => bad.push(files.at(
                file,
                svc.span,
                "managed tags or tag propagation is not turned on",
            )),
        }
    }
    verdict(good, bad)
}

fn own_task_role(files: &Files<'_>) -> Shown {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for (file, ctx) in files.tasks() {
        let task = ctx.task;
        match task.get_set("taskRoleArn") {
            None => bad.push(files.at(
                file,
                ctx.task_head_span(),
                "the task has no taskRoleArn: no role of its own",
            )),
            Some(role) => {
                let same = task
                    .get_set("executionRoleArn")
                    .and_then(Node::as_str)
                    .is_some_and(|e| Some(e) == role.as_str());
                if !same {
                    good.push(files.at_key(
                        file,
                        task,
                        "taskRoleArn",
                        "the task has its own task role, apart from the execution role",
                    ));
                }
            }
        }
    }
    verdict(good, bad)
}

fn sizes_set(files: &Files<'_>) -> Shown {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for (file, ctx) in files.tasks() {
        let task = ctx.task;
        if task.get_set("cpu").is_some() && task.get_set("memory").is_some() {
            good.push(files.at_key(file, task, "cpu", "the task sets its cpu and memory"));
        }
        for c in &ctx.containers {
            let name = name_of(&ctx, c);
            let memory = c.get_set("memoryReservation").is_some() || c.get_set("memory").is_some();
            if c.get_set("cpu").is_some() && memory {
                good.push(files.at(
                    file,
                    TaskDefCtx::container_span(c),
                    format!("`{name}` sets its cpu and memory"),
                ));
            } else {
                bad.push(files.at(
                    file,
                    TaskDefCtx::container_span(c),
                    format!("`{name}` does not set both its cpu and a memory value"),
                ));
            }
        }
    }
    verdict(good, bad)
}

fn spread_over_zones(files: &Files<'_>) -> Shown {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    let mut seen = false;
    for (file, svc) in files.services() {
        let Some(vpc) = svc
            .get_set("networkConfiguration")
            .and_then(|n| n.get_set("awsvpcConfiguration"))
        else {
            continue;
        };
        seen = true;
        let subnets = vpc.get_array("subnets").len();
        let count = svc.get_set("desiredCount").and_then(Node::as_i64_lenient);
        if subnets >= 2 && count.is_none_or(|n| n >= 2) {
            good.push(files.at_key(
                file,
                vpc,
                "subnets",
                format!("{subnets} subnets to spread the tasks over"),
            ));
        } else {
            bad.push(files.at_key(
                file,
                vpc,
                "subnets",
                format!(
                    "{subnets} subnet(s) and {} task(s)",
                    count.map_or_else(|| "?".into(), |n| n.to_string())
                ),
            ));
        }
    }
    if !seen {
        return Shown::NotApplicable(Evidence::general(
            "no service with an awsvpc network configuration: the files do not show which zones its tasks use",
        ));
    }
    verdict(good, bad)
}

fn ecr_same_region(files: &Files<'_>) -> Shown {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for (file, ctx) in files.tasks() {
        let log_region = ctx.containers.iter().find_map(|c| {
            c.get_set("logConfiguration")?
                .get_set("options")?
                .get_str("awslogs-region")
        });
        for c in &ctx.containers {
            let name = name_of(&ctx, c);
            let Some(node) = c.get_set("image") else {
                continue;
            };
            let Some(image) = node.as_str() else {
                continue;
            };
            let parsed = crate::models::image::parse_image(image);
            let region = parsed.registry.and_then(crate::models::image::ecr_region);
            match (region, log_region) {
                (Some(r), Some(l)) if r == l => good.push(files.at(
                    file,
                    node.span,
                    format!("`{name}` pulls from ECR in {r}, the task's region"),
                )),
                (Some(r), Some(l)) => bad.push(files.at(
                    file,
                    node.span,
                    format!("`{name}` pulls from ECR in {r}, but the task logs to {l}"),
                )),
                (Some(r), None) => good.push(files.at(
                    file,
                    node.span,
                    format!("`{name}` pulls from a private ECR registry in {r}"),
                )),
                (None, _) => bad.push(files.at(
                    file,
                    node.span,
                    format!("`{name}` pulls `{image}`, not from a private ECR registry"),
                )),
            }
        }
    }
    verdict(good, bad)
}

fn managed_entry_point(files: &Files<'_>) -> Shown {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    let mut without_lb = Vec::new();
    for (file, svc) in files.services() {
        let public = svc
            .get_set("networkConfiguration")
            .and_then(|n| n.get_set("awsvpcConfiguration"))
            .and_then(|v| v.get_str("assignPublicIp"))
            == Some("ENABLED");
        if !svc.get_array("loadBalancers").is_empty() {
            good.push(files.at_key(
                file,
                svc,
                "loadBalancers",
                "traffic reaches the tasks through a load balancer",
            ));
        } else if public {
            bad.push(files.at(
                file,
                svc.span,
                "tasks get public IPs and no load balancer is in front of them",
            ));
        } else {
            without_lb.push(file);
        }
    }
    if good.is_empty() && bad.is_empty() && !without_lb.is_empty() {
        return Shown::NotApplicable(Evidence::general(
            "no load balancer and no public IP: the files do not show whether the service takes inbound traffic",
        ));
    }
    verdict(good, bad)
}

#[derive(Clone, Copy)]
enum EfsCheck {
    Iam,
    AccessPoint,
    Transit,
}

fn efs(files: &Files<'_>, check: EfsCheck) -> Shown {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for (file, ctx) in files.tasks() {
        for v in ctx.task.get_array("volumes") {
            let Some(efs) = v.get_set("efsVolumeConfiguration") else {
                continue;
            };
            let name = v.get_str("name").unwrap_or("?");
            let auth = efs.get_set("authorizationConfig");
            let (ok, what, node, key) = match check {
                EfsCheck::Iam => (
                    auth.and_then(|a| a.get_str("iam")) == Some("ENABLED"),
                    "IAM authorisation",
                    auth.unwrap_or(efs),
                    "iam",
                ),
                EfsCheck::AccessPoint => (
                    auth.and_then(|a| a.get_set("accessPointId")).is_some(),
                    "an access point",
                    auth.unwrap_or(efs),
                    "accessPointId",
                ),
                EfsCheck::Transit => (
                    efs.get_str("transitEncryption") == Some("ENABLED"),
                    "transit encryption",
                    efs,
                    "transitEncryption",
                ),
            };
            if ok {
                good.push(files.at_key(
                    file,
                    node,
                    key,
                    format!("EFS volume `{name}` uses {what}"),
                ));
            } else {
                bad.push(files.at_key(
                    file,
                    v,
                    "efsVolumeConfiguration",
                    format!("EFS volume `{name}` does not use {what}"),
                ));
            }
        }
    }
    if good.is_empty() && bad.is_empty() {
        let text = match check {
            EfsCheck::Transit => {
                "no EFS volume: the only transit encryption the files can show is EFS's"
            }
            _ => "no EFS volume among the task definitions",
        };
        return Shown::NotApplicable(Evidence::general(text));
    }
    verdict(good, bad)
}

fn awsvpc(files: &Files<'_>) -> Shown {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for (file, ctx) in files.tasks() {
        match ctx.network_mode() {
            Some("awsvpc") => good.push(files.at_key(file, ctx.task, "networkMode", "the task uses the awsvpc network mode: its own network interface and security groups")),
            Some(mode) => bad.push(files.at(file, ctx.key_span_or_task("networkMode"), format!("the task uses the `{mode}` network mode, so it has no security group of its own"))),
            None => {}
        }
    }
    verdict(good, bad)
}

fn secrets(files: &Files<'_>) -> Shown {
    let mut good = Vec::new();
    for (file, ctx) in files.tasks() {
        for c in &ctx.containers {
            let name = name_of(&ctx, c);
            for s in c.get_array("secrets") {
                let from = s.get_str("valueFrom").unwrap_or("");
                let store = if from.contains(":secretsmanager:") {
                    Some("Secrets Manager")
                } else if from.contains(":ssm:") || from.starts_with('/') || !from.contains(':') {
                    Some("Parameter Store")
                } else {
                    None
                };
                if let Some(store) = store {
                    let var = s.get_str("name").unwrap_or("?");
                    good.push(files.at(
                        file,
                        s.span,
                        format!("`{name}` gets `{var}` from {store}"),
                    ));
                }
            }
        }
    }
    if good.is_empty() {
        return Shown::NotApplicable(Evidence::general(
            "no secret reaches a container in these files, and none was found in plain text",
        ));
    }
    Shown::Satisfied(good)
}

fn per_container_telemetry(files: &Files<'_>) -> Shown {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for (file, ctx) in files.tasks() {
        let mut sidecar = None;
        for c in &ctx.containers {
            let name = name_of(&ctx, c);
            if c.get_set("logConfiguration").is_none() {
                bad.push(files.at(
                    file,
                    TaskDefCtx::container_span(c),
                    format!("`{name}` has no log configuration"),
                ));
            }
            if let Some(node) = c.get_set("image") {
                let image = node.as_str().unwrap_or("");
                if is_metrics_collector(image) || is_xray_daemon(image) {
                    sidecar = Some(files.at(
                        file,
                        node.span,
                        format!("`{name}` collects telemetry per task"),
                    ));
                }
            }
        }
        match sidecar {
            Some(e) => good.push(e),
            None => bad.push(files.at(file, ctx.task_head_span(), "no telemetry sidecar (ADOT collector, CloudWatch agent or X-Ray daemon) in the task")),
        }
    }
    verdict(good, bad)
}

fn metrics_collected(files: &Files<'_>) -> Shown {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for (file, ctx) in files.tasks() {
        let mut found = None;
        let mut xray = None;
        for c in &ctx.containers {
            let Some(node) = c.get_set("image") else {
                continue;
            };
            let image = node.as_str().unwrap_or("");
            let name = name_of(&ctx, c);
            if is_metrics_collector(image) {
                found = Some(files.at(
                    file,
                    node.span,
                    format!("`{name}` collects the application's metrics"),
                ));
            } else if is_xray_daemon(image) {
                xray = Some(files.at(
                    file,
                    node.span,
                    format!("`{name}` is an X-Ray daemon: it carries traces, not metrics"),
                ));
            }
        }
        match (found, xray) {
            (Some(e), _) => good.push(e),
            (None, Some(x)) => bad.push(x),
            (None, None) => bad.push(files.at(
                file,
                ctx.task_head_span(),
                "no metrics collector (ADOT collector or CloudWatch agent) in the task",
            )),
        }
    }
    verdict(good, bad)
}

/// Satisfied only with positive evidence and nothing against it.
fn verdict(good: Vec<Evidence>, bad: Vec<Evidence>) -> Shown {
    if !bad.is_empty() {
        Shown::NotSatisfied(bad)
    } else if !good.is_empty() {
        Shown::Satisfied(good)
    } else {
        Shown::NotSatisfied(vec![Evidence::general("nothing in the files shows it")])
    }
}
