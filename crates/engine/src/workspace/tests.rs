use std::collections::BTreeMap;

use super::*;

/// What a user sees of a finding: path, code, line, column, message, help.
type Seen = (String, &'static str, u32, u32, String, Option<String>);

const CONFIG: &str = "region: ap-northeast-1\ncluster: c\nservice: web\n\
    task_definition: ecs-task-def.json\nservice_definition: ecs-service-def.json\n\
    plugins:\n  - name: tfstate\n    config:\n      path: terraform.tfstate\n";

const TASK: &str = r#"{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
  "cpu": "256", "memory": "4096",
  "containerDefinitions": [{"name": "app", "image": "{{ must_env `IMAGE` }}", "essential": true,
    "environment": [{"name": "LB", "value": "{{ tfstate `aws_lb.main.arn` }}"},
                    {"name": "STAGE", "value": "{{ env `STAGE` `dev` }}"},
                    {"name": "REGION", "value": "{{ must_env `AWS_REGION` }}"}]}]}"#;

const STATE: &str = r#"{"version": 4, "terraform_version": "1.9.0", "resources": [{"mode": "managed", "type": "aws_lb", "name": "main", "instances": [{"attributes": {"arn": "arn:aws:elasticloadbalancing:x"}}]}]}"#;

/// The page's shape: four panes (task and service unnamed), then files.
fn page_files() -> Vec<File> {
    vec![
        File {
            path: None,
            text: TASK.into(),
            kind: Some(Kind::TaskDef),
        },
        File {
            path: None,
            text: String::new(),
            kind: Some(Kind::ServiceDef),
        },
        File {
            path: None,
            text: "FROM nginx:1.27\n".into(),
            kind: Some(Kind::Dockerfile),
        },
        File {
            path: None,
            text: CONFIG.into(),
            kind: Some(Kind::Ecspresso),
        },
        File::new(".env", "IMAGE=nginx:1.27\n", None),
        File::new("terraform.tfstate", STATE, None),
    ]
}

#[test]
fn paths_come_from_the_config_then_the_kind() {
    let project = Project::with_blank_absent(page_files());
    assert_eq!(
        project.paths(),
        [
            "ecs-task-def.json",
            "ecs-service-def.json",
            "Dockerfile",
            "ecspresso.yml",
            ".env",
            "terraform.tfstate"
        ]
    );
    assert_eq!(project.find("./ecs-task-def.json"), Some(FileId::new(0)));
    // The blank service pane keeps its place and path, but is no file.
    assert_eq!(project.inputs().len(), 5);
    assert!(!project.input_files().contains(&FileId::new(1)));
    // Given paths stay; a file named twice by default gets a unique name.
    let project = Project::new(vec![
        File {
            path: None,
            text: "FROM a\n".into(),
            kind: Some(Kind::Dockerfile),
        },
        File::new("Dockerfile", "FROM b\n", None),
    ]);
    assert_eq!(project.paths(), ["2-Dockerfile", "Dockerfile"]);
}

#[test]
fn the_config_names_its_files() {
    let project = Project::with_blank_absent(page_files());
    let refs = project.config_refs();
    assert_eq!(refs.len(), 2);
    assert_eq!(refs[0].config, FileId::new(3));
    assert_eq!(refs[0].reference.role, Kind::TaskDef);
    assert_eq!(refs[0].file, Some(FileId::new(0)));
    // The service definition it names is not in the project (a blank pane is no file).
    assert_eq!(refs[1].reference.resolved, "ecs-service-def.json");
    assert_eq!(refs[1].file, None);
    assert_eq!(project.named(Kind::TaskDef), Some(FileId::new(0)));
    assert_eq!(project.named(Kind::ServiceDef), None);
    // XF001 says so on the config line.
    assert!(project
        .lint()
        .findings
        .iter()
        .any(|f| f.code == "XF001" && f.file == 3));
}

