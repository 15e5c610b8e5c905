use crate::input::Kind;
use crate::models::ecspresso;
use crate::models::project::ProjectCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Reports an ecspresso config whose `task_definition` or `service_definition` names a file
    /// that is not among the files linted. Paths are resolved as ecspresso resolves them:
    /// relative to the config file's folder, not to the current directory.
    ///
    /// ## Why is this bad?
    /// ecspresso stops when it cannot read a definition file, so nothing is deployed. A path
    /// written relative to the repository root instead of the config's folder, a renamed file or
    /// a `.json` that the build generates from `.jsonnet` are the usual causes.
    ///
    /// ## Example
    /// ```yaml
    /// # ecs/ecspresso.yml
    /// task_definition: ecs/ecs-task-def.json   # resolves to ecs/ecs/ecs-task-def.json
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// # ecs/ecspresso.yml
    /// task_definition: ecs-task-def.json       # ecs/ecs-task-def.json
    /// ```
    /// In the page, paste the definition into its pane; on the command line, lint the config's
    /// folder or pass the definition too. A referenced file that is present but empty is
    /// reported as empty (IN006), not as missing.
    ///
    /// ## References
    /// - [ecspresso: configuration file](https://github.com/kayac/ecspresso#configuration-file)
    pub static RULE = {
        code: "XF001",
        name: "missing-definition-file",
        target: CrossFile,
        severity: Error,
        category: Cicd,
        summary: "the ecspresso config names a definition file that is not there",
    }
}

crate::messages! {
    "XF001";
    NOT_LINTED = "{key} names `{written}`, which is not among the files linted";
    NOT_LINTED_RESOLVED = "{key} names `{written}`, which is not among the files linted (resolved from the config's folder: `{resolved}`)";
    HELP_JSONNET = "`{jsonnet}` is present: if the build generates the `.json` from it, lint the generated file, or point the config at the `.jsonnet` (ecspresso evaluates Jsonnet itself)";
    HELP_OTHER_FOLDER = "a file `{other}` was given: ecspresso resolves paths relative to the config's folder (`{folder}`), so write the path from there";
    HELP_ADD_TASK = "add the task definition to the files linted, or fix the path (relative to the config's folder)";
    HELP_ADD_SERVICE = "add the service definition to the files linted, or fix the path (relative to the config's folder)";
}

pub fn check(ctx: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    let present: Vec<String> = ctx
        .inputs
        .iter()
        .map(|i| ecspresso::normalize_path(i.path))
        .collect();
    for (file, input) in ctx.inputs.iter().enumerate() {
        if input.kind != Some(Kind::Ecspresso) {
            continue;
        }
        for reference in ecspresso::references_of(input) {
            if reference.template || present.contains(&reference.resolved) {
                continue;
            }
            let key = match reference.role {
                Kind::ServiceDef => "service_definition",
                _ => "task_definition",
            };
            let d = sink.report_msg_in(
                file,
                reference.span,
                if reference.written == reference.resolved {
                    crate::msg!(NOT_LINTED, key = key, written = &reference.written)
                } else {
                    crate::msg!(
                        NOT_LINTED_RESOLVED,
                        key = key,
                        written = &reference.written,
                        resolved = &reference.resolved
                    )
                },
            );
            let name = reference
                .resolved
                .rsplit('/')
                .next()
                .unwrap_or(&reference.resolved);
            let jsonnet = format!("{}net", reference.resolved);
            if reference.resolved.ends_with(".json") && present.contains(&jsonnet) {
                d.set_help_msg(crate::msg!(HELP_JSONNET, jsonnet = jsonnet));
            } else if let Some(other) = present.iter().find(|p| p.rsplit('/').next() == Some(name))
            {
                d.set_help_msg(crate::msg!(
                    HELP_OTHER_FOLDER,
                    other = other,
                    folder = ecspresso::folder_of(input.path)
                ));
            } else if reference.role == Kind::ServiceDef {
                d.set_help_msg(crate::msg!(HELP_ADD_SERVICE));
            } else {
                d.set_help_msg(crate::msg!(HELP_ADD_TASK));
            }
        }
    }
}
