use super::pairing_docker::{self, docker_health_check, DockerHealthCheck};
use crate::input::msg::Msg;
use crate::models::project::ProjectCtx;
use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;
use crate::rules::taskdef::util;

crate::declare_rule! {
    /// ## What it does
    /// When a Dockerfile and the task definition that runs its image are linted together,
    /// reports a container with no `healthCheck` whose image has a `HEALTHCHECK`. The help gives
    /// the task definition equivalent: the same command (`CMD-SHELL` for the shell form, `CMD`
    /// for the exec form) and Docker's `--interval`, `--timeout`, `--retries` and
    /// `--start-period` in seconds, with Docker's defaults where the Dockerfile sets none
    /// (interval 30 s, timeout 30 s, 3 retries), kept inside the ranges ECS accepts.
    ///
    /// ## Why is this bad?
    /// Amazon ECS does not run the image's `HEALTHCHECK`; it runs only the container
    /// definition's `healthCheck`. The Dockerfile's author wrote a check that works locally with
    /// `docker run`, and in ECS nothing runs it: an application that hangs keeps its task
    /// running until it crashes. Each file alone
    /// gets a milder note (`DF004` on the Dockerfile, `TD202` on the task); together they show
    /// the check exists and only needs to be copied.
    ///
    /// ## Example
    /// `Dockerfile`: `HEALTHCHECK --interval=10s --timeout=3s CMD curl -f http://localhost:8080/health || exit 1`;
    /// task definition: `{ "name": "app", "image": "..." }`.
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "app", "image": "...",
    ///   "healthCheck": { "command": ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"],
    ///                    "interval": 10, "timeout": 3, "retries": 3 } }
    /// ```
    ///
    /// ## References
    /// - [Amazon ECS task definition parameters: healthCheck](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html)
    /// - [HealthCheck](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html)
    /// - [Dockerfile reference: HEALTHCHECK](https://docs.docker.com/reference/dockerfile/#healthcheck)
    /// - KICS "ECS Task Definition HealthCheck Missing"; Checkov CKV_DOCKER_2 and Trivy DS-0026
    ///   ask for the Dockerfile side only.
    pub static RULE = {
        code: "XF103",
        name: "health-check-only-in-dockerfile",
        target: CrossFile,
        severity: Warning,
        category: Reliability,
        summary: "the image has a HEALTHCHECK but the task definition has no healthCheck, and ECS runs only the latter",
    }
}

crate::messages! {
    "XF103";
    NO_HEALTH_CHECK = "container `{name}` has no healthCheck; its image's HEALTHCHECK is never run by ECS";
    HELP_ADD = "add the same check to the container definition: {json}";
    HELP_ADD_NOTES = "add the same check to the container definition: {json} ({notes})";
    NOTE_CLAMPED = "{key} {value} is outside {min}–{max}, so {clamped}";
    NOTES_MORE = "{first}; {rest}";
    RELATED_IGNORED = "the image's HEALTHCHECK, which ECS ignores";
}

/// The task definition JSON for the Dockerfile check, and notes on values moved into range.
pub fn translate(hc: &DockerHealthCheck<'_>) -> (String, Vec<Msg>) {
    let mut notes = Vec::new();
    let limits = &util::limits().health_check;
    let range = |key: &str| {
        limits
            .iter()
            .find(|(k, ..)| k == key)
            .map_or((0, i64::MAX), |(_, min, max, ..)| (*min, *max))
    };
    let mut fit = |key: &str, value: i64| {
        let (min, max) = range(key);
        let clamped = value.clamp(min, max);
        if clamped != value {
            notes.push(crate::msg!(
                NOTE_CLAMPED,
                key = key,
                value = value,
                min = min,
                max = max,
                clamped = clamped
            ));
        }
        clamped
    };
    let secs = |v: f64| v.ceil().clamp(0.0, 1e6) as i64;
    let interval = fit("interval", secs(hc.interval.unwrap_or(30.0)));
    let timeout = fit("timeout", secs(hc.timeout.unwrap_or(30.0)));
    let retries = fit("retries", hc.retries.unwrap_or(3));
    let words: Vec<String> = hc
        .command
        .iter()
        .map(|w| serde_json::to_string(w).unwrap_or_default())
        .collect();
    let command = format!("[{}]", words.join(", "));
    let mut json = format!(
        "\"healthCheck\": {{\"command\": {command}, \"interval\": {interval}, \"timeout\": {timeout}, \"retries\": {retries}"
    );
    if let Some(start) = hc.start_period.map(secs).filter(|s| *s > 0) {
        let start = fit("startPeriod", start);
        json.push_str(&format!(", \"startPeriod\": {start}"));
    }
    json.push('}');
    (json, notes)
}

pub fn check(project: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    for pair in pairing_docker::pairs(project) {
        if pair.container.get_set("healthCheck").is_some() || pair.container.is_opaque() {
            continue;
        }
        let Some(hc) = docker_health_check(&pair) else {
            continue;
        };
        let (json, notes) = translate(&hc);
        // The notes, joined as one phrase: "a; b; c".
        let help = match notes
            .into_iter()
            .rev()
            .reduce(|rest, first| crate::msg!(NOTES_MORE, first = first, rest = rest))
        {
            None => crate::msg!(HELP_ADD, json = &json),
            Some(notes) => crate::msg!(HELP_ADD_NOTES, json = &json, notes = notes),
        };
        sink.report_msg_in(
            pair.task.file,
            TaskDefCtx::container_span(pair.container),
            crate::msg!(NO_HEALTH_CHECK, name = pair.name()),
        )
        .set_help_msg(help)
        .add_related_in_msg(
            pair.docker.file,
            hc.instruction.span,
            crate::msg!(RELATED_IGNORED),
        );
    }
}
