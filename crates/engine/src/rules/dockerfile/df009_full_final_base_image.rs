use crate::input::msg::{Arg, Msg};
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports a final stage built directly `FROM` a language's full image when a smaller image
    /// of the same language would run the application, and names one: `node:20` →
    /// `node:20-slim` (or `-alpine`, or `gcr.io/distroless/nodejs20-debian12`), `python:3.12`
    /// → `python:3.12-slim`, `ruby:3.3` → `ruby:3.3-slim`, a JDK (`eclipse-temurin:21`,
    /// `openjdk:17`, `maven`, `gradle`) → `eclipse-temurin:<version>-jre`, the .NET SDK →
    /// `mcr.microsoft.com/dotnet/aspnet`, `golang` → `gcr.io/distroless/static-debian12`
    /// (or `scratch`), `rust` → `gcr.io/distroless/cc-debian12`.
    ///
    /// Nothing is reported when the final base is already small (a `slim`, `alpine`, `jre`,
    /// `distroless`, `chainguard`, `minimal` or `scratch` image; a toolchain such as
    /// `golang:1.22-alpine` is still a toolchain and is reported), when it is another stage
    /// (`FROM build`) or a variable, when the last stage is named for development or tests
    /// (`AS dev`, `AS test`, `AS debug`, `AS local`: built with `--target`, the toolchain is
    /// its purpose), or for a single-stage build that `DF007` already reports
    /// (it gives the multi-stage advice).
    ///
    /// ## Why is this bad?
    /// The full images carry compilers, headers, package managers and, for Go, Rust, Java and
    /// .NET, the whole SDK, none of which the running application needs. Every ECS task start
    /// and every scale-out pulls them, and each extra package is more for a scanner to flag and
    /// an attacker to use. A slim or distroless runtime image is often a fraction of the size.
    /// If the install needs compilers (native modules, wheels without binaries), install in a
    /// first stage and copy the result into the slim one.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20 AS build
    /// WORKDIR /app
    /// COPY . .
    /// RUN npm ci && npm run build
    ///
    /// FROM node:20
    /// COPY --from=build /app/dist /app
    /// CMD ["node", "/app/server.js"]
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// COPY --from=build /app/dist /app
    /// CMD ["node", "/app/server.js"]
    /// ```
    ///
    /// ## References
    /// - [Docker docs: choose the right base image](https://docs.docker.com/build/building/best-practices/#choose-the-right-base-image)
    /// - [Distroless container images](https://github.com/GoogleContainerTools/distroless)
    /// - Checklist: container image 6 (image size minimised). No hadolint equivalent.
    pub static RULE = {
        code: "DF009",
        name: "full-final-base-image",
        target: Dockerfile,
        severity: Info,
        category: ImageSize,
        summary: "the final stage runs on a language's full image where a slim or runtime image would do",
    }
}

crate::messages! {
    "DF009";
    MESSAGE = "the final image runs on `{image}`, {what}, more than the application needs at run time";
    WHAT_NODE = "the full Node.js image";
    WHAT_PYTHON = "the full Python image";
    WHAT_RUBY = "the full Ruby image";
    WHAT_GO = "the Go toolchain";
    WHAT_RUST = "the Rust toolchain";
    WHAT_JDK = "a full JDK";
    WHAT_BUILD_TOOL = "a build tool image with a full JDK";
    WHAT_DOTNET = "the .NET SDK";
    HELP_TOOLCHAIN = "build in a first stage, then base the final stage on {instead} and copy in only the build output";
    HELP_RUNTIME = "base the final stage on {instead}; if the install needs compilers, install in a first stage and copy the result";
    SLIM_ANY = "a `-slim` tag of `{image}` (e.g. `{image}:<version>-slim`)";
    NODE_SLIM = "`node:{version}-slim` or `node:{version}-alpine`";
    NODE_DISTROLESS = "`node:{version}-slim` or `node:{version}-alpine` (or `gcr.io/distroless/nodejs{major}-debian12`)";
    JRE = "a JRE image such as `eclipse-temurin:{version}-jre`";
    JRE_ANY = "a JRE image such as `eclipse-temurin:<version>-jre`";
    INSTEAD_GO = "`gcr.io/distroless/static-debian12` (or `scratch`, for a binary built with `CGO_ENABLED=0`)";
    INSTEAD_RUST = "`gcr.io/distroless/cc-debian12` (or `debian:bookworm-slim`)";
    INSTEAD_DOTNET = "`mcr.microsoft.com/dotnet/aspnet:{version}` (or `mcr.microsoft.com/dotnet/runtime:{version}` for a non-web app)";
    INSTEAD_DOTNET_ANY = "`mcr.microsoft.com/dotnet/aspnet` (or `mcr.microsoft.com/dotnet/runtime` for a non-web app) of the same version";
}