#[test]
fn variables_say_their_value_and_where_it_comes_from() {
    let mut given = BTreeMap::new();
    given.insert("AWS_REGION".to_string(), "ap-northeast-1".to_string());
    let project = Project::with_blank_absent(page_files()).with_values(vars_from_keys(&given));
    let vars: Vec<(&str, Option<&str>, Option<Origin>)> = project
        .variables()
        .iter()
        .map(|v| (v.key.as_str(), v.value.as_deref(), v.origin))
        .collect();
    assert_eq!(
        vars,
        [
            (
                "IMAGE",
                Some("nginx:1.27"),
                Some(Origin::EnvFile(FileId::new(4)))
            ),
            (
                "tfstate:aws_lb.main.arn",
                Some("arn:aws:elasticloadbalancing:x"),
                Some(Origin::Tfstate(FileId::new(5)))
            ),
            ("STAGE", Some("dev"), Some(Origin::Default)),
            ("AWS_REGION", Some("ap-northeast-1"), Some(Origin::Given)),
        ]
    );
    assert!(project
        .variables()
        .iter()
        .all(|v| v.files == [FileId::new(0)]));
    // A given value wins over the env file's; an unknown one has none.
    let mut given = BTreeMap::new();
    given.insert("IMAGE".to_string(), "nginx:1.28".to_string());
    given.insert("extVar:TAG".to_string(), "v1".to_string());
    let mut files = page_files();
    files.push(File::new(
        "lib.libsonnet",
        "{ tag: std.extVar('TAG'), t: std.native('must_env')('TOKEN') }",
        None,
    ));
    let project = Project::with_blank_absent(files).with_values(vars_from_keys(&given));
    let find = |key: &str| project.variables().iter().find(|v| v.key == key).cloned();
    let image = find("IMAGE").expect("IMAGE");
    assert_eq!(
        (image.value.as_deref(), image.origin),
        (Some("nginx:1.28"), Some(Origin::Given))
    );
    let tag = find("extVar:TAG").expect("TAG");
    assert_eq!(
        (tag.value.as_deref(), tag.origin),
        (Some("v1"), Some(Origin::Given))
    );
    let token = find("TOKEN").expect("TOKEN");
    assert_eq!((token.value, token.origin), (None, None));
    assert_eq!(
        project
            .effective_values()
            .env
            .get("IMAGE")
            .map(String::as_str),
        Some("nginx:1.28")
    );
    assert_eq!(
        project.given().ext_str.get("TAG").map(String::as_str),
        Some("v1")
    );
}

#[test]
fn lint_names_files_by_id_and_matches_the_engine_run() {
    let project = Project::with_blank_absent(page_files());
    let report = project.lint();
    assert_eq!(report.kinds.len(), 6);
    assert_eq!(report.kinds[0], Some(Kind::TaskDef));
    assert_eq!(report.kinds[1], None, "the blank pane was not linted");
    // Findings name files by id: the Dockerfile (id 2) is the second input.
    assert!(report
        .findings
        .iter()
        .any(|f| f.file == 2 && f.path == "Dockerfile"));
    assert!(report
        .findings
        .iter()
        .all(|f| project.path(FileId::new(f.file)) == Some(f.path.as_str())));
    // The same files through the engine's own entry point give the same findings.
    let inputs = project.inputs().to_vec();
    let direct = crate::lint::lint_vars(&inputs, &Config::default(), &project.effective_values());
    let strip =
        |findings: &[Finding], ids: &[FileId]| -> Vec<(String, &'static str, u32, u32, String)> {
            findings
                .iter()
                .map(|f| (f.path.clone(), f.code, f.line, f.column, f.message.clone()))
                .inspect(|_| assert!(!ids.is_empty()))
                .collect()
        };
    assert_eq!(
        strip(&report.findings, project.input_files()),
        strip(&direct.findings, project.input_files())
    );
    // The env file's value was used: the image is known, so no placeholder note on it.
    assert!(report.findings.iter().any(|f| f.code == "TD001"));
}

/// The page's path (panes, blank ones absent, values keyed as the panel keys them) and the
/// CLI's path (files as read, `--var`/`--env-file` values) give the same findings for the same
/// files.
#[test]
fn the_page_and_the_cli_get_the_same_findings() {
    let page = Project::with_blank_absent(page_files()).with_values(vars_from_keys(
        &[("AWS_REGION".to_string(), "eu-west-1".to_string())].into(),
    ));
    let mut given = Vars::default();
    given.env.insert("AWS_REGION".into(), "eu-west-1".into());
    let cli = Project::from_inputs(page.inputs().to_vec()).with_values(given);
    let view = |p: &Project| -> Vec<Seen> {
        p.lint()
            .findings
            .iter()
            .map(|f| {
                (
                    f.path.clone(),
                    f.code,
                    f.line,
                    f.column,
                    f.message.clone(),
                    f.help.clone(),
                )
            })
            .collect()
    };
    assert!(!view(&page).is_empty());
    assert_eq!(view(&page), view(&cli));
}

#[test]
fn render_prints_what_ecspresso_prints_and_fills_other_files() {
    let mut files = page_files();
    files[2].text = "FROM {{ must_env `IMAGE` }}\n".into();
    let project = Project::with_blank_absent(files);
    let task = project
        .render(FileId::new(0))
        .expect("a definition")
        .expect("renders");
    assert!(task.contains("nginx:1.27"), "{task}");
    assert!(task.contains("arn:aws:elasticloadbalancing:x"), "{task}");
    assert!(
        task.contains("${AWS_REGION}"),
        "unknown values are markers: {task}"
    );
    // It is the engine's function for a project's file, with the project's values.
    let vars = project.effective_values();
    let shown = values::Shown {
        env: &vars.env,
        tfstate: project.answers().tfstate.as_ref().map(|(s, _)| s),
    };
    assert_eq!(
        Some(Ok(task.clone())),
        ecspresso::render::project_file(project.inputs(), "ecs-task-def.json", TASK, &shown, None)
    );
    let docker = project
        .render(FileId::new(2))
        .expect("a file")
        .expect("filled");
    assert_eq!(docker, "FROM nginx:1.27\n");
}

