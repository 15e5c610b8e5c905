use crate::models::pkg::{self, Pm};
use crate::models::stages as support;
use crate::rules::check::Sink;
use crate::syntax::dockerfile::DockerfileCtx;

crate::declare_rule! {
    /// ## What it does
    /// Reports `yarn install` (or `yarn add`, or plain `yarn`) when the same `RUN` does not run
    /// `yarn cache clean` and mounts no cache on yarn's cache folder. Like `DL3009`, only the final
    /// stage
    /// and the stages it is built on are checked: a build stage's cache never reaches the image.
    /// Deliberate differences: `yarn add` and a bare `yarn` are reported too (hadolint knows only
    /// `yarn install`), and a cache mount
    /// on any folder named like yarn's cache or on a `.cache` folder (`/home/node/.cache`, which holds
    /// `yarn` for the `node` user) counts; hadolint accepts only a few fixed paths.
    ///
    /// ## Why is this bad?
    /// Yarn's cache holds a copy of every package archive it fetched: left in the layer, it is
    /// carried next to the installed `node_modules`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// RUN yarn install --frozen-lockfile
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// RUN yarn install --frozen-lockfile && yarn cache clean
    /// ```
    /// or `RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile`.
    ///
    /// ## References
    /// - hadolint [DL3060](https://github.com/hadolint/hadolint/wiki/DL3060)
    /// - [Docker build cache: cache
    ///   mounts](https://docs.docker.com/build/cache/optimize/#use-cache-mounts)
    pub static RULE = {
        code: "DL3060",
        name: "yarn-cache",
        target: Dockerfile,
        severity: Info,
        category: ImageSize,
        summary: "yarn install keeps its cache",
    }
}

crate::messages! {
    "DL3060";
    MESSAGE = "yarn leaves its package cache in the image";
    HELP = "end the RUN with `&& yarn cache clean`, or mount a cache on yarn's cache folder";
}

pub fn check(ctx: &DockerfileCtx<'_>, sink: &mut Sink<'_>) {
    for f in pkg::find(ctx, &[Pm::Yarn]) {
        if !f.call.installs() || !support::run_in_image(ctx, f.outer) {
            continue;
        }
        let mounted = f
            .run
            .cache_mount_targets()
            .iter()
            .any(|t| t.contains("yarn") || t.ends_with("/.cache") || t.contains('$'));
        if mounted || pkg::cleaned_after(f.run, f.call.manager, "yarn", f.index) {
            continue;
        }
        sink.report_msg(f.call.command.span, crate::msg!(MESSAGE))
            .set_help_msg(crate::msg!(HELP));
    }
}
