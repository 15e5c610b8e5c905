use super::pairing_docker::{self, DockerPair};
use crate::input::msg::{Arg, Msg};
use crate::models::project::ProjectCtx;
use crate::rules::check::Sink;
use crate::rules::taskdef::util;
use crate::syntax::value::Node;

crate::declare_rule! {
    /// ## What it does
    /// When a Dockerfile and the task definition that runs its image are linted together,
    /// reports a container with `readonlyRootFilesystem: true` whose image is built on nginx and
    /// has no writable mount where nginx writes: `/var/cache/nginx` and `/var/run` for the
    /// official `nginx` image, `/tmp` for `nginxinc/nginx-unprivileged`. When the Dockerfile
    /// copies its own `nginx.conf`, the paths may have moved, so only a container with no
    /// mount point at all is reported.
    ///
    /// ## Why is this bad?
    /// A read-only root filesystem is good practice (Security Hub ECS.5, `TD103`), but nginx
    /// writes its pid file and request buffers at start: on a read-only root it exits with
    /// "Read-only file system" and the task never starts. Each path nginx writes needs a
    /// writable volume (a task `volumes` entry mounted with `mountPoints`; on Fargate, an
    /// empty bind-mount volume lives on the task's ephemeral storage).
    ///
    /// Image `VOLUME`s are not checked: whether the runtime creates a writable volume for them
    /// on every launch type is not something this rule can assert.
    ///
    /// ## Example
    /// `Dockerfile`: `FROM nginx:1.27`; task definition:
    /// ```json
    /// { "name": "web", "readonlyRootFilesystem": true }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "web", "readonlyRootFilesystem": true,
    ///   "mountPoints": [{ "sourceVolume": "nginx-cache", "containerPath": "/var/cache/nginx" },
    ///                   { "sourceVolume": "nginx-run", "containerPath": "/var/run" }] }
    /// ```
    /// with `"volumes": [{ "name": "nginx-cache" }, { "name": "nginx-run" }]` in the task.
    ///
    /// ## References
    /// - [Amazon ECS task definition parameters: readonlyRootFilesystem](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html)
    /// - [nginx official image: running nginx in read-only mode](https://hub.docker.com/_/nginx)
    /// - Security Hub ECS.5 asks for the read-only root; this rule makes it work.
    pub static RULE = {
        code: "XF105",
        name: "read-only-root-blocks-image-writes",
        target: CrossFile,
        severity: Warning,
        category: Reliability,
        summary: "a read-only root filesystem with no writable volume where the image's nginx writes",
    }
}

crate::messages! {
    "XF105";
    NO_WRITABLE_MOUNT = "container `{name}` has a read-only root filesystem and no writable mount, but its {image} image must write its pid file and temporary files (by default in {listed})";
    WRITES_UNMOUNTED = "container `{name}` has a read-only root filesystem, but its {image} image writes to {listed}, which no mount point makes writable";
    HELP_ADD_VOLUMES = "add \"volumes\": [{volumes}] to the task and \"mountPoints\": [{mounts}] to the container";
    RELATED_BUILT_ON = "the image is built on {image}";
    AND_LIST = "{items} and {last}";
}

/// The paths nginx writes in this image, or `None` if it is not an nginx image.
fn nginx_paths(pair: &DockerPair<'_>) -> Option<(&'static str, &'static [&'static str])> {
    let base = pair.base_image()?;
    let name = base.split(['@', ':']).next().unwrap_or(&base);
    let name = name
        .strip_prefix("docker.io/")
        .unwrap_or(name)
        .strip_prefix("library/")
        .unwrap_or(name);
    if name.ends_with("nginx-unprivileged") {
        return Some(("nginx-unprivileged", &["/tmp"]));
    }
    if name == "nginx" || name == "public.ecr.aws/nginx/nginx" {
        return Some(("nginx", &["/var/cache/nginx", "/var/run"]));
    }
    None
}

