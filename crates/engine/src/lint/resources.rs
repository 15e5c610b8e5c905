//! Stage "infrastructure as code": one input per task and service resource of the Terraform
//! files and CloudFormation templates, and their findings moved back to the file.

use super::*;

/// Adds an input for each task and service definition of the Terraform files and
/// CloudFormation templates of the run, and returns which file each added input belongs to,
/// the resource's address and whether it holds a folded file (by index past the real inputs;
/// `folds` from [`iac_folds`], `folded_texts` their joined texts). A service whose task definition refers to a task resource
/// of the run (`aws_ecs_task_definition.app.arn`, `!Ref TaskDef`) is paired with it: in the
/// same file, else (Terraform, whose module is a folder) the one of that address in the folder.
pub(super) fn iac_inputs<'a>(
    parsed: &mut Vec<ParsedInput<'a>>,
    folds: Vec<iac::fold::Fold>,
    folded_texts: &'a [String],
) -> (Vec<usize>, Vec<String>, Vec<Option<Folded>>) {
    let real = parsed.len();
    let mut owners = Vec::new();
    let mut addresses = Vec::new();
    let mut added = Vec::new();
    let mut folded = Vec::new();
    let mut folds: Vec<Option<iac::fold::Fold>> = folds.into_iter().map(Some).collect();
    for (file, input) in parsed.iter_mut().enumerate() {
        let Model::Iac(resources) = &mut input.model else {
            continue;
        };
        for (index, mut resource) in std::mem::take(resources).into_iter().enumerate() {
            owners.push(file);
            addresses.push(resource.address.clone());
            let fold = folds.iter_mut().enumerate().find_map(|(k, f)| {
                f.as_ref()
                    .is_some_and(|f| f.file == file && f.resource == index)
                    .then(|| f.take().map(|f| (k, f)))
                    .flatten()
            });
            match fold.and_then(|(k, f)| folded_texts.get(k).map(|t| (t, f))) {
                Some((text, fold)) => {
                    iac::fold::with_containers(&mut resource.root, fold.containers, fold.call);
                    folded.push(Some(Folded {
                        other: fold.other,
                        offset: fold.offset,
                        template: fold.template,
                    }));
                    added.push((input.path, text.as_str(), text.as_str(), resource));
                }
                None => {
                    folded.push(None);
                    added.push((input.path, input.text, input.source, resource));
                }
            }
        }
    }
    // A folded file is checked with its task, not again on its own.
    for f in folded.iter().flatten() {
        if let Some(other) = parsed.get_mut(f.other) {
            other.model = Model::Tree(None);
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
    (owners, addresses, folded)
}

/// A Terraform task's input that holds another file's container definitions too
/// (`iac::fold`): findings past `offset` belong to input `other`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Folded {
    other: usize,
    offset: usize,
    template: bool,
}

/// The files Terraform tasks read their container definitions from (`file()`,
/// `templatefile()`) that are inputs of the run, read as JSON.
pub(super) fn iac_folds(parsed: &[ParsedInput<'_>]) -> Vec<iac::fold::Fold> {
    let mut folds = Vec::new();
    for (file, input) in parsed.iter().enumerate() {
        let Model::Iac(resources) = &input.model else {
            continue;
        };
        for (resource, r) in resources.iter().enumerate() {
            let Some(f) = r.files.first() else {
                continue;
            };
            let want = iac::fold::resolve(input.path, &f.path);
            let Some(other) = parsed.iter().position(|p| {
                p.rendered.is_none()
                    && !matches!(p.model, Model::Iac(_))
                    && ecspresso::normalize_path(p.path) == want
            }) else {
                continue;
            };
            let Some(text) = parsed.get(other).map(|p| p.text) else {
                continue;
            };
            let containers = if f.template {
                iac::fold::template_json(text)
            } else {
                iac::fold::json(text)
            };
            if let Some(mut containers) = containers {
                let offset = input.text.len() + 1;
                iac::fold::shift(&mut containers, offset);
                folds.push(iac::fold::Fold {
                    file,
                    resource,
                    other,
                    offset,
                    template: f.template,
                    containers,
                    call: f.span,
                });
            }
        }
    }
    folds
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
    folded: &[Option<Folded>],
    raw: &mut [(usize, Diagnostic)],
) {
    let owner = |file: usize| -> usize {
        file.checked_sub(real)
            .and_then(|i| owners.get(i))
            .copied()
            .unwrap_or(file)
    };
    // Each resource's names as its file spells them, built when a finding needs them.
    let mut names: Vec<Option<iac::edit::Names>> = Vec::new();
    names.resize_with(owners.len(), || None);
    for (file, d) in raw.iter_mut() {
        if *file >= real {
            let input = parsed.get(*file);
            let file_kind = parsed.get(owner(*file)).and_then(|p| p.kind);
            let tree = input.and_then(|p| Some((p.tree()?, p.text, p.path, p.kind?)));
            let fold = folded.get(*file - real).copied().flatten();
            if let (Some((root, text, path, kind)), Some(file_kind)) = (tree, file_kind) {
                if let Some(mut fix) = d.fix.take() {
                    let in_file = |e: &crate::input::diagnostic::Edit| {
                        fold.is_some_and(|f| e.span.start as usize >= f.offset)
                    };
                    d.fix = if fix.edits.iter().any(in_file) {
                        // Edits of a folded JSON file are JSON edits of that file.
                        let all = fix.edits.iter().all(in_file);
                        match fold {
                            Some(f) if all && !f.template => {
                                for e in &mut fix.edits {
                                    e.span = shift_back(e.span, f.offset);
                                }
                                Some(fix)
                            }
                            _ => None,
                        }
                    } else if iac::keeps_fix(root, text, &fix) {
                        Some(fix)
                    } else {
                        // The same number of resources must read back from the fixed file.
                        let count = owners.iter().filter(|&&o| o == owner(*file)).count();
                        iac::edit::translate(root, text, file_kind, kind, &fix).filter(|fixed| {
                            iac::edit::apply(text, fixed).is_some_and(|after| {
                                iac::edit::reads_back(file_kind, path, count, &after)
                            })
                        })
                    };
                }
                let in_folded = fold.is_some_and(|f| d.span.start as usize >= f.offset);
                if let Some(slot) = names.get_mut(*file - real).filter(|_| !in_folded) {
                    let names = slot
                        .get_or_insert_with(|| iac::edit::Names::new(root, text, file_kind, kind));
                    d.message = names.rewrite(&d.message);
                    d.help = d.help.as_deref().map(|h| names.rewrite(h));
                    if let Some(fix) = &mut d.fix {
                        fix.title = names.rewrite(&fix.title);
                    }
                    for related in &mut d.related {
                        related.message = names.rewrite(&related.message);
                    }
                }
            }
        }
        let from = *file;
        *file = owner(from);
        // A finding in a folded file goes to that file.
        let fold = from
            .checked_sub(real)
            .and_then(|i| folded.get(i).copied().flatten());
        if let Some(f) = fold {
            let owner_file = *file;
            let in_other = d.span.start as usize >= f.offset;
            if in_other {
                *file = f.other;
                d.span = shift_back(d.span, f.offset);
            }
            for related in &mut d.related {
                if related.place != Place::SameFile {
                    continue;
                }
                let related_in_other = related.span.start as usize >= f.offset;
                if related_in_other {
                    related.span = shift_back(related.span, f.offset);
                }
                related.place = match (in_other, related_in_other) {
                    (true, false) => Place::File(owner_file),
                    (false, true) => Place::File(f.other),
                    _ => Place::SameFile,
                };
            }
        }
        if from >= real {
            let kind = parsed.get(owner(from)).and_then(|p| p.kind);
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

/// A span of a folded file's part of a joined text, in that file.
fn shift_back(span: Span, offset: usize) -> Span {
    Span::new(
        (span.start as usize).saturating_sub(offset),
        (span.end as usize).saturating_sub(offset),
    )
}
