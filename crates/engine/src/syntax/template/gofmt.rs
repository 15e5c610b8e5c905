//! Go's formatting of template values: `fmt.Sprint` / `Sprintf` / `Sprintln` for `print`,
//! `printf`, `println` and actions, and the escapers `html`, `js`, `urlquery` and go-config's
//! `json_escape`. Each follows the Go standard library source named in its comment.

use super::exec::Val;

/// The Go type name `fmt` shows in `%!d(string=x)`.
fn type_name(v: &Val) -> &'static str {
    match v {
        Val::Bool(_) => "bool",
        Val::Int(_) => "int",
        Val::Byte(_) => "uint8",
        Val::Float(_) => "float64",
        Val::Str(_) => "string",
        Val::Missing | Val::Nil | Val::Unknown(_) => "",
    }
}

/// `fmt.Sprint` of one value (`%v`); an action prints this, except that a missing value prints
/// `<no value>` (text/template's `printValue`).
pub fn sprint_one(v: &Val) -> String {
    match v {
        Val::Missing | Val::Nil => "<nil>".to_string(),
        Val::Bool(b) => b.to_string(),
        Val::Int(n) => n.to_string(),
        Val::Byte(n) => n.to_string(),
        Val::Float(f) => format_g(*f, None, false),
        Val::Str(s) => s.clone(),
        Val::Unknown(m) => m.clone(),
    }
}

/// `fmt.Sprint`: operands joined, with a space between two operands when neither is a string.
pub fn sprint(args: &[Val]) -> String {
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            let prev_str = matches!(args.get(i - 1), Some(Val::Str(_)));
            if !prev_str && !matches!(a, Val::Str(_)) {
                out.push(' ');
            }
        }
        out.push_str(&sprint_one(a));
    }
    out
}

/// `fmt.Sprintln`: operands always separated by a space, and a newline.
pub fn sprintln(args: &[Val]) -> String {
    let parts: Vec<String> = args.iter().map(sprint_one).collect();
    let mut out = parts.join(" ");
    out.push('\n');
    out
}

/// Shortest decimal digits and exponent of a finite float: `(digits, exp)` with the value
/// `0.d1d2... × 10^(exp+1)`, i.e. `exp` is the exponent in `d.ddd e exp`.
fn shortest(f: f64) -> (String, i32) {
    let s = format!("{:e}", f.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
    (digits, exp.parse().unwrap_or(0))
}

/// `strconv.FormatFloat(f, 'g', prec, 64)` as `fmt` uses it (`%v` is shortest `%g`: the
/// exponent form when the exponent is < -4 or ≥ 6 for shortest, ≥ precision otherwise).
pub fn format_g(f: f64, prec: Option<usize>, sharp: bool) -> String {
    if f.is_nan() {
        return "NaN".to_string();
    }
    if f.is_infinite() {
        return if f > 0.0 { "+Inf" } else { "-Inf" }.to_string();
    }
    let neg = f.is_sign_negative() && f != 0.0 || (f == 0.0 && f.is_sign_negative());
    let (digits, exp) = match prec {
        None => shortest(f),
        Some(p) => {
            let p = p.max(1);
            let s = format!("{:.*e}", p - 1, f.abs());
            let (mant, e) = s.split_once('e').unwrap_or((&s, "0"));
            let mut d: String = mant.chars().filter(char::is_ascii_digit).collect();
            if !sharp {
                while d.len() > 1 && d.ends_with('0') {
                    d.pop();
                }
            }
            (d, e.parse().unwrap_or(0))
        }
    };
    let eprec = match prec {
        None => 6,
        Some(p) => {
            let p = i32::try_from(p.max(1)).unwrap_or(i32::MAX);
            let nd = i32::try_from(digits.len()).unwrap_or(i32::MAX);
            if p > nd && nd > exp {
                nd
            } else {
                p
            }
        }
    };
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if exp < -4 || exp >= eprec {
        let (first, rest) = digits.split_at(1.min(digits.len()));
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        let e = exp.unsigned_abs();
        if e < 10 {
            out.push('0');
        }
        out.push_str(&e.to_string());
    } else if exp < 0 {
        out.push_str("0.");
        for _ in 0..(-exp - 1) {
            out.push('0');
        }
        out.push_str(&digits);
    } else {
        let int_len = usize::try_from(exp + 1).unwrap_or(0);
        if digits.len() <= int_len {
            out.push_str(&digits);
            for _ in digits.len()..int_len {
                out.push('0');
            }
        } else {
            out.push_str(&digits[..int_len]);
            out.push('.');
            out.push_str(&digits[int_len..]);
        }
    }
    out
}

/// `%e` with a precision (default 6): `d.dddddde+XX`.
fn format_e(f: f64, prec: usize, upper: bool) -> String {
    let s = format!("{:.*e}", prec, f);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = exp.parse().unwrap_or(0);
    let mut out = format!(
        "{mant}{}{}{:02}",
        if upper { 'E' } else { 'e' },
        if e < 0 { '-' } else { '+' },
        e.unsigned_abs()
    );
    if f.is_nan() || f.is_infinite() {
        out = format_g(f, None, false);
    }
    out
}

/// `strconv.Quote`: a double-quoted Go string; printable runes kept, others escaped.
pub fn go_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            c if is_print(c) => out.push(c),
            c if (c as u32) < 0x80 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push('"');
    out
}

