//! Guided lessons: a short page each, with a picture (an explainer) and a "fix this" exercise
//! whose goal the engine checks.

use std::collections::BTreeMap;

use serde::Serialize;

use super::facts::{Fact, FactResult, Peak};
use super::File;
use crate::input::diagnostic::Severity;
use crate::input::Kind;
use crate::lint::finding::Finding;
use crate::lint::{lint, Input};
use crate::rules::rule::Lang;

/// The interactive picture a lesson shows next to its text (drawn by the page from `sizing`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Explainer {
    None,
    /// CPU shares under contention (`sizing::cpu`).
    Cpu,
    /// Soft and hard memory limits (`sizing::memory`).
    Memory,
    /// How container values nest inside the task size (`sizing::task`).
    Diagram,
    /// Task size, Fargate sizes and cost (`sizing::fargate`, `sizing::cost`).
    Sizing,
    /// Dockerfile build stages and what reaches the final image.
    Stages,
}

/// A "fix this" exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Exercise {
    /// The broken file the editor starts with.
    pub file: File,
    /// Finding codes that must be gone. No new warning or error may appear either.
    pub goal: &'static [&'static str],
    /// Facts the attempt must hold as well: the lesson's point, so that an attempt that only
    /// silences the goal's rules (by deleting a value, or by a value that breaks at run time)
    /// is not solved.
    pub facts: &'static [Fact],
    /// Progressive hints, shown one at a time on request.
    pub hints: &'static [&'static str],
    /// A reference solution (the whole file), shown after trying. Empty in a build with the
    /// feature `external-docs` (the page); read it with [`Lesson::solution`].
    pub solution: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Lesson {
    /// Stable, kebab-case, used in permalinks (`#lesson=<id>`) and as the progress key.
    pub id: &'static str,
    pub title: &'static str,
    /// One or two sentences for the lesson list.
    pub summary: &'static str,
    /// Short Markdown with links to the AWS documentation. Empty in a build with the feature
    /// `external-docs` (the page); read it with [`Lesson::body`].
    pub body: &'static str,
    pub explainer: Explainer,
    pub exercise: Exercise,
}

/// What checking an exercise attempt found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExerciseResult {
    /// Every goal code is gone, every fact holds, and no new warning or error appeared.
    pub solved: bool,
    /// Goal codes still reported, in goal order.
    pub remaining: Vec<&'static str>,
    /// Warnings and errors the attempt added compared with the starting file (a code reported
    /// more often than at the start counts as new).
    pub new_problems: Vec<Finding>,
    /// Each of the exercise's facts, in order, and whether the attempt holds it.
    pub facts: Vec<FactResult>,
}

/// Lints an attempt at a lesson's exercise, checks its facts, and says whether the goal is
/// reached.
pub fn check_exercise(lesson: &Lesson, text: &str) -> ExerciseResult {
    let exercise = &lesson.exercise;
    let start = lint_text(&exercise.file, exercise.file.text);
    let attempt = lint_text(&exercise.file, text);

    let remaining: Vec<&'static str> = exercise
        .goal
        .iter()
        .copied()
        .filter(|code| attempt.iter().any(|f| f.code == *code))
        .collect();

    let mut before: BTreeMap<&str, usize> = BTreeMap::new();
    for f in start.iter().filter(|f| serious(f)) {
        *before.entry(f.code).or_default() += 1;
    }
    let mut after: BTreeMap<&str, usize> = BTreeMap::new();
    for f in attempt.iter().filter(|f| serious(f)) {
        *after.entry(f.code).or_default() += 1;
    }
    let new_problems: Vec<Finding> = attempt
        .into_iter()
        .filter(|f| {
            serious(f)
                && !exercise.goal.contains(&f.code)
                && after.get(f.code).copied().unwrap_or(0)
                    > before.get(f.code).copied().unwrap_or(0)
        })
        .collect();

    let facts: Vec<FactResult> = exercise.facts.iter().map(|f| f.check(text)).collect();

    ExerciseResult {
        solved: remaining.is_empty() && new_problems.is_empty() && facts.iter().all(|f| f.holds),
        remaining,
        new_problems,
        facts,
    }
}

