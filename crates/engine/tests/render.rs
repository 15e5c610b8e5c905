//! Golden tests of template rendering: each `tests/render/NAME.tmpl` is rendered with the values
//! in `NAME.vars` (`KEY=VALUE` lines: an environment variable, or a lookup key such as
//! `ssm:/path` or `tfstate:ADDRESS`) and compared with `NAME.out`, the text go-config renders
//! for ecspresso (each template's first comment says where the expectation comes from). With
//! every value given, the lint rendering and the display rendering agree. `NAME.display`, when
//! present, is the display rendering of a template missing values.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use ecsplain_engine::template::{self, Known, Mode};

fn read_vars(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .filter(|l| !l.is_empty())
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn templates_render_as_go_config_renders_them() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/render");
    let mut names: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "tmpl"))
        .collect();
    names.sort();
    assert!(names.len() >= 8, "templates found: {}", names.len());
    let mut failures = Vec::new();
    for path in names {
        let text = fs::read_to_string(&path).unwrap();
        let vars = read_vars(&fs::read_to_string(path.with_extension("vars")).unwrap_or_default());
        let known = Known {
            env: &vars,
            tfstate: None,
        };
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let display = template::execute(&text, &known, Mode::Display);
        if let Some(e) = &display.error {
            failures.push(format!("{name}: {} at {}", e.message, e.span.start));
            continue;
        }
        if let Ok(expected) = fs::read_to_string(path.with_extension("display")) {
            if display.rendered.text != expected {
                failures.push(format!(
                    "{name} (display):\n--- expected\n{expected}--- actual\n{}",
                    display.rendered.text
                ));
            }
            continue;
        }
        let expected = fs::read_to_string(path.with_extension("out")).unwrap();
        let lint = template::execute(&text, &known, Mode::Lint);
        for (mode, got) in [
            ("display", &display.rendered.text),
            ("lint", &lint.rendered.text),
        ] {
            if *got != expected {
                failures.push(format!(
                    "{name} ({mode}):\n--- expected\n{expected}--- actual\n{got}"
                ));
            }
        }
        // Every rendered span maps back inside the source.
        let whole = lint.rendered.original(ecsplain_engine::span::Span::new(
            0,
            lint.rendered.text.len(),
        ));
        assert!(whole.end as usize <= text.len(), "{name}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
