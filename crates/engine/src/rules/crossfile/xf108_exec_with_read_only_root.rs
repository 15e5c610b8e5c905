use crate::input::msg::Arg;
use crate::models::project::ProjectCtx;
use crate::rules::check::Sink;
use crate::rules::servicedef::pairing;
use crate::rules::taskdef::util;
use crate::syntax::value::{Node, NodeKind};

crate::declare_rule! {
    /// ## What it does
    /// When a service and the task definition it runs are linted together, reports a service
    /// with `"enableExecuteCommand": true` whose task has containers with
    /// `"readonlyRootFilesystem": true` and no writable mount for the paths the SSM agent of
    /// ECS Exec writes (`/managed-agents`, `/var/lib/amazon/ssm`, `/var/log/amazon/ssm`).
    /// One finding per service, on `enableExecuteCommand`, pointing at each read-only
    /// container in the task definition. The service is paired with its task definition by
    /// the family it names, by the ecspresso config that names both files, or as the only pair.
    ///
    /// ## Why is this bad?
    /// ECS Exec works through an SSM agent that ECS places in the container; the agent needs
    /// to write to those paths. On a read-only root filesystem it cannot, so
    /// `aws ecs execute-command` fails for these containers even though the service says exec
    /// is on. Both settings are advice on their own (Security Hub ECS.5 asks for the read-only
    /// root, `TD103`; `SV042` notes exec): together they need writable volumes.
    ///
    /// `SV042` (exec in general: IAM and session logging) still applies; this rule says only
    /// what the combination breaks. Windows containers are left out: they do not support
    /// `readonlyRootFilesystem`.
    ///
    /// ## Example
    /// Service: `{ "enableExecuteCommand": true }`; task definition:
    /// ```json
    /// { "name": "app", "readonlyRootFilesystem": true }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "app", "readonlyRootFilesystem": true,
    ///   "mountPoints": [{ "sourceVolume": "managed-agents", "containerPath": "/managed-agents" },
    ///                   { "sourceVolume": "ssm-lib", "containerPath": "/var/lib/amazon/ssm" },
    ///                   { "sourceVolume": "ssm-log", "containerPath": "/var/log/amazon/ssm" }] }
    /// ```
    /// with the three volumes in the task's `volumes`, or turn exec off where it is not needed.
    ///
    /// ## References
    /// - [Monitor Amazon ECS containers with ECS Exec](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html)
    /// - aws/containers-roadmap#1359 and aws-containers/amazon-ecs-exec-checker#21 (the
    ///   writable paths the agent needs).
    /// - Security Hub ECS.5 (read-only root filesystem).
    pub static RULE = {
        code: "XF108",
        name: "exec-with-read-only-root",
        target: CrossFile,
        severity: Warning,
        category: Reliability,
        summary: "ECS Exec is on, but containers have a read-only root filesystem the SSM agent cannot write",
    }
}

crate::messages! {
    "XF108";
    READ_ONLY_ONE = "ECS Exec is on, but container {names} has a read-only root filesystem: the SSM agent cannot write its paths there, so `execute-command` sessions fail";
    READ_ONLY_MANY = "ECS Exec is on, but containers {names} have a read-only root filesystem: the SSM agent cannot write its paths there, so `execute-command` sessions fail";
    HELP_WRITABLE_VOLUMES = "give each such container writable volumes (task `volumes` entries mounted with `mountPoints`) at `/managed-agents`, `/var/lib/amazon/ssm` and `/var/log/amazon/ssm`, or turn exec off";
    RELATED_CONTAINER = "container `{name}` is read-only, with no writable mount at {listed}";
}

/// The paths the ECS Exec SSM agent writes.
const SSM_PATHS: [&str; 3] = [
    "/managed-agents",
    "/var/lib/amazon/ssm",
    "/var/log/amazon/ssm",
];

/// The writable mount paths of a container, or `None` when they cannot be known (a placeholder,
/// `volumesFrom`, an opaque entry).
fn writable_mounts(container: &Node) -> Option<Vec<&str>> {
    if container.get_set("volumesFrom").is_some() {
        return None;
    }
    let Some(list) = container.get_set("mountPoints") else {
        return Some(Vec::new());
    };
    let items = list.as_array()?;
    let mut out = Vec::new();
    for p in items {
        if p.is_opaque() {
            return None;
        }
        let read_only = matches!(
            p.get("readOnly").map(|r| &r.kind),
            Some(NodeKind::Bool(true))
        );
        match p.get_set("containerPath") {
            Some(n) if n.is_placeholder() => return None,
            Some(n) if !read_only => out.extend(n.as_str()),
            _ => {}
        }
    }
    Some(out)
}

fn covered(mounts: &[&str], path: &str) -> bool {
    mounts.iter().any(|m| {
        let m = m.trim_end_matches('/');
        m.is_empty() || path == m || path.starts_with(&format!("{m}/"))
    })
}

pub fn check(project: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    for pair in pairing::pairs(project) {
        let Some(exec) = pair.service.service.get_set("enableExecuteCommand") else {
            continue;
        };
        if exec.as_bool() != Some(true)
            || pair.task.is_windows()
            || util::containers_opaque(&pair.task)
        {
            continue;
        }
        let mut blocked: Vec<(String, &Node, Vec<&str>)> = Vec::new();
        for c in &pair.task.containers {
            let Some(flag) = c.get_set("readonlyRootFilesystem") else {
                continue;
            };
            if !util::is_true(Some(flag)) || c.is_opaque() {
                continue;
            }
            let Some(mounts) = writable_mounts(c) else {
                continue;
            };
            let missing: Vec<&str> = SSM_PATHS
                .iter()
                .copied()
                .filter(|p| !covered(&mounts, p))
                .collect();
            if !missing.is_empty() {
                blocked.push((pair.task.container_name(c), flag, missing));
            }
        }
        if blocked.is_empty() {
            continue;
        }
        let names = Arg::List(
            blocked
                .iter()
                .map(|(n, _, _)| Arg::Code(format!("`{n}`")))
                .collect(),
        );
        let message = if blocked.len() == 1 {
            crate::msg!(READ_ONLY_ONE, names = names)
        } else {
            crate::msg!(READ_ONLY_MANY, names = names)
        };
        let d = sink.report_msg_in(pair.service.file, exec.span, message);
        d.set_help_msg(crate::msg!(HELP_WRITABLE_VOLUMES));
        for (name, flag, missing) in &blocked {
            let listed = Arg::List(
                missing
                    .iter()
                    .map(|p| Arg::Code(format!("`{p}`")))
                    .collect(),
            );
            d.add_related_in_msg(
                pair.task.file,
                flag.span,
                crate::msg!(RELATED_CONTAINER, name = name, listed = listed),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::covered;

    #[test]
    fn mounts_cover_paths_below() {
        assert!(covered(&["/var/lib/amazon"], "/var/lib/amazon/ssm"));
        assert!(covered(&["/managed-agents/"], "/managed-agents"));
        assert!(!covered(&["/var/lib/amazon/ssmx"], "/var/lib/amazon/ssm"));
    }
}
