//! What the files show for each automatically decided checklist item: the positive evidence
//! (a line that does what the item asks), or why the item does not apply, or why the files do
//! not show it. [`super::checklist`] combines this with the findings of the item's codes.
//!
//! The rule of the checklist: an item is satisfied only by a line that shows it, not applicable
//! when the files cannot show it (no EFS volume for the EFS items, no service for the service
//! items), and not satisfied otherwise.

use serde::Serialize;

use crate::input::msg::Msg;
use crate::input::span::Span;
use crate::input::Input;
use crate::input::Kind;
use crate::models::taskdef::TaskDefCtx;
use crate::rules::rule::{ja_message, Lang};
use crate::syntax::dockerfile::{Dockerfile, Stage};
use crate::syntax::value::Node;

/// The evidence sentences (their Japanese: `evidence.ja.msg` beside this file).
pub mod text {
    crate::messages! {
        "CHECKLIST";
        INIT_PROCESS = "`{name}` runs an init process that passes SIGTERM on";
        STOP_TIMEOUT = "`{name}` sets stopTimeout, the time it has to stop after SIGTERM";
        NO_STOP_SETTINGS = "`{name}` sets neither stopTimeout nor initProcessEnabled";
        EXEC_FORM = "the final stage starts its process in exec form, so it receives SIGTERM";
        SHELL_FORM = "the final stage starts its process through a shell (shell form)";
        NO_COMMAND = "the final stage has no CMD or ENTRYPOINT of its own: how the process starts is not in this file";
        LOG_DRIVER = "`{name}` sends its output to the `{driver}` log driver";
        NO_LOG_DRIVER = "`{name}` has no log driver";
        IMAGE_AT_DEPLOY = "`{name}`'s image is given at deploy time";
        PINNED_BY_DIGEST = "`{name}`'s image is pinned by digest";
        TAG_AT_DEPLOY = "`{name}`'s tag `{tag}` is set at deploy time: give its value to decide";
        VERSION_TAG = "`{name}`'s image has the version tag `{tag}`";
        TAGGED_LATEST = "`{name}`'s image is tagged latest";
        NO_TAG = "`{name}`'s image has no tag, so it is latest";
        SEPARATE_SMALL = "the final stage is a separate stage on the small base `{image}`";
        MULTI_STAGE = "the build is multi-stage; the final stage is on `{image}`";
        SINGLE_SMALL = "a single stage on the small base `{image}`";
        SINGLE_STAGE = "a single stage on `{image}`: the build's tools ship in the image";
        MANAGED_TAGS = "ECS managed tags are on";
        TAGS_FROM_SERVICE = "tags propagate from the service";
        TAGS_FROM_TASK_DEFINITION = "tags propagate from the task definition";
        NO_MANAGED_TAGS = "managed tags or tag propagation is not turned on";
        NO_TASK_ROLE = "the task has no taskRoleArn: no role of its own";
        OWN_TASK_ROLE = "the task has its own task role, apart from the execution role";
        TASK_SIZES = "the task sets its cpu and memory";
        CONTAINER_SIZES = "`{name}` sets its cpu and memory";
        NO_CONTAINER_SIZES = "`{name}` does not set both its cpu and a memory value";
        SUBNETS = "{subnets} subnets to spread the tasks over";
        FEW_SUBNETS = "{subnets} subnet(s) and {count} task(s)";
        NO_AWSVPC_SERVICE = "no service with an awsvpc network configuration: the files do not show which zones its tasks use";
        ECR_SAME_REGION = "`{name}` pulls from ECR in {region}, the task's region";
        ECR_OTHER_REGION = "`{name}` pulls from ECR in {region}, but the task logs to {log_region}";
        ECR_PRIVATE = "`{name}` pulls from a private ECR registry in {region}";
        NOT_ECR = "`{name}` pulls `{image}`, not from a private ECR registry";
        LOAD_BALANCER = "traffic reaches the tasks through a load balancer";
        PUBLIC_IP = "tasks get public IPs and no load balancer is in front of them";
        NO_INBOUND = "no load balancer and no public IP: the files do not show whether the service takes inbound traffic";
        EFS_IAM = "IAM authorisation";
        EFS_ACCESS_POINT = "an access point";
        EFS_TRANSIT = "transit encryption";
        EFS_USES = "EFS volume `{name}` uses {what}";
        EFS_MISSES = "EFS volume `{name}` does not use {what}";
        NO_EFS_TRANSIT = "no EFS volume: the only transit encryption the files can show is EFS's";
        NO_EFS = "no EFS volume among the task definitions";
        AWSVPC = "the task uses the awsvpc network mode: its own network interface and security groups";
        NOT_AWSVPC = "the task uses the `{mode}` network mode, so it has no security group of its own";
        SECRET_FROM = "`{name}` gets `{var}` from {store}";
        SECRETS_MANAGER = "Secrets Manager";
        PARAMETER_STORE = "Parameter Store";
        NO_SECRETS = "no secret reaches a container in these files, and none was found in plain text";
        NO_LOG_CONFIGURATION = "`{name}` has no log configuration";
        TELEMETRY_SIDECAR = "`{name}` collects telemetry per task";
        NO_TELEMETRY_SIDECAR = "no telemetry sidecar (ADOT collector, CloudWatch agent or X-Ray daemon) in the task";
        METRICS_COLLECTOR = "`{name}` collects the application's metrics";
        XRAY_ONLY = "`{name}` is an X-Ray daemon: it carries traces, not metrics";
        NO_METRICS_COLLECTOR = "no metrics collector (ADOT collector or CloudWatch agent) in the task";
        NOTHING_SHOWS = "nothing in the files shows it";
        EC2_ITEM_ON_FARGATE = "an EC2 item, and the task definitions are for Fargate only";
        FARGATE_ITEM_ON_EC2 = "a Fargate item, and the task definitions are for EC2 only";
        NO_SERVICE = "no service definition among the files";
        NEEDS_KIND = "needs a file of kind {kinds}";
        KINDS_OR = "{first} or {rest}";
    }
}

