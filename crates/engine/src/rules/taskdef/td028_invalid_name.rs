use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Checks the task definition's `family`, each container's and each volume's `name`: up to
    /// 255 letters, digits, underscores and hyphens; and each port mapping's `name` (the name
    /// Service Connect uses): up to 64 lower-case letters, digits, underscores and hyphens, not
    /// starting with a hyphen. Names with template placeholders (`{{ ... }}`, `${X}`,
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
    ///   allowed." (also in the ECS API model botocore ships); the same for
    ///   [Volume name](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Volume.html).
    /// - [PortMapping name](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html):
    ///   "The name can include up to 64 characters. The characters can include lowercase
    ///   letters, numbers, underscores (_), and hyphens (-). The name can't start with a hyphen."
    pub static RULE = {
        code: "TD028",
        name: "invalid-name",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "a family, container, volume or port mapping name with characters ECS does not allow",
    }
}

crate::messages! {
    "TD028";
    NAME_HOLDS = "{what} `{name}` holds {bad}; ECS allows only letters, digits, `_` and `-`, up to 255";
    NAME_TOO_LONG = "{what} `{name}` is {length} characters long; ECS allows only letters, digits, `_` and `-`, up to 255";
    THE_FAMILY = "the family";
    A_CONTAINER_NAME = "a container name";
    A_VOLUME_NAME = "a volume name";
    HELP_RENAME = "rename it, e.g. `{fixed}` (and every reference to it)";
    PORT_HYPHEN = "the port mapping name `{name}` starts with a hyphen; ECS allows lower-case letters, digits, `_` and `-` (not first), up to 64";
    PORT_HOLDS = "the port mapping name `{name}` holds {bad}; ECS allows lower-case letters, digits, `_` and `-` (not first), up to 64";
    PORT_TOO_LONG = "the port mapping name `{name}` is {length} characters long; ECS allows lower-case letters, digits, `_` and `-` (not first), up to 64";
    HELP_PORT_RENAME = "rename it, e.g. `{fixed}` (and the serviceConnectConfiguration portName that uses it)";
}

/// What is wrong with a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameIssue {
    /// It holds a character that is not allowed.
    Holds(char),
    /// It is this many characters long, more than allowed.
    TooLong(usize),
    /// It starts with a hyphen (port mapping names).
    StartsWithHyphen,
}

/// What is wrong with a family, container or volume name, if anything.
pub fn name_issue(name: &str) -> Option<NameIssue> {
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '-'))
    {
        return Some(NameIssue::Holds(bad));
    }
    let len = name.chars().count();
    (len > 255).then_some(NameIssue::TooLong(len))
}

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
    use crate::input::msg::Template;
    let mut names: Vec<(&crate::syntax::value::Node, &'static Template)> = Vec::new();
    if let Some(f) = ctx.task.get_set("family") {
        names.push((f, &THE_FAMILY));
    }
    for c in &ctx.containers {
        if let Some(n) = c.get_set("name") {
            names.push((n, &A_CONTAINER_NAME));
        }
    }
    for v in ctx.task.get_array("volumes") {
        if let Some(n) = v.get_set("name") {
            names.push((n, &A_VOLUME_NAME));
        }
    }
    check_port_mapping_names(ctx, sink);
    for (node, what) in names {
        let Some(name) = util::known_str(Some(node)) else {
            continue;
        };
        // `%NAME%` and `#{Name}` are filled in by deployment scripts (Octopus, sed).
        if name.is_empty() || is_script_placeholder(name) {
            continue;
        }
        let Some(problem) = name_issue(name) else {
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
        let what = crate::msg!(*what);
        let message = match problem {
            NameIssue::Holds(bad) => crate::msg!(
                NAME_HOLDS,
                what = what,
                name = name,
                bad = format!("{bad:?}")
            ),
            NameIssue::TooLong(length) => {
                crate::msg!(NAME_TOO_LONG, what = what, name = name, length = length)
            }
            // Only port mapping names have this rule.
            NameIssue::StartsWithHyphen => continue,
        };
        let d = sink.report_msg(node.span, message);
        d.set_help_msg(crate::msg!(HELP_RENAME, fixed = fixed));
    }
}

/// What is wrong with a port mapping name, if anything.
pub fn port_name_problem(name: &str) -> Option<NameIssue> {
    if name.starts_with('-') {
        return Some(NameIssue::StartsWithHyphen);
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_' || *c == '-'))
    {
        return Some(NameIssue::Holds(bad));
    }
    let len = name.chars().count();
    (len > 64).then_some(NameIssue::TooLong(len))
}

fn check_port_mapping_names(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    for c in &ctx.containers {
        for pm in c.get_array("portMappings") {
            let Some(node) = pm.get_set("name") else {
                continue;
            };
            let Some(name) = util::known_str(Some(node)).filter(|n| !n.is_empty()) else {
                continue;
            };
            if is_script_placeholder(name) {
                continue;
            }
            let Some(problem) = port_name_problem(name) else {
                continue;
            };
            let message = match problem {
                NameIssue::StartsWithHyphen => crate::msg!(PORT_HYPHEN, name = name),
                NameIssue::Holds(bad) => {
                    crate::msg!(PORT_HOLDS, name = name, bad = format!("{bad:?}"))
                }
                NameIssue::TooLong(length) => {
                    crate::msg!(PORT_TOO_LONG, name = name, length = length)
                }
            };
            sink.report_msg(node.span, message)
                .set_help_msg(crate::msg!(
                    HELP_PORT_RENAME,
                    fixed = name.trim_start_matches('-').to_ascii_lowercase()
                ));
        }
    }
}
