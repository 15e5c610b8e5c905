//! Facts about a Dockerfile's stages and `RUN`s that the Dockerfile and cross-file rules share:
//! the commands of each `RUN`, which stage an instruction is in and what that stage inherits,
//! which stages make the image and which a default build runs, what `ENV` is in scope.

use crate::syntax::dockerfile::{Command, DockerfileCtx, Instruction, Word};

/// Every `(RUN, command)` pair of the file, `ONBUILD RUN` included.
pub fn commands<'a>(
    ctx: &'a DockerfileCtx<'a>,
) -> impl Iterator<Item = (&'a Instruction, &'a Command)> + 'a {
    ctx.runs()
        .flat_map(|run| run.commands.iter().map(move |c| (run, c)))
}

/// Whether the instruction belongs to the last stage.
pub fn in_final_stage(ctx: &DockerfileCtx<'_>, ins: &Instruction) -> bool {
    match (ins.stage, ctx.final_stage()) {
        (Some(s), Some(last)) => s == last.index,
        _ => false,
    }
}

/// Whether an `ENV` of the instruction's stage (or an earlier one) sets `name`.
pub fn env_set(ctx: &DockerfileCtx<'_>, name: &str) -> bool {
    ctx.instructions()
        .filter(|i| i.is("ENV"))
        .flat_map(|i| i.pairs.iter())
        .any(|p| p.key == name)
}

/// Whether a command of the same RUN removes or cleans `what` (any of the words).
pub fn run_has(run: &Instruction, program: &str, any_args: &[&str]) -> bool {
    run.commands.iter().any(|c| {
        c.is(program)
            && c.args()
                .iter()
                .any(|a| any_args.iter().any(|x| a.text.starts_with(x)))
    })
}

/// Joins names for a message: "`a`, `b` and `c`".
pub fn list(words: &[&Word]) -> String {
    let names: Vec<String> = words.iter().map(|w| format!("`{}`", w.text)).collect();
    match names.len() {
        0 => String::new(),
        1 => names.concat(),
        n => format!("{} and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}

/// The span covering several words.
pub fn cover(words: &[&Word]) -> crate::input::span::Span {
    let mut it = words.iter();
    let first = it.next().map(|w| w.span).unwrap_or_default();
    it.fold(first, |acc, w| acc.cover(w.span))
}

/// The stage a stage is built on (`FROM build` after `FROM ... AS build`), if any.
pub fn parent_stage<'a>(
    ctx: &DockerfileCtx<'a>,
    stage: &crate::syntax::dockerfile::Stage,
) -> Option<&'a crate::syntax::dockerfile::Stage> {
    ctx.dockerfile
        .stages
        .get(..stage.index)?
        .iter()
        .rev()
        .find(|s| {
            s.alias
                .as_ref()
                .is_some_and(|(a, _)| a.eq_ignore_ascii_case(&stage.image))
        })
}

/// Indexes of the stages whose layers end up in the final image: the last stage and the stages
/// it is built on.
pub fn image_stages(ctx: &DockerfileCtx<'_>) -> Vec<usize> {
    let mut out = Vec::new();
    let mut current = ctx.final_stage();
    while let Some(stage) = current {
        if out.contains(&stage.index) || out.len() > 64 {
            break;
        }
        out.push(stage.index);
        current = parent_stage(ctx, stage);
    }
    out
}

/// Whether the instruction's layer ends up in the final image.
pub fn in_image(ctx: &DockerfileCtx<'_>, ins: &Instruction) -> bool {
    ins.stage.is_some_and(|s| image_stages(ctx).contains(&s))
}

/// Every `RUN` with the instruction that holds it: itself, or the `ONBUILD` around it (whose
/// stage and position the trigger shares).
pub fn runs_in<'a>(
    ctx: &'a DockerfileCtx<'a>,
) -> impl Iterator<Item = (&'a Instruction, &'a Instruction)> + 'a {
    ctx.instructions().filter_map(|i| {
        if i.is("RUN") {
            Some((i, i))
        } else {
            i.onbuild.as_deref().filter(|t| t.is("RUN")).map(|t| (i, t))
        }
    })
}

/// Whether a `RUN` leaves its layer in an image someone runs: an `ONBUILD RUN` (it runs in the
/// images built on this one), a `RUN` of the final stage or of a stage the final stage is built
/// on, or a `RUN` before any `FROM` (the file has no stages to tell).
pub fn run_in_image(ctx: &DockerfileCtx<'_>, outer: &Instruction) -> bool {
    outer.onbuild.is_some() || outer.stage.is_none() || in_image(ctx, outer)
}

