//! `lint --fix`, `--diff` and `--unsafe-fixes`: the fixes findings carry, applied to the texts
//! until nothing changes (or [`MAX_PASSES`]), then written back or shown as a unified diff.
//!
//! The texts are fixed in memory and re-linted after every pass; a file whose fixes make it fail
//! to read (a new input error, such as invalid JSON) gets its original text back and is left
//! alone. Files are written only at the end, each through a temporary file renamed over it, so a
//! crash leaves every file either as it was or as fixed. The engine drops every fix that would
//! edit a template action (`{{ ... }}`), so placeholders stay as written.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use ecsplain_engine::diagnostic::{apply_edits, FindingEdit, FindingFix};
use ecsplain_engine::rule::{Applicability, Target};
use ecsplain_engine::{registry, Finding, Input, Severity};

use crate::args::FixArgs;
use crate::messages::{say, t};
use crate::project::Linted as Run;
use crate::{out, OK, TROUBLE};
use ecsplain_engine::input::msg::{Msg, Template};
use ecsplain_engine::msg;

/// Passes of fix-and-lint before giving up on a file that keeps changing.
pub const MAX_PASSES: usize = 10;

/// What fixing did.
pub struct Outcome {
    /// The last lint: the inputs as fixed and what remains.
    run: Option<Run>,
    /// Every input as it was read, and as fixed (same order as given).
    before: Vec<Input>,
    after: Vec<Input>,
    /// Fixes applied, per input.
    applied: Vec<usize>,
    /// Files whose fixes were undone because they broke the file, with the error they caused.
    rolled_back: Vec<(String, String)>,
    /// The fixes were still changing the texts after the last pass.
    unsettled: bool,
    unsafe_fixes: bool,
}

/// Fixes `inputs` with `lint` (one lint of every input with its configuration), pass after
/// pass. `Err` is an exit status (a configuration that cannot be read).
pub fn run(
    fix: FixArgs,
    inputs: Vec<Input>,
    lint: &mut dyn FnMut(Vec<Input>) -> Result<Run, u8>,
) -> Result<Outcome, u8> {
    let before = inputs.clone();
    let mut current = inputs;
    let mut applied = vec![0usize; current.len()];
    let mut frozen = vec![false; current.len()];
    let mut rolled_back = Vec::new();
    let mut run = lint(current.clone())?;
    let known_errors: Vec<BTreeSet<(String, String)>> = current
        .iter()
        .map(|input| input_errors(&run.findings, &input.path))
        .collect();
    let mut unsettled = true;
    for _ in 0..MAX_PASSES {
        let mut changed = false;
        for (i, input) in current.iter_mut().enumerate() {
            // Standard input is shown as a diff only; a file that broke stays as it was read.
            if frozen[i] {
                continue;
            }
            let fixes: Vec<&FindingFix> = run
                .findings
                .iter()
                .filter(|f| f.path == input.path)
                .filter_map(|f| f.fix.as_ref())
                .filter(|f| f.applicability == Applicability::Safe || fix.unsafe_fixes)
                .collect();
            let (text, n) = apply(&input.text, &fixes);
            if n > 0 && text != input.text {
                input.text = text;
                applied[i] += n;
                changed = true;
            }
        }
        if !changed {
            unsettled = false;
            break;
        }
        run = lint(current.clone())?;
        // A file the fixes broke goes back to its text as read.
        let mut undone = false;
        for (i, input) in current.iter_mut().enumerate() {
            if frozen[i] || input.text == before[i].text {
                continue;
            }
            let new: Vec<(String, String)> = input_errors(&run.findings, &input.path)
                .difference(&known_errors[i])
                .cloned()
                .collect();
            if let Some((code, message)) = new.first() {
                input.text.clone_from(&before[i].text);
                applied[i] = 0;
                frozen[i] = true;
                undone = true;
                rolled_back.push((input.path.clone(), format!("{code} {message}")));
            }
        }
        if undone {
            run = lint(current.clone())?;
        }
    }
    Ok(Outcome {
        run: Some(run),
        before,
        after: current,
        applied,
        rolled_back,
        unsettled,
        unsafe_fixes: fix.unsafe_fixes,
    })
}

