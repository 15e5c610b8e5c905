//! BuildKit's build checks that fail the build under `# check=error=true` ("lint violation found
//! for rules: ..."), for the checks no rule of ours mirrors: each is an `IN003` only when the
//! directive turns it into a failure. The checks our rules mirror (DL3000, DL3024, DL3029,
//! DL3063, DL3064, DL3065, DL4000, DL4003, DL4004) become errors in the rules themselves
//! (`models/stages.rs`, `buildkit_check`). Conditions follow BuildKit's
//! `instructions/parse.go` and `dockerfile2llb` (`validations.go`, `convert.go`,
//! `convert_expose.go`).

use super::refs::CheckDirective;
use super::{in003, syntax_error_help, Instruction, Stage};
use crate::input::diagnostic::Diagnostic;
use crate::input::msg::Msg;

/// The stages BuildKit dispatches when no `--target` is given: the last stage and, through
/// `FROM`, `COPY --from` and `RUN --mount=from=`, every stage it certainly needs. A reference
/// holding a variable is not followed (the stage it names is not certain).
pub fn built_by_default(all: &[Instruction], stages: &[Stage]) -> Vec<bool> {
    let mut built = vec![false; stages.len()];
    let Some(last) = stages.last() else {
        return built;
    };
    if let Some(b) = built.get_mut(last.index) {
        *b = true;
    }
    for stage in stages.iter().rev() {
        if !built.get(stage.index).copied().unwrap_or(false) {
            continue;
        }
        let mut refs: Vec<String> = vec![stage.image.to_ascii_lowercase()];
        for ins in all.get(stage.instructions.clone()).unwrap_or(&[]) {
            if let Some(v) = ins.flag("from").and_then(|f| f.value.clone()) {
                refs.push(v.to_ascii_lowercase());
            }
            for m in ins.flags_named("mount") {
                refs.extend(
                    m.fields()
                        .into_iter()
                        .filter(|(k, _)| k == "from")
                        .map(|(_, v)| v.to_ascii_lowercase()),
                );
            }
        }
        for r in refs.iter().filter(|r| !r.contains('$')) {
            let before = stages.get(..stage.index).unwrap_or(&[]);
            let named = before
                .iter()
                .rev()
                .find(|s| s.alias.as_ref().is_some_and(|(a, _)| a == r))
                .or_else(|| r.parse::<usize>().ok().and_then(|n| stages.get(n)));
            if let Some(b) = named.and_then(|t| built.get_mut(t.index)) {
                *b = true;
            }
        }
    }
    built
}

fn fail(out: &mut Vec<Diagnostic>, at: crate::input::span::Span, check: &str, what: Msg) {
    out.push(syntax_error_help(
        at,
        crate::msg!(in003::CHECK_FAILS, what = what, check = check),
        crate::msg!(in003::HELP_CHECK_SKIP, check = check),
    ));
}

/// The failures of the checks no rule mirrors, when `# check=error=true` is set.
pub(super) fn failing(
    text: &str,
    all: &[Instruction],
    stages: &[Stage],
    check: &CheckDirective,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if !check.error || check.skip_all {
        return out;
    }
    let written = |ins: &Instruction| -> String {
        text.get(ins.keyword_span.start as usize..ins.keyword_span.end as usize)
            .unwrap_or("")
            .to_string()
    };
    let in_stages: Vec<&Instruction> = stages
        .iter()
        .flat_map(|s| all.get(s.instructions.clone()).unwrap_or(&[]))
        .collect();
    // Parse time, every stage: StageNameCasing and FromAsCasing.
    for stage in stages {
        let Some(from) = all.get(stage.from) else {
            continue;
        };
        if let [_, as_kw, name] = from.words.as_slice() {
            if !as_kw.text.eq_ignore_ascii_case("as") {
                continue;
            }
            if check.fails_on("StageNameCasing") && name.text != name.text.to_lowercase() {
                fail(
                    &mut out,
                    name.span,
                    "StageNameCasing",
                    crate::msg!(in003::CHECK_STAGE_CASE, name = &name.text),
                );
            }
            let kw = written(from);
            let (lower, upper) = (kw == kw.to_lowercase(), kw == kw.to_uppercase());
            let as_ok = if lower {
                as_kw.text == as_kw.text.to_lowercase()
            } else if upper {
                as_kw.text == as_kw.text.to_uppercase()
            } else {
                true
            };
            if check.fails_on("FromAsCasing") && !as_ok {
                fail(
                    &mut out,
                    as_kw.span,
                    "FromAsCasing",
                    crate::msg!(in003::CHECK_AS_CASE, word = &as_kw.text, keyword = &kw),
                );
            }
        }
    }
    // Before dispatch, every stage: ConsistentInstructionCasing against the majority.
    if check.fails_on("ConsistentInstructionCasing") {
        let (mut lower, mut upper) = (0, 0);
        for ins in &in_stages {
            let kw = written(ins);
            if kw == kw.to_lowercase() {
                lower += 1;
            } else if kw == kw.to_uppercase() {
                upper += 1;
            }
        }
        let majority_lower = lower > upper;
        for ins in &in_stages {
            let kw = written(ins);
            let wrong = if majority_lower {
                kw != kw.to_lowercase()
            } else {
                kw != kw.to_uppercase()
            };
            if wrong {
                let what = if majority_lower {
                    crate::msg!(in003::CHECK_NOT_LOWER, keyword = &kw)
                } else {
                    crate::msg!(in003::CHECK_NOT_UPPER, keyword = &kw)
                };
                fail(
                    &mut out,
                    ins.keyword_span,
                    "ConsistentInstructionCasing",
                    what,
                );
            }
        }
    }
    // Dispatch time, the stages the build needs: LegacyKeyValueFormat and the EXPOSE checks.
    let built = built_by_default(all, stages);
    for ins in &in_stages {
        if !ins
            .stage
            .is_some_and(|s| built.get(s).copied().unwrap_or(false))
        {
            continue;
        }
        if (ins.is("ENV") || ins.is("LABEL")) && check.fails_on("LegacyKeyValueFormat") {
            if let Some(first) = ins.words.first() {
                let raw = ins.text.split_whitespace().next().unwrap_or("");
                if !raw.contains('=') && ins.words.len() > 1 {
                    let span = first
                        .span
                        .cover(ins.words.last().map_or(first.span, |w| w.span));
                    fail(
                        &mut out,
                        span,
                        "LegacyKeyValueFormat",
                        crate::msg!(
                            in003::CHECK_LEGACY_FORM,
                            keyword = &ins.keyword,
                            name = &first.text
                        ),
                    );
                }
            }
        }
        if ins.is("EXPOSE") {
            for w in ins.words.iter().filter(|w| !w.text.contains('$')) {
                let (ports, proto) = w.text.split_once('/').unwrap_or((&w.text, ""));
                if check.fails_on("ExposeProtoCasing") && proto != proto.to_lowercase() {
                    fail(
                        &mut out,
                        w.span,
                        "ExposeProtoCasing",
                        crate::msg!(in003::CHECK_PROTO_CASE, port = &w.text),
                    );
                }
                if check.fails_on("ExposeInvalidFormat") && ports.contains(':') {
                    fail(
                        &mut out,
                        w.span,
                        "ExposeInvalidFormat",
                        crate::msg!(in003::CHECK_EXPOSE_HOST, port = &w.text),
                    );
                }
            }
        }
    }
    out
}