#[test]
fn jsonnet_renders_and_says_whether_it_was_evaluated() {
    let mut given = Vars::default();
    given.ext_str.insert("TAG".into(), "v1".into());
    let project = Project::new(vec![
        File::new("lib.libsonnet", "{ a: 1 }", None),
        File::new(
            "td.jsonnet",
            "(import 'lib.libsonnet') + { tag: std.extVar('TAG') }",
            None,
        ),
        File::new("bad.jsonnet", "{\n  a: nope }", Some(Kind::TaskDef)),
    ])
    .with_values(given);
    assert!(project.has_jsonnet());
    assert_eq!(
        project.render_source(FileId::new(1)).as_deref(),
        Some("{\n   \"a\": 1,\n   \"tag\": \"v1\"\n}")
    );
    let bad = project.render_source(FileId::new(2)).expect("evaluated");
    assert!(bad.starts_with("// Jsonnet error at 2:6:"), "{bad}");
    assert_eq!(
        project.jsonnet_status(FileId::new(1)),
        Some(JsonnetStatus::Evaluated)
    );
    assert!(matches!(
        project.jsonnet_status(FileId::new(2)),
        Some(JsonnetStatus::Failed(why)) if why.contains("nope")
    ));
    assert!(project.jsonnet_status(FileId::new(0)).is_some());
    let plain = Project::new(vec![File::new("Dockerfile", "FROM a\n", None)]);
    assert_eq!(plain.jsonnet_status(FileId::new(0)), None);
}

/// With no evaluator at hand, the reader's EP010 note says why, as the project knows it: the
/// project gives its evaluator's state to the Jsonnet reader (no later stage rewrites the note).
#[test]
fn a_missing_evaluator_is_explained_by_its_state() {
    let files = || vec![File::new("td.jsonnet", "local a = 1; { a: a }", None)];
    let vars = Vars::default();
    for state in [
        Evaluator::Ready,
        Evaluator::Loading,
        Evaluator::Failed("offline".into()),
    ] {
        let project = Project::new(files()).with_evaluator(state.clone());
        assert_eq!(project.jsonnet_env(&vars).evaluator, state);
    }
    let span = crate::input::span::Span::new(0, 1);
    let note = |state: &Evaluator| jsonnet::ep010::no_evaluator(span, Some(Kind::TaskDef), state);
    let loading = note(&Evaluator::Loading);
    assert_eq!(
        loading.message,
        "this Jsonnet task definition is waiting for the Jsonnet evaluator, which is loading"
    );
    let failed = note(&Evaluator::Failed("offline".into()));
    assert!(failed.message.ends_with("(offline)"), "{}", failed.message);
    let none = note(&Evaluator::Ready);
    assert_eq!(
        none.message,
        "this Jsonnet task definition was not evaluated, so its checks were skipped"
    );
    for d in [&loading, &failed, &none] {
        assert_eq!(d.code, NOT_EVALUATED_CODE);
        assert!(d
            .keyed
            .message
            .as_ref()
            .is_some_and(|m| m.en() == d.message));
        assert!(d.keyed.help.is_some() && d.help.is_some());
    }
}

/// The front end's Terraform reader and Go-template engine statuses reach the run: the project
/// gives them to the readers (`jsonnet::Env::modules`), and a templated file's IN014 note is the
/// engine's own, keyed, at the severity its status gives (no later stage rewrites it).
#[test]
fn module_statuses_reach_the_readers() {
    let files = || {
        vec![File::new(
            "ecspresso.yml",
            "region: ap-northeast-1\ncluster: {{ must_env `CLUSTER` }}\nservice: web\n",
            None,
        )]
    };
    let vars = Vars::default();
    let plain = Project::new(files());
    assert_eq!(plain.modules(), &Modules::default());
    assert!(plain.lint().findings.iter().all(|f| f.code != "IN014"));
    for status in [
        ModuleStatus::Ready,
        ModuleStatus::Loading,
        ModuleStatus::Failed("offline".into()),
    ] {
        let project = Project::new(files())
            .with_terraform(status.clone())
            .with_templates(status.clone());
        let env = project.jsonnet_env(&vars);
        assert_eq!(env.modules.terraform, status);
        assert_eq!(env.modules.templates, status);
        let notes: Vec<&Finding> = project
            .lint()
            .findings
            .iter()
            .filter(|f| f.code == "IN014")
            .collect();
        match &status {
            ModuleStatus::Ready => assert!(notes.is_empty(), "{notes:?}"),
            ModuleStatus::Loading | ModuleStatus::Failed(_) => {
                assert_eq!(notes.len(), 1, "one note per templated file");
                let note = notes[0];
                assert_eq!((note.line, note.file), (1, 0));
                let severity = if status == ModuleStatus::Loading {
                    crate::input::diagnostic::Severity::Info
                } else {
                    crate::input::diagnostic::Severity::Warning
                };
                assert_eq!(note.severity, severity);
                let mut ja = note.clone();
                ja.localize(crate::rules::rule::Lang::Ja);
                assert_ne!(ja.message, note.message);
                assert!(ja.message.contains("テンプレート"), "{}", ja.message);
            }
        }
    }
}

