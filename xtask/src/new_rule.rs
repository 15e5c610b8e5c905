//! `cargo xtask new-rule CODE NAME`: the scaffold of a rule (ruff's `add_rule.py`, ours).
//!
//! Writes the rule's file with its documentation headings and an empty `messages!` block, its
//! Japanese docs (`<stem>.ja.md`, every sentence marked `TODO（翻訳）`) and Japanese messages
//! (`<stem>.ja.msg`), registers it in its group's `mod.rs` (module and `CHECKS` entry, in code
//! order), and writes a failing and a passing fixture for the author to fill in. The group comes from the code's prefix; options set the metadata:
//! `--severity error|warning|info` (default warning), `--category NAME` (default reliability).
//! Then: write the check, fill the fixtures, `ECSPLAIN_BLESS=1 cargo test -p ecsplain-engine
//! --test fixtures`, `cargo xtask rules-table`.

use std::path::Path;

/// A rule group: the folder under `rules/`, the `Check` variant, the context type and its module,
/// and the fixtures' folder and file extension.
struct Group {
    prefix: &'static str,
    folder: &'static str,
    variant: &'static str,
    ctx: &'static str,
    ctx_use: &'static str,
    target: &'static str,
    fixtures: &'static str,
    ext: &'static str,
}

const GROUPS: [Group; 6] = [
    Group {
        prefix: "TD",
        folder: "taskdef",
        variant: "TaskDef",
        ctx: "TaskDefCtx",
        ctx_use: "crate::models::taskdef::TaskDefCtx",
        target: "TaskDef",
        fixtures: "taskdef",
        ext: ".json",
    },
    Group {
        prefix: "SV",
        folder: "servicedef",
        variant: "ServiceDef",
        ctx: "ServiceDefCtx",
        ctx_use: "crate::models::servicedef::ServiceDefCtx",
        target: "ServiceDef",
        fixtures: "servicedef",
        ext: ".json",
    },
    Group {
        prefix: "DL",
        folder: "dockerfile",
        variant: "Dockerfile",
        ctx: "DockerfileCtx",
        ctx_use: "crate::syntax::dockerfile::DockerfileCtx",
        target: "Dockerfile",
        fixtures: "dockerfile",
        ext: ".Dockerfile",
    },
    Group {
        prefix: "DF",
        folder: "dockerfile",
        variant: "Dockerfile",
        ctx: "DockerfileCtx",
        ctx_use: "crate::syntax::dockerfile::DockerfileCtx",
        target: "Dockerfile",
        fixtures: "dockerfile",
        ext: ".Dockerfile",
    },
    Group {
        prefix: "EP",
        folder: "ecspresso",
        variant: "Ecspresso",
        ctx: "EcspressoCtx",
        ctx_use: "crate::models::ecspresso::EcspressoCtx",
        target: "Ecspresso",
        fixtures: "ecspresso",
        ext: ".yml",
    },
    Group {
        prefix: "XF",
        folder: "crossfile",
        variant: "Project",
        ctx: "ProjectCtx",
        ctx_use: "crate::models::project::ProjectCtx",
        target: "CrossFile",
        fixtures: "crossfile",
        ext: "",
    },
];

/// The rule's Japanese docs (JA.md, docs/ja/style.md): the English scaffold's sections with
/// their Japanese headings and the same code blocks, each sentence marked `TODO（翻訳）` until
/// it is written. tests/ja_docs.rs holds it to the English like any translation, so the two
/// stay in step from the first commit (ja-pending.txt never grows).
const JA_DOCS: &str = "# TODO（翻訳）: 一行の要約

## 何を検査するか
TODO（翻訳）: ルールが何を検査するかを一、二文で。

## なぜ問題か
TODO（翻訳）: 何が、いつ（登録時、デプロイ時、実行時）問題になるか。

## 例
```text
TODO: the smallest input that shows it
```

## 代わりに
```text
TODO: the same input, fixed
```

## 参考資料
- TODO（翻訳）: 一次資料（AWS のドキュメント、BuildKit、ecspresso、hadolint の仕様）
";

