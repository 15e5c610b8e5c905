//! The examples gallery: a bad and a good version of realistic services, for every input kind.
//! Written by us for teaching; every example's findings are snapshot-tested, and every good
//! example has no error and no warning unless the example lists it in `intended` and says why.

use serde::Serialize;

use super::File;
use crate::input::Kind;
use crate::rules::rule::Lang;

/// Whether an example shows what to avoid or what to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Quality {
    Bad,
    Good,
}

/// One example: one or more files loaded together into the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Example {
    /// Stable, kebab-case, used in permalinks (`#example=<id>`): never rename one.
    pub id: &'static str,
    pub title: &'static str,
    /// One line, shown under the title.
    pub description: &'static str,
    pub tags: &'static [&'static str],
    pub quality: Quality,
    /// The id of the other version (the good one for a bad example, and the reverse).
    pub counterpart: &'static str,
    pub files: &'static [File],
    /// Findings a good example keeps on purpose: `(code, why)`. A good example has no warning
    /// and no error except these, and each says why in the example's own words (a test holds
    /// both). Empty for every example today.
    pub intended: &'static [(&'static str, &'static str)],
}

macro_rules! file {
    ($kind:ident, $dir:literal, $name:literal) => {
        File {
            kind: Kind::$kind,
            path: $name,
            text: include_str!(concat!("../../content/examples/", $dir, "/", $name)),
        }
    };
}