/// [`check_exercise`] with the facts' sentences and the new problems' messages in `lang`
/// (English where a Japanese text is not at hand).
pub fn check_exercise_in(lesson: &Lesson, text: &str, lang: Lang) -> ExerciseResult {
    let mut result = check_exercise(lesson, text);
    if lang != Lang::En {
        for f in &mut result.facts {
            f.localize(&|m| super::ja_text::render(m, lang));
        }
        for f in &mut result.new_problems {
            f.localize(lang);
        }
    }
    result
}

fn serious(f: &Finding) -> bool {
    matches!(f.severity, Severity::Error | Severity::Warning)
}

fn lint_text(file: &File, text: &str) -> Vec<Finding> {
    lint(&[Input::new(file.path, text, Some(file.kind))]).findings
}

/// Every lesson, in the suggested order.
pub fn lessons() -> &'static [Lesson] {
    LESSONS
}

/// The lesson with this id (from a permalink).
pub fn lesson(id: &str) -> Option<&'static Lesson> {
    LESSONS.iter().find(|l| l.id == id)
}

/// Every lesson's id, in the order of [`lessons`], without the lessons: a front end that only
/// routes to a lesson (the page's first view) names this, and its download carries none of the
/// exercises' files and checks, which only the teaching views load.
pub const LESSON_IDS: &[&str] = &[
    "task-vs-container-size",
    "cpu-shares",
    "memory-limits-oom",
    "fargate-sizes-cost",
    "dockerfile-multi-stage",
    "graceful-shutdown",
    "image-tags-digests",
    "secrets",
    "runtime-security",
    "deployments",
    "blue-green-ecspresso",
    "logging-tracing",
    "right-sizing",
];

/// The id of the lesson with this id, as a `'static` string (see [`LESSON_IDS`]).
pub fn lesson_id(id: &str) -> Option<&'static str> {
    LESSON_IDS.iter().copied().find(|l| *l == id)
}

impl Lesson {
    /// The lesson's Markdown: compiled in, or given by [`crate::rules::rule::set_docs`] (key
    /// `lesson/<id>`) in a build with the feature `external-docs`; empty until then.
    pub fn body(&self) -> &str {
        if !self.body.is_empty() {
            return self.body;
        }
        crate::rules::rule::external_text(&format!("lesson/{}", self.id)).unwrap_or("")
    }

    /// The exercise's reference solution: compiled in, or given by [`crate::rules::rule::set_docs`]
    /// (key `lesson/<id>/solution`) in a build with the feature `external-docs`.
    pub fn solution(&self) -> &str {
        if !self.exercise.solution.is_empty() {
            return self.exercise.solution;
        }
        crate::rules::rule::external_text(&format!("lesson/{}/solution", self.id)).unwrap_or("")
    }

    /// The lesson's translation file in `lang` as written (`lesson.ja.md`), compiled in or given
    /// by [`crate::rules::rule::set_docs_in`] under `ja/lesson/<id>`; `None` for English, for a lesson
    /// not translated, and before the page loaded it.
    pub fn translation(&self, lang: Lang) -> Option<&'static str> {
        super::translation::lookup(lang, JA_LESSONS, self.id, "lesson")
    }

    fn text_in(&self, lang: Lang) -> Option<super::translation::LessonText<'static>> {
        super::translation::parse_lesson(self.translation(lang)?)
    }

    /// Whether the lesson's text exists in `lang` (always for English).
    pub fn has_text_in(&self, lang: Lang) -> bool {
        lang == Lang::En || self.text_in(lang).is_some()
    }

    /// The title in `lang`, in English where the lesson has no translation.
    pub fn title_in(&self, lang: Lang) -> &'static str {
        self.text_in(lang).map_or(self.title, |t| t.title)
    }

    /// The summary in `lang`, in English where the lesson has no translation.
    pub fn summary_in(&self, lang: Lang) -> &'static str {
        self.text_in(lang).map_or(self.summary, |t| t.summary)
    }

    /// The body in `lang` (Markdown), in English where the lesson has no translation (see
    /// [`Lesson::body`] for a build with the feature `external-docs`).
    pub fn body_in(&self, lang: Lang) -> &str {
        match self.text_in(lang) {
            Some(t) if !t.body.is_empty() => t.body,
            _ => self.body(),
        }
    }

    /// The exercise's hints in `lang`, in English where the lesson has no translation or its
    /// translation has another number of hints.
    pub fn hints_in(&self, lang: Lang) -> Vec<&'static str> {
        match self.text_in(lang) {
            Some(t) if t.hints.len() == self.exercise.hints.len() => t.hints,
            _ => self.exercise.hints.to_vec(),
        }
    }
}

