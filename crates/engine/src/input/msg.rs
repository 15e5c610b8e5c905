//! Keyed message templates with typed arguments (issue 21, docs/ja/messages-design.md): what a
//! rule says to people, as one whole sentence per language, never glued from fragments.
//!
//! A rule declares its English templates with [`crate::messages!`] and fills them with
//! [`crate::msg!`]; the Japanese lives beside the rule in `<stem>.ja.msg` (compiled in by
//! build.rs, looked up by `rules::rule::ja_message`). This layer knows no language: rendering
//! takes the function that picks a template's text.

/// One sentence of a rule, in English; its key is `<CODE>.<NAME>` ("EP004.NOT_DURATION").
#[derive(Debug, PartialEq, Eq)]
pub struct Template {
    pub key: &'static str,
    pub en: &'static str,
}

/// A value put into a template's `{name}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Shown exactly as written, in every language: member names, ids, values, the user's text.
    Code(String),
    Int(i64),
    /// A phrase chosen by the rule's logic: another keyed template (never a raw string).
    Phrase(Box<Msg>),
    /// Several values: joined with ", " in English and "、" in Japanese.
    List(Vec<Arg>),
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Code(s)
    }
}
impl From<&String> for Arg {
    #[inline(never)]
    fn from(s: &String) -> Arg {
        Arg::Code(s.clone())
    }
}
impl From<&str> for Arg {
    #[inline(never)]
    fn from(s: &str) -> Arg {
        Arg::Code(s.to_string())
    }
}
impl From<Msg> for Arg {
    fn from(m: Msg) -> Arg {
        Arg::Phrase(Box::new(m))
    }
}
macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_arg!(i32, i64, u32, u64, usize);

/// A template and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub template: &'static Template,
    pub args: Vec<(&'static str, Arg)>,
}

/// How a language writes a message: which text each template has, and the list separator.
pub struct Tongue<'a> {
    pub text: &'a dyn Fn(&'static Template) -> &'static str,
    pub list_separator: &'a str,
}

impl Msg {
    /// A template with no arguments yet ([`crate::msg!`] adds them with [`Msg::with`]). Neither is
    /// inlined: a thousand call sites each make one call per argument instead of building the
    /// argument list in place, which keeps the page's wasm small.
    #[inline(never)]
    pub fn new(template: &'static Template) -> Msg {
        Msg {
            template,
            args: Vec::new(),
        }
    }

    /// The template with one more argument.
    #[inline(never)]
    #[must_use]
    pub fn with(mut self, name: &'static str, arg: Arg) -> Msg {
        self.args.push((name, arg));
        self
    }

    /// The English rendering (what `Diagnostic.message` holds).
    pub fn en(&self) -> String {
        self.render(&Tongue {
            text: &|t| t.en,
            list_separator: ", ",
        })
    }

    /// The Japanese rendering: each template's text from `ja` by its key (the template's
    /// English where `ja` has none), lists joined with "、".
    pub fn ja(&self, ja: &dyn Fn(&str) -> Option<&'static str>) -> String {
        self.render(&Tongue {
            text: &|t| ja(t.key).unwrap_or(t.en),
            list_separator: "、",
        })
    }

    /// Fills the template the tongue picks. A placeholder without an argument stays as written
    /// (`{name}`), which the tests look for.
    pub fn render(&self, tongue: &Tongue<'_>) -> String {
        let template = (tongue.text)(self.template);
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(at) = rest.find('{') {
            out.push_str(&rest[..at]);
            let after = &rest[at..];
            match placeholder(after) {
                Some(name) => {
                    match self.args.iter().find(|(n, _)| *n == name) {
                        Some((_, arg)) => render_arg(arg, tongue, &mut out),
                        None => {
                            out.push('{');
                            out.push_str(name);
                            out.push('}');
                        }
                    }
                    rest = &after[name.len() + 2..];
                }
                None => {
                    // A literal brace, and any braces right after it (`{{ must_env }}`).
                    let braces = after.len() - after.trim_start_matches('{').len();
                    out.push_str(&after[..braces]);
                    rest = &after[braces..];
                }
            }
        }
        out.push_str(rest);
        out
    }
}