/// The input errors (rules about reading the file, at error severity) on `path`.
fn input_errors(findings: &[Finding], path: &str) -> BTreeSet<(String, String)> {
    findings
        .iter()
        .filter(|f| f.path == path && f.severity == Severity::Error)
        .filter(|f| registry::rule(f.code).is_some_and(|r| r.target == Target::Input))
        .map(|f| (f.code.to_string(), f.message.clone()))
        .collect()
}

/// Applies the fixes that do not overlap one taken before (in order of their first edit), and
/// says how many. Edits that touch count as overlapping: the next pass takes the other one.
pub fn apply(text: &str, fixes: &[&FindingFix]) -> (String, usize) {
    let mut fixes: Vec<&FindingFix> = fixes
        .iter()
        .copied()
        .filter(|f| !f.edits.is_empty() && f.edits.iter().all(|e| valid(text, e)))
        .collect();
    fixes.sort_by_key(|f| f.edits.iter().map(|e| (e.start, e.end)).min());
    let mut taken: Vec<FindingEdit> = Vec::new();
    let mut count = 0;
    for fix in fixes {
        // The edits of one fix were written together: they may meet, not overlap.
        let clashes = fix.edits.iter().enumerate().any(|(i, e)| {
            taken.iter().any(|t| touch(t, e))
                || fix.edits.iter().skip(i + 1).any(|other| overlap(other, e))
        });
        if clashes {
            continue;
        }
        taken.extend(fix.edits.iter().cloned());
        count += 1;
    }
    (apply_edits(text, &taken), count)
}

fn valid(text: &str, edit: &FindingEdit) -> bool {
    let (start, end) = (edit.start as usize, edit.end as usize);
    start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}

fn touch(a: &FindingEdit, b: &FindingEdit) -> bool {
    a.start <= b.end && b.start <= a.end
}

/// Two edits change a byte in common, or insert at the same place (whose text first?).
fn overlap(a: &FindingEdit, b: &FindingEdit) -> bool {
    (a.start < b.end && b.start < a.end) || a.start == b.start
}

impl Outcome {
    /// The last lint (taken once).
    pub fn take_run(&mut self) -> Run {
        self.run.take().unwrap_or(Run {
            inputs: Vec::new(),
            kinds: Vec::new(),
            findings: Vec::new(),
            linted: 0,
            failing: false,
            config_problems: false,
        })
    }

    /// The inputs the fixes changed: (as read, as fixed).
    fn changed(&self) -> impl Iterator<Item = (&Input, &Input)> {
        self.before
            .iter()
            .zip(&self.after)
            .filter(|(a, b)| a.text != b.text)
    }

    fn fixed(&self) -> usize {
        self.applied.iter().sum()
    }

    /// Writes every changed file: a temporary file beside it, then renamed over it.
    pub fn write(&self) -> Result<(), String> {
        for (_, fixed) in self.changed() {
            write_atomically(Path::new(&fixed.path), &fixed.text).map_err(|err| {
                say(&msg!(
                    t::CANNOT_WRITE_FIXES,
                    path = &fixed.path,
                    reason = err.to_string()
                ))
            })?;
        }
        self.warn();
        Ok(())
    }

    /// `--diff`: the unified diff on stdout, what it would fix on stderr; exit 1 when there is
    /// something to fix (as ruff's `--diff`).
    pub fn show_diff(&self, quiet: bool) -> u8 {
        let mut text = String::new();
        for (before, after) in self.changed() {
            text.push_str(&unified_diff(&before.path, &before.text, &after.text));
        }
        if out(&text) != OK {
            return TROUBLE;
        }
        self.warn();
        if !quiet {
            let files = self.changed().count();
            let said = match self.fixed() {
                0 => msg!(t::NOTHING_TO_FIX),
                n => msg!(
                    t::WOULD_FIX,
                    findings = plural(n, &t::FINDING_ONE, &t::FINDING_MANY),
                    files = plural(files, &t::FILE_ONE, &t::FILE_MANY)
                ),
            };
            eprintln!("{}", say(&said));
        }
        u8::from(self.changed().next().is_some())
    }

