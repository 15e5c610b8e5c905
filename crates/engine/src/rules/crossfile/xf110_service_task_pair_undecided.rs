use crate::input::msg::Arg;
use crate::models::project::ProjectCtx;
use crate::rules::check::Sink;
use crate::rules::servicedef::pairing;

crate::declare_rule! {
    /// ## What it does
    /// Says, once per service definition, when the run holds task definitions but none can be
    /// told to be the one the service runs: several have the family its `taskDefinition`
    /// names, or it names none and there are several (and no ecspresso config among the inputs
    /// names its task definition).
    ///
    /// ## Why is this bad?
    /// The service ↔ task definition checks (`SV060`–`SV064`, `XF102`, `XF106`, `XF108`) only
    /// run on a pair. Rather than guess, ecsplain leaves the service unchecked against any task
    /// definition, and this note says so, so that silence is not read as a pass.
    ///
    /// ## Example
    /// A folder with `service.json` (no `taskDefinition`), `web-task-def.json` and
    /// `migrate-task-def.json`, linted without the ecspresso config.
    ///
    /// ## Use instead
    /// Name the family in the service (`"taskDefinition": "web"`), or lint the ecspresso config
    /// that names both files (`ecsplain lint ecspresso.yml`).
    ///
    /// ## References
    /// - [CreateService taskDefinition](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html)
    ///   (`family` or `family:revision`); ecspresso's `service_definition` and
    ///   `task_definition` config keys.
    pub static RULE = {
        code: "XF110",
        name: "service-task-pair-undecided",
        target: CrossFile,
        severity: Info,
        category: Reliability,
        summary: "a service whose task definition cannot be told among several in the run",
    }
}

crate::messages! {
    "XF110";
    SAME_FAMILY = "{count} task definitions of this run have the family `{family}`, so the service ↔ task definition checks do not know which one this service runs";
    NO_FAMILY = "this service names no task definition family and the run holds {count} task definitions, so the service ↔ task definition checks are skipped for it";
    HELP_NAME_FAMILY = "name the family in \"taskDefinition\", or lint the ecspresso config that names both files (candidates: {candidates})";
}

pub fn check(project: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    for open in pairing::undecided(project) {
        let service = &open.service;
        let span = service
            .service
            .member("taskDefinition")
            .map_or_else(|| service.service_head_span(), |m| m.span());
        let names: Vec<&str> = open
            .candidates
            .iter()
            .filter_map(|f| project.inputs.get(*f).map(|i| i.path))
            .collect();
        let message = match open.family {
            Some(family) => crate::msg!(SAME_FAMILY, count = names.len(), family = family),
            None => crate::msg!(NO_FAMILY, count = names.len()),
        };
        let d = sink.report_msg_in(service.file, span, message);
        d.set_help_msg(crate::msg!(
            HELP_NAME_FAMILY,
            candidates = Arg::List(names.iter().map(|n| Arg::from(*n)).collect())
        ));
    }
}
