//! Text checks shared by the Japanese completeness tests (`ja_docs.rs`, `ja_learn.rs`): Markdown
//! split into prose and code, URLs, numbers, and the spacing rule between Japanese and
//! alphanumerics.

/// The Markdown split into prose lines and fenced code blocks (each with its fence lines).
pub fn split_code(md: &str) -> (Vec<&str>, Vec<String>) {
    let mut prose = Vec::new();
    let mut blocks = Vec::new();
    let mut block: Option<String> = None;
    for line in md.lines() {
        let fence = line.trim_start().starts_with("```");
        match block.as_mut() {
            Some(text) => {
                text.push_str(line);
                text.push('\n');
                if fence {
                    blocks.extend(block.take());
                }
            }
            None if fence => block = Some(format!("{line}\n")),
            None => prose.push(line),
        }
    }
    blocks.extend(block);
    (prose, blocks)
}

/// The targets of Markdown links `[text](url)` and autolinks `<https://...>`, sorted.
pub fn urls(prose: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for line in prose {
        let mut rest = *line;
        while let Some(at) = rest.find("](") {
            let after = &rest[at + 2..];
            let end = after.find(')').unwrap_or(after.len());
            out.push(after[..end].to_string());
            rest = &after[end..];
        }
        let mut rest = *line;
        while let Some(at) = rest.find("<http") {
            let after = &rest[at + 1..];
            let end = after.find('>').unwrap_or(after.len());
            out.push(after[..end].to_string());
            rest = &after[end..];
        }
    }
    out.sort();
    out
}

/// The prose without its link targets (their numbers are checked as URLs).
pub fn without_urls(prose: &[&str]) -> String {
    let mut text = String::new();
    for line in prose {
        let mut rest = *line;
        while let Some(at) = rest.find("](") {
            text.push_str(&rest[..at + 1]);
            let after = &rest[at + 2..];
            let end = after.find(')').unwrap_or(after.len());
            rest = after.get(end + 1..).unwrap_or("");
        }
        let mut line = rest.to_string();
        while let Some(at) = line.find("<http") {
            let end = line[at..].find('>').map_or(line.len(), |e| at + e + 1);
            line.replace_range(at..end, "");
        }
        text.push_str(&line);
        text.push('\n');
    }
    text
}

/// The numbers in a text, sorted: runs of ASCII digits, with a `.` or `,` between digits kept
/// inside (`0.25`, `1.2.3`; `10,000` counts as `10000`).
pub fn numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut number = String::new();
        while i < chars.len() {
            let c = chars[i];
            let between = (c == '.' || c == ',')
                && chars.get(i + 1).is_some_and(char::is_ascii_digit)
                && !number.is_empty();
            if c.is_ascii_digit() || (between && c == '.') {
                number.push(c);
            } else if !between {
                break;
            }
            i += 1;
        }
        out.push(number);
    }
    out.sort();
    out
}

/// Japanese letters (not the middle dot ・ or punctuation, which need no space).
pub fn is_japanese(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{30fa}' | '\u{30fc}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ff66}'..='\u{ff9f}')
}

/// Where a prose line puts Japanese right next to a half-width letter, digit, quote or inline
/// code (docs/ja/style.md: "ECS のタスク", "`cpu` を", "30 秒"), as the few characters around it;
/// inline code and link targets are not looked into.
pub fn unspaced(line: &str) -> Option<String> {
    let mut text = String::new();
    let mut rest = line;
    while let Some(at) = rest.find("](") {
        text.push_str(&rest[..at + 1]);
        let after = &rest[at + 2..];
        rest = after
            .get(after.find(')').map_or(after.len(), |e| e + 1)..)
            .unwrap_or("");
    }
    text.push_str(rest);
    // Inline code becomes one placeholder backtick, so its edges are checked and not its inside.
    let mut flat = String::new();
    let mut in_code = false;
    for (i, part) in text.split('`').enumerate() {
        if i > 0 && !in_code {
            flat.push('`');
        }
        if i > 0 {
            in_code = !in_code;
        }
        if !in_code {
            flat.push_str(part);
        }
    }
    let chars: Vec<char> = flat.chars().collect();
    let ascii = |c: char| c.is_ascii_alphanumeric() || c == '`' || c == '"';
    chars
        .windows(2)
        .position(|w| (is_japanese(w[0]) && ascii(w[1])) || (ascii(w[0]) && is_japanese(w[1])))
        .map(|i| {
            chars[i.saturating_sub(6)..(i + 8).min(chars.len())]
                .iter()
                .collect()
        })
}
