//! The variables panel's rows: the engine's project answers which values the files look up,
//! the value each has and where it comes from (`Project::variables`); this module only names the
//! files by path for the panel.
//!
//! Values are keyed the way share links carry them (`ecsplain_engine::workspace::value_key`):
//! an environment variable by its bare name (`IMAGE`), a Jsonnet external variable as
//! `extVar:NAME`, any other lookup by its template key (`tfstate:aws_lb.main.arn`).

use ecsplain_engine::workspace::Origin;
use ecsplain_engine::Project;

/// One value the project looks up, as the panel shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageVariable {
    /// The key values are stored under (see the module docs).
    pub key: String,
    /// The function as written (`must_env`, `tfstate`, `extVar`).
    pub func: String,
    /// What it looks up (`IMAGE`, `aws_lb.main.arn`).
    pub name: String,
    /// `env`'s default, when the template gives one.
    pub default: Option<String>,
    /// The files that use it, in project order.
    pub files: Vec<String>,
}

/// Every variable of the project, and the value the project itself gives it (an env file, the
/// Terraform state) with where it comes from.
pub fn project_variables(project: &Project) -> Vec<(PageVariable, Option<(String, &'static str)>)> {
    project
        .variables()
        .iter()
        .map(|v| {
            let from_project = match (v.origin, &v.value) {
                (Some(origin @ (Origin::EnvFile(_) | Origin::Tfstate(_))), Some(value)) => {
                    Some((value.clone(), origin.label()))
                }
                _ => None,
            };
            let variable = PageVariable {
                key: v.key.clone(),
                func: v.func.clone(),
                name: v.name.clone(),
                default: v.default.clone(),
                files: v
                    .files
                    .iter()
                    .filter_map(|id| project.path(*id).map(str::to_string))
                    .collect(),
            };
            (variable, from_project)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use ecsplain_engine::workspace::{vars_from_keys, File};
    use ecsplain_engine::Kind;

    #[test]
    fn rows_name_files_and_say_what_the_project_answers() {
        let files = vec![
            File::new(
                "app/ecspresso.yml",
                "region: {{ must_env `AWS_REGION` }}\ncluster: {{ env `CLUSTER` `default` }}\n",
                Some(Kind::Ecspresso),
            ),
            File::new(
                "app/ecs-task-def.json",
                r#"{"image": "{{ must_env `IMAGE` }}", "x": "{{ tfstate `aws_lb.main.arn` }}"}"#,
                None,
            ),
            File::new(
                "app/lib.libsonnet",
                "{ a: std.extVar('STAGE'), b: std.native('must_env')('TOKEN') }",
                None,
            ),
            File::new(
                "app/.env",
                "export IMAGE=\"nginx:1.27\"\n# c\nBAD LINE\n",
                None,
            ),
            File::new(
                "terraform.tfstate",
                r#"{"version": 4, "terraform_version": "1.9.0", "resources": [{"mode": "managed", "type": "aws_lb", "name": "main", "instances": [{"attributes": {"arn": "arn:aws:elasticloadbalancing:x"}}]}]}"#,
                None,
            ),
        ];
        let mut user = BTreeMap::new();
        user.insert("AWS_REGION".to_string(), "ap-northeast-1".to_string());
        user.insert("extVar:STAGE".to_string(), "prod".to_string());
        let project = Project::with_blank_absent(files).with_values(vars_from_keys(&user));
        let rows = project_variables(&project);
        let keys: Vec<&str> = rows.iter().map(|(v, _)| v.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "AWS_REGION",
                "CLUSTER",
                "IMAGE",
                "tfstate:aws_lb.main.arn",
                "extVar:STAGE",
                "TOKEN"
            ]
        );
        assert_eq!(rows[2].0.files, ["app/ecs-task-def.json"]);
        assert_eq!(rows[2].1, Some(("nginx:1.27".to_string(), "env file")));
        assert_eq!(
            rows[3].1,
            Some((
                "arn:aws:elasticloadbalancing:x".to_string(),
                "terraform.tfstate"
            ))
        );
        // A value the user gave or a default is not the project's own answer.
        assert_eq!(rows[0].1, None);
        assert_eq!(rows[1].1, None);
        let engine = project.effective_values();
        assert_eq!(
            engine.env.get("IMAGE").map(String::as_str),
            Some("nginx:1.27")
        );
        assert_eq!(
            engine.ext_str.get("STAGE").map(String::as_str),
            Some("prod")
        );
        // The rendered view fills what is known and marks the rest.
        assert_eq!(
            project.fill_templates(&project.files()[1].text),
            r#"{"image": "nginx:1.27", "x": "arn:aws:elasticloadbalancing:x"}"#
        );
        assert_eq!(
            project.fill_templates(&project.files()[0].text),
            "region: ap-northeast-1\ncluster: default\n"
        );
        assert!(project
            .fill_templates("{{ must_env `NOPE` }}")
            .contains("NOPE"));
    }
}
