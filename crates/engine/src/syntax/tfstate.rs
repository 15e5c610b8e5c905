//! A pasted `terraform.tfstate` (format version 4) and the lookups ecspresso's tfstate plugin
//! makes in it: `{{ tfstate `aws_lb.main.arn` }}` in templates, `std.native('tfstate')(...)` in
//! Jsonnet.
//!
//! Addresses follow the tfstate plugin (fujiwara/tfstate-lookup): `TYPE.NAME.ATTR`,
//! `data.TYPE.NAME.ATTR`, `module.M[.module.N].TYPE.NAME.ATTR`, an instance index
//! (`aws_subnet.s[0].id`) or key (`aws_subnet.s["a"].id`, `['a']`), nested attribute paths
//! (`aws_lb.x.subnet_mapping[0].subnet_id`), and `output.NAME[.PATH]`. An address the state does
//! not hold gives `None`: the call stays a placeholder.

use serde_json::Value;

/// A parsed state.
#[derive(Debug, Clone)]
pub struct TfState {
    root: Value,
}

/// Does this input look like a Terraform state (by name or content)?
pub fn is_tfstate(path: &str, text: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".tfstate")
        || lower.ends_with(".tfstate.json")
        || (text.trim_start().starts_with('{')
            && text
                .get(..text.len().min(4096))
                .is_some_and(|head| head.contains("\"terraform_version\"")))
}

impl TfState {
    /// Reads a state; `None` when the text is not a JSON object.
    pub fn parse(text: &str) -> Option<TfState> {
        let root: Value = crate::syntax::json::to_value(text.trim_start_matches('\u{feff}'))?;
        root.is_object().then_some(TfState { root })
    }

    /// The value at an address, as ecspresso renders it: strings as they are, numbers and
    /// booleans as their JSON text, lists and maps as JSON. `None` when the state does not hold
    /// it (or holds `null`).
    pub fn lookup(&self, address: &str) -> Option<String> {
        let value = self.lookup_value(address)?;
        match value {
            Value::Null => None,
            Value::String(s) => Some(s.clone()),
            other => serde_json::to_string(other).ok(),
        }
    }

    /// The JSON value at an address.
    pub fn lookup_value(&self, address: &str) -> Option<&Value> {
        let tokens = tokenize(address.trim())?;
        let mut i = 0;
        if let Some(Token::Name(first)) = tokens.first() {
            if first == "output" {
                let Some(Token::Name(name)) = tokens.get(1) else {
                    return None;
                };
                let value = self.root.get("outputs")?.get(name)?.get("value")?;
                return walk(value, tokens.get(2..)?);
            }
        }
        // module.a[.module.b]...
        let mut module = String::new();
        while matches!(tokens.get(i), Some(Token::Name(n)) if n == "module") {
            let Some(Token::Name(name)) = tokens.get(i + 1) else {
                return None;
            };
            if !module.is_empty() {
                module.push('.');
            }
            module.push_str("module.");
            module.push_str(name);
            i += 2;
            if let Some(Token::Index(key)) = tokens.get(i) {
                module.push_str(&key.bracketed());
                i += 1;
            }
        }
        let mut mode = "managed";
        if matches!(tokens.get(i), Some(Token::Name(n)) if n == "data") {
            mode = "data";
            i += 1;
        }
        let (Some(Token::Name(kind)), Some(Token::Name(name))) = (tokens.get(i), tokens.get(i + 1))
        else {
            return None;
        };
        i += 2;
        let index = match tokens.get(i) {
            Some(Token::Index(key)) => {
                i += 1;
                Some(key)
            }
            _ => None,
        };
        let resource = self.root.get("resources")?.as_array()?.iter().find(|r| {
            r.get("mode").and_then(Value::as_str).unwrap_or("managed") == mode
                && r.get("type").and_then(Value::as_str) == Some(kind)
                && r.get("name").and_then(Value::as_str) == Some(name)
                && same_module(
                    r.get("module").and_then(Value::as_str).unwrap_or(""),
                    &module,
                )
        })?;
        let instances = resource.get("instances")?.as_array()?;
        let instance = match index {
            Some(key) => instances
                .iter()
                .find(|inst| inst.get("index_key").is_some_and(|k| key.matches(k)))?,
            None => instances
                .iter()
                .find(|inst| inst.get("index_key").is_none_or(Value::is_null))
                .or_else(|| (instances.len() == 1).then(|| instances.first()).flatten())?,
        };
        walk(instance.get("attributes")?, tokens.get(i..)?)
    }
}