/// The front end's Dockerfile reader status reaches the run: while it is loading or failed, a
/// Dockerfile gives only its IN015 note (keyed, at the status's severity, in Japanese too), no
/// Dockerfile finding and no cross-file finding (an empty Dockerfile pairs with no container);
/// the task definition's own findings stay.
#[test]
fn a_dockerfile_not_read_says_so_and_nothing_else() {
    let task = "{\n  \"family\": \"web\",\n  \"requiresCompatibilities\": [\"FARGATE\"],\n  \"networkMode\": \"awsvpc\",\n  \"cpu\": \"256\",\n  \"memory\": \"512\",\n  \"containerDefinitions\": [{\"name\": \"web\", \"image\": \"web:1.0.0\", \"essential\": true, \"portMappings\": [{\"containerPort\": 80}]}]\n}\n";
    let dockerfile = "FROM node:latest\nEXPOSE 8080\nRUN apt-get install curl\nCMD npm start\n";
    let files = || {
        vec![
            File::new("task-def.json", task, None),
            File::new("Dockerfile", dockerfile, None),
        ]
    };
    let ready = Project::new(files()).with_dockerfile(ModuleStatus::Ready);
    let codes = |p: &Project| -> Vec<(usize, &'static str)> {
        p.lint().findings.iter().map(|f| (f.file, f.code)).collect()
    };
    let all = codes(&ready);
    assert!(
        all.iter().any(|(f, c)| *f == 1 && c.starts_with("DL")),
        "{all:?}"
    );
    assert!(all.iter().any(|(_, c)| c.starts_with("XF")), "{all:?}");
    assert!(all.iter().all(|(_, c)| *c != "IN015"), "{all:?}");
    let task_only: Vec<_> = all
        .iter()
        .filter(|(f, c)| *f == 0 && !c.starts_with("XF"))
        .copied()
        .collect();
    for status in [
        ModuleStatus::Loading,
        ModuleStatus::Failed("offline".into()),
    ] {
        let project = Project::new(files()).with_dockerfile(status.clone());
        assert_eq!(project.modules().dockerfile, status);
        let got = codes(&project);
        let on_dockerfile: Vec<_> = got.iter().filter(|(f, _)| *f == 1).collect();
        assert_eq!(on_dockerfile, [&(1, "IN015")], "{status:?}: {got:?}");
        assert!(
            got.iter().all(|(_, c)| !c.starts_with("XF")),
            "{status:?}: {got:?}"
        );
        let task_now: Vec<_> = got.iter().filter(|(f, _)| *f == 0).copied().collect();
        assert_eq!(task_now, task_only, "{status:?}");
        let note = project
            .lint()
            .findings
            .iter()
            .find(|f| f.code == "IN015")
            .cloned();
        let Some(note) = note else { continue };
        assert_eq!(note.line, 1);
        let severity = if status == ModuleStatus::Loading {
            crate::input::diagnostic::Severity::Info
        } else {
            crate::input::diagnostic::Severity::Warning
        };
        assert_eq!(note.severity, severity);
        if let ModuleStatus::Failed(why) = &status {
            assert!(note.message.contains(why.as_str()), "{}", note.message);
        }
        let mut ja = note.clone();
        ja.localize(crate::rules::rule::Lang::Ja);
        assert_ne!(ja.message, note.message);
        assert!(ja.message.contains("Dockerfile"), "{}", ja.message);
    }
}

