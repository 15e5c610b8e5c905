use crate::input::Kind;
use crate::models::ecspresso::{self, did_you_mean, plugin_functions};
use crate::models::project::ProjectCtx;
use crate::rules::check::Sink;
use crate::syntax::template::{self, GO_BUILTINS, GO_CONFIG_FUNCS};

crate::declare_rule! {
    /// ## What it does
    /// Reports a name called as a function in a Go-template action of an ecspresso config, or
    /// of a definition file the config names, that no function of ecspresso's template engine
    /// has: not one of Go's builtins (`and`, `call`, `eq`, `ge`, `gt`, `html`, `index`, `js`,
    /// `le`, `len`, `lt`, `ne`, `not`, `or`, `print`, `printf`, `println`, `slice`,
    /// `urlquery`), not one of go-config's (`env`, `must_env`, `json_escape`), and not the
    /// function of an `external` plugin the config sets up. A plugin's own functions (`tfstate`,
    /// `cfn_output`, `ssm`... with any `func_prefix`) are judged by EP006 and EP013. A config
    /// whose plugins cannot be read without rendering it (a templated `name` or `func_prefix`)
    /// is not judged, nor a definition no config of the run names, nor a Jsonnet file.
    ///
    /// ## Why is this bad?
    /// Go's template parser checks every function name before anything is rendered, so ecspresso
    /// stops at once, for every command, with Go's error: `template: conf:3: function
    /// "must_envv" not defined`. A misspelt `must_env` is the usual cause.
    ///
    /// ## Example
    /// ```json
    /// { "image": "nginx:{{ must_envv `TAG` }}" }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "image": "nginx:{{ must_env `TAG` }}" }
    /// ```
    ///
    /// ## References
    /// - Go [`text/template/parse/parse.go`](https://github.com/golang/go/blob/master/src/text/template/parse/parse.go)
    ///   (`term`: `function %q not defined`); `text/template` `funcs.go` (the builtins, listed in
    ///   [text/template: Functions](https://pkg.go.dev/text/template#hdr-Functions))
    /// - [kayac/go-config](https://github.com/kayac/go-config) `config.go` (`DefaultFuncMap`:
    ///   `env`, `must_env`, `json_escape`)
    /// - ecspresso `plugin.go` (`AppendFuncMap`: a plugin's functions with its `func_prefix`);
    ///   `external/external.go` (`FuncMap`: the function is named by the plugin's `config.name`)
    pub static RULE = {
        code: "EP014",
        name: "undefined-template-function",
        target: Ecspresso,
        severity: Error,
        category: Syntax,
        summary: "a template calls a function ecspresso does not define",
    }
}

crate::messages! {
    "EP014";
    UNDEFINED = "`{name}` is not a template function ecspresso defines: Go's template parser stops with `function \"{name}\" not defined`";
    HELP_DID_YOU_MEAN = "did you mean `{suggestion}`?";
    HELP_FUNCTIONS = "ecspresso's templates have Go's builtins, `env`, `must_env`, `json_escape` and the functions of the config's plugins";
}

pub fn check(ctx: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    // For each input: the extra names defined for it by every config that renders it (`None`:
    // one of those configs defines names this check cannot know).
    let mut defined: Vec<Option<Option<Vec<String>>>> = vec![None; ctx.inputs.len()];
    let mut add = |file: usize, names: &Option<Vec<String>>| {
        if let Some(slot) = defined.get_mut(file) {
            *slot = Some(match (slot.take(), names) {
                (None, n) => n.clone(),
                (Some(None), _) | (_, None) => None,
                (Some(Some(mut a)), Some(b)) => {
                    a.extend(b.iter().cloned());
                    Some(a)
                }
            });
        }
    };
    for (config_file, input) in ctx.inputs.iter().enumerate() {
        if input.kind != Some(Kind::Ecspresso) {
            continue;
        }
        let Some(config) = input.tree() else {
            continue;
        };
        if config.is_opaque() {
            continue;
        }
        let names = plugin_functions(config);
        add(config_file, &names);
        for reference in ecspresso::references_in(input.path, config) {
            if reference.template {
                continue;
            }
            if let Some(i) = ctx
                .inputs
                .iter()
                .position(|other| ecspresso::normalize_path(other.path) == reference.resolved)
            {
                add(i, &names);
            }
        }
    }
    for (file, target) in ctx.inputs.iter().enumerate() {
        let Some(Some(Some(extra))) = defined.get(file) else {
            continue;
        };
        if ecspresso::Format::from_path(target.path) == ecspresso::Format::Jsonnet {
            continue;
        }
        // A template Go cannot parse is IN004's.
        let Some(calls) = template::function_names(target.source) else {
            continue;
        };
        let mut known: Vec<&str> = GO_BUILTINS.to_vec();
        known.extend(GO_CONFIG_FUNCS);
        known.extend(extra.iter().map(String::as_str));
        for (name, span) in calls {
            // Plugin functions (with any prefix) are EP006's and EP013's.
            if known.contains(&name.as_str()) || template::base_function(&name) != name {
                continue;
            }
            if ecspresso::plugin_for_function(&name).is_some() || name == "external" {
                continue;
            }
            let d = sink.report_msg_in(
                file,
                target.from_source(span),
                crate::msg!(UNDEFINED, name = name.as_str()),
            );
            let help = match did_you_mean(&name, &known) {
                Some(suggestion) => crate::msg!(HELP_DID_YOU_MEAN, suggestion = suggestion),
                None => crate::msg!(HELP_FUNCTIONS),
            };
            d.set_help_msg(help);
        }
    }
}