/// An approximation of Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and
/// the ASCII space; not controls, other white space, format characters or private use.
pub fn is_print(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    let u = c as u32;
    !matches!(u,
        0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E | 0x200B..=0x200F | 0x2028..=0x202E
        | 0x2060..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB | 0xE000..=0xF8FF | 0xF0000..=0x10FFFF
        | 0xFFFE | 0xFFFF)
}

/// go-config's `json_escape`: `json.Marshal` of the string without its quotes. Go's encoder
/// escapes `"` and `\`, writes `\b \f \n \r \t` short, other control characters as `\u00XX`,
/// and (HTML-safe by default) `<`, `>`, `&` as `\u003c`, `\u003e`, `\u0026`, and U+2028,
/// U+2029 as `\u2028`, `\u2029` (encoding/json `appendString`, Go 1.22+).
pub fn json_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// text/template's `HTMLEscapeString`: `"` `'` `&` `<` `>` become `&#34;` `&#39;` `&amp;`
/// `&lt;` `&gt;`, and NUL becomes U+FFFD.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("&#34;"),
            '\'' => out.push_str("&#39;"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\0' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// text/template's `JSEscapeString`: `\` `'` `"` become `\\` `\'` `\"`; `<` `>` `&` `=` become
/// `\u003C` `\u003E` `\u0026` `\u003D`; other ASCII controls `\u00XX` (upper-case hex);
/// non-ASCII runes that are not printable `\uXXXX`.
pub fn js_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '"' => out.push_str("\\\""),
            '<' => out.push_str("\\u003C"),
            '>' => out.push_str("\\u003E"),
            '&' => out.push_str("\\u0026"),
            '=' => out.push_str("\\u003D"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04X}", c as u32)),
            c if (c as u32) < 0x80 || is_print(c) => out.push(c),
            c => out.push_str(&format!("\\u{:04X}", c as u32)),
        }
    }
    out
}

/// `url.QueryEscape`: letters, digits and `-_.~` kept, space as `+`, every other byte `%XX`.
pub fn query_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(b));
            }
            b' ' => out.push('+'),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[derive(Default, Clone, Copy)]
struct Flags {
    minus: bool,
    plus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    width: Option<usize>,
    prec: Option<usize>,
}

fn pad(s: String, f: Flags, numeric: bool) -> String {
    let len = s.chars().count();
    let Some(w) = f.width.filter(|w| *w > len) else {
        return s;
    };
    let fill = w - len;
    if f.minus {
        return s + &" ".repeat(fill);
    }
    if f.zero {
        // Zeros go after a sign.
        if numeric && (s.starts_with('-') || s.starts_with('+') || s.starts_with(' ')) {
            let (sign, rest) = s.split_at(1);
            return format!("{sign}{}{rest}", "0".repeat(fill));
        }
        return "0".repeat(fill) + &s;
    }
    " ".repeat(fill) + &s
}

fn bad_verb(verb: char, v: &Val) -> String {
    match v {
        Val::Missing | Val::Nil => format!("%!{verb}(<nil>)"),
        _ => format!("%!{verb}({}={})", type_name(v), sprint_one(v)),
    }
}

fn int_verb(n: i128, verb: char, f: Flags) -> String {
    let neg = n < 0;
    let abs = n.unsigned_abs();
    let mut digits = match verb {
        'd' | 'v' => abs.to_string(),
        'x' => format!("{abs:x}"),
        'X' => format!("{abs:X}"),
        'o' | 'O' => format!("{abs:o}"),
        'b' => format!("{abs:b}"),
        _ => abs.to_string(),
    };
    if let Some(p) = f.prec {
        if digits.len() < p {
            digits = "0".repeat(p - digits.len()) + &digits;
        }
        if p == 0 && abs == 0 {
            digits.clear();
        }
    }
    let prefix = match verb {
        'x' if f.sharp => "0x",
        'X' if f.sharp => "0X",
        'o' if f.sharp => "0",
        'O' => "0o",
        'b' if f.sharp => "0b",
        _ => "",
    };
    let sign = if neg {
        "-"
    } else if f.plus {
        "+"
    } else if f.space {
        " "
    } else {
        ""
    };
    let zero = f.zero && f.prec.is_none() && !f.minus;
    let body = format!("{prefix}{digits}");
    if zero {
        let len = sign.len() + body.len();
        if let Some(w) = f.width.filter(|w| *w > len) {
            return format!("{sign}{}{body}", "0".repeat(w - len));
        }
    }
    pad(format!("{sign}{body}"), Flags { zero: false, ..f }, true)
}