/// The Japanese evidence sentences, `NAME = text` a line.
static JA: &str = include_str!("evidence.ja.msg");

/// The Japanese text of an evidence template (`CHECKLIST.NAME`).
fn ja(key: &str) -> Option<&'static str> {
    crate::input::msg::translation(JA, "CHECKLIST.", key)
}

/// Renders an evidence sentence, or a finding's message, in `lang`.
pub fn render(m: &Msg, lang: Lang) -> String {
    match lang {
        Lang::En => m.en(),
        Lang::Ja => m.ja(&|key| ja(key).or_else(|| ja_message(key))),
    }
}

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
    /// What this place shows, in one sentence (English; [`Evidence::localize`] renders it in
    /// another language).
    pub text: String,
    /// The keyed form of `text`: an evidence sentence of [`text`], or a finding's message.
    #[serde(skip)]
    pub keyed: Option<Msg>,
}

impl Evidence {
    /// Evidence about the files as a whole (no place).
    pub fn general(text: Msg) -> Evidence {
        Evidence {
            path: String::new(),
            line: 0,
            column: 0,
            code: None,
            text: text.en(),
            keyed: Some(text),
        }
    }

    pub fn of_finding(f: &crate::lint::finding::Finding) -> Evidence {
        Evidence {
            path: f.path.clone(),
            line: f.line,
            column: f.column,
            code: Some(f.code),
            text: f.message.clone(),
            keyed: f.keyed.message.clone(),
        }
    }

