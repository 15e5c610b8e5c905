use crate::check::Sink;
use crate::taskdef::TaskDefCtx;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Checks the task definition's `family` and each container's `name`: up to 255 letters,
    /// digits, underscores and hyphens. Names with template placeholders (`{{ ... }}`, `${X}`,
    /// `%X%`, `#{X}`) are not checked.
    ///
    /// ## Why is this bad?
    /// `RegisterTaskDefinition` refuses any other character: a dot, a space or a slash in a
    /// name (`api.v2`, `my app`) fails the deployment at registration.
    ///
    /// ## Example
    /// ```json
    /// { "family": "shop.api", "containerDefinitions": [{ "name": "api server", "image": "app:1.0" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "family": "shop-api", "containerDefinitions": [{ "name": "api-server", "image": "app:1.0" }] }
    /// ```
    ///
    /// ## References
    /// - [RegisterTaskDefinition family](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html)
    ///   and [ContainerDefinition name](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html):
    ///   "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are
    ///   allowed." (also in the ECS API model botocore ships)
    pub static RULE = {
        code: "TD028",
        name: "invalid-name",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "a family or container name with characters other than letters, digits, _ and -",
    }
}

/// The first character a name may not hold, or the length when it is too long.
pub fn name_problem(name: &str) -> Option<String> {
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '-'))
    {
        return Some(format!("holds {bad:?}"));
    }
    (name.chars().count() > 255).then(|| format!("is {} characters long", name.chars().count()))
}

/// A `%WORD%` or `#{...}` substitution token in the name.
fn is_script_placeholder(name: &str) -> bool {
    if name.contains("#{") {
        return true;
    }
    let parts: Vec<&str> = name.split('%').collect();
    parts.len() >= 3
        && parts[1..parts.len() - 1]
            .iter()
            .any(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    let mut names: Vec<(&crate::value::Node, String)> = Vec::new();
    if let Some(f) = ctx.task.get_set("family") {
        names.push((f, "the family".to_string()));
    }
    for c in &ctx.containers {
        if let Some(n) = c.get_set("name") {
            names.push((n, "a container name".to_string()));
        }
    }
    for (node, what) in names {
        let Some(name) = util::known_str(Some(node)) else {
            continue;
        };
        // `%NAME%` and `#{Name}` are filled in by deployment scripts (Octopus, sed).
        if name.is_empty() || is_script_placeholder(name) {
            continue;
        }
        let Some(problem) = name_problem(name) else {
            continue;
        };
        let fixed: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                    c
                } else {
                    '-'
                }
            })
            .take(255)
            .collect();
        let d = sink.report(
            node.span,
            format!("{what} `{name}` {problem}; ECS allows only letters, digits, `_` and `-`, up to 255"),
        );
        d.set_help(format!(
            "rename it, e.g. `{fixed}` (and every reference to it)"
        ));
    }
}