fn float_verb(x: f64, verb: char, f: Flags) -> String {
    let mut s = match verb {
        'f' | 'F' => format!("{:.*}", f.prec.unwrap_or(6), x),
        'e' | 'E' => format_e(x, f.prec.unwrap_or(6), verb == 'E'),
        'g' | 'G' | 'v' => {
            let s = format_g(x, f.prec, f.sharp);
            if verb == 'G' {
                s.to_uppercase()
            } else {
                s
            }
        }
        _ => String::new(),
    };
    if f.plus && !s.starts_with('-') {
        s.insert(0, '+');
    } else if f.space && !s.starts_with('-') {
        s.insert(0, ' ');
    }
    pad(s, f, true)
}

fn format_one(verb: char, v: &Val, f: Flags) -> String {
    match (verb, v) {
        ('v', Val::Float(x)) => float_verb(*x, 'g', f),
        ('v' | 'd', Val::Int(_) | Val::Byte(_)) => int_verb(int_of(v), 'd', f),
        ('v', Val::Str(s)) | ('s', Val::Str(s)) => {
            let s = match f.prec {
                Some(p) => s.chars().take(p).collect(),
                None => s.clone(),
            };
            pad(s, f, false)
        }
        ('v', _) => pad(sprint_one(v), f, false),
        ('t', Val::Bool(b)) => pad(b.to_string(), f, false),
        ('q', Val::Str(s)) => pad(go_quote(s), f, false),
        ('q', Val::Int(_) | Val::Byte(_)) => {
            let c = u32::try_from(int_of(v))
                .ok()
                .and_then(char::from_u32)
                .unwrap_or('\u{FFFD}');
            let q = go_quote(&c.to_string());
            let inner = q.get(1..q.len() - 1).unwrap_or("").replace("\\\"", "\"");
            let inner = if c == '\'' { "\\'".to_string() } else { inner };
            pad(format!("'{inner}'"), f, false)
        }
        ('c', Val::Int(_) | Val::Byte(_)) => {
            let c = u32::try_from(int_of(v))
                .ok()
                .and_then(char::from_u32)
                .unwrap_or('\u{FFFD}');
            pad(c.to_string(), f, false)
        }
        ('x' | 'X' | 'o' | 'O' | 'b', Val::Int(_) | Val::Byte(_)) => int_verb(int_of(v), verb, f),
        ('x' | 'X', Val::Str(s)) => {
            let mut out = String::new();
            for (i, b) in s.bytes().enumerate() {
                if f.space && i > 0 {
                    out.push(' ');
                }
                if f.sharp && (f.space || i == 0) {
                    out.push_str(if verb == 'x' { "0x" } else { "0X" });
                }
                if verb == 'x' {
                    out.push_str(&format!("{b:02x}"));
                } else {
                    out.push_str(&format!("{b:02X}"));
                }
            }
            pad(out, f, false)
        }
        ('e' | 'E' | 'f' | 'F' | 'g' | 'G', Val::Float(x)) => float_verb(*x, verb, f),
        _ => bad_verb(verb, v),
    }
}

fn int_of(v: &Val) -> i128 {
    match v {
        Val::Int(n) => i128::from(*n),
        Val::Byte(b) => i128::from(*b),
        _ => 0,
    }
}

