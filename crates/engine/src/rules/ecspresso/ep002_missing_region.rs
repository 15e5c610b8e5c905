use crate::input::span::Span;
use crate::models::ecspresso::EcspressoCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Notes an ecspresso config that sets no `region`.
    ///
    /// ## Why is this bad?
    /// ecspresso then takes the region from the `AWS_REGION` environment variable (and, when that
    /// is empty too, from the AWS SDK's usual sources such as the profile's region), so the
    /// same config deploys to whatever region the shell or the CI job happens to set. Writing the
    /// region (or an explicit `{{ must_env `AWS_REGION` }}`) makes the target visible in review.
    ///
    /// ## Example
    /// ```yaml
    /// cluster: default
    /// service: web
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// region: ap-northeast-1
    /// cluster: default
    /// service: web
    /// ```
    ///
    /// ## References
    /// - [ecspresso: configuration file](https://github.com/kayac/ecspresso#configuration-file)
    /// - ecspresso `config.go`: an empty `region` is filled from `AWS_REGION`.
    pub static RULE = {
        code: "EP002",
        name: "missing-region",
        target: Ecspresso,
        severity: Info,
        category: Cicd,
        summary: "the config sets no region; ecspresso falls back to AWS_REGION",
    }
}

crate::messages! {
    "EP002";
    NO_REGION = "the config sets no `region`; ecspresso uses the AWS_REGION environment variable";
    HELP_ADD_REGION = "add `region: <region>` (or `region: '{{ must_env `AWS_REGION` }}'` to make the dependency explicit)";
}

pub fn check(ctx: &EcspressoCtx<'_>, sink: &mut Sink<'_>) {
    let Some(object) = ctx.config.as_object() else {
        return;
    };
    if object.opaque || ctx.config.get_set("region").is_some() {
        return;
    }
    let at = object.members.first().map_or(Span::at(0), |m| m.key_span);
    sink.report_msg(at, crate::msg!(NO_REGION))
        .set_help_msg(crate::msg!(HELP_ADD_REGION));
}