static EXAMPLES: &[Example] = &[
    Example {
        id: "node-adot-bad",
        title: "Node.js API with an ADOT collector (bad)",
        description: "a Fargate task whose size does not exist, with a password in plain text, latest tags and no logs",
        tags: &["taskdef", "fargate", "observability", "adot", "security"],
        quality: Quality::Bad,
        counterpart: "node-adot-good",
        files: &[file!(TaskDef, "node-adot-bad", "task-def.json")],
        intended: &[],
    },
    Example {
        id: "node-adot-good",
        title: "Node.js API with an ADOT collector (good)",
        description: "the app sends traces to an ADOT collector sidecar (v0.49.0, released 2026-07-10; newer releases may exist) through OTEL_* settings; sizes, users and logs are set",
        tags: &["taskdef", "fargate", "observability", "adot", "otel"],
        quality: Quality::Good,
        counterpart: "node-adot-bad",
        files: &[file!(TaskDef, "node-adot-good", "task-def.json")],
        intended: &[],
    },
    Example {
        id: "firelens-bad",
        title: "FireLens log router (bad)",
        description: "a Fluent Bit router with no memory limit and no logs of its own, and an API key in the environment",
        tags: &["taskdef", "fargate", "logging", "firelens", "security"],
        quality: Quality::Bad,
        counterpart: "firelens-good",
        files: &[file!(TaskDef, "firelens-bad", "task-def.json")],
        intended: &[],
    },
    Example {
        id: "firelens-good",
        title: "FireLens log router (good)",
        description: "the app logs through a sized Fluent Bit router (AWS for Fluent Bit 2.34.3.20260209, released 2026-02-09; newer releases may exist) to CloudWatch Logs; the router runs as root with a writable root filesystem, as FireLens needs, and logs with awslogs",
        tags: &["taskdef", "fargate", "logging", "firelens"],
        quality: Quality::Good,
        counterpart: "firelens-bad",
        files: &[file!(TaskDef, "firelens-good", "task-def.json")],
        intended: &[],
    },
    Example {
        id: "nginx-app-bad",
        title: "nginx in front of an app (bad)",
        description: "links under awsvpc, a reservation above the limit, a privileged container and an untagged image",
        tags: &["taskdef", "ec2", "sizing", "security"],
        quality: Quality::Bad,
        counterpart: "nginx-app-good",
        files: &[file!(TaskDef, "nginx-app-bad", "task-def.json")],
        intended: &[],
    },
    Example {
        id: "nginx-app-good",
        title: "nginx in front of an app (good)",
        description: "nginx reaches the app on localhost, starts once the app is healthy, both run as non-root users, and the app sends traces to an ADOT collector",
        tags: &["taskdef", "ec2", "sizing", "adot", "otel"],
        quality: Quality::Good,
        counterpart: "nginx-app-bad",
        files: &[file!(TaskDef, "nginx-app-good", "task-def.json")],
        intended: &[],
    },
    Example {
        id: "dockerfile-bad",
        title: "Node.js Dockerfile in one stage (bad)",
        description: "a latest base, a token baked into the image, build tools shipped, root user and a shell-form CMD",
        tags: &["dockerfile", "security", "image-size"],
        quality: Quality::Bad,
        counterpart: "dockerfile-good",
        files: &[file!(Dockerfile, "dockerfile-bad", "Dockerfile")],
        intended: &[],
    },
    Example {
        id: "dockerfile-good",
        title: "Multi-stage Dockerfile with a distroless final stage (good)",
        description: "an npm cache mount in the build stage, and a distroless final stage that runs as a non-root user",
        tags: &["dockerfile", "multi-stage", "cache-mount", "distroless", "non-root"],
        quality: Quality::Good,
        counterpart: "dockerfile-bad",
        files: &[file!(Dockerfile, "dockerfile-good", "Dockerfile")],
        intended: &[],
    },
    Example {
        id: "ecspresso-bad",
        title: "ecspresso project with tfstate lookups (bad)",
        description: "the load balancer names a missing container; one public subnet, one task, and a deployment that stops it",
        tags: &["ecspresso", "tfstate", "taskdef", "servicedef"],
        quality: Quality::Bad,
        counterpart: "ecspresso-good",
        files: &[
            file!(Ecspresso, "ecspresso-bad", "ecspresso.yml"),
            file!(TaskDef, "ecspresso-bad", "ecs-task-def.json"),
            file!(ServiceDef, "ecspresso-bad", "ecs-service-def.json"),
        ],
        intended: &[],
    },
    Example {
        id: "ecspresso-good",
        title: "ecspresso project with tfstate lookups (good)",
        description: "roles, subnets, secrets and the image come from Terraform state; the image tag from the environment",
        tags: &["ecspresso", "tfstate", "taskdef", "servicedef", "secrets"],
        quality: Quality::Good,
        counterpart: "ecspresso-bad",
        files: &[
            file!(Ecspresso, "ecspresso-good", "ecspresso.yml"),
            file!(TaskDef, "ecspresso-good", "ecs-task-def.json"),
            file!(ServiceDef, "ecspresso-good", "ecs-service-def.json"),
        ],
        intended: &[],
    },
    Example {
        id: "blue-green-bad",
        title: "Blue/green service with CodeDeploy (bad)",
        description: "a CODE_DEPLOY service without a load balancer, one task in one public subnet",
        tags: &["servicedef", "deployment", "blue-green", "codedeploy"],
        quality: Quality::Bad,
        counterpart: "blue-green-good",
        files: &[file!(ServiceDef, "blue-green-bad", "service-def.json")],
        intended: &[],
    },
    Example {
        id: "blue-green-good",
        title: "Blue/green service with CodeDeploy (good)",
        description: "CodeDeploy shifts traffic between target groups; three tasks in three private subnets",
        tags: &["servicedef", "deployment", "blue-green", "codedeploy"],
        quality: Quality::Good,
        counterpart: "blue-green-bad",
        files: &[file!(ServiceDef, "blue-green-good", "service-def.json")],
        intended: &[],
    },
    Example {
        id: "blue-green-ecs-bad",
        title: "Blue/green built into ECS (bad)",
        description: "the BLUE_GREEN strategy with no alternate target group, no bake time and no rollback, one task in one public subnet",
        tags: &["servicedef", "deployment", "blue-green"],
        quality: Quality::Bad,
        counterpart: "blue-green-ecs-good",
        files: &[file!(ServiceDef, "blue-green-ecs-bad", "service-def.json")],
        intended: &[],
    },
    Example {
        id: "blue-green-ecs-good",
        title: "Blue/green built into ECS (good)",
        description: "the ECS controller's BLUE_GREEN strategy: a green target group and test listener, a smoke-test hook, 15 minutes of bake time, rollback by circuit breaker or alarm",
        tags: &["servicedef", "deployment", "blue-green", "circuit-breaker"],
        quality: Quality::Good,
        counterpart: "blue-green-ecs-bad",
        files: &[file!(ServiceDef, "blue-green-ecs-good", "service-def.json")],
        intended: &[],
    },
    Example {
        id: "rolling-bad",
        title: "Rolling update service (bad)",
        description: "launchType next to a capacity provider strategy, no circuit breaker, and a deployment that stops every task",
        tags: &["servicedef", "deployment", "rolling", "spot"],
        quality: Quality::Bad,
        counterpart: "rolling-good",
        files: &[file!(ServiceDef, "rolling-bad", "service-def.json")],
        intended: &[],
    },
    Example {
        id: "rolling-good",
        title: "Rolling update service (good)",
        description: "a circuit breaker that rolls back, a safe 100/200 deployment, and Spot above an on-demand base",
        tags: &["servicedef", "deployment", "rolling", "spot", "circuit-breaker"],
        quality: Quality::Good,
        counterpart: "rolling-bad",
        files: &[file!(ServiceDef, "rolling-good", "service-def.json")],
        intended: &[],
    },
];

/// Every example, bad and good versions side by side, in gallery order.
pub fn examples() -> &'static [Example] {
    EXAMPLES
}