/// The IN013 and IN014 notes of each module status render in Japanese (the reason stays as the
/// page gives it).
#[test]
fn module_notes_render_in_japanese() {
    use crate::rules::rule::{render_msg, Lang};
    let tf = "resource \"aws_ecs_service\" \"web\" {}\n";
    let json = "{\"cpu\": \"{{ env `CPU` `256` }}\"}\n";
    let failed = ModuleStatus::Failed("offline".into());
    let iac = |read: crate::models::iac::Read| read.diagnostics.into_iter().next();
    let template = |status: &ModuleStatus| crate::syntax::template::not_rendered(json, status);
    let cases = [
        (
            iac(crate::models::iac::unread(tf, &ModuleStatus::Loading)),
            "この Terraform ファイルは、読み込み中の Terraform 読み取りモジュールを待っています",
        ),
        (
            iac(crate::models::iac::unread(tf, &failed)),
            "この Terraform ファイルは読み取っていません。ページが Terraform 読み取りモジュールを読み込めませんでした（offline）",
        ),
        (
            iac(crate::models::iac::unread(tf, &ModuleStatus::Ready)),
            "この Terraform ファイルは読み取っていないため、検査を省きました",
        ),
        (
            iac(crate::models::iac::read_via(|_| String::new(), tf)),
            "この Terraform ファイルは読み取っていません。ページの Terraform 読み取りモジュールがこのファイルで失敗しました",
        ),
        (
            template(&ModuleStatus::Loading),
            "Go テンプレートエンジンの読み込み中は、このファイルのテンプレートを書かれたまま読みます",
        ),
        (
            template(&failed),
            "このファイルのテンプレートはレンダリングせず、書かれたまま読みました。ページが Go テンプレートエンジンを読み込めませんでした（offline）",
        ),
    ];
    for (d, ja) in cases {
        let Some(d) = d else { panic!("no note: {ja}") };
        let message = d.keyed.message.as_ref().map(|m| render_msg(m, Lang::Ja));
        assert_eq!(message.as_deref(), Some(ja));
        let help = d.keyed.help.as_ref().map(|m| render_msg(m, Lang::Ja));
        assert!(
            help.is_some() && d.help.is_some() && help != d.help,
            "{help:?}"
        );
    }
}

/// "Ignore here" in a Jsonnet file writes the comment the engine honours there (`//`), and the
/// finding goes when the project is linted again; in JSON it is a per-path ignore.
#[test]
fn ignore_here_writes_what_the_engine_honours_in_every_kind() {
    let cases = [
        (
            "td.jsonnet",
            "{\n  family: 'web',\n  containerDefinitions: [\n    { name: 'app', image: 'nginx:latest', essential: true },\n  ],\n}\n",
            "//",
        ),
        ("Dockerfile", "FROM ubuntu\nRUN apt-get update && apt-get install -y curl\n", "#"),
        (
            "ecspresso.yml",
            "region: ap-northeast-1\ncluster: c\nservice: s\ntask_definition: td.json\nservice_definition: sd.json\n",
            "#",
        ),
    ];
    for (path, text, marker) in cases {
        let project = Project::new(vec![File::new(path, text, None)]);
        let finding = project
            .lint()
            .findings
            .iter()
            .find(|f| suppress::ignore_offered(f.code))
            .cloned()
            .unwrap_or_else(|| panic!("{path}: a finding to ignore"));
        let IgnoreHere::Comment(ignored) = project.ignore_here(&finding) else {
            panic!("{path}: a comment");
        };
        assert!(
            ignored.contains(&format!("{marker} ecsplain ignore={}", finding.code)),
            "{ignored}"
        );
        let again = Project::new(vec![File::new(path, ignored.clone(), None)]);
        assert!(
            !again
                .lint()
                .findings
                .iter()
                .any(|f| f.code == finding.code && f.line == finding.line + 1),
            "{path}: the finding is ignored\n{ignored}"
        );
        assert!(
            again.lint().findings.iter().all(|f| f.code != "IN009"),
            "{path}: the comment is used"
        );
    }
    let json = Project::new(vec![File::new("td.json", TASK, Some(Kind::TaskDef))]);
    let finding = json
        .lint()
        .findings
        .iter()
        .find(|f| f.code == "TD001")
        .cloned()
        .expect("TD001");
    assert!(matches!(
        json.ignore_here(&finding),
        IgnoreHere::Path { code: "TD001", .. }
    ));
}

#[test]
fn the_configuration_is_written_by_one_function() {
    let (config, _) = Config::parse(".ecsplain.yaml", "fail-on: error\nignore: [DL3008]\n");
    let project = Project::new(Vec::new()).with_config(config.clone());
    assert_eq!(project.config(), &config);
    assert_eq!(
        project.config_yaml(Keys::Changed),
        "fail-on: error\nignore: [DL3008]\n"
    );
    assert_eq!(
        project.config_yaml(Keys::All),
        config_yaml(&config, Keys::All)
    );
    // Linting an empty project finds nothing and names no kind.
    assert!(project.lint().findings.is_empty());
}

/// The pairings of a project as `(kind, first file, first resource, task file, task resource,
/// container, how)`, for assertions.
fn pairings_of(project: &Project) -> Vec<String> {
    let side = |p: &Paired| {
        let path = project.path(FileId::new(p.file)).unwrap_or("?").to_string();
        match &p.resource {
            Some(resource) => format!("{path}#{resource}"),
            None => path,
        }
    };
    project
        .pairings()
        .iter()
        .map(|pairing| match pairing {
            Pairing::Service { service, task, by } => {
                format!("service {} -> task {} ({by:?})", side(service), side(task))
            }
            Pairing::Dockerfile {
                dockerfile,
                task,
                container,
                index,
                by,
            } => format!(
                "dockerfile {} -> task {} container {container} #{index} ({by:?})",
                side(dockerfile),
                side(task)
            ),
        })
        .collect()
}