fn render_arg(arg: &Arg, tongue: &Tongue<'_>, out: &mut String) {
    match arg {
        Arg::Code(s) => out.push_str(s),
        Arg::Int(n) => out.push_str(&n.to_string()),
        Arg::Phrase(m) => out.push_str(&m.render(tongue)),
        Arg::List(items) => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(tongue.list_separator);
                }
                render_arg(item, tongue, out);
            }
        }
    }
}

/// The name of the placeholder `s` starts with: `{name}` with `name` of ASCII lower-case
/// letters, digits and `_`, not inside `{{ … }}` (a `{` followed by `{` is literal, as is a
/// `{name}` followed by `}`).
pub fn placeholder(s: &str) -> Option<&str> {
    let inner = s.strip_prefix('{')?;
    let end = inner.find('}')?;
    let name = &inner[..end];
    let ok = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && !inner[end + 1..].starts_with('}');
    ok.then_some(name)
}

/// Every placeholder of a template text, in order.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find('{') {
        let after = &rest[at..];
        match placeholder(after) {
            Some(name) => {
                found.push(name);
                rest = &after[name.len() + 2..];
            }
            None => {
                let braces = after.len() - after.trim_start_matches('{').len();
                rest = &after[braces..];
            }
        }
    }
    found
}

/// What a diagnostic carries beside its English strings once its rule is migrated: the keyed
/// forms of its message, help and fix title (each only when set by a keyed call).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keyed {
    pub message: Option<Msg>,
    pub help: Option<Msg>,
    pub fix_title: Option<Msg>,
}

/// Declares a rule's English templates: `crate::messages! { "EP004"; NAME = "text"; ... }`
/// makes one `static` [`Template`] per line (key `EP004.NAME`) and `MESSAGES`, the list of them.
/// The text of template `key` in a translation file compiled in as text (`NAME = text` a line,
/// `#` comments and blank lines skipped), where `key` is `prefix` followed by the NAME.
pub fn translation<'a>(file: &'a str, prefix: &str, key: &str) -> Option<&'a str> {
    let name = key.strip_prefix(prefix)?;
    file.lines()
        .filter(|line| !line.starts_with('#'))
        .find_map(|line| {
            let (n, text) = line.split_once(" = ")?;
            (n.trim() == name).then_some(text)
        })
}

#[macro_export]
macro_rules! messages {
    ($code:literal; $($name:ident = $en:literal;)*) => {
        $(
            pub static $name: $crate::input::msg::Template = $crate::input::msg::Template {
                key: concat!($code, ".", stringify!($name)),
                en: $en,
            };
        )*
        /// Every message template of this rule.
        pub static MESSAGES: &[&$crate::input::msg::Template] = &[$(&$name),*];
    };
}

/// `msg!(NAME, key = value, ...)`: the [`Msg`] of template `NAME` with its arguments (anything
/// `Into<Arg>`: strings are code, integers numbers, a `Msg` a phrase).
#[macro_export]
macro_rules! msg {
    ($t:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::input::msg::Msg::new(&$t)
            $(.with(stringify!($name), $crate::input::msg::Arg::from($value)))*
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    static T: Template = Template {
        key: "XX001.T",
        en: "`{key}` is {n}; write `{{ must_env `X` }}` or {list}",
    };

    #[test]
    fn fills_placeholders_and_keeps_template_braces() {
        let m = crate::msg!(
            T,
            key = "a",
            n = 3usize,
            list = Arg::List(vec!["x".into(), "y".into()])
        );
        assert_eq!(m.en(), "`a` is 3; write `{{ must_env `X` }}` or x, y");
        assert_eq!(placeholders(T.en), vec!["key", "n", "list"]);
        let missing = crate::msg!(T, key = "a");
        assert!(missing.en().contains("{n}"));
    }
}
