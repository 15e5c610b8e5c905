//! Which service definition runs which task definition, among the inputs of one lint run.

use crate::input::Kind;
use crate::models::project::{ProjectCtx, ServiceBy};
use crate::models::servicedef::ServiceDefCtx;
use crate::models::taskdef::TaskDefCtx;

/// A service and the task definition it runs.
pub struct Pair<'a> {
    pub service: ServiceDefCtx<'a>,
    pub task: TaskDefCtx<'a>,
    /// How the task definition was decided.
    pub by: ServiceBy,
}

/// The family named by a service's `taskDefinition` (`web`, `web:3`, or a task definition ARN).
pub fn family_of(reference: &str) -> Option<&str> {
    // The account or region in an ARN may be a placeholder; the family after the `/` must not.
    let name = reference.rsplit('/').next().unwrap_or(reference);
    if crate::syntax::value::is_placeholder_text(name) {
        return None;
    }
    let family = match name.rsplit_once(':') {
        Some((family, revision)) if revision.chars().all(|c| c.is_ascii_digit()) => family,
        _ => name,
    };
    (!family.is_empty()).then_some(family)
}

/// A service whose task definition cannot be told among several in the run.
pub struct Undecided<'a> {
    pub service: ServiceDefCtx<'a>,
    /// The family the service names, when it names one.
    pub family: Option<&'a str>,
    /// The task definitions it could be (files of the run).
    pub candidates: Vec<usize>,
}

/// Pairs each service with the task definition it runs, in this order:
/// 1. the task definition an ecspresso config among the inputs names next to the service's
///    file (ecspresso deploys the service with that one, whatever `taskDefinition` says), or
///    the task definition resource a Terraform or CloudFormation service refers to;
/// 2. the one task definition whose `family` is the one `taskDefinition` names;
/// 3. the only task definition of the run, when the run has one service and one task
///    definition and nothing above contradicts it.
///
/// Otherwise the service is left unpaired; [`undecided`] lists those that had candidates.
pub fn pairs<'a>(project: &'a ProjectCtx<'a>) -> Vec<Pair<'a>> {
    decide(project).0
}

/// The services [`pairs`] could not pair although the run holds task definitions that might
/// be theirs (several with the family they name, or several and no family named).
pub fn undecided<'a>(project: &'a ProjectCtx<'a>) -> Vec<Undecided<'a>> {
    decide(project).1
}

fn decide<'a>(project: &'a ProjectCtx<'a>) -> (Vec<Pair<'a>>, Vec<Undecided<'a>>) {
    let mut services = Vec::new();
    let mut tasks = Vec::new();
    for (file, input) in project.inputs.iter().enumerate() {
        let Some(root) = input.tree() else { continue };
        match input.kind {
            Some(Kind::ServiceDef) => services.push(ServiceDefCtx::new(input.text, file, root)),
            Some(Kind::TaskDef) => tasks.push(TaskDefCtx::new(input.text, file, root)),
            _ => {}
        }
    }
    let single = services.len() == 1 && tasks.len() == 1;
    let by_config = config_pairs(project);
    // The task definition an ecspresso config names next to this service's file.
    let named_with = |service: &ServiceDefCtx<'a>| -> Option<(&TaskDefCtx<'a>, ServiceBy)> {
        // A Terraform or CloudFormation service refers to its task definition resource.
        if let Some(task) = project.inputs.get(service.file)?.task_input {
            return tasks
                .iter()
                .find(|t| t.file == task)
                .map(|t| (t, ServiceBy::Resource));
        }
        let path = crate::models::ecspresso::normalize_path(project.inputs.get(service.file)?.path);
        let (_, task_path) = by_config.iter().find(|(s, _)| *s == path)?;
        tasks
            .iter()
            .find(|t| {
                project
                    .inputs
                    .get(t.file)
                    .is_some_and(|i| crate::models::ecspresso::normalize_path(i.path) == *task_path)
            })
            .map(|t| (t, ServiceBy::Config))
    };
    let mut out = Vec::new();
    let mut open = Vec::new();
    for service in services {
        let family = service
            .service
            .get_str("taskDefinition")
            .and_then(family_of);
        let task = if let Some(named) = named_with(&service) {
            Some(named)
        } else if let Some(family) = family {
            let matching: Vec<&TaskDefCtx<'a>> = tasks
                .iter()
                .filter(|t| t.task.get_str("family") == Some(family))
                .collect();
            match matching.as_slice() {
                [one] => Some((*one, ServiceBy::Family)),
                [] if single
                    && tasks.first().is_some_and(|t| {
                        t.task
                            .get_str("family")
                            .is_none_or(crate::syntax::value::is_placeholder_text)
                    }) =>
                {
                    tasks.first().map(|t| (t, ServiceBy::Only))
                }
                [] => None,
                several => {
                    open.push(Undecided {
                        family: Some(family),
                        candidates: several.iter().map(|t| t.file).collect(),
                        service,
                    });
                    continue;
                }
            }
        } else if single {
            tasks.first().map(|t| (t, ServiceBy::Only))
        } else {
            if !tasks.is_empty() {
                open.push(Undecided {
                    family: None,
                    candidates: tasks.iter().map(|t| t.file).collect(),
                    service,
                });
            }
            continue;
        };
        if let Some((task, by)) = task {
            let task = TaskDefCtx::new(task.text, task.file, task.document);
            out.push(Pair { service, task, by });
        }
    }
    (out, open)
}

/// (service definition path, task definition path) of each ecspresso config among the inputs
/// that names both (templated paths left out).
fn config_pairs(project: &ProjectCtx<'_>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for input in project.inputs {
        if input.kind != Some(Kind::Ecspresso) {
            continue;
        }
        let Some(config) = input.tree() else { continue };
        let references = crate::models::ecspresso::references_in(input.path, config);
        let find = |role: Kind| {
            references
                .iter()
                .find(|r| r.role == role && !r.template)
                .map(|r| r.resolved.clone())
        };
        if let (Some(service), Some(task)) = (find(Kind::ServiceDef), find(Kind::TaskDef)) {
            out.push((service, task));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::family_of;

    #[test]
    fn families() {
        assert_eq!(family_of("web"), Some("web"));
        assert_eq!(family_of("web:12"), Some("web"));
        assert_eq!(
            family_of("arn:aws:ecs:us-east-1:123456789012:task-definition/web:3"),
            Some("web")
        );
        assert_eq!(family_of("{{ must_env `TD` }}"), None);
        assert_eq!(
            family_of("arn:aws:ecs:ap-northeast-1:{{ must_env `ACCOUNT` }}:task-definition/app:"),
            Some("app")
        );
    }
}