const ECR: &str = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";

fn task_json(family: &str, containers: &[(&str, &str, bool)]) -> String {
    let containers: Vec<String> = containers
        .iter()
        .map(|(name, image, essential)| {
            format!(r#"{{"name": "{name}", "image": "{image}", "essential": {essential}}}"#)
        })
        .collect();
    format!(
        r#"{{"family": "{family}", "containerDefinitions": [{}]}}"#,
        containers.join(", ")
    )
}

#[test]
fn pairings_say_which_task_a_service_runs_and_how() {
    let web = task_json("web", &[("app", &format!("{ECR}/web:1"), true)]);
    let worker = task_json("worker", &[("app", &format!("{ECR}/worker:1"), true)]);
    // An ecspresso config names both: that pair, whatever taskDefinition says.
    let project = Project::new(vec![
        File::new(
            "ecspresso.yml",
            "region: eu-west-1\ncluster: c\nservice: s\ntask_definition: worker.json\nservice_definition: service.json\n",
            None,
        ),
        File::new("web.json", web.clone(), Some(Kind::TaskDef)),
        File::new("worker.json", worker.clone(), Some(Kind::TaskDef)),
        File::new(
            "service.json",
            r#"{"taskDefinition": "web:3", "desiredCount": 1}"#,
            Some(Kind::ServiceDef),
        ),
    ]);
    assert_eq!(
        pairings_of(&project),
        ["service service.json -> task worker.json (Config)"]
    );
    // No config: the family the service names.
    let project = Project::new(vec![
        File::new("web.json", web.clone(), Some(Kind::TaskDef)),
        File::new("worker.json", worker.clone(), Some(Kind::TaskDef)),
        File::new(
            "service.json",
            r#"{"taskDefinition": "arn:aws:ecs:eu-west-1:123456789012:task-definition/worker:7"}"#,
            Some(Kind::ServiceDef),
        ),
    ]);
    assert_eq!(
        pairings_of(&project),
        ["service service.json -> task worker.json (Family)"]
    );
    // One service, one task definition, no family named.
    let project = Project::new(vec![
        File::new("web.json", web.clone(), Some(Kind::TaskDef)),
        File::new(
            "service.json",
            r#"{"desiredCount": 1}"#,
            Some(Kind::ServiceDef),
        ),
    ]);
    assert_eq!(
        pairings_of(&project),
        ["service service.json -> task web.json (Only)"]
    );
    // Two task definitions and no family named: undecided (XF110), no pairing.
    let project = Project::new(vec![
        File::new("web.json", web, Some(Kind::TaskDef)),
        File::new("worker.json", worker, Some(Kind::TaskDef)),
        File::new(
            "service.json",
            r#"{"desiredCount": 1}"#,
            Some(Kind::ServiceDef),
        ),
    ]);
    assert!(project.pairings().is_empty());
    assert!(project.lint().findings.iter().any(|f| f.code == "XF110"));
    // A Terraform service refers to its task definition resource: named by file and address.
    let tf = format!(
        r#"resource "aws_ecs_task_definition" "web" {{
  family                = "web"
  container_definitions = jsonencode([{{ name = "app", image = "{ECR}/web:1", essential = true }}])
}}

resource "aws_ecs_task_definition" "other" {{
  family                = "web"
  container_definitions = jsonencode([{{ name = "app", image = "{ECR}/other:1", essential = true }}])
}}

resource "aws_ecs_service" "web" {{
  name            = "web"
  task_definition = aws_ecs_task_definition.web.arn
  desired_count   = 1
}}
"#
    );
    let project = Project::new(vec![File::new("infra/ecs.tf", tf, None)]);
    assert_eq!(
        pairings_of(&project),
        ["service infra/ecs.tf#aws_ecs_service.web -> task infra/ecs.tf#aws_ecs_task_definition.web (Resource)"]
    );
}

