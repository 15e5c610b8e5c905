//! Stage "infrastructure as code": one input per task and service resource of the Terraform
//! files and CloudFormation templates, and their findings moved back to the file.

use super::*;

/// Adds an input for each task and service definition of the Terraform files and
/// CloudFormation templates of the run, and returns which file each added input belongs to
/// and the resource's address (by index past the real inputs). A service whose task definition refers to a task resource
/// of the run (`aws_ecs_task_definition.app.arn`, `!Ref TaskDef`) is paired with it: in the
/// same file, else (Terraform, whose module is a folder) the one of that address in the folder.
pub(super) fn iac_inputs(parsed: &mut Vec<ParsedInput<'_>>) -> (Vec<usize>, Vec<String>) {
    let real = parsed.len();
    let mut owners = Vec::new();
    let mut addresses = Vec::new();
    let mut added = Vec::new();
    for (file, input) in parsed.iter_mut().enumerate() {
        let Model::Iac(resources) = &mut input.model else {
            continue;
        };
        for resource in std::mem::take(resources) {
            owners.push(file);
            addresses.push(resource.address.clone());
            added.push((input.path, input.text, input.source, resource));
        }
    }
    let folder = |path: &str| {
        path.rfind(['/', '\\'])
            .map_or("", |i| &path[..i])
            .to_string()
    };
    let task_inputs: Vec<Option<usize>> = added
        .iter()
        .zip(&owners)
        .map(|((path, .., resource), owner)| {
            let reference = resource.task_ref.as_deref()?;
            let tasks = || {
                added
                    .iter()
                    .zip(&owners)
                    .enumerate()
                    .filter(move |(_, ((.., r), _))| {
                        r.kind == Kind::TaskDef && r.address == reference
                    })
            };
            let same_file = tasks().find(|(_, (_, o))| *o == owner);
            let in_folder = || {
                let mut found = tasks().filter(|(_, ((p, ..), _))| folder(p) == folder(path));
                match (found.next(), found.next()) {
                    (Some(one), None) => Some(one),
                    _ => None,
                }
            };
            same_file
                .or_else(|| {
                    (parsed.get(*owner).and_then(|p| p.kind) == Some(Kind::Terraform))
                        .then(in_folder)
                        .flatten()
                })
                .map(|(i, _)| real + i)
        })
        .collect();
    for ((path, text, source, resource), task_input) in added.into_iter().zip(task_inputs) {
        parsed.push(ParsedInput {
            path,
            text,
            source,
            rendered: None,
            kind: Some(resource.kind),
            model: Model::Tree(Some(resource.root)),
            named_by_config: false,
            task_input,
        });
    }
    (owners, addresses)
}

/// The pairings the cross-file rules read (which task definition each service runs, which
/// container each Dockerfile builds), with the inputs [`iac_inputs`] added named by their file
/// and resource address.
pub(super) fn pairings(
    project: &ProjectCtx<'_>,
    real: usize,
    owners: &[usize],
    addresses: &[String],
) -> Vec<Pairing> {
    let side = |input: usize| match input.checked_sub(real) {
        None => Paired {
            file: input,
            resource: None,
        },
        Some(added) => Paired {
            file: owners.get(added).copied().unwrap_or(input),
            resource: addresses.get(added).cloned(),
        },
    };
    let mut out: Vec<Pairing> = crate::rules::servicedef::pairing::pairs(project)
        .into_iter()
        .map(|pair| Pairing::Service {
            service: side(pair.service.file),
            task: side(pair.task.file),
            by: pair.by,
        })
        .collect();
    for (dockerfile, task, index, by) in crate::rules::crossfile::pairing_docker::decided(project) {
        let container = project
            .inputs
            .get(task)
            .and_then(|input| input.tree())
            .map(|root| taskdef::TaskDefCtx::new("", task, root))
            .and_then(|ctx| Some(ctx.container_name(ctx.containers.get(index)?)))
            .unwrap_or_default();
        out.push(Pairing::Dockerfile {
            dockerfile: side(dockerfile),
            task: side(task),
            container,
            index,
            by,
        });
    }
    out
}

/// Moves the findings of the inputs [`iac_inputs`] added to the file they come from. A fix is
/// kept only where its edits are right in the file's own syntax ([`iac::keeps_fix`]).
pub(super) fn to_iac_files(
    parsed: &[ParsedInput<'_>],
    real: usize,
    owners: &[usize],
    raw: &mut [(usize, Diagnostic)],
) {
    let owner = |file: usize| -> usize {
        file.checked_sub(real)
            .and_then(|i| owners.get(i))
            .copied()
            .unwrap_or(file)
    };
    for (file, d) in raw.iter_mut() {
        if *file >= real {
            if let Some(fix) = &d.fix {
                let keep = parsed
                    .get(*file)
                    .and_then(|p| p.tree().map(|root| (root, p.text)))
                    .is_some_and(|(root, text)| iac::keeps_fix(root, text, fix));
                if !keep {
                    d.fix = None;
                }
            }
        }
        let from = *file;
        *file = owner(from);
        if from >= real {
            let kind = parsed.get(*file).and_then(|p| p.kind);
            if let Some(note) = kind.and_then(|k| iac::aws_error_note(d.code, k)) {
                d.help = Some(match d.help.take() {
                    Some(help) => format!("{help}; {note}"),
                    None => note,
                });
            }
        }
        for related in &mut d.related {
            match related.place {
                Place::SameFile if from >= real => {}
                Place::File(other) => {
                    let to = owner(other);
                    related.place = if to == *file {
                        Place::SameFile
                    } else {
                        Place::File(to)
                    };
                }
                Place::SameFile => {}
            }
        }
    }
}
