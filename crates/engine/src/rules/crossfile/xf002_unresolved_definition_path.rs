use crate::input::Kind;
use crate::models::ecspresso;
use crate::models::project::ProjectCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Notes a `task_definition` or `service_definition` path that holds a template, such as
    /// `{{ must_env `PWD` }}/ecs-task-def.json`: which file it names is known only when
    /// ecspresso renders the config.
    ///
    /// ## Why is this bad?
    /// It is not bad, but ecsplain cannot follow the path until the template has a value, so the
    /// definition is not checked together with the config (missing file, plugin functions,
    /// cross-file checks). Give the value (`ecsplain lint --var PWD=$PWD`, or the page's
    /// variables panel): the rendered path is followed like any other, and a file it does not
    /// name is XF001. Or write the path relative to the config's folder, which ecspresso
    /// resolves without a template.
    ///
    /// ## Example
    /// ```yaml
    /// task_definition: '{{ must_env "PWD" }}/ecs-task-def.json'
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// task_definition: ecs-task-def.json
    /// ```
    ///
    /// ## References
    /// - [ecspresso: configuration file](https://github.com/kayac/ecspresso#configuration-file)
    pub static RULE = {
        code: "XF002",
        name: "unresolved-definition-path",
        target: CrossFile,
        severity: Info,
        category: Cicd,
        summary: "a definition path holds a template and cannot be followed",
    }
}

crate::messages! {
    "XF002";
    TEMPLATED_TASK = "the task definition path `{written}` holds a template, so ecsplain cannot tell which file it names";
    TEMPLATED_SERVICE = "the service definition path `{written}` holds a template, so ecsplain cannot tell which file it names";
    HELP_GIVE_VALUE = "give the template's value (`--var NAME=VALUE`, or the page's variables panel) so the path can be followed, or write it relative to the config's folder";
}

pub fn check(ctx: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    for (file, input) in ctx.inputs.iter().enumerate() {
        if input.kind != Some(Kind::Ecspresso) {
            continue;
        }
        for reference in ecspresso::references_of(input) {
            if !reference.template {
                continue;
            }
            let message = if reference.role == Kind::ServiceDef {
                crate::msg!(TEMPLATED_SERVICE, written = &reference.written)
            } else {
                crate::msg!(TEMPLATED_TASK, written = &reference.written)
            };
            sink.report_msg_in(file, reference.span, message)
                .set_help_msg(crate::msg!(HELP_GIVE_VALUE));
        }
    }
}
