use crate::input::msg::Msg;
use crate::models::stages as support;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports a Dockerfile with one stage that installs compilers or build tools (`build-essential`,
    /// `gcc`, `g++`, `make`, `cmake`, `*-dev`/`*-devel` packages) or runs a build (`go build`,
    /// `cargo build`, `mvn package`, `gradle build`, `npm run build`, `yarn build`, `dotnet publish`).
    ///
    /// ## Why is this bad?
    /// The compilers, headers and build caches ship with the application: a larger image to pull on
    /// every
    /// ECS task start (and every scale-out), and more packages for an attacker to use. A multi-stage
    /// build
    /// compiles in one stage and copies only the result into a small final image. Build packages
    /// removed
    /// again in the same `RUN` (`apk del .build-deps`, `apt-get purge`) are not reported.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM golang:1.22
    /// WORKDIR /src
    /// COPY . .
    /// RUN go build -o /app .
    /// CMD ["/app"]
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM golang:1.22 AS build
    /// WORKDIR /src
    /// COPY . .
    /// RUN CGO_ENABLED=0 go build -o /app .
    ///
    /// FROM gcr.io/distroless/static-debian12:nonroot
    /// COPY --from=build /app /app
    /// CMD ["/app"]
    /// ```
    ///
    /// ## References
    /// - [Docker docs: multi-stage builds](https://docs.docker.com/build/building/multi-stage/)
    /// - [Amazon ECS best
    ///   practices](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-best-practices.html)
    pub static RULE = {
        code: "DF007",
        name: "build-tools-in-final-image",
        target: Dockerfile,
        severity: Info,
        category: ImageSize,
        summary: "a single-stage build leaves its build tools in the image",
    }
}

crate::messages! {
    "DF007";
    HELP = "build in a first stage and COPY --from it only the result into a slim or distroless final stage";
    BUILD = "`{name} {sub}` runs in the only stage, so the build tools stay in the image";
    INSTALL = "the only stage installs the build package `{package}`, so it stays in the image";
}

const TOOLS: &[&str] = &[
    "build-essential",
    "gcc",
    "g++",
    "make",
    "cmake",
    "clang",
    "autoconf",
    "automake",
    "libtool",
    "gcc-c++",
    "musl-dev",
    "build-base",
];

fn build_step(c: &crate::syntax::dockerfile::Command) -> Option<Msg> {
    let name = c.name()?;
    let sub = c.subcommand().map(|w| w.text.as_str()).unwrap_or("");
    let is_build = match name {
        "go" | "cargo" => sub == "build",
        "mvn" | "mvnw" => c.has_arg("package") || c.has_arg("install"),
        "gradle" | "gradlew" => c.has_arg("build") || c.has_arg("assemble"),
        "npm" | "pnpm" => sub == "run" && c.has_arg("build"),
        "yarn" => sub == "build" || (sub == "run" && c.has_arg("build")),
        "dotnet" => sub == "publish" || sub == "build",
        _ => false,
    };
    if is_build {
        return Some(crate::msg!(BUILD, name = name, sub = sub));
    }
    let installs = matches!(name, "apt-get" | "apt" | "apk" | "yum" | "dnf" | "microdnf")
        && matches!(sub, "install" | "add");
    if installs {
        let tool = c.args().iter().find(|a| {
            let pkg = a.text.split(['=', '-']).next().unwrap_or("");
            TOOLS.contains(&a.text.split('=').next().unwrap_or(""))
                || (TOOLS.contains(&pkg) && a.text.len() == pkg.len())
                || a.text
                    .split('=')
                    .next()
                    .is_some_and(|p| p.ends_with("-dev") || p.ends_with("-devel"))
        })?;
        return Some(crate::msg!(INSTALL, package = &tool.text));
    }
    None
}

/// The build step DF007 reports, if any: a single-stage build that compiles or installs build
/// tools (`DF009` stays quiet then, so one file gets one "use a multi-stage build" finding).
pub(crate) fn finding<'a>(
    ctx: &'a DockerfileCtx<'a>,
) -> Option<(&'a crate::syntax::dockerfile::Command, Msg)> {
    if ctx.dockerfile.stages.len() != 1 {
        return None;
    }
    for (run, c) in support::commands(ctx) {
        // Packages removed again in the same RUN (`apk del .build-deps`) do not stay.
        let removes = run.commands.iter().any(|r| {
            let sub = r.subcommand().map(|w| w.text.as_str()).unwrap_or("");
            matches!(r.name(), Some("apk")) && sub == "del"
                || matches!(r.name(), Some("apt-get" | "apt" | "yum" | "dnf"))
                    && matches!(sub, "remove" | "purge" | "autoremove" | "erase")
        });
        if removes {
            continue;
        }
        if let Some(message) = build_step(c) {
            return Some((c, message));
        }
    }
    None
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    if let Some((c, message)) = finding(ctx) {
        sink.report_msg(c.span, message)
            .set_help_msg(crate::msg!(HELP));
    }
}
