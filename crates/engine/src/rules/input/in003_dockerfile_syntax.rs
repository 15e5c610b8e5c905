crate::declare_rule! {
    /// ## What it does
    /// Reports a Dockerfile that BuildKit would refuse to build: an unknown instruction, a
    /// heredoc that is never closed, an instruction before the first `FROM` (only `ARG` may come
    /// first), a file with no `FROM`, a `FROM` with extra words, a `SHELL` that is not a JSON
    /// array, a bad `# escape=` directive, an `ONBUILD` with a forbidden trigger. It also reports
    /// a `CMD`, `ENTRYPOINT` or `RUN` written like a JSON array that is not valid JSON (single
    /// quotes, a missing comma): BuildKit accepts it, but runs it as a shell command, which fails
    /// when the container starts.
    ///
    /// ## Why is this bad?
    /// `docker build` stops at the first such error, in CI, after the pipeline has already
    /// waited for it. The invalid JSON form is worse: the image builds, is pushed, and the ECS
    /// task stops at once with an error from `/bin/sh` that does not point at the Dockerfile.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// RUN <<EOF
    /// npm ci
    /// CMD ['node', 'server.js']
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// RUN <<EOF
    /// npm ci
    /// EOF
    /// CMD ["node", "server.js"]
    /// ```
    ///
    /// ## References
    /// - [Dockerfile reference](https://docs.docker.com/reference/dockerfile/)
    /// - [Dockerfile reference: here-documents](https://docs.docker.com/reference/dockerfile/#here-documents)
    /// - [Dockerfile reference: shell and exec form](https://docs.docker.com/reference/dockerfile/#shell-and-exec-form)
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