/// Module paths compare with their index keys' quotes normalised (`["a"]` and `['a']`).
fn same_module(in_state: &str, wanted: &str) -> bool {
    in_state == wanted || in_state.replace('\'', "\"") == wanted.replace('\'', "\"")
}

fn walk<'v>(mut value: &'v Value, path: &[Token]) -> Option<&'v Value> {
    for token in path {
        value = match (token, value) {
            (Token::Name(key) | Token::Index(Key::Str(key)), Value::Object(map)) => map.get(key)?,
            (Token::Index(Key::Num(n)), Value::Array(items)) => items.get(*n)?,
            (Token::Name(key), Value::Array(items)) => items.get(key.parse::<usize>().ok()?)?,
            (Token::Index(Key::Num(n)), Value::Object(map)) => map.get(&n.to_string())?,
            _ => return None,
        };
    }
    Some(value)
}

#[derive(Debug, Clone, PartialEq)]
enum Key {
    Num(usize),
    Str(String),
}

impl Key {
    fn bracketed(&self) -> String {
        match self {
            Key::Num(n) => format!("[{n}]"),
            Key::Str(s) => format!("[\"{s}\"]"),
        }
    }

    fn matches(&self, value: &Value) -> bool {
        match (self, value) {
            (Key::Num(n), Value::Number(v)) => v.as_u64() == u64::try_from(*n).ok(),
            (Key::Str(s), Value::String(v)) => s == v,
            (Key::Num(n), Value::String(v)) => *v == n.to_string(),
            _ => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Name(String),
    Index(Key),
}

/// `module.m["k"].aws_x.y[0].attr` → names and bracketed indexes; `None` on a malformed address.
fn tokenize(address: &str) -> Option<Vec<Token>> {
    let mut out = Vec::new();
    let mut chars = address.char_indices().peekable();
    let mut name = String::new();
    while let Some((_, c)) = chars.next() {
        match c {
            '.' => {
                if !name.is_empty() {
                    out.push(Token::Name(std::mem::take(&mut name)));
                }
            }
            '[' => {
                if !name.is_empty() {
                    out.push(Token::Name(std::mem::take(&mut name)));
                }
                let quote = match chars.peek() {
                    Some((_, q @ ('"' | '\''))) => Some(*q),
                    _ => None,
                };
                let mut inner = String::new();
                if let Some(q) = quote {
                    chars.next();
                    loop {
                        let (_, c) = chars.next()?;
                        if c == q {
                            break;
                        }
                        inner.push(c);
                    }
                    if chars.next()?.1 != ']' {
                        return None;
                    }
                    out.push(Token::Index(Key::Str(inner)));
                } else {
                    loop {
                        let (_, c) = chars.next()?;
                        if c == ']' {
                            break;
                        }
                        inner.push(c);
                    }
                    let n = inner.trim().parse::<usize>().ok()?;
                    out.push(Token::Index(Key::Num(n)));
                }
            }
            c => name.push(c),
        }
        if out.len() > 256 {
            return None;
        }
    }
    if !name.is_empty() {
        out.push(Token::Name(name));
    }
    (!out.is_empty()).then_some(out)
}

/// Go's `fmt.Sprintf` for what `tfstatef` addresses use: each `%s`, `%d` or `%v` takes the next
/// argument; `%%` is a percent sign.
pub fn format_address(format: &str, args: &[&str]) -> String {
    let mut out = String::new();
    let mut args = args.iter();
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('%') => out.push('%'),
            Some('s' | 'd' | 'v' | 'q') => out.push_str(args.next().copied().unwrap_or("")),
            Some(other) => {
                out.push('%');
                out.push(other);
            }
            None => out.push('%'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const STATE: &str = r#"{
  "version": 4,
  "terraform_version": "1.9.0",
  "outputs": {
    "rds_endpoint": { "value": "db.example.internal", "type": "string" },
    "ports": { "value": { "http": 80 }, "type": ["object", { "http": "number" }] }
  },
  "resources": [
    { "mode": "managed", "type": "aws_iam_role", "name": "exec",
      "instances": [ { "attributes": { "arn": "arn:aws:iam::123456789012:role/exec", "max_session_duration": 3600 } } ] },
    { "mode": "managed", "type": "aws_subnet", "name": "s",
      "instances": [
        { "index_key": 0, "attributes": { "id": "subnet-0" } },
        { "index_key": 1, "attributes": { "id": "subnet-1" } } ] },
    { "mode": "managed", "type": "aws_lb_target_group", "name": "http",
      "instances": [ { "index_key": "alpha", "attributes": { "arn": "arn:tg/alpha" } } ] },
    { "module": "module.app", "mode": "managed", "type": "aws_ecr_repository", "name": "app",
      "instances": [ { "attributes": { "repository_url": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app",
                       "tags": { "Env": "prod" }, "list": [ { "x": "y" } ] } } ] },
    { "module": "module.net[\"a\"].module.inner", "mode": "managed", "type": "aws_vpc", "name": "v",
      "instances": [ { "attributes": { "id": "vpc-1" } } ] },
    { "module": "module.ami", "mode": "data", "type": "aws_ami", "name": "base",
      "instances": [ { "attributes": { "id": "ami-123" } } ] }
  ]
}"#;

    #[test]
    fn addresses_resolve_like_the_tfstate_plugin() {
        let s = TfState::parse(STATE).unwrap();
        let cases = [
            ("aws_iam_role.exec.arn", Some("arn:aws:iam::123456789012:role/exec")),
            ("aws_iam_role.exec.max_session_duration", Some("3600")),
            ("aws_subnet.s[0].id", Some("subnet-0")),
            ("aws_subnet.s[1].id", Some("subnet-1")),
            ("aws_subnet.s[2].id", None),
            ("aws_lb_target_group.http['alpha'].arn", Some("arn:tg/alpha")),
            ("aws_lb_target_group.http[\"alpha\"].arn", Some("arn:tg/alpha")),
            ("module.app.aws_ecr_repository.app.repository_url", Some("123456789012.dkr.ecr.us-east-1.amazonaws.com/app")),
            ("module.app.aws_ecr_repository.app.tags.Env", Some("prod")),
            ("module.app.aws_ecr_repository.app.list[0].x", Some("y")),
            ("module.net['a'].module.inner.aws_vpc.v.id", Some("vpc-1")),
            ("module.ami.data.aws_ami.base.id", Some("ami-123")),
            ("data.aws_ami.base.id", None),
            ("output.rds_endpoint", Some("db.example.internal")),
            ("output.ports.http", Some("80")),
            ("output.ports", Some("{\"http\":80}")),
            ("output.missing", None),
            ("aws_iam_role.nope.arn", None),
            ("aws_iam_role.exec", Some("{\"arn\":\"arn:aws:iam::123456789012:role/exec\",\"max_session_duration\":3600}")),
            ("", None),
            ("aws_subnet.s[", None),
            ("aws_subnet.s['a", None),
        ];
        for (address, want) in cases {
            assert_eq!(s.lookup(address).as_deref(), want, "{address}");
        }
    }

    #[test]
    fn states_are_recognised() {
        assert!(is_tfstate("infra/terraform.tfstate", ""));
        assert!(is_tfstate("state.json", STATE));
        assert!(!is_tfstate("td.json", "{\"family\": \"x\"}"));
        assert!(TfState::parse("[1]").is_none());
        assert!(TfState::parse("{").is_none());
    }
}