#[test]
fn pairings_say_which_container_a_dockerfile_builds_and_how() {
    let dockerfile = |path: &str| {
        File::new(
            path,
            "FROM node:22-slim\nUSER node\nCMD [\"node\", \"server.js\"]\n",
            None,
        )
    };
    // The Dockerfile's folder names the container.
    let task = task_json(
        "web",
        &[
            ("web", &format!("{ECR}/web:1"), true),
            ("worker", &format!("{ECR}/worker:1"), true),
        ],
    );
    let project = Project::new(vec![
        dockerfile("web/Dockerfile"),
        File::new("task.json", task, Some(Kind::TaskDef)),
    ]);
    assert_eq!(
        pairings_of(&project),
        ["dockerfile web/Dockerfile -> task task.json container web #0 (Name)"]
    );
    // Sidecars and official images used as they are are never built from it.
    let task = task_json(
        "web",
        &[
            (
                "log_router",
                "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
                true,
            ),
            ("cache", "redis:7", false),
            ("app", &format!("{ECR}/app:1"), true),
        ],
    );
    let project = Project::new(vec![
        dockerfile("Dockerfile"),
        File::new("task.json", task, Some(Kind::TaskDef)),
    ]);
    assert_eq!(
        pairings_of(&project),
        ["dockerfile Dockerfile -> task task.json container app #2 (Only)"]
    );
    // Several could be: the one essential container.
    let task = task_json(
        "web",
        &[
            ("migrate", &format!("{ECR}/app:1"), false),
            ("app", &format!("{ECR}/app:1"), true),
        ],
    );
    let project = Project::new(vec![
        dockerfile("Dockerfile"),
        File::new("task.json", task, Some(Kind::TaskDef)),
    ]);
    assert_eq!(
        pairings_of(&project),
        ["dockerfile Dockerfile -> task task.json container app #1 (Essential)"]
    );
    // Two essential ones: nothing paired (a wrong pairing gives confident, wrong findings).
    let task = task_json(
        "web",
        &[
            ("api", &format!("{ECR}/api:1"), true),
            ("app", &format!("{ECR}/app:1"), true),
        ],
    );
    let project = Project::new(vec![
        dockerfile("Dockerfile"),
        File::new("task.json", task, Some(Kind::TaskDef)),
    ]);
    assert!(project.pairings().is_empty());
}