    /// "fixed 4 findings in 2 files (3 more with --unsafe-fixes)", for after the findings that
    /// remain.
    pub fn summary(&self, remaining: &[Finding]) -> String {
        let files = self.changed().count();
        let said = match self.fixed() {
            0 => msg!(t::NOTHING_FIXED),
            n => msg!(
                t::FIXED,
                findings = plural(n, &t::FINDING_ONE, &t::FINDING_MANY),
                files = plural(files, &t::FILE_ONE, &t::FILE_MANY)
            ),
        };
        let mut line = format!("ecsplain: {}", say(&said));
        let hidden = remaining
            .iter()
            .filter_map(|f| f.fix.as_ref())
            .filter(|f| f.applicability == Applicability::Unsafe)
            .count();
        if hidden > 0 && !self.unsafe_fixes {
            line.push_str(&say(&plural(
                hidden,
                &t::MORE_UNSAFE_ONE,
                &t::MORE_UNSAFE_MANY,
            )));
        }
        line
    }

    fn warn(&self) {
        for (path, error) in &self.rolled_back {
            crate::messages::error(&msg!(t::FIX_ROLLED_BACK, path = path, error = error));
        }
        if self.unsettled {
            crate::messages::error(&msg!(t::FIX_UNSETTLED, passes = MAX_PASSES));
        }
    }
}

/// `one` for 1, else `many`, with `{n}` filled.
fn plural(n: usize, one: &'static Template, many: &'static Template) -> Msg {
    Msg::new(if n == 1 { one } else { many }).with("n", n.into())
}

/// `--- path` / `+++ path` and hunks with three lines of context (`patch -p0` applies it).
pub fn unified_diff(path: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(path, path)
        .missing_newline_hint(true)
        .to_string()
}

/// Writes `text` to a temporary file in `path`'s folder, with `path`'s permissions, and renames
/// it over `path`: readers see the old file or the new one, never a part.
fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let temp = folder.join(format!(".{name}.ecsplain-fix-{}", std::process::id()));
    let result = (|| {
        fs::write(&temp, text)?;
        if let Ok(meta) = fs::metadata(path) {
            fs::set_permissions(&temp, meta.permissions())?;
        }
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(start: u32, end: u32, content: &str) -> FindingEdit {
        FindingEdit {
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
            content: content.into(),
            start,
            end,
        }
    }

    fn fix(edits: Vec<FindingEdit>) -> FindingFix {
        FindingFix {
            title: "t".into(),
            edits,
            applicability: Applicability::Safe,
        }
    }

    #[test]
    fn overlapping_fixes_wait_for_the_next_pass() {
        let a = fix(vec![edit(0, 3, "ABC")]);
        let b = fix(vec![edit(2, 5, "xyz")]);
        let c = fix(vec![edit(6, 7, "G"), edit(7, 8, ""), edit(8, 8, "!")]);
        let broken = fix(vec![edit(9, 99, "?")]);
        let (text, n) = apply("abcdefgh", &[&b, &a, &c, &broken]);
        assert_eq!((text.as_str(), n), ("ABCdefG!", 2));
        let clash = fix(vec![edit(1, 3, "x"), edit(2, 4, "y")]);
        let (text, n) = apply("abcdefgh", &[&clash]);
        assert_eq!((text.as_str(), n), ("abcdefgh", 0));
        let (text, n) = apply("abcdefgh", &[]);
        assert_eq!((text.as_str(), n), ("abcdefgh", 0));
    }

    #[test]
    fn diff_is_unified() {
        let diff = unified_diff("a.json", "{\n  \"x\": 1\n}\n", "{\n  \"x\": 2\n}\n");
        assert_eq!(
            diff,
            "--- a.json\n+++ a.json\n@@ -1,3 +1,3 @@\n {\n-  \"x\": 1\n+  \"x\": 2\n }\n"
        );
    }

    #[test]
    fn atomic_write_keeps_permissions_and_leaves_no_temporary_file() {
        let dir = std::env::temp_dir().join(format!("ecsplain-fix-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join("task-def.json");
        fs::write(&file, "old").expect("write");
        write_atomically(&file, "new").expect("atomic write");
        assert_eq!(fs::read_to_string(&file).expect("read"), "new");
        let names: Vec<_> = fs::read_dir(&dir)
            .expect("list")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, ["task-def.json"]);
        let _ = fs::remove_dir_all(&dir);
    }
}