/// A lesson's body, left out of a build with the feature `external-docs` (see [`Lesson::body`]).
#[cfg(not(feature = "external-docs"))]
macro_rules! body {
    ($id:literal) => {
        content!($id, "lesson.md")
    };
}
#[cfg(feature = "external-docs")]
macro_rules! body {
    ($id:literal) => {
        ""
    };
}

/// An exercise's solution, left out of a build with the feature `external-docs` (see
/// [`Lesson::solution`]).
#[cfg(not(feature = "external-docs"))]
macro_rules! solution {
    ($id:literal, $name:literal) => {
        content!($id, $name)
    };
}
#[cfg(feature = "external-docs")]
macro_rules! solution {
    ($id:literal, $name:literal) => {
        ""
    };
}

macro_rules! content {
    ($id:literal, $name:literal) => {
        include_str!(concat!("../../content/lessons/", $id, "/", $name))
    };
}

/// The lessons' Japanese files (`content/lessons/<id>/lesson.ja.md`, format in
/// [`super::translation`]), by id; empty in a build with the feature `external-docs`.
#[cfg(not(feature = "external-docs"))]
pub(crate) static JA_LESSONS: &[(&str, &str)] = &[
    (
        "task-vs-container-size",
        content!("task-vs-container-size", "lesson.ja.md"),
    ),
    ("cpu-shares", content!("cpu-shares", "lesson.ja.md")),
    (
        "memory-limits-oom",
        content!("memory-limits-oom", "lesson.ja.md"),
    ),
    (
        "fargate-sizes-cost",
        content!("fargate-sizes-cost", "lesson.ja.md"),
    ),
    (
        "dockerfile-multi-stage",
        content!("dockerfile-multi-stage", "lesson.ja.md"),
    ),
    (
        "graceful-shutdown",
        content!("graceful-shutdown", "lesson.ja.md"),
    ),
    (
        "image-tags-digests",
        content!("image-tags-digests", "lesson.ja.md"),
    ),
    ("secrets", content!("secrets", "lesson.ja.md")),
    (
        "runtime-security",
        content!("runtime-security", "lesson.ja.md"),
    ),
    ("deployments", content!("deployments", "lesson.ja.md")),
    (
        "blue-green-ecspresso",
        content!("blue-green-ecspresso", "lesson.ja.md"),
    ),
    (
        "logging-tracing",
        content!("logging-tracing", "lesson.ja.md"),
    ),
    ("right-sizing", content!("right-sizing", "lesson.ja.md")),
];
#[cfg(feature = "external-docs")]
pub(crate) static JA_LESSONS: &[(&str, &str)] = &[];

/// What the right-sizing lesson's query measured (the lesson's text gives the same numbers).
const RIGHT_SIZING_PEAKS: &[Peak] = &[
    Peak {
        container: "app",
        cpu: 700,
        memory: 1100,
    },
    Peak {
        container: "worker",
        cpu: 200,
        memory: 260,
    },
    Peak {
        container: "otel-collector",
        cpu: 40,
        memory: 180,
    },
];