/// The examples' Japanese title and description (`content/examples/<id>/example.ja.md`, format
/// in [`super::translation`]), by id; empty in a build with the feature `external-docs`.
#[cfg(not(feature = "external-docs"))]
pub(crate) static JA_EXAMPLES: &[(&str, &str)] = &[
    (
        "node-adot-bad",
        include_str!("../../content/examples/node-adot-bad/example.ja.md"),
    ),
    (
        "node-adot-good",
        include_str!("../../content/examples/node-adot-good/example.ja.md"),
    ),
    (
        "firelens-bad",
        include_str!("../../content/examples/firelens-bad/example.ja.md"),
    ),
    (
        "firelens-good",
        include_str!("../../content/examples/firelens-good/example.ja.md"),
    ),
    (
        "nginx-app-bad",
        include_str!("../../content/examples/nginx-app-bad/example.ja.md"),
    ),
    (
        "nginx-app-good",
        include_str!("../../content/examples/nginx-app-good/example.ja.md"),
    ),
    (
        "dockerfile-bad",
        include_str!("../../content/examples/dockerfile-bad/example.ja.md"),
    ),
    (
        "dockerfile-good",
        include_str!("../../content/examples/dockerfile-good/example.ja.md"),
    ),
    (
        "ecspresso-bad",
        include_str!("../../content/examples/ecspresso-bad/example.ja.md"),
    ),
    (
        "ecspresso-good",
        include_str!("../../content/examples/ecspresso-good/example.ja.md"),
    ),
    (
        "blue-green-bad",
        include_str!("../../content/examples/blue-green-bad/example.ja.md"),
    ),
    (
        "blue-green-good",
        include_str!("../../content/examples/blue-green-good/example.ja.md"),
    ),
    (
        "blue-green-ecs-bad",
        include_str!("../../content/examples/blue-green-ecs-bad/example.ja.md"),
    ),
    (
        "blue-green-ecs-good",
        include_str!("../../content/examples/blue-green-ecs-good/example.ja.md"),
    ),
    (
        "rolling-bad",
        include_str!("../../content/examples/rolling-bad/example.ja.md"),
    ),
    (
        "rolling-good",
        include_str!("../../content/examples/rolling-good/example.ja.md"),
    ),
];
#[cfg(feature = "external-docs")]
pub(crate) static JA_EXAMPLES: &[(&str, &str)] = &[];

/// The ids of [`examples`], in gallery order: what the page's first view needs to route an
/// example's permalink without linking the examples' files, which stay in the teaching module
/// (a test keeps the two in step).
pub const EXAMPLE_IDS: &[&str] = &[
    "node-adot-bad",
    "node-adot-good",
    "firelens-bad",
    "firelens-good",
    "nginx-app-bad",
    "nginx-app-good",
    "dockerfile-bad",
    "dockerfile-good",
    "ecspresso-bad",
    "ecspresso-good",
    "blue-green-bad",
    "blue-green-good",
    "blue-green-ecs-bad",
    "blue-green-ecs-good",
    "rolling-bad",
    "rolling-good",
];

/// The id of the example with this id, as a `'static` string (see [`EXAMPLE_IDS`]).
pub fn example_id(id: &str) -> Option<&'static str> {
    EXAMPLE_IDS.iter().copied().find(|e| *e == id)
}

/// The example with this id (from a permalink).
pub fn example(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.id == id)
}

impl Example {
    /// The example's translation file in `lang` as written (`example.ja.md`), compiled in or
    /// given by [`crate::rules::rule::set_docs_in`] under `ja/example/<id>`; `None` for English.
    pub fn translation(&self, lang: Lang) -> Option<&'static str> {
        super::translation::lookup(lang, JA_EXAMPLES, self.id, "example")
    }

    fn text_in(&self, lang: Lang) -> Option<(&'static str, &'static str)> {
        super::translation::parse_example(self.translation(lang)?)
    }

    /// The title in `lang`, in English where the example has no translation.
    pub fn title_in(&self, lang: Lang) -> &'static str {
        self.text_in(lang).map_or(self.title, |t| t.0)
    }

    /// The one-line description in `lang`, in English where the example has no translation.
    pub fn description_in(&self, lang: Lang) -> &'static str {
        self.text_in(lang).map_or(self.description, |t| t.1)
    }

    /// The example's files as lint inputs.
    pub fn inputs(&self) -> Vec<crate::input::Input> {
        self.files.iter().map(File::input).collect()
    }

    /// The kinds of input this example holds.
    pub fn kinds(&self) -> Vec<Kind> {
        let mut kinds: Vec<Kind> = self.files.iter().map(|f| f.kind).collect();
        crate::input::order::sort(&mut kinds);
        kinds.dedup();
        kinds
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn example_ids_list_every_example_in_order() {
        let ids: Vec<&str> = super::examples().iter().map(|e| e.id).collect();
        assert_eq!(ids, super::EXAMPLE_IDS);
        assert_eq!(super::example_id("rolling-good"), Some("rolling-good"));
        assert_eq!(super::example_id("no-such-example"), None);
    }
}