/// The pairings are the ones the lint run's rules read: XF101 (the task's user overrides the
/// image's) fires on the container the project says the Dockerfile builds.
#[test]
fn pairings_are_what_the_cross_file_rules_read() {
    let task = r#"{"family": "web", "containerDefinitions": [
  {"name": "log_router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable", "essential": true, "firelensConfiguration": {"type": "fluentbit"}},
  {"name": "app", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1", "essential": true, "user": "0"}]}"#;
    let project = Project::new(vec![
        File::new("Dockerfile", "FROM node:22-slim\nUSER node\n", None),
        File::new("task.json", task, Some(Kind::TaskDef)),
    ]);
    let Some(Pairing::Dockerfile { container, .. }) = project.pairings().first() else {
        panic!("no pairing: {:?}", project.pairings());
    };
    assert_eq!(container, "app");
    let xf101 = project.lint().findings.iter().find(|f| f.code == "XF101");
    // On the app container's `user` (line 3), not on the log router.
    assert_eq!(
        xf101.map(|f| (f.path.as_str(), f.line)),
        Some(("task.json", 3)),
        "{:?}",
        project.lint().findings
    );
}

/// The page's path (unnamed panes, blank ones absent) and the CLI's path (files as read) pair
/// the same files the same way.
#[test]
fn the_page_and_the_cli_get_the_same_pairings() {
    let mut files = page_files();
    files[1].text = r#"{"taskDefinition": "web", "desiredCount": 1}"#.into();
    files[2].text = "FROM node:22-slim\nUSER node\n".into();
    // The env file's image is one the Dockerfile could build (`nginx:1.27`, an official image
    // used as it is, would not be paired).
    files[4].text = format!("IMAGE={ECR}/web:1\n");
    let page = Project::with_blank_absent(files);
    let cli = Project::from_inputs(page.inputs().to_vec());
    let page_seen = pairings_of(&page);
    assert_eq!(
        page_seen,
        [
            "service ecs-service-def.json -> task ecs-task-def.json (Config)",
            "dockerfile Dockerfile -> task ecs-task-def.json container app #0 (Only)"
        ]
    );
    assert_eq!(page_seen, pairings_of(&cli));
}

/// The values the lint run fills templates with (no `env` default) and those a rendered view
/// shows (with it): given over env files, then the project's Terraform state.
#[test]
fn known_and_shown_values_come_from_the_project() {
    use crate::syntax::template::{execute, Mode};
    let project = Project::with_blank_absent(page_files());
    let text = "{{ must_env `IMAGE` }} {{ tfstate `aws_lb.main.arn` }} {{ env `STAGE` `dev` }}";
    let lint = execute(text, &project.known(), Mode::Lint).rendered.text;
    assert_eq!(
        lint,
        "nginx:1.27 arn:aws:elasticloadbalancing:x {{ env `STAGE` `dev` }}"
    );
    assert_eq!(
        execute(text, &project.shown(), Mode::Display).rendered.text,
        "nginx:1.27 arn:aws:elasticloadbalancing:x dev"
    );
    // The given value wins over the env file's.
    let mut given = Vars::default();
    given.env.insert("IMAGE".into(), "app:2".into());
    let project = Project::with_blank_absent(page_files()).with_values(given);
    assert!(execute(text, &project.known(), Mode::Lint)
        .rendered
        .text
        .starts_with("app:2 "));
}

#[test]
fn fill_evaluates_fills_and_says_where_a_template_stops() {
    let mut given = Vars::default();
    given.ext_str.insert("TAG".into(), "v1".into());
    let project = Project::new(vec![
        File::new(
            "td.jsonnet",
            "{ tag: std.extVar('TAG'), image: '{{ must_env `IMAGE` }}' }",
            None,
        ),
        File::new("bad.jsonnet", "{\n  a: nope }", None),
        File::new("td.json", "{\n  \"a\": \"{{ if }}\"\n}\n", None),
    ])
    .with_values(given);
    let filled = project
        .fill(FileId::new(0))
        .expect("a file")
        .expect("renders");
    // From the text the page's rendered view starts from, unknown values as markers.
    assert_eq!(
        project.render_source(FileId::new(0)).as_deref(),
        Some(filled.source.as_str())
    );
    assert_eq!(
        filled.text,
        "{\n   \"image\": \"${IMAGE}\",\n   \"tag\": \"v1\"\n}"
    );
    assert!(matches!(
        project.fill(FileId::new(1)),
        Some(Err(RenderError::Jsonnet(why))) if why.contains("nope")
    ));
    assert!(matches!(
        project.fill(FileId::new(2)),
        Some(Err(RenderError::Template {
            line: 2,
            column: 15,
            ref message,
        })) if message.contains("if")
    ));
    assert_eq!(project.fill(FileId::new(3)), None);
}

#[test]
fn named_follows_a_templated_path_once_its_value_is_known() {
    let config = "region: us-east-1\ncluster: c\nservice: web\ntask_definition: '{{ must_env `DIR` }}/td.json'\n";
    let files = || {
        vec![
            File::new("ecspresso.yml", config, None),
            File::new("sub/td.json", TASK, Some(Kind::TaskDef)),
        ]
    };
    assert_eq!(Project::new(files()).named(Kind::TaskDef), None);
    let mut given = Vars::default();
    given.env.insert("DIR".into(), "sub".into());
    let project = Project::new(files()).with_values(given);
    assert_eq!(project.named(Kind::TaskDef), Some(FileId::new(1)));
}

#[test]
fn a_configuration_s_problems_come_with_their_place() {
    let text = "fail-on: error\nignore: [DL3008]\nseverity:\n  TD001: loud\n";
    let (config, problems) = read_config(".ecsplain.yaml", text);
    // What could be read still applies.
    assert_eq!(config.ignore, ["DL3008"]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    let problem = &problems[0];
    assert_eq!(problem.path, ".ecsplain.yaml");
    assert_eq!(problem.code, "IN011");
    // The place of the diagnostic Config::parse gives, resolved on its text.
    let (_, diagnostics) = Config::parse(".ecsplain.yaml", text);
    let at = crate::input::span::LineIndex::new(text).line_col(text, diagnostics[0].span.start);
    assert_eq!((problem.line, problem.column), (at.line, at.column));
    assert_eq!(problem.line, 4);
    assert_eq!(problem.message, diagnostics[0].message);
}

#[test]
fn variables_say_how_each_lookup_is_written() {
    let project = Project::new(vec![
        File::new("td.jsonnet", "{ a: std.extVar('TAG') }", None),
        File::new(
            "td.json",
            r#"{"image": "{{ must_env `IMAGE` }}", "lb": "{{ tfstate `aws_lb.main.arn` }}"}"#,
            None,
        ),
    ]);
    let calls: Vec<String> = project.variables().iter().map(|v| v.call()).collect();
    assert_eq!(
        calls,
        [
            "std.extVar('TAG')",
            "must_env `IMAGE`",
            "tfstate `aws_lb.main.arn`"
        ]
    );
}

#[test]
fn can_render_says_whether_a_rendered_view_shows_something_else() {
    let files = || {
        vec![
            File::new("td.jsonnet", "{ a: 1 }", None),
            File::new("td.json", r#"{"image": "{{ must_env `IMAGE` }}"}"#, None),
            File::new("Dockerfile", "FROM nginx:1.27\n", None),
        ]
    };
    let project = Project::new(files());
    assert!(
        project.can_render(FileId::new(0)),
        "Jsonnet, evaluator ready"
    );
    assert!(project.can_render(FileId::new(1)), "a template");
    assert!(!project.can_render(FileId::new(2)), "nothing to fill");
    assert!(!project.can_render(FileId::new(3)), "no such file");
    // The page's evaluator still loading, or failed: Jsonnet has nothing to show yet.
    let loading = Project::new(files()).with_evaluator(Evaluator::Loading);
    assert!(!loading.can_render(FileId::new(0)));
    assert!(loading.can_render(FileId::new(1)));
    let failed = Project::new(files()).with_evaluator(Evaluator::Failed("offline".into()));
    assert!(!failed.can_render(FileId::new(0)));
}