/// The rule's Japanese message templates: `NAME = 日本語` a line, one for each template of
/// its `messages!` block (the same `{placeholders}`); `#` lines are comments.
const JA_MESSAGES: &str =
    "# The Japanese of this rule's messages: `NAME = 日本語のテンプレート` a line, one for each
# `NAME = \"English\";` of the rule's `messages!` block, with the same {placeholders}.
";

pub fn new_rule(root: &Path, args: &[String]) -> Result<(), String> {
    let usage = "usage: cargo xtask new-rule CODE kebab-name [--severity error|warning|info] [--category NAME]";
    let code = args.first().ok_or(usage)?.to_ascii_uppercase();
    let name = args.get(1).ok_or(usage)?.to_string();
    let mut severity = "Warning".to_string();
    let mut category = "Reliability".to_string();
    let mut rest = args.iter().skip(2);
    while let Some(flag) = rest.next() {
        let value = rest.next().ok_or(usage)?;
        let mut title = value.to_ascii_lowercase();
        if let Some(first) = title.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        match flag.as_str() {
            "--severity" => severity = title,
            "--category" => category = title,
            _ => return Err(usage.to_string()),
        }
    }
    if !matches!(severity.as_str(), "Error" | "Warning" | "Info") {
        return Err(format!("unknown severity `{severity}`\n{usage}"));
    }
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return Err(format!("the name is kebab-case: `{name}`"));
    }
    let group = GROUPS
        .iter()
        .find(|g| code.starts_with(g.prefix) && code[g.prefix.len()..].parse::<u32>().is_ok())
        .ok_or_else(|| {
            format!("`{code}` is not a rule code of a known group (TD, SV, DL, DF, EP, XF)")
        })?;
    let module = format!("{}_{}", code.to_ascii_lowercase(), name.replace('-', "_"));
    let rules = root.join("crates/engine/src/rules").join(group.folder);
    let file = rules.join(format!("{module}.rs"));
    let mod_rs = rules.join("mod.rs");
    let registered =
        std::fs::read_to_string(&mod_rs).map_err(|e| format!("{}: {e}", mod_rs.display()))?;
    if registered.contains(&format!("\"{code}\"")) || file.exists() {
        return Err(format!("{code} exists already: codes are never reused"));
    }
    for existing in std::fs::read_dir(&rules)
        .map_err(|e| e.to_string())?
        .flatten()
    {
        let taken = existing.file_name().to_string_lossy().to_string();
        if taken.starts_with(&format!("{}_", code.to_ascii_lowercase())) {
            return Err(format!(
                "{code} exists already ({taken}): codes are never reused"
            ));
        }
    }

    let source = format!(
        r#"use crate::rules::check::Sink;
use {ctx_use};

crate::declare_rule! {{
    /// ## What it does
    /// TODO: what the rule checks, in one or two sentences.
    ///
    /// ## Why is this bad?
    /// TODO: what goes wrong, and when (registration, deployment, run time). An `error` cites
    /// where AWS, BuildKit or ecspresso rejects it under References.
    ///
    /// ## Example
    /// ```text
    /// TODO: the smallest input that shows it
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// TODO: the same input, fixed
    /// ```
    ///
    /// ## References
    /// - TODO: the primary source (AWS documentation, BuildKit, ecspresso, hadolint's spec)
    pub static RULE = {{
        code: "{code}",
        name: "{name}",
        target: {target},
        severity: {severity},
        category: {category},
        summary: "todo: one line, lower case, no trailing period",
    }}
}}

// What the rule says to people: one `NAME = "English sentence with {{placeholders}}";` a line,
// filled with `crate::msg!(NAME, placeholder = value)` and reported with `sink.report_msg`
// (`set_help_msg`, `set_fix_msg`, `add_related_msg`); the Japanese of each goes in
// `{module}.ja.msg` beside this file (docs/ja/messages-design.md).
crate::messages! {{
    "{code}";
}}

pub fn check(ctx: &{ctx}<'_>, sink: &mut Sink<'_>) {{
    let _ = (ctx, sink);
}}
"#,
        ctx_use = group.ctx_use,
        ctx = group.ctx,
        target = group.target,
    );

    // Register: the module among the `pub mod` lines, the check in CHECKS, both in code order.
    let key = |line: &str| -> Option<String> {
        let start = line.find(|c: char| c.is_ascii_lowercase())?;
        let word: String = line[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        let prefix_len = word.find(|c: char| c.is_ascii_digit())?;
        let digits: String = word[prefix_len..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        Some(format!(
            "{}{:06}",
            &word[..prefix_len],
            digits.parse::<u32>().ok()?
        ))
    };
    let own_key = key(&module).ok_or("bad module name")?;
    // A Dockerfile rule's check function goes to `RUNS` (the same position as its `CHECKS`
    // entry), which only the built-in Dockerfile path names (engine `lint::dockerfile`).
    let dockerfile = group.variant == "Dockerfile";
    let check_line = if dockerfile {
        format!("    Check::Dockerfile(&{module}::RULE),\n")
    } else {
        format!(
            "    Check::{}(&{module}::RULE, {module}::check),\n",
            group.variant
        )
    };
    let lines: Vec<&str> = registered.split_inclusive('\n').collect();
    // The rule modules (`pub mod td001_...;`), not helpers such as `pub mod schema;`.
    let rule_mod = |line: &str| {
        line.strip_prefix("pub mod ")
            .and_then(key)
            .filter(|k| k.len() == own_key.len())
    };
    let mod_at = lines
        .iter()
        .position(|l| rule_mod(l).is_some_and(|k| k > own_key))
        .or_else(|| {
            lines
                .iter()
                .rposition(|l| rule_mod(l).is_some())
                .map(|i| i + 1)
        });
    // The CHECKS entry: before the first entry of a later code, else before the closing `];`.
    let checks_start = lines.iter().position(|l| l.contains("CHECKS")).unwrap_or(0);
    let entry_code = |i: usize| -> Option<String> {
        let line = lines.get(i)?;
        if !line.contains(&format!("Check::{}(", group.variant)) {
            return None;
        }
        // One line, or (rustfmt's wrapping) the module on the next line.
        match line.split_once("(&") {
            Some((_, after)) => key(after),
            None => key(lines.get(i + 1)?),
        }
    };
    let check_at = (checks_start..lines.len())
        .find(|&i| entry_code(i).is_some_and(|k| k > own_key))
        .or_else(|| (checks_start..lines.len()).find(|&i| lines[i].trim_start().starts_with("];")));
    let (Some(mod_at), Some(check_at)) = (mod_at, check_at) else {
        return Err(format!("could not register {code} in {}", mod_rs.display()));
    };
    // The `RUNS` entry (Dockerfile rules): before the first entry of a later code, else before
    // its closing `];`.
    let runs_at = if dockerfile {
        let start = lines
            .iter()
            .position(|l| l.starts_with("pub static RUNS"))
            .ok_or_else(|| format!("no `pub static RUNS` in {}", mod_rs.display()))?;
        let at = (start + 1..lines.len())
            .find(|&i| {
                let line = lines[i].trim();
                line.ends_with("::check,") && key(line).is_some_and(|k| k > own_key)
            })
            .or_else(|| (start..lines.len()).find(|&i| lines[i].trim_start().starts_with("];")));
        Some(at.ok_or_else(|| format!("could not register {code} in RUNS"))?)
    } else {
        None
    };
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i == mod_at {
            out.push_str(&format!("pub mod {module};\n"));
        }
        if i == check_at {
            out.push_str(&check_line);
        }
        if Some(i) == runs_at {
            out.push_str(&format!("    {module}::check,\n"));
        }
        out.push_str(line);
    }

    let fixtures = root.join("tests/fixtures").join(group.fixtures);
    let placeholder = match group.ext {
        ".json" => "{\n  \"TODO\": \"an input that shows the problem\"\n}\n",
        ".yml" => "# TODO: an ecspresso config that shows the problem\nregion: eu-west-1\n",
        ".Dockerfile" => "# TODO: a Dockerfile that shows the problem\nFROM debian:12\n",
        _ => "",
    };
    let ja_md = rules.join(format!("{module}.ja.md"));
    let ja_msg = rules.join(format!("{module}.ja.msg"));
    std::fs::write(&file, source).map_err(|e| format!("{}: {e}", file.display()))?;
    std::fs::write(&ja_md, JA_DOCS).map_err(|e| format!("{}: {e}", ja_md.display()))?;
    std::fs::write(&ja_msg, JA_MESSAGES).map_err(|e| format!("{}: {e}", ja_msg.display()))?;
    std::fs::write(&mod_rs, out).map_err(|e| format!("{}: {e}", mod_rs.display()))?;
    let mut written = vec![
        file.display().to_string(),
        ja_md.display().to_string(),
        ja_msg.display().to_string(),
        mod_rs.display().to_string(),
    ];
    for expect in ["fail", "pass"] {
        let path = if group.ext.is_empty() {
            // A cross-file fixture is a project folder.
            let dir = fixtures.join(format!("{code}_{expect}"));
            std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
            dir.join("README.md")
        } else {
            fixtures.join(format!("{code}_{expect}{}", group.ext))
        };
        let text = if group.ext.is_empty() {
            "TODO: put the project's files here (a task definition, a Dockerfile, ...)\n"
        } else {
            placeholder
        };
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(path.display().to_string());
    }
    for path in &written {
        println!("xtask: wrote {path}");
    }
    println!(
        "xtask: now write the check, its messages (English in the rule, Japanese in the .ja.msg), \
         the docs (English in the rule, Japanese in the .ja.md: replace every TODO（翻訳）) and the \
         fixtures, then\n  cargo fmt --all && ECSPLAIN_BLESS=1 cargo test -p ecsplain-engine --test fixtures && cargo xtask rules-table"
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scratch repository with one task definition rule registered.
    fn scratch(name: &str) -> std::path::PathBuf {
        let root =
            std::env::temp_dir().join(format!("ecsplain-new-rule-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let rules = root.join("crates/engine/src/rules/taskdef");
        std::fs::create_dir_all(&rules).unwrap();
        std::fs::create_dir_all(root.join("tests/fixtures/taskdef")).unwrap();
        std::fs::write(
            rules.join("mod.rs"),
            "pub mod td001_first;\npub mod util;\n\npub static CHECKS: &[Check] = &[\n    Check::TaskDef(&td001_first::RULE, td001_first::check),\n];\n",
        )
        .unwrap();
        root
    }

    #[test]
    fn a_new_rule_starts_with_its_japanese_docs_and_keyed_messages() {
        let root = scratch("ja");
        let args = ["TD998".to_string(), "sample-rule".to_string()];
        new_rule(&root, &args).unwrap();
        let rules = root.join("crates/engine/src/rules/taskdef");
        let read = |name: &str| std::fs::read_to_string(rules.join(name)).unwrap();

        let source = read("td998_sample_rule.rs");
        assert!(
            source.contains(
                "use crate::rules::check::Sink;\nuse crate::models::taskdef::TaskDefCtx;\n"
            ),
            "{source}"
        );
        // An empty keyed block: the rule starts migrated (not in ja-msg-pending.txt).
        assert!(
            source.contains("\ncrate::messages! {\n    \"TD998\";\n}\n"),
            "{source}"
        );
        assert!(!source.contains(".report("), "{source}");

        // The Japanese docs have the English sections, in order, with the Japanese headings
        // tests/ja_docs.rs expects, and the same code blocks.
        let headings = [
            ("## What it does", "## 何を検査するか"),
            ("## Why is this bad?", "## なぜ問題か"),
            ("## Example", "## 例"),
            ("## Use instead", "## 代わりに"),
            ("## References", "## 参考資料"),
        ];
        let english: Vec<&str> = source
            .lines()
            .filter_map(|l| l.trim().strip_prefix("/// "))
            .filter(|l| l.starts_with("## "))
            .collect();
        let want: Vec<&str> = english
            .iter()
            .map(|h| {
                headings
                    .iter()
                    .find(|(en, _)| en == h)
                    .map(|(_, ja)| *ja)
                    .unwrap()
            })
            .collect();
        let ja_md = read("td998_sample_rule.ja.md");
        let got: Vec<&str> = ja_md.lines().filter(|l| l.starts_with("## ")).collect();
        assert_eq!(got, want);
        let code = |text: &str| -> Vec<String> {
            text.split("```")
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect()
        };
        let english_text: String = source
            .lines()
            .filter_map(|l| l.trim().strip_prefix("///"))
            .map(|l| format!("{}\n", l.strip_prefix(' ').unwrap_or(l)))
            .collect();
        assert_eq!(code(&ja_md), code(&english_text));
        assert!(ja_md.starts_with("# ") && ja_md.ends_with('\n'));
        // Every sentence to translate says so.
        let prose: Vec<&str> = ja_md
            .split("```")
            .step_by(2)
            .flat_map(str::lines)
            .filter(|l| !l.is_empty() && !l.starts_with("## "))
            .collect();
        assert!(
            prose.iter().all(|l| l.contains("TODO（翻訳）")),
            "{prose:?}"
        );

        // The messages' Japanese: comments only, for build.rs to skip.
        let ja_msg = read("td998_sample_rule.ja.msg");
        assert!(!ja_msg.is_empty());
        assert!(ja_msg.lines().all(|l| l.starts_with('#')), "{ja_msg}");

        // Registered in code order, fixtures written.
        let mod_rs = read("mod.rs");
        assert!(
            mod_rs.starts_with("pub mod td001_first;\npub mod td998_sample_rule;\n"),
            "{mod_rs}"
        );
        assert!(
            mod_rs.contains(
                "    Check::TaskDef(&td998_sample_rule::RULE, td998_sample_rule::check),\n];"
            ),
            "{mod_rs}"
        );
        for expect in ["fail", "pass"] {
            assert!(root
                .join(format!("tests/fixtures/taskdef/TD998_{expect}.json"))
                .is_file());
        }
        // Codes are never reused.
        assert!(new_rule(&root, &args).is_err());
        let _ = std::fs::remove_dir_all(&root);
    }

    /// A Dockerfile rule lands in `CHECKS` (its metadata) and in `RUNS` (its check function),
    /// at the same position.
    #[test]
    fn a_new_dockerfile_rule_lands_in_checks_and_runs() {
        let root = std::env::temp_dir().join(format!(
            "ecsplain-new-rule-dockerfile-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&root);
        let rules = root.join("crates/engine/src/rules/dockerfile");
        std::fs::create_dir_all(&rules).unwrap();
        std::fs::create_dir_all(root.join("tests/fixtures/dockerfile")).unwrap();
        std::fs::write(
            rules.join("mod.rs"),
            "pub mod dl3001_a;\npub mod dl3009_b;\n\npub static CHECKS: &[Check] = &[\n    Check::Dockerfile(&dl3001_a::RULE),\n    Check::Dockerfile(&dl3009_b::RULE),\n];\n\npub static RUNS: &[DockerfileRun] = &[\n    dl3001_a::check,\n    dl3009_b::check,\n];\n",
        )
        .unwrap();
        let args = ["DL3005".to_string(), "sample-rule".to_string()];
        new_rule(&root, &args).unwrap();
        let mod_rs = std::fs::read_to_string(rules.join("mod.rs")).unwrap();
        assert_eq!(
            mod_rs,
            "pub mod dl3001_a;\npub mod dl3005_sample_rule;\npub mod dl3009_b;\n\npub static CHECKS: &[Check] = &[\n    Check::Dockerfile(&dl3001_a::RULE),\n    Check::Dockerfile(&dl3005_sample_rule::RULE),\n    Check::Dockerfile(&dl3009_b::RULE),\n];\n\npub static RUNS: &[DockerfileRun] = &[\n    dl3001_a::check,\n    dl3005_sample_rule::check,\n    dl3009_b::check,\n];\n"
        );
        let _ = std::fs::remove_dir_all(&root);
    }
}