/// Words in an image reference that mark an already small or runtime-only image.
const SMALL: &[&str] = &[
    "slim",
    "alpine",
    "distroless",
    "chainguard",
    "cgr.dev",
    "scratch",
    "jre",
    "minimal",
    "micro",
    "busybox",
    "runtime",
    "aspnet",
];

/// The leading version of a tag (`20` of `20-bookworm`, `3.12` of `3.12.4`), when it has one.
fn version(tag: &str) -> Option<&str> {
    let end = tag
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(tag.len());
    let v = tag.get(..end)?.trim_end_matches('.');
    (!v.is_empty() && v.starts_with(|c: char| c.is_ascii_digit())).then_some(v)
}

/// The major version (`20` of `20.11`).
fn major(v: &str) -> &str {
    v.split('.').next().unwrap_or(v)
}

/// The Java version in a Maven or Gradle tag (`3.9-eclipse-temurin-21` → `21`,
/// `8.7-jdk17` → `17`).
fn java_version(tag: &str) -> Option<&str> {
    let at = tag
        .rfind("temurin-")
        .map(|i| i + "temurin-".len())
        .or_else(|| tag.rfind("jdk").map(|i| i + 3))?;
    let rest = tag.get(at..)?.trim_start_matches('-');
    version(rest).map(major)
}

