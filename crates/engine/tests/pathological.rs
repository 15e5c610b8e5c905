//! Inputs built to break parsers: each must give findings (or none), never a panic, and every
//! span must lie inside its text on character boundaries. No timing here: speed lives in the
//! benchmarks (`cargo xtask bench`).

use ecsplain_engine::{lint, Input, Kind, Report};

fn check(kind: Kind, path: &str, text: &str) -> Report {
    let report = lint(&[Input::new(path, text, Some(kind))]);
    for f in &report.findings {
        let (s, e) = (f.span.start as usize, f.span.end as usize);
        assert!(
            s <= e && e <= text.len(),
            "{path}: span {s}..{e} outside {} bytes ({})",
            text.len(),
            f.code
        );
        assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "{path}: span not on char boundary ({})",
            f.code
        );
        assert!(
            f.line >= 1 && f.column >= 1 && f.end_line >= f.line,
            "{path}: bad line/col ({})",
            f.code
        );
    }
    report
}

fn all_kinds(name: &str, text: &str) {
    for (kind, path) in [
        (Kind::TaskDef, "t.json"),
        (Kind::ServiceDef, "s.json"),
        (Kind::Dockerfile, "Dockerfile"),
        (Kind::Ecspresso, "ecspresso.yml"),
        (Kind::Ecspresso, "ecspresso.json"),
    ] {
        let _ = check(kind, path, text);
        let _ = name;
    }
}

#[test]
fn deep_nesting() {
    all_kinds("[ x 100k", &"[".repeat(100_000));
    all_kinds("{ x 100k", &"{\"a\":".repeat(100_000));
    all_kinds("- x 50k", &"- ".repeat(50_000));
    all_kinds(
        "balanced 10k",
        &format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
    );
    let report = check(Kind::TaskDef, "t.json", &"[".repeat(10_000));
    assert!(!report.findings.is_empty(), "deep nesting must be reported");
}

#[test]
fn huge_task_definition() {
    let container =
        r#"{"name": "c", "image": "nginx:1.27", "cpu": 10, "memory": 64, "essential": true}"#;
    let text = format!(
        "{{\"family\": \"x\", \"containerDefinitions\": [{}]}}",
        vec![container; 100_000].join(",")
    );
    let _ = check(Kind::TaskDef, "big.json", &text);
    let env: Vec<String> = (0..50_000)
        .map(|i| format!("{{\"name\": \"V{i}\", \"value\": \"{i}\"}}"))
        .collect();
    let text = format!(
        "{{\"family\": \"x\", \"containerDefinitions\": [{{\"name\": \"c\", \"image\": \"nginx:1.27\", \"environment\": [{}]}}]}}",
        env.join(",")
    );
    let _ = check(Kind::TaskDef, "env.json", &text);
}

#[test]
fn long_lines_and_odd_bytes() {
    let long = format!("{{\"family\": \"{}\"}}", "x".repeat(1 << 20));
    let _ = check(Kind::TaskDef, "long.json", &long);
    all_kinds("1 MB line", &"a".repeat(1 << 20));
    all_kinds("NUL", "{\"family\": \"a\0b\"}\nFROM\0 x\n");
    let lossy = String::from_utf8_lossy(&[0x7b, 0xff, 0xfe, 0x22, 0x61, 0x22, 0x7d]).into_owned();
    let report = check(Kind::TaskDef, "bad-utf8.json", &lossy);
    assert!(
        report.findings.iter().any(|f| f.code == "IN008"),
        "invalid UTF-8 is reported"
    );
    all_kinds("BOM", "\u{feff}{\"containerDefinitions\": []}\n");
    all_kinds("CRLF and CR", "{\r\n\"a\": 1,\r\"b\": [\r\n1,\r2]\r\n}\r");
    all_kinds("tabs", "{\n\t\"a\":\t\"é\t\",\n\t\t\"b\": tru\n}");
    all_kinds("emoji", "{\"family\": \"🚢🚢\", \"cpu\": 🚢}");
}

#[test]
fn unterminated_constructs() {
    all_kinds(
        "heredoc never ends",
        "FROM alpine:3.20\nRUN <<EOF\necho hi\n",
    );
    all_kinds("continuation at end", "FROM alpine:3.20\nRUN echo hi \\");
    all_kinds(
        "continuation then nothing",
        "FROM alpine:3.20\nRUN \\\n\\\n\\\n",
    );
    all_kinds("open string", "{\"family\": \"web");
    all_kinds(
        "open template",
        "{\"image\": \"{{ must_env `IMAGE`\"}\ncluster: {{ must_env",
    );
    all_kinds(
        "escape directive",
        "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n  c:\\",
    );
    all_kinds("only comments", "# nothing\n# here\n");
    all_kinds("yaml tabs and anchors", "a: &x\n\tb: *x\nc: *y\n");
}

#[test]
fn every_prefix_of_a_real_file_is_safe() {
    let text = r#"{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "4096",
  "containerDefinitions": [
    {"name": "app", "image": "{{ must_env `IMAGE` }}", "essential": true,
     "portMappings": [{"containerPort": 8080, "hostPort": 8080}],
     "environment": [{"name": "DB_PASSWORD", "value": "hunter2"}]}
  ]
}"#;
    for end in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
        let _ = check(Kind::TaskDef, "t.json", &text[..end]);
    }
    let docker = "# syntax=docker/dockerfile:1\nFROM node:20 AS build\nRUN --mount=type=cache,target=/root/.npm npm ci\nCOPY <<EOF /app/x\nhi\nEOF\nFROM gcr.io/distroless/nodejs20\nCOPY --from=build /app /app\nUSER 65532\nCMD [\"app.js\"]\n";
    for end in (0..=docker.len()).filter(|&i| docker.is_char_boundary(i)) {
        let _ = check(Kind::Dockerfile, "Dockerfile", &docker[..end]);
    }
    let yaml = "region: ap-northeast-1\ncluster: default\nservice: web\ntask_definition: ecs-task-def.json\nservice_definition: ecs-service-def.json\nplugins:\n  - name: tfstate\n    config:\n      path: terraform.tfstate\n";
    for end in (0..=yaml.len()).filter(|&i| yaml.is_char_boundary(i)) {
        let _ = check(Kind::Ecspresso, "ecspresso.yml", &yaml[..end]);
    }
}
