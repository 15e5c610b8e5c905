//! User-given values for a project's variables (`lint_vars`): a value changes the findings, a
//! finding on a rendered value points at the template action, and a value not given stays a
//! placeholder (no finding from a template).

use std::collections::BTreeMap;

use ecsplain_engine::{lint_vars, Config, Finding, Input, Kind, Report, Vars};

fn vars(env: &[(&str, &str)], ext_str: &[(&str, &str)]) -> Vars {
    let map = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    Vars {
        env: map(env),
        ext_str: map(ext_str),
    }
}

fn run(inputs: &[Input], vars: &Vars) -> Report {
    let report = lint_vars(inputs, &Config::default(), vars);
    for f in &report.findings {
        let text = &inputs[f.file].text;
        let (s, e) = (f.span.start as usize, f.span.end as usize);
        assert!(
            s <= e && e <= text.len(),
            "{}: span outside the text",
            f.code
        );
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
    }
    report
}

fn of<'r>(report: &'r Report, code: &str) -> Vec<&'r Finding> {
    report.findings.iter().filter(|f| f.code == code).collect()
}

const TASK: &str = r#"{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "{{ must_env `CPU` }}",
  "memory": "512",
  "executionRoleArn": "arn:aws:iam::123456789012:role/exec",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "{{ must_env `IMAGE` }}",
      "essential": true
    }
  ]
}
"#;

fn task() -> Vec<Input> {
    vec![Input::new("ecs-task-def.json", TASK, Some(Kind::TaskDef))]
}

#[test]
fn no_value_no_finding() {
    let report = run(&task(), &Vars::default());
    assert!(of(&report, "TD001").is_empty(), "{:#?}", report.findings);
    // Values for other names change nothing either.
    let other = run(&task(), &vars(&[("OTHER", "1")], &[]));
    assert_eq!(other.findings, report.findings);
}

#[test]
fn a_value_gives_a_finding_at_the_template() {
    let given = run(&task(), &vars(&[("CPU", "300")], &[]));
    let td001 = of(&given, "TD001");
    assert_eq!(td001.len(), 1, "{:#?}", given.findings);
    let f = td001[0];
    // TD001 is reported on the memory, with the cpu as related: the template's line.
    assert_eq!(f.line, 6, "{f:#?}");
    assert_eq!(f.related.len(), 1);
    assert_eq!(f.related[0].line, 5);
    assert_eq!(f.related[0].column, 10);
    assert_eq!(f.related[0].end_column, 32);
    // No fix is offered on a rendered value: it would overwrite the template.
    assert!(f.fix.is_none());
    assert!(f.message.contains("300"), "{}", f.message);
}

#[test]
fn a_good_value_gives_no_finding_and_findings_elsewhere_keep_their_place() {
    let none = run(&task(), &Vars::default());
    let given = run(&task(), &vars(&[("CPU", "256")], &[]));
    assert!(of(&given, "TD001").is_empty());
    // Every finding not about the rendered values is where it was (the notes that a
    // placeholder left a check undecided, IN005 and TD309, go once the value is known).
    for f in none
        .findings
        .iter()
        .filter(|f| !matches!(f.code, "IN005" | "TD309"))
    {
        assert!(
            given
                .findings
                .iter()
                .any(|g| g.code == f.code && g.span == f.span),
            "{} moved or vanished",
            f.code
        );
    }
}

#[test]
fn values_after_a_longer_value_are_still_placed() {
    // A long value before a finding shifts the rendered text; the finding must come back to
    // its own line.
    let text = "{\n  \"family\": \"{{ must_env `FAMILY` }}\",\n  \"requiresCompatibilities\": [\"FARGATE\"],\n  \"cpu\": \"256\",\n  \"memory\": \"4096\",\n  \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"nginx:1.27\", \"essential\": true}]\n}\n";
    let inputs = vec![Input::new("ecs-task-def.json", text, Some(Kind::TaskDef))];
    let long = "f".repeat(200);
    let report = run(&inputs, &vars(&[("FAMILY", &long)], &[]));
    let td001 = of(&report, "TD001");
    assert_eq!(td001.len(), 1);
    assert_eq!(td001[0].line, 5);
    let at = &text[td001[0].span.start as usize..td001[0].span.end as usize];
    assert_eq!(at, "\"4096\"");
}