    /// Renders the text in `lang` (English where a Japanese template is missing).
    pub fn localize(&mut self, lang: Lang) {
        if let Some(m) = &self.keyed {
            self.text = render(m, lang);
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
    fn at(&self, file: usize, span: Span, text: Msg) -> Evidence {
        let Some(input) = self.inputs.get(file) else {
            return Evidence::general(text);
        };
        let (line, column) = line_col(&input.text, span.start as usize);
        Evidence {
            path: input.path.clone(),
            line,
            column,
            code: None,
            text: text.en(),
            keyed: Some(text),
        }
    }

    /// Evidence at a member's key (`"taskRoleArn": ...`), else at the node.
    fn at_key(&self, file: usize, parent: &Node, key: &str, text: Msg) -> Evidence {
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
                    crate::msg!(text::INIT_PROCESS, name = &name),
                ));
            } else if c.get_set("stopTimeout").is_some() {
                good.push(files.at_key(
                    file,
                    c,
                    "stopTimeout",
                    crate::msg!(text::STOP_TIMEOUT, name = &name),
                ));
            } else {
                bad.push(files.at(
                    file,
                    TaskDefCtx::container_span(c),
                    crate::msg!(text::NO_STOP_SETTINGS, name = &name),
                ));
            }
        }
    }
    for (file, df) in files.dockerfiles() {
        match final_command(df) {
            Some((span, true)) => good.push(files.at(file, span, crate::msg!(text::EXEC_FORM))),
            Some((span, false)) => bad.push(files.at(file, span, crate::msg!(text::SHELL_FORM))),
            None => bad.push(Evidence {
                path: files
                    .inputs
                    .get(file)
                    .map(|i| i.path.clone())
                    .unwrap_or_default(),
                line: 0,
                column: 0,
                code: None,
                text: crate::msg!(text::NO_COMMAND).en(),
                keyed: Some(crate::msg!(text::NO_COMMAND)),
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
                    crate::msg!(text::LOG_DRIVER, name = &name, driver = driver),
                )),
                None => bad.push(files.at(
                    file,
                    TaskDefCtx::container_span(c),
                    crate::msg!(text::NO_LOG_DRIVER, name = &name),
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
                    crate::msg!(text::IMAGE_AT_DEPLOY, name = &name),
                ));
                continue;
            };
            let parsed = crate::models::image::parse_image(image);
            if parsed.digest.is_some() {
                good.push(files.at(
                    file,
                    node.span,
                    crate::msg!(text::PINNED_BY_DIGEST, name = &name),
                ));
                continue;
            }
            match parsed.tag {
                Some(tag) if crate::syntax::value::is_placeholder_text(tag) => {
                    unknown = Some(files.at(
                        file,
                        node.span,
                        crate::msg!(text::TAG_AT_DEPLOY, name = &name, tag = tag),
                    ));
                }
                Some(tag) if tag != "latest" => good.push(files.at(
                    file,
                    node.span,
                    crate::msg!(text::VERSION_TAG, name = &name, tag = tag),
                )),
                Some(_) => bad.push(files.at(
                    file,
                    node.span,
                    crate::msg!(text::TAGGED_LATEST, name = &name),
                )),
                None => {
                    bad.push(files.at(file, node.span, crate::msg!(text::NO_TAG, name = &name)))
                }
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
            (true, true) => crate::msg!(text::SEPARATE_SMALL, image = &last.image),
            (true, false) => crate::msg!(text::MULTI_STAGE, image = &last.image),
            (false, true) => crate::msg!(text::SINGLE_SMALL, image = &last.image),
            (false, false) => {
                bad.push(files.at(
                    file,
                    last.image_span,
                    crate::msg!(text::SINGLE_STAGE, image = &last.image),
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
                    crate::msg!(text::MANAGED_TAGS),
                ));
                good.push(files.at_key(
                    file,
                    svc,
                    "propagateTags",
                    if p == "SERVICE" {
                        crate::msg!(text::TAGS_FROM_SERVICE)
                    } else {
                        crate::msg!(text::TAGS_FROM_TASK_DEFINITION)
                    },
                ));
            }
            _ => bad.push(files.at(file, svc.span, crate::msg!(text::NO_MANAGED_TAGS))),
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
            None => bad.push(files.at(file, ctx.task_head_span(), crate::msg!(text::NO_TASK_ROLE))),
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
                        crate::msg!(text::OWN_TASK_ROLE),
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
            good.push(files.at_key(file, task, "cpu", crate::msg!(text::TASK_SIZES)));
        }
        for c in &ctx.containers {
            let name = name_of(&ctx, c);
            let memory = c.get_set("memoryReservation").is_some() || c.get_set("memory").is_some();
            if c.get_set("cpu").is_some() && memory {
                good.push(files.at(
                    file,
                    TaskDefCtx::container_span(c),
                    crate::msg!(text::CONTAINER_SIZES, name = &name),
                ));
            } else {
                bad.push(files.at(
                    file,
                    TaskDefCtx::container_span(c),
                    crate::msg!(text::NO_CONTAINER_SIZES, name = &name),
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
                crate::msg!(text::SUBNETS, subnets = subnets),
            ));
        } else {
            bad.push(files.at_key(
                file,
                vpc,
                "subnets",
                crate::msg!(
                    text::FEW_SUBNETS,
                    subnets = subnets,
                    count = count.map_or_else(|| "?".to_string(), |n| n.to_string())
                ),
            ));
        }
    }
    if !seen {
        return Shown::NotApplicable(Evidence::general(crate::msg!(text::NO_AWSVPC_SERVICE)));
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
                    crate::msg!(text::ECR_SAME_REGION, name = &name, region = r),
                )),
                (Some(r), Some(l)) => bad.push(files.at(
                    file,
                    node.span,
                    crate::msg!(
                        text::ECR_OTHER_REGION,
                        name = &name,
                        region = r,
                        log_region = l
                    ),
                )),
                (Some(r), None) => good.push(files.at(
                    file,
                    node.span,
                    crate::msg!(text::ECR_PRIVATE, name = &name, region = r),
                )),
                (None, _) => bad.push(files.at(
                    file,
                    node.span,
                    crate::msg!(text::NOT_ECR, name = &name, image = image),
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
            good.push(files.at_key(file, svc, "loadBalancers", crate::msg!(text::LOAD_BALANCER)));
        } else if public {
            bad.push(files.at(file, svc.span, crate::msg!(text::PUBLIC_IP)));
        } else {
            without_lb.push(file);
        }
    }
    if good.is_empty() && bad.is_empty() && !without_lb.is_empty() {
        return Shown::NotApplicable(Evidence::general(crate::msg!(text::NO_INBOUND)));
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
                    crate::msg!(text::EFS_IAM),
                    auth.unwrap_or(efs),
                    "iam",
                ),
                EfsCheck::AccessPoint => (
                    auth.and_then(|a| a.get_set("accessPointId")).is_some(),
                    crate::msg!(text::EFS_ACCESS_POINT),
                    auth.unwrap_or(efs),
                    "accessPointId",
                ),
                EfsCheck::Transit => (
                    efs.get_str("transitEncryption") == Some("ENABLED"),
                    crate::msg!(text::EFS_TRANSIT),
                    efs,
                    "transitEncryption",
                ),
            };
            if ok {
                good.push(files.at_key(
                    file,
                    node,
                    key,
                    crate::msg!(text::EFS_USES, name = name, what = what),
                ));
            } else {
                bad.push(files.at_key(
                    file,
                    v,
                    "efsVolumeConfiguration",
                    crate::msg!(text::EFS_MISSES, name = name, what = what),
                ));
            }
        }
    }
    if good.is_empty() && bad.is_empty() {
        let text = match check {
            EfsCheck::Transit => crate::msg!(text::NO_EFS_TRANSIT),
            _ => crate::msg!(text::NO_EFS),
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
            Some("awsvpc") => {
                good.push(files.at_key(file, ctx.task, "networkMode", crate::msg!(text::AWSVPC)))
            }
            Some(mode) => bad.push(files.at(
                file,
                ctx.key_span_or_task("networkMode"),
                crate::msg!(text::NOT_AWSVPC, mode = mode),
            )),
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
                    Some(crate::msg!(text::SECRETS_MANAGER))
                } else if from.contains(":ssm:") || from.starts_with('/') || !from.contains(':') {
                    Some(crate::msg!(text::PARAMETER_STORE))
                } else {
                    None
                };
                if let Some(store) = store {
                    let var = s.get_str("name").unwrap_or("?");
                    good.push(files.at(
                        file,
                        s.span,
                        crate::msg!(text::SECRET_FROM, name = &name, var = var, store = store),
                    ));
                }
            }
        }
    }
    if good.is_empty() {
        return Shown::NotApplicable(Evidence::general(crate::msg!(text::NO_SECRETS)));
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
                    crate::msg!(text::NO_LOG_CONFIGURATION, name = &name),
                ));
            }
            if let Some(node) = c.get_set("image") {
                let image = node.as_str().unwrap_or("");
                if is_metrics_collector(image) || is_xray_daemon(image) {
                    sidecar = Some(files.at(
                        file,
                        node.span,
                        crate::msg!(text::TELEMETRY_SIDECAR, name = &name),
                    ));
                }
            }
        }
        match sidecar {
            Some(e) => good.push(e),
            None => bad.push(files.at(
                file,
                ctx.task_head_span(),
                crate::msg!(text::NO_TELEMETRY_SIDECAR),
            )),
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
                    crate::msg!(text::METRICS_COLLECTOR, name = &name),
                ));
            } else if is_xray_daemon(image) {
                xray = Some(files.at(file, node.span, crate::msg!(text::XRAY_ONLY, name = &name)));
            }
        }
        match (found, xray) {
            (Some(e), _) => good.push(e),
            (None, Some(x)) => bad.push(x),
            (None, None) => bad.push(files.at(
                file,
                ctx.task_head_span(),
                crate::msg!(text::NO_METRICS_COLLECTOR),
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
        Shown::NotSatisfied(vec![Evidence::general(crate::msg!(text::NOTHING_SHOWS))])
    }
}