/// Does a mount point cover the path (the path or a folder above it)?
fn covered(mounts: &[&str], path: &str) -> bool {
    mounts.iter().any(|m| {
        let m = m.trim_end_matches('/');
        m.is_empty() || path == m || path.starts_with(&format!("{m}/"))
    })
}

/// `/var/run` is usually a link to `/run`: a mount at either serves.
fn covered_alias(mounts: &[&str], path: &str) -> bool {
    covered(mounts, path) || (path == "/var/run" && covered(mounts, "/run"))
}

/// A volume name for a path: `/var/cache/nginx` is `var-cache-nginx`.
fn volume_name(path: &str) -> String {
    path.trim_matches('/').replace('/', "-")
}

fn help(missing: &[&str]) -> Msg {
    let volumes: Vec<String> = missing
        .iter()
        .map(|p| format!("{{\"name\": \"{}\"}}", volume_name(p)))
        .collect();
    let mounts: Vec<String> = missing
        .iter()
        .map(|p| {
            format!(
                "{{\"sourceVolume\": \"{}\", \"containerPath\": \"{p}\"}}",
                volume_name(p)
            )
        })
        .collect();
    crate::msg!(
        HELP_ADD_VOLUMES,
        volumes = volumes.join(", "),
        mounts = mounts.join(", ")
    )
}

pub fn check(project: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    for pair in pairing_docker::pairs(project) {
        let c = pair.container;
        let Some(flag) = c.get_set("readonlyRootFilesystem") else {
            continue;
        };
        if !util::is_true(Some(flag)) || c.is_opaque() {
            continue;
        }
        let Some((image, paths)) = nginx_paths(&pair) else {
            continue;
        };
        if c.get_set("volumesFrom").is_some() {
            continue; // Volumes from another container: not visible here.
        }
        let list = c.get_set("mountPoints");
        if list.is_some_and(Node::is_placeholder) {
            continue;
        }
        let points = c.get_array("mountPoints");
        let mut mounts = Vec::new();
        for p in points {
            let read_only = matches!(
                p.get("readOnly").map(|r| &r.kind),
                Some(crate::syntax::value::NodeKind::Bool(true))
            );
            match p.get_set("containerPath") {
                // An unknown path might be the one needed: say nothing.
                Some(n) if n.is_placeholder() => mounts.push("/"),
                Some(n) if !read_only => mounts.extend(n.as_str()),
                _ => {}
            }
        }
        let own_config = pair
            .image_instructions()
            .iter()
            .any(|i| (i.is("COPY") || i.is("ADD")) && i.text.contains("nginx.conf"));
        let missing: Vec<&str> = if own_config {
            if !points.is_empty() {
                continue;
            }
            paths.to_vec()
        } else {
            paths
                .iter()
                .copied()
                .filter(|p| !covered_alias(&mounts, p))
                .collect()
        };
        if missing.is_empty() {
            continue;
        }
        let paths: Vec<Arg> = missing
            .iter()
            .map(|p| Arg::Code(format!("`{p}`")))
            .collect();
        let listed = match paths.split_last() {
            Some((last, rest)) if !rest.is_empty() => Arg::from(crate::msg!(
                AND_LIST,
                items = Arg::List(rest.to_vec()),
                last = last.clone()
            )),
            _ => Arg::List(paths),
        };
        let message = if own_config {
            crate::msg!(
                NO_WRITABLE_MOUNT,
                name = pair.name(),
                image = image,
                listed = listed
            )
        } else {
            crate::msg!(
                WRITES_UNMOUNTED,
                name = pair.name(),
                image = image,
                listed = listed
            )
        };
        sink.report_msg_in(pair.task.file, flag.span, message)
            .set_help_msg(help(&missing))
            .add_related_in_msg(
                pair.docker.file,
                pair.base_span(),
                crate::msg!(RELATED_BUILT_ON, image = image),
            );
    }
}