#[test]
fn tfstate_input_answers_lookups() {
    let task = TASK.replace(
        "{{ must_env `CPU` }}",
        "{{ tfstate `aws_ssm_parameter.cpu.value` }}",
    );
    let state = r#"{"version": 4, "terraform_version": "1.9.0", "resources": [
      {"mode": "managed", "type": "aws_ssm_parameter", "name": "cpu",
       "instances": [{"attributes": {"value": "300"}}]}]}"#;
    let inputs = vec![
        Input::new("ecs-task-def.json", task.as_str(), Some(Kind::TaskDef)),
        Input::new("terraform.tfstate", state, None),
    ];
    let report = run(&inputs, &Vars::default());
    let td001 = of(&report, "TD001");
    assert_eq!(td001.len(), 1, "{:#?}", report.findings);
    assert_eq!(td001[0].related[0].line, 5);
    // A value given by key wins over the state.
    let report = run(
        &inputs,
        &vars(&[("tfstate:aws_ssm_parameter.cpu.value", "256")], &[]),
    );
    assert!(of(&report, "TD001").is_empty());
}

#[test]
fn ecspresso_projects_render_their_definitions() {
    let config =
        "region: us-east-1\ncluster: default\nservice: web\ntask_definition: ecs-task-def.json\n";
    let inputs = vec![
        Input::new("ecspresso.yml", config, None),
        Input::new("ecs-task-def.json", TASK, None),
    ];
    let report = run(&inputs, &vars(&[("CPU", "300")], &[]));
    let td001 = of(&report, "TD001");
    assert_eq!(td001.len(), 1, "{:#?}", report.findings);
    assert_eq!(td001[0].file, 1);
}

#[cfg(feature = "jsonnet")]
#[test]
fn jsonnet_gets_env_and_ext_str() {
    let text = "local must_env = std.native('must_env');\n{\n  family: 'web',\n  requiresCompatibilities: ['FARGATE'],\n  cpu: must_env('CPU'),\n  memory: std.extVar('MEMORY'),\n  containerDefinitions: [{ name: 'web', image: 'nginx:1.27', essential: true }],\n}\n";
    let inputs = vec![Input::new(
        "ecs-task-def.jsonnet",
        text,
        Some(Kind::TaskDef),
    )];
    let none = run(&inputs, &Vars::default());
    assert!(of(&none, "TD001").is_empty(), "{:#?}", none.findings);
    let given = run(&inputs, &vars(&[("CPU", "256")], &[("MEMORY", "4096")]));
    let td001 = of(&given, "TD001");
    assert_eq!(td001.len(), 1, "{:#?}", given.findings);
    let fine = run(&inputs, &vars(&[("CPU", "512")], &[("MEMORY", "4096")]));
    assert!(of(&fine, "TD001").is_empty(), "{:#?}", fine.findings);
}

#[test]
fn env_defaults_are_not_values() {
    // ecspresso would use `512` when MEMORY is unset, but a deploy may set it: unknown.
    let text = TASK.replace("\"512\"", "\"{{ env `MEMORY` `4096` }}\"");
    let inputs = vec![Input::new(
        "ecs-task-def.json",
        text.as_str(),
        Some(Kind::TaskDef),
    )];
    let report = run(&inputs, &vars(&[("CPU", "256")], &[]));
    assert!(of(&report, "TD001").is_empty(), "{:#?}", report.findings);
    let report = run(&inputs, &vars(&[("CPU", "256"), ("MEMORY", "4096")], &[]));
    assert_eq!(of(&report, "TD001").len(), 1);
}

