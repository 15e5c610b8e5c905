crate::declare_rule! {
    /// ## What it does
    /// Reports what BuildKit's Dockerfile front end refuses, at the word it refuses, in three
    /// steps as BuildKit runs them:
    ///
    /// - **reading the file**: a repeated or invalid parser directive (`# escape=x`, a
    ///   `# check=` BuildKit cannot read: "failed to parse check options"), a line of
    ///   65,536 bytes or more, a heredoc that is never closed, a JSON array holding something
    ///   other than strings (`RUN ["sh", 1]`), `ENV KEY` without a value or `ENV A=1 B`;
    /// - **reading each instruction**: an unknown instruction, an instruction before the first
    ///   `FROM` (only `ARG` may come first), missing arguments (`ADD one`, bare `WORKDIR`,
    ///   `EXPOSE`, `HEALTHCHECK`...), a blank name (`ENV =x`), a flag the instruction does not
    ///   have (`COPY --link2`, `CMD --help`), a repeated flag, a flag without its value, a
    ///   boolean flag that is not true or false, a `HEALTHCHECK` duration under 1ms or a
    ///   negative `--retries`, a heredoc as the destination of `COPY`, an invalid `--mount`,
    ///   `--network`, `--security` or `--device`, `--mount=from=$VAR`, a `SHELL` not in JSON
    ///   form, an invalid stage name, a forbidden `ONBUILD` trigger;
    /// - **before building**: `COPY --from` stages that depend on each other in a circle, or on
    ///   a stage defined later, `COPY --from=$VAR`, `COPY` of a URL, an invalid `--chmod`, an
    ///   invalid `EXPOSE` port, `ADD --checksum` on a local file, a base image that is empty once
    ///   the `ARG`s before the first `FROM` are expanded, a `FROM --platform` that is empty or
    ///   that containerd's platform parser refuses once expanded ("failed to parse platform"),
    ///   a `RUN --mount` whose target is `/` once joined to a known working directory
    ///   ("invalid mount target"), an `ADD` Git URL with an option BuildKit refuses
    ///   (`?depth=1`, `?tag=` with `?branch=`), `--keep-git-dir` or `--checksum` that
    ///   contradict the URL ("inconsistent keep-git-dir configuration", "checksum mismatch"),
    ///   a `--checksum` of a URL that is not a digest, `COPY` of a Git repository;
    /// - **the build checks, with `# check=error=true`**: BuildKit then fails the build on any
    ///   check that fires ("lint violation found for rules: ..."). The checks a DL rule mirrors
    ///   make that rule's finding an error (see DL3000, DL3024, DL3029, DL3063, DL3064,
    ///   DL3065, DL4000, DL4003, DL4004); the others are reported here: StageNameCasing,
    ///   FromAsCasing, ConsistentInstructionCasing, LegacyKeyValueFormat (`ENV KEY value`),
    ///   ExposeProtoCasing and ExposeInvalidFormat, unless `skip=` names them. Checks that need
    ///   the base image (JSONArgsRecommended looks at the image's shell,
    ///   InvalidBaseImagePlatform at its platform) or the build's arguments (UndefinedVar,
    ///   UndefinedArgInFrom, InvalidDefaultArgInFrom) are not modelled.
    ///
    /// BuildKit runs some checks only on the stages it builds (LegacyKeyValueFormat, the
    /// `EXPOSE` checks, and those of DL3000, DL3064, DL4003, DL4004): those fail the build here
    /// only in the stages a build without `--target` needs. The hard errors above are reported
    /// in every stage, since building that stage as the target fails. ecsplain cannot be told
    /// a build's `--target` (it is an argument of the build command, in no input ecsplain
    /// reads), so an unknown `--target` ("target stage ... could not be found") is not reported.
    ///
    /// It stays quiet on what BuildKit accepts: `RUN [ -f /etc/os-release ]` and
    /// `CMD ['node', 'app.js']` are not JSON, so BuildKit runs them as shell commands;
    /// heredocs like `RUN 3<<EOF`, `RUN << EOF` and `<<eo\'f`; an empty `# escape=` (a
    /// comment); a UTF-8 byte-order mark at the start; the trigger of an `ONBUILD` (BuildKit
    /// checks it when an image built on this one runs it).
    ///
    /// ## Why is this bad?
    /// `docker build` stops at the first such error, in CI, after the pipeline has already
    /// waited for it, and shows only that one; ecsplain shows them all while you edit.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim AS app
    /// COPY --from=build --link=yes /out /app
    /// FROM node:20 AS build
    /// RUN <<EOF
    /// npm ci
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20 AS build
    /// RUN <<EOF
    /// npm ci
    /// EOF
    /// FROM node:20-slim AS app
    /// COPY --from=build --link=true /out /app
    /// ```
    ///
    /// ## References
    /// - [Dockerfile reference](https://docs.docker.com/reference/dockerfile/)
    /// - [Dockerfile reference: here-documents](https://docs.docker.com/reference/dockerfile/#here-documents)
    /// - [Dockerfile reference: shell and exec form](https://docs.docker.com/reference/dockerfile/#shell-and-exec-form)
    /// - BuildKit's front end, whose errors these are: `frontend/dockerfile/parser`,
    ///   `frontend/dockerfile/instructions` and `frontend/dockerfile/dockerfile2llb` in
    ///   [moby/buildkit](https://github.com/moby/buildkit); `docs/buildkit-parity.md` counts
    ///   how many of BuildKit's own test cases ecsplain judges as BuildKit does.
    /// - hadolint reports these as a parse error (DL1000 in its output), and stops there; ecsplain
    ///   keeps checking the rest of the file.
    pub static RULE = {
        code: "IN003",
        name: "dockerfile-syntax",
        target: Input,
        severity: Error,
        category: Syntax,
        summary: "the Dockerfile has an error BuildKit would reject",
    }
}