/// `fmt.Sprintf` for the verbs templates use: `%v %s %d %q %x %X %o %O %b %c %t %e %E %f %F %g %G
/// %%`, flags `+ - # 0 space`, width and precision. A wrong verb gives Go's `%!d(string=x)`, a
/// missing operand `%!d(MISSING)`, extra operands `%!(EXTRA type=value, ...)`.
pub fn sprintf(format: &str, args: &[Val]) -> String {
    let mut out = String::new();
    let mut chars = format.chars().peekable();
    let mut next = 0usize;
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut f = Flags::default();
        while let Some(&c) = chars.peek() {
            match c {
                '-' => f.minus = true,
                '+' => f.plus = true,
                '#' => f.sharp = true,
                ' ' => f.space = true,
                '0' => f.zero = !f.minus,
                _ => break,
            }
            chars.next();
        }
        let num = |chars: &mut std::iter::Peekable<std::str::Chars<'_>>| {
            let mut n: Option<usize> = None;
            while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                n = Some(
                    n.unwrap_or(0)
                        .saturating_mul(10)
                        .saturating_add(d as usize)
                        .min(1_000_000),
                );
                chars.next();
            }
            n
        };
        f.width = num(&mut chars);
        if chars.peek() == Some(&'.') {
            chars.next();
            f.prec = Some(num(&mut chars).unwrap_or(0));
        }
        let Some(verb) = chars.next() else {
            out.push_str("%!(NOVERB)");
            break;
        };
        if verb == '%' {
            out.push('%');
            continue;
        }
        let Some(arg) = args.get(next) else {
            out.push_str(&format!("%!{verb}(MISSING)"));
            continue;
        };
        next += 1;
        out.push_str(&format_one(verb, arg, f));
    }
    if next < args.len() {
        out.push_str("%!(EXTRA ");
        let extra: Vec<String> = args[next..]
            .iter()
            .map(|a| match a {
                Val::Missing | Val::Nil => "<nil>".to_string(),
                _ => format!("{}={}", type_name(a), sprint_one(a)),
            })
            .collect();
        out.push_str(&extra.join(", "));
        out.push(')');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> Val {
        Val::Str(x.to_string())
    }

    #[test]
    fn go_float_formatting() {
        // fmt.Sprint of float64 (strconv 'g', shortest; exponent form at ≥ 1e21 is JSON's, not fmt's).
        assert_eq!(format_g(1_000_000.0, None, false), "1e+06");
        assert_eq!(format_g(100_000.0, None, false), "100000");
        assert_eq!(format_g(3.5, None, false), "3.5");
        assert_eq!(format_g(0.0001, None, false), "0.0001");
        assert_eq!(format_g(0.00001, None, false), "1e-05");
        assert_eq!(format_g(1_234_567.0, None, false), "1.234567e+06");
        assert_eq!(format_g(2.0, None, false), "2");
    }

    #[test]
    fn go_sprintf() {
        // Expected strings from the fmt package's documented behaviour (fmt/doc.go).
        assert_eq!(sprintf("%s-%d", &[s("a"), Val::Int(3)]), "a-3");
        assert_eq!(
            sprintf("%05d|%-4s|%x", &[Val::Int(42), s("ab"), Val::Int(255)]),
            "00042|ab  |ff"
        );
        assert_eq!(sprintf("%d", &[s("x")]), "%!d(string=x)");
        assert_eq!(sprintf("%s %s", &[s("x")]), "x %!s(MISSING)");
        assert_eq!(sprintf("%s", &[s("x"), Val::Int(1)]), "x%!(EXTRA int=1)");
        assert_eq!(sprintf("%q", &[s("a\"b\n")]), "\"a\\\"b\\n\"");
        assert_eq!(
            sprintf("%.2f %e", &[Val::Float(1.23456), Val::Float(1234.5)]),
            "1.23 1.234500e+03"
        );
        assert_eq!(
            sprintf("%v %t 100%%", &[Val::Float(1.5), Val::Bool(true)]),
            "1.5 true 100%"
        );
        assert_eq!(sprintf("%c%q", &[Val::Int(65), Val::Int(66)]), "A'B'");
        assert_eq!(sprintf("%+d %x", &[Val::Int(5), s("hi")]), "+5 6869");
    }

    #[test]
    fn escapers() {
        // go-config json_escape = json.Marshal minus quotes (HTML-safe).
        assert_eq!(
            json_escape("{\"a\":\"<b>&\"}\n"),
            "{\\\"a\\\":\\\"\\u003cb\\u003e\\u0026\\\"}\\n"
        );
        assert_eq!(json_escape("\u{1}é"), "\\u0001é");
        // text/template HTMLEscapeString, JSEscapeString, url.QueryEscape.
        assert_eq!(
            html_escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(
            js_escape("a'b\"c<d>=&\\\n"),
            "a\\'b\\\"c\\u003Cd\\u003E\\u003D\\u0026\\\\\\u000A"
        );
        assert_eq!(query_escape("a b&c=d/é"), "a+b%26c%3Dd%2F%C3%A9");
    }

    #[test]
    fn print_spacing() {
        // fmt.Sprint adds spaces between operands when neither is a string.
        assert_eq!(
            sprint(&[Val::Int(1), Val::Int(2), s("a"), Val::Int(3)]),
            "1 2a3"
        );
        assert_eq!(sprintln(&[s("a"), Val::Int(1)]), "a 1\n");
    }
}