static LESSONS: &[Lesson] = &[
    Lesson {
        id: "task-vs-container-size",
        title: "Task size and container size",
        summary: "The task size is the box; container values share it out. Learn which numbers must fit inside which.",
        body: body!("task-vs-container-size"),
        explainer: Explainer::Diagram,
        exercise: Exercise {
            file: File {
                kind: Kind::TaskDef,
                path: "task-def.json",
                text: content!("task-vs-container-size", "start.json"),
            },
            goal: &["TD012"],
            facts: &[
                Fact::FitsPeaks {
                    peaks: &[Peak { container: "app", cpu: 384, memory: 896 }],
                },
                Fact::DockerMemoryMinimum,
                Fact::CheapestFargateSize,
            ],
            hints: &[
                "Add up the memoryReservation of every container and compare the sum with the task's memory.",
                "Either lower the reservations or raise the task memory to a size Fargate offers for 512 CPU units (1024 to 4096 MiB).",
                "Setting the task memory to \"2048\" leaves room for the 896 + 256 MiB of reservations, and for growth.",
            ],
            solution: solution!("task-vs-container-size", "solution.json"),
        },
    },
    Lesson {
        id: "cpu-shares",
        title: "CPU shares under contention",
        summary: "A container's cpu is a weight, not a cap; the task's cpu is the cap. See how busy containers split the CPU.",
        body: body!("cpu-shares"),
        explainer: Explainer::Cpu,
        exercise: Exercise {
            file: File {
                kind: Kind::TaskDef,
                path: "task-def.json",
                text: content!("cpu-shares", "start.json"),
            },
            goal: &["TD011"],
            facts: &[
                Fact::CpuRatio { a: "app", b: "worker", ratio: 3 },
                Fact::NoStarvedContainer,
            ],
            hints: &[
                "The task has 1024 CPU units in all. Can one container ask for more than the whole task?",
                "Give the app three times the worker's units, and leave room for the collector: at cpu 0 it counts as 2 shares and gets almost no CPU while the app and the worker are busy.",
                "720 for the app, 240 for the worker and 64 for the collector: 3 to 1, and 720 + 240 + 64 = 1024.",
            ],
            solution: solution!("cpu-shares", "solution.json"),
        },
    },
    Lesson {
        id: "memory-limits-oom",
        title: "Soft and hard memory limits, and OOM",
        summary: "memoryReservation is what a container is promised; memory is where it is killed (exit code 137).",
        body: body!("memory-limits-oom"),
        explainer: Explainer::Memory,
        exercise: Exercise {
            file: File {
                kind: Kind::TaskDef,
                path: "task-def.json",
                text: content!("memory-limits-oom", "start.json"),
            },
            goal: &["TD010", "TD009"],
            facts: &[Fact::DockerMemoryMinimum],
            hints: &[
                "A hard limit (memory) must be above the soft limit (memoryReservation). Which container breaks that?",
                "On EC2 without a task memory, every container needs memory or memoryReservation. Which one has neither?",
                "Give the worker a memoryReservation of 256, and swap the app's two values so the reservation is the lower one.",
            ],
            solution: solution!("memory-limits-oom", "solution.json"),
        },
    },
    Lesson {
        id: "fargate-sizes-cost",
        title: "Fargate sizes and cost",
        summary: "Fargate offers fixed CPU and memory pairs and bills the pair you ask for, per second.",
        body: body!("fargate-sizes-cost"),
        explainer: Explainer::Sizing,
        exercise: Exercise {
            file: File {
                kind: Kind::TaskDef,
                path: "task-def.json",
                text: content!("fargate-sizes-cost", "start.json"),
            },
            goal: &["TD001"],
            facts: &[Fact::CheapestFargateSize],
            hints: &[
                "Look up 1024 CPU units in the table: which memory values does it allow?",
                "1 vCPU allows 2048 to 8192 MiB in steps of 1024. 1536 is not one of them.",
                "The two containers reserve 1200 + 256 = 1456 MiB and 896 + 128 = 1024 CPU units, so 1 vCPU with 2048 MiB is the smallest size that holds them, and the cheapest.",
            ],
            solution: solution!("fargate-sizes-cost", "solution.json"),
        },
    },
    Lesson {
        id: "dockerfile-multi-stage",
        title: "Dockerfile: multi-stage, non-root and RUN --mount",
        summary: "Build in one stage, ship only the result in a small final stage that runs as a non-root user.",
        body: body!("dockerfile-multi-stage"),
        explainer: Explainer::Stages,
        exercise: Exercise {
            file: File {
                kind: Kind::Dockerfile,
                path: "Dockerfile",
                text: content!("dockerfile-multi-stage", "start.Dockerfile"),
            },
            goal: &["DF001", "DF007", "DF005"],
            facts: &[Fact::FinalStageNotFrom { images: &["golang"] }],
            hints: &[
                "Split the file in two: a build stage with the Go toolchain, and a final stage that only gets the binary with COPY --from.",
                "Give the go build a cache: RUN --mount=type=cache,target=/root/.cache/go-build ...",
                "Use gcr.io/distroless/static-debian12:nonroot as the final base and add USER 65532:65532.",
            ],
            solution: solution!("dockerfile-multi-stage", "solution.Dockerfile"),
        },
    },
    Lesson {
        id: "graceful-shutdown",
        title: "Graceful shutdown: SIGTERM, stopTimeout and an init process",
        summary: "ECS sends SIGTERM, waits stopTimeout, then kills. Make sure the program hears the signal and has the time it needs.",
        body: body!("graceful-shutdown"),
        explainer: Explainer::None,
        exercise: Exercise {
            file: File {
                kind: Kind::TaskDef,
                path: "task-def.json",
                text: content!("graceful-shutdown", "start.json"),
            },
            goal: &["TD022", "TD303"],
            facts: &[Fact::GracefulStop {
                drain: &[("app", 100), ("worker", 45)],
            }],
            hints: &[
                "On Fargate the valid stopTimeout values are 2 to 120 seconds: 300 is outside them.",
                "Set \"linuxParameters\": { \"initProcessEnabled\": true } on both essential containers, so SIGTERM reaches the program even when a shell started it.",
                "app: stopTimeout 110 (its 100 seconds of draining, with some margin); worker: stopTimeout 60.",
            ],
            solution: solution!("graceful-shutdown", "solution.json"),
        },
    },
    Lesson {
        id: "image-tags-digests",
        title: "Image tags, digests and version consistency",
        summary: "A tag can move; a digest cannot. Know what ECS resolves for you and what it does not.",
        body: body!("image-tags-digests"),
        explainer: Explainer::None,
        exercise: Exercise {
            file: File {
                kind: Kind::TaskDef,
                path: "task-def.json",
                text: content!("image-tags-digests", "start.json"),
            },
            goal: &["TD201"],
            facts: &[Fact::VersionConsistency],
            hints: &[
                "Which image tag says nothing about the version that runs?",
                "Replace latest with the version the build pushed, 2.3.1.",
                "Remove \"versionConsistency\": \"disabled\" (the default is enabled) or set it to \"enabled\".",
            ],
            solution: solution!("image-tags-digests", "solution.json"),
        },
    },
    Lesson {
        id: "secrets",
        title: "Secrets from Secrets Manager and Parameter Store",
        summary: "Keep passwords and keys out of the task definition: name them in secrets and ECS injects them at start.",
        body: body!("secrets"),
        explainer: Explainer::None,
        exercise: Exercise {
            file: File {
                kind: Kind::TaskDef,
                path: "task-def.json",
                text: content!("secrets", "start.json"),
            },
            goal: &["TD104"],
            facts: &[],
            hints: &[
                "Which environment entries hold a password or a key rather than a setting?",
                "Move them to a secrets array: each entry has a name and a valueFrom with the ARN of a Secrets Manager secret or an SSM parameter.",
                "Secrets are fetched with the task execution role, so the task needs an executionRoleArn too.",
            ],
            solution: solution!("secrets", "solution.json"),
        },
    },
    Lesson {
        id: "runtime-security",
        title: "Image scanning and runtime security",
        summary: "Scan images in CI and again while they run, watch the running tasks, and grant containers no more than they need.",
        body: body!("runtime-security"),
        explainer: Explainer::None,
        exercise: Exercise {
            file: File {
                kind: Kind::TaskDef,
                path: "task-def.json",
                text: content!("runtime-security", "start.json"),
            },
            goal: &["TD101", "TD107"],
            facts: &[],
            hints: &[
                "Which container asks for all of the host's privileges? Remove \"privileged\": true.",
                "The volume `docker` maps the instance's /var/run/docker.sock: remove the volume and the worker's mountPoint.",
                "If a tool really needs one capability, add only that one under linuxParameters.capabilities.add rather than running privileged.",
            ],
            solution: solution!("runtime-security", "solution.json"),
        },
    },
    Lesson {
        id: "deployments",
        title: "Rolling and blue/green deployments, and the circuit breaker",
        summary: "How ECS replaces tasks, what minimumHealthyPercent and maximumPercent do, and how a failed deployment rolls back.",
        body: body!("deployments"),
        explainer: Explainer::None,
        exercise: Exercise {
            file: File {
                kind: Kind::ServiceDef,
                path: "service-def.json",
                text: content!("deployments", "start.json"),
            },
            goal: &["SV020", "SV023"],
            facts: &[],
            hints: &[
                "With minimumHealthyPercent 0, ECS may stop every old task before new ones run.",
                "minimumHealthyPercent 100 with maximumPercent 200 starts new tasks before stopping old ones.",
                "Add \"deploymentCircuitBreaker\": { \"enable\": true, \"rollback\": true } to deploymentConfiguration.",
            ],
            solution: solution!("deployments", "solution.json"),
        },
    },
    Lesson {
        id: "blue-green-ecspresso",
        title: "Blue/green built into ECS, deployed with ecspresso",
        summary: "Run the new revision beside the old one behind a second target group, test it, shift traffic and bake; release it with ecspresso diff, verify, deploy and rollback.",
        body: body!("blue-green-ecspresso"),
        explainer: Explainer::None,
        exercise: Exercise {
            file: File {
                kind: Kind::ServiceDef,
                path: "ecs-service-def.json",
                text: content!("blue-green-ecspresso", "start.json"),
            },
            goal: &["SV020"],
            facts: &[Fact::NativeBlueGreen],
            hints: &[
                "In deploymentConfiguration, set \"strategy\": \"BLUE_GREEN\" and a bakeTimeInMinutes (BLUE_GREEN requires it): how long blue stays up after production traffic has moved.",
                "Green needs its own target group: give the load balancer entry an advancedConfiguration with alternateTargetGroupArn (the second target group), productionListenerRule, testListenerRule and roleArn (the role ECS uses to call Elastic Load Balancing).",
                "Add \"deploymentCircuitBreaker\": { \"enable\": true, \"rollback\": true } so that a green revision whose tasks fail is rolled back.",
            ],
            solution: solution!("blue-green-ecspresso", "solution.json"),
        },
    },
    Lesson {
        id: "logging-tracing",
        title: "Logs and traces: awslogs and an ADOT sidecar",
        summary: "Send every container's output to CloudWatch Logs, and traces through an ADOT collector sidecar set up with OTEL_* variables.",
        body: body!("logging-tracing"),
        explainer: Explainer::None,
        exercise: Exercise {
            file: File {
                kind: Kind::TaskDef,
                path: "task-def.json",
                text: content!("logging-tracing", "start.json"),
            },
            goal: &["TD301", "TD307"],
            facts: &[
                Fact::LogsCollected,
                Fact::OtelExportsToCollector { container: "app" },
            ],
            hints: &[
                "The app writes to stdout, but nothing collects it: add a logConfiguration with the awslogs driver, and its awslogs-group, awslogs-region and awslogs-stream-prefix (Fargate requires the prefix).",
                "The collector is already there. What tells the app's OpenTelemetry SDK where to send traces?",
                "Set OTEL_SERVICE_NAME to the service's name and OTEL_EXPORTER_OTLP_ENDPOINT to http://localhost:4318: the SDK's default protocol is http/protobuf, which the collector receives on 4318 (with OTEL_EXPORTER_OTLP_PROTOCOL=grpc, use 4317).",
            ],
            solution: solution!("logging-tracing", "solution.json"),
        },
    },
    Lesson {
        id: "right-sizing",
        title: "Right-sizing with Container Insights",
        summary: "Measure what each container really uses, then set reservations and the task size from the peaks.",
        body: body!("right-sizing"),
        explainer: Explainer::Sizing,
        exercise: Exercise {
            file: File {
                kind: Kind::TaskDef,
                path: "task-def.json",
                text: content!("right-sizing", "start.json"),
            },
            goal: &["TD302"],
            facts: &[
                Fact::FitsPeaks { peaks: RIGHT_SIZING_PEAKS },
                Fact::DockerMemoryMinimum,
                Fact::CheapestFargateSize,
            ],
            hints: &[
                "The query in the lesson measured each container's peak. Which containers have no cpu or memoryReservation of their own?",
                "Give each container at least its peak: memoryReservation a little above its peak memory, cpu at or a little above its peak CPU. Then make the task the cheapest Fargate size that holds the sums.",
                "app: cpu 704, memoryReservation 1200; worker: cpu 256, memoryReservation 300. With the collector's 64 units and 256 MiB, the sums are 1024 units and 1756 MiB, so 1 vCPU with 2048 MiB stays the cheapest size that fits.",
            ],
            solution: solution!("right-sizing", "solution.json"),
        },
    },
];

#[cfg(test)]
mod tests {
    #[test]
    fn lesson_ids_list_every_lesson_in_order() {
        let ids: Vec<&str> = super::lessons().iter().map(|l| l.id).collect();
        assert_eq!(ids, super::LESSON_IDS);
    }
}