/// The stages whose `ENV` and `ARG` an instruction sees: its own and those it is built on.
pub fn scope(ctx: &DockerfileCtx<'_>, ins: &Instruction) -> Vec<usize> {
    let mut out = Vec::new();
    let mut current = ins.stage.and_then(|s| ctx.dockerfile.stages.get(s));
    while let Some(stage) = current {
        if out.contains(&stage.index) || out.len() > 64 {
            break;
        }
        out.push(stage.index);
        current = parent_stage(ctx, stage);
    }
    out
}

/// The value of the last `ENV name=value` an instruction sees (in its stage or the stages it is
/// built on, before it), if any.
pub fn env_value(ctx: &DockerfileCtx<'_>, ins: &Instruction, name: &str) -> Option<String> {
    let scope = scope(ctx, ins);
    ctx.instructions()
        .filter(|i| i.is("ENV") && i.span.start < ins.span.start)
        .filter(|i| i.stage.is_none_or(|s| scope.contains(&s)))
        .flat_map(|i| i.pairs.iter())
        .filter(|p| p.key == name)
        .last()
        .map(|p| p.value.clone().unwrap_or_default())
}

/// The names of the variables a word uses (`$a`, `${b}`, `${c:-x}`).
pub fn variables(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(pos) = rest.find('$') {
        rest = rest.get(pos + 1..).unwrap_or("");
        let body = rest.strip_prefix('{').unwrap_or(rest);
        let end = body
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(body.len());
        if end > 0 {
            out.push(body.get(..end).unwrap_or(""));
        }
    }
    out
}

/// Whether a version written with a variable is really unknown: some variable of the word is
/// defined only by `ENV` in stages the instruction does not see (an `ENV` of another stage does
/// not reach this one, so the variable is empty there). A variable with no definition in the
/// file, or set by `ARG` or by an `ENV` in scope, counts as a pin.
pub fn foreign_env_only(ctx: &DockerfileCtx<'_>, ins: &Instruction, word: &Word) -> bool {
    let scope = scope(ctx, ins);
    variables(&word.text).into_iter().any(|name| {
        let mut elsewhere = false;
        for i in ctx.instructions() {
            let defines = i.pairs.iter().any(|p| p.key == name);
            if !defines {
                continue;
            }
            if i.is("ARG") || i.stage.is_none_or(|s| scope.contains(&s)) {
                return false;
            }
            elsewhere |= i.is("ENV");
        }
        elsewhere
    })
}

/// The stages BuildKit dispatches when no `--target` is given (see
/// [`crate::syntax::dockerfile::checks::built_by_default`]).
pub fn built_by_default(ctx: &DockerfileCtx<'_>) -> Vec<bool> {
    crate::syntax::dockerfile::checks::built_by_default(
        &ctx.dockerfile.instructions,
        &ctx.dockerfile.stages,
    )
}

/// Whether the instruction is in a stage BuildKit dispatches when no `--target` is given.
pub fn built(ctx: &DockerfileCtx<'_>, ins: &Instruction) -> bool {
    ins.stage
        .is_some_and(|s| built_by_default(ctx).get(s).copied().unwrap_or(false))
}

/// The finding is one BuildKit's build check `check` also raises. With `# check=error=true`
/// (and the check not skipped) BuildKit fails the build when a check fires ("To make the build
/// fail on warnings, set `#check=error=true`", Dockerfile reference, `check` directive), so the
/// finding becomes an error, pointing at the directive. Callers make sure the check fires on
/// this case too (its conditions are those of BuildKit's `dockerfile2llb`). `fails` is the
/// calling rule's template for the directive's related message, with a `{check}` placeholder
/// ("`error=true`: BuildKit's check {check} fires here, so the build fails").
pub fn buildkit_check(
    ctx: &DockerfileCtx<'_>,
    d: &mut crate::input::diagnostic::Diagnostic,
    check: &str,
    fails: &'static crate::input::msg::Template,
) {
    let directive = ctx.dockerfile.check_directive();
    if !directive.fails_on(check) {
        return;
    }
    d.severity = crate::input::diagnostic::Severity::Error;
    if let Some(at) = ctx.dockerfile.directives.iter().find(|x| x.name == "check") {
        let message = crate::input::msg::Msg {
            template: fails,
            args: vec![("check", crate::input::msg::Arg::from(check))],
        };
        d.add_related_msg(at.span, message);
    }
}