#[test]
fn broken_templates_are_not_rendered() {
    let text = TASK.replace("{{ must_env `IMAGE` }}", "{{ must_env `IMAGE`");
    let inputs = vec![Input::new(
        "ecs-task-def.json",
        text.as_str(),
        Some(Kind::TaskDef),
    )];
    let a = run(&inputs, &Vars::default());
    let b = run(&inputs, &vars(&[("CPU", "300")], &[]));
    assert_eq!(a.findings, b.findings);
}

mod common;

/// Every ecspresso project of the corpus: its variables are listed with valid spans, and linting
/// it with a value for each (its default, or `x`) neither panics nor puts a span off its text.
#[test]
fn corpus_projects_list_and_take_values() {
    let root = common::corpus_dir("ecspresso");
    let Ok(entries) = std::fs::read_dir(&root) else {
        return;
    };
    let mut projects: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    projects.sort();
    let mut listed = 0;
    for project in projects.iter().filter(|p| p.is_dir()) {
        let inputs: Vec<Input> = common::project_inputs(project);
        let variables = ecsplain_engine::ecspresso::variables(&inputs);
        let mut given = Vars::default();
        for v in &variables {
            listed += 1;
            for (file, span) in &v.uses {
                assert!(
                    inputs[*file].text.get(span.range()).is_some(),
                    "{}: {}",
                    project.display(),
                    v.name
                );
            }
            v.assign(&mut given, v.default.clone().unwrap_or_else(|| "x".into()));
        }
        run(&inputs, &given);
    }
    assert!(listed > 0, "no variable in the corpus projects");
}

#[test]
fn fixes_away_from_rendered_values_still_apply_to_the_source() {
    let inputs = task();
    let given = run(
        &inputs,
        &vars(&[("CPU", "256"), ("IMAGE", "nginx:1.27")], &[]),
    );
    let plain = run(&inputs, &Vars::default());
    let fixed = |report: &Report| -> Option<String> {
        let f = report
            .findings
            .iter()
            .find(|f| f.code == "TD103" && f.fix.is_some())?;
        let mut text = TASK.to_string();
        let mut edits = f.fix.as_ref()?.edits.clone();
        edits.sort_by_key(|e| std::cmp::Reverse(e.start));
        for e in edits {
            text.replace_range(e.start as usize..e.end as usize, &e.content);
        }
        Some(text)
    };
    let with_values = fixed(&given).expect("TD103 with a fix");
    assert_eq!(Some(with_values.clone()), fixed(&plain));
    assert!(with_values.contains("{{ must_env `CPU` }}"));
    assert!(with_values.contains("readonlyRootFilesystem"));
}

#[test]
fn templated_definition_paths_render_with_their_values() {
    let config = "region: '{{ must_env `AWS_REGION` }}'\ncluster: default\ntask_definition: '{{ must_env `PWD` }}/td.json'\n";
    let task = r#"{"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx:1.27", "essential": true, "memory": 512}]}"#;
    let codes = |r: &Report| {
        r.findings
            .iter()
            .map(|f| (f.code, f.line))
            .collect::<Vec<_>>()
    };
    let inputs = vec![Input::new("ecspresso.yml", config, None)];
    // Without values: the path cannot be followed (XF002).
    let plain = run(&inputs, &Vars::default());
    assert!(codes(&plain).contains(&("XF002", 3)), "{:?}", codes(&plain));
    // With values but no such file: XF001, on the template's line.
    let given = vars(&[("PWD", "/src"), ("AWS_REGION", "us-east-1")], &[]);
    let missing = run(&inputs, &given);
    assert!(
        codes(&missing).contains(&("XF001", 3)),
        "{:?}",
        codes(&missing)
    );
    assert!(!codes(&missing).iter().any(|(c, _)| *c == "XF002"));
    // With the file among the inputs: neither.
    let both = vec![
        Input::new("ecspresso.yml", config, None),
        Input::new("/src/td.json", task, None),
    ];
    let found = run(&both, &given);
    assert!(
        !codes(&found)
            .iter()
            .any(|(c, _)| *c == "XF001" || *c == "XF002"),
        "{:?}",
        codes(&found)
    );
}