/// What to suggest instead of the final base image, or `None` when it is fine or unknown.
/// Returns (what the image is, the suggestion).
fn suggestion(image: &str) -> Option<(Msg, Arg)> {
    let lower = image.to_ascii_lowercase();
    let reference = lower.split('@').next().unwrap_or(&lower);
    let name_end = reference.rfind('/').map_or(0, |i| i + 1);
    let (name, tag) = match reference
        .get(name_end..)
        .and_then(|last| last.split_once(':'))
    {
        Some((_, tag)) => (
            reference
                .get(..reference.len() - tag.len() - 1)
                .unwrap_or(reference),
            tag,
        ),
        None => (reference, ""),
    };
    let name = name
        .strip_prefix("docker.io/")
        .or_else(|| name.strip_prefix("index.docker.io/"))
        .unwrap_or(name);
    let name = name.strip_prefix("library/").unwrap_or(name);
    // A toolchain stays a toolchain in its alpine or slim variant; a language runtime image
    // with one of these words is already small.
    let toolchain = matches!(
        name,
        "golang" | "rust" | "maven" | "gradle" | "mcr.microsoft.com/dotnet/sdk"
    );
    if !toolchain && SMALL.iter().any(|w| lower.contains(w)) {
        return None;
    }
    let v = version(tag);
    let slim = |image: &str| match v {
        Some(v) => Arg::Code(format!("`{image}:{v}-slim`")),
        None => crate::msg!(SLIM_ANY, image = image).into(),
    };
    let jre = |v: Option<&str>| match v {
        Some(v) => crate::msg!(JRE, version = v),
        None => crate::msg!(JRE_ANY),
    };
    let out = match name {
        "node" => {
            let distroless = v.map(major).filter(|m| matches!(*m, "18" | "20" | "22"));
            let s = match (v, distroless) {
                (Some(v), Some(m)) => crate::msg!(NODE_DISTROLESS, version = v, major = m).into(),
                (Some(v), None) => crate::msg!(NODE_SLIM, version = v).into(),
                (None, _) => slim("node"),
            };
            (crate::msg!(WHAT_NODE), s)
        }
        "python" => (crate::msg!(WHAT_PYTHON), slim("python")),
        "ruby" => (crate::msg!(WHAT_RUBY), slim("ruby")),
        "golang" => (crate::msg!(WHAT_GO), crate::msg!(INSTEAD_GO).into()),
        "rust" => (crate::msg!(WHAT_RUST), crate::msg!(INSTEAD_RUST).into()),
        "eclipse-temurin" | "openjdk" => (crate::msg!(WHAT_JDK), jre(v.map(major)).into()),
        "maven" | "gradle" => (crate::msg!(WHAT_BUILD_TOOL), jre(java_version(tag)).into()),
        "mcr.microsoft.com/dotnet/sdk" => (
            crate::msg!(WHAT_DOTNET),
            match v {
                Some(v) => crate::msg!(INSTEAD_DOTNET, version = v).into(),
                None => crate::msg!(INSTEAD_DOTNET_ANY).into(),
            },
        ),
        _ => return None,
    };
    Some(out)
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    let Some(stage) = ctx.final_stage() else {
        return;
    };
    if ctx.dockerfile.escape == '`'
        || stage.image.contains('$')
        || crate::syntax::dockerfile::is_windows_image(&stage.image)
        || crate::models::stages::parent_stage(ctx, stage).is_some()
    {
        return;
    }
    // A last stage for development or tests (`FROM golang:1.22 AS dev`) is built with
    // `--target`; the toolchain is what it is for.
    let dev = stage.alias.as_ref().is_some_and(|(a, _)| {
        ["dev", "test", "debug", "local"]
            .iter()
            .any(|w| a.to_ascii_lowercase().contains(w))
    });
    if dev || super::df007_build_tools_in_final_image::finding(ctx).is_some() {
        return;
    }
    let Some((what, instead)) = suggestion(&stage.image) else {
        return;
    };
    // The help differs for a toolchain (nothing of it is needed at run time) and a full runtime.
    let toolchain = matches!(
        what.template.key,
        "DF009.WHAT_GO"
            | "DF009.WHAT_RUST"
            | "DF009.WHAT_JDK"
            | "DF009.WHAT_BUILD_TOOL"
            | "DF009.WHAT_DOTNET"
    );
    let help = if toolchain {
        crate::msg!(HELP_TOOLCHAIN, instead = instead)
    } else {
        crate::msg!(HELP_RUNTIME, instead = instead)
    };
    sink.report_msg(
        stage.image_span,
        crate::msg!(MESSAGE, image = &stage.image, what = what),
    )
    .set_help_msg(help);
}

#[cfg(test)]
mod tests {
    use super::suggestion;

    fn says(image: &str) -> Option<String> {
        // The suggestion as the English help shows it.
        let help =
            suggestion(image).map(|(_, s)| crate::msg!(super::HELP_RUNTIME, instead = s).en())?;
        let rest = help.strip_prefix("base the final stage on ")?;
        rest.split_once("; if the install")
            .map(|(s, _)| s.to_string())
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            says("node:20").as_deref(),
            Some("`node:20-slim` or `node:20-alpine` (or `gcr.io/distroless/nodejs20-debian12`)")
        );
        assert_eq!(
            says("python:3.12-bookworm").as_deref(),
            Some("`python:3.12-slim`")
        );
        assert!(says("python:3.12-slim").is_none());
        assert!(says("node:20-alpine").is_none());
        assert!(says("gcr.io/distroless/nodejs20-debian12").is_none());
        assert!(says("eclipse-temurin:21-jre").is_none());
        assert_eq!(
            says("eclipse-temurin:21-jdk").as_deref(),
            Some("a JRE image such as `eclipse-temurin:21-jre`")
        );
        assert_eq!(
            says("maven:3.9-eclipse-temurin-21").as_deref(),
            Some("a JRE image such as `eclipse-temurin:21-jre`")
        );
        assert!(says("docker.io/library/golang:1.22").is_some());
        assert!(says("golang:1.22-alpine").is_some());
        assert!(says("mcr.microsoft.com/dotnet/sdk:8.0").is_some());
        assert!(says("mcr.microsoft.com/dotnet/aspnet:8.0").is_none());
        assert!(says("amazoncorretto:21").is_none());
        assert!(says("debian:bookworm").is_none());
        assert!(says("myorg/node:20").is_none());
    }
}
