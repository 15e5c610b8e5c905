//! A small Markdown renderer for rule docs, producing Yew nodes (never HTML strings).
//!
//! Supported: ATX headings, paragraphs, `-`/`*`/`1.` lists, fenced code, pipe tables (a header
//! row, a `|---|` row, body rows), inline code, `**bold**`, and `[links](https://...)` (http and https only, opened with `rel="noopener noreferrer"`).
//! Anything else is shown as text.

#[cfg(target_arch = "wasm32")]
use yew::prelude::*;

/// A block of a Markdown document.
#[derive(Debug, PartialEq, Eq)]
pub enum Block {
    Heading(usize, String),
    Paragraph(String),
    List {
        ordered: bool,
        items: Vec<String>,
    },
    Code {
        lang: String,
        text: String,
    },
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

/// The cells of a `| a | b |` row (outer pipes optional), or `None` when the line is not one.
fn table_cells(line: &str) -> Option<Vec<String>> {
    let t = line.trim();
    if !t.starts_with('|') {
        return None;
    }
    let inner = t.strip_prefix('|').unwrap_or(t);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    Some(inner.split('|').map(|c| c.trim().to_string()).collect())
}

/// A `|---|:---:|` delimiter row.
fn is_delimiter(cells: &[String]) -> bool {
    !cells.is_empty()
        && cells.iter().all(|c| {
            let c = c.trim_matches(':');
            !c.is_empty() && c.bytes().all(|b| b == b'-')
        })
}

#[cfg(target_arch = "wasm32")]
/// Renders Markdown; headings are shifted down by `shift` levels (a `##` in a rule doc sits under
/// the panel's own `h2`).
pub fn render(markdown: &str, shift: usize) -> Html {
    let blocks = parse(markdown);
    html! {
        <>
            { for blocks.into_iter().map(|block| render_block(block, shift)) }
        </>
    }
}

/// Splits Markdown into blocks (pure; rendering is separate).
pub fn parse(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut lines = markdown.lines().peekable();
    let mut paragraph: Vec<&str> = Vec::new();
    let flush = |paragraph: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(paragraph.join(" ")));
            paragraph.clear();
        }
    };
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if let Some(fence) = trimmed.strip_prefix("```") {
            flush(&mut paragraph, &mut blocks);
            let lang = fence.trim().to_string();
            let mut text = String::new();
            for code_line in lines.by_ref() {
                if code_line.trim_start().starts_with("```") {
                    break;
                }
                text.push_str(code_line);
                text.push('\n');
            }
            blocks.push(Block::Code { lang, text });
        } else if let Some(head) = table_cells(line).filter(|_| {
            lines
                .peek()
                .and_then(|next| table_cells(next))
                .is_some_and(|cells| is_delimiter(&cells))
        }) {
            flush(&mut paragraph, &mut blocks);
            lines.next();
            let mut rows = Vec::new();
            while let Some(row) = lines.peek().and_then(|next| table_cells(next)) {
                rows.push(row);
                lines.next();
            }
            blocks.push(Block::Table { head, rows });
        } else if let Some((level, title)) = heading(trimmed) {
            flush(&mut paragraph, &mut blocks);
            blocks.push(Block::Heading(level, title.to_string()));
        } else if let Some((ordered, item)) = list_item(line).filter(|(ordered, _)| {
            // As in CommonMark, only a list starting at 1 interrupts a paragraph: a wrapped
            // line that begins "512. Keep" stays text.
            paragraph.is_empty() || !ordered || line.trim_start().starts_with("1.")
        }) {
            flush(&mut paragraph, &mut blocks);
            let mut items = vec![item.to_string()];
            while let Some(next) = lines.peek() {
                if let Some((next_ordered, item)) = list_item(next) {
                    if next_ordered != ordered {
                        break;
                    }
                    items.push(item.to_string());
                } else if next.starts_with("  ") && !next.trim().is_empty() {
                    if let Some(last) = items.last_mut() {
                        last.push(' ');
                        last.push_str(next.trim());
                    }
                } else {
                    break;
                }
                lines.next();
            }
            blocks.push(Block::List { ordered, items });
        } else if trimmed.is_empty() {
            flush(&mut paragraph, &mut blocks);
        } else {
            paragraph.push(trimmed);
        }
    }
    flush(&mut paragraph, &mut blocks);
    blocks
}

fn heading(line: &str) -> Option<(usize, &str)> {
    let level = line.bytes().take_while(|b| *b == b'#').count();
    if (1..=6).contains(&level) {
        let rest = &line[level..];
        if rest.starts_with(' ') {
            return Some((level, rest.trim()));
        }
    }
    None
}

fn list_item(line: &str) -> Option<(bool, &str)> {
    let trimmed = line.trim_start();
    if line.len() - trimmed.len() > 1 {
        return None;
    }
    if let Some(rest) = trimmed
        .strip_prefix("- ")
        .or_else(|| trimmed.strip_prefix("* "))
    {
        return Some((false, rest));
    }
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        if let Some(rest) = trimmed[digits..].strip_prefix(". ") {
            return Some((true, rest));
        }
    }
    None
}

#[cfg(target_arch = "wasm32")]
fn render_block(block: Block, shift: usize) -> Html {
    match block {
        Block::Heading(level, title) => {
            let tag = match (level + shift).min(6) {
                1 => "h1",
                2 => "h2",
                3 => "h3",
                4 => "h4",
                5 => "h5",
                _ => "h6",
            };
            html! { <@{tag}>{ inline(&title) }</@> }
        }
        Block::Paragraph(text) => html! { <p>{ inline(&text) }</p> },
        Block::List { ordered, items } => {
            let items = items.iter().map(|item| html! { <li>{ inline(item) }</li> });
            if ordered {
                html! { <ol>{ for items }</ol> }
            } else {
                html! { <ul>{ for items }</ul> }
            }
        }
        Block::Code { lang, text } => {
            let class = (!lang.is_empty()).then(|| format!("language-{lang}"));
            html! { <pre class="code-block"><code class={class}>{ text }</code></pre> }
        }
        Block::Table { head, rows } => {
            let head = head
                .iter()
                .map(|c| html! { <th scope="col">{ inline(c) }</th> });
            let rows = rows.iter().map(|row| {
                let cells = row.iter().map(|c| html! { <td>{ inline(c) }</td> });
                html! { <tr>{ for cells }</tr> }
            });
            html! {
                <div class="table-wrap">
                    <table class="doc-table"><thead><tr>{ for head }</tr></thead><tbody>{ for rows }</tbody></table>
                </div>
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
/// Inline spans: `code`, **bold**, [text](url). Unmatched markers stay text.
fn inline(text: &str) -> Html {
    let mut out: Vec<Html> = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(ch) = rest.chars().next() {
        if ch == '`' {
            if let Some(end) = rest[1..].find('`') {
                push_plain(&mut out, &mut plain);
                out.push(html! { <code>{ &rest[1..1 + end] }</code> });
                rest = &rest[end + 2..];
                continue;
            }
        } else if rest.starts_with("**") {
            if let Some(end) = rest[2..].find("**") {
                push_plain(&mut out, &mut plain);
                out.push(html! { <strong>{ inline(&rest[2..2 + end]) }</strong> });
                rest = &rest[end + 4..];
                continue;
            }
        } else if ch == '[' {
            if let Some((label, url, used)) = link(rest) {
                push_plain(&mut out, &mut plain);
                if url.starts_with("https://") || url.starts_with("http://") {
                    out.push(html! {
                        <a href={url.to_string()} target="_blank" rel="noopener noreferrer">
                            { inline(label) }
                        </a>
                    });
                } else {
                    out.push(inline(label));
                }
                rest = &rest[used..];
                continue;
            }
        }
        plain.push(ch);
        rest = &rest[ch.len_utf8()..];
    }
    push_plain(&mut out, &mut plain);
    html! { <>{ for out }</> }
}

#[cfg(target_arch = "wasm32")]
fn push_plain(out: &mut Vec<Html>, plain: &mut String) {
    if !plain.is_empty() {
        out.push(html! { { std::mem::take(plain) } });
    }
}

/// `[label](url)` at the start of `text`: the label, the url and the bytes used.
pub fn link(text: &str) -> Option<(&str, &str, usize)> {
    let close = text.find("](")?;
    let label = text.get(1..close)?;
    if label.contains('[') {
        return None;
    }
    let after = close + 2;
    let end = text.get(after..)?.find(')')? + after;
    Some((label, text.get(after..end)?.trim(), end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_in_a_wrapped_line_is_not_a_list() {
        assert_eq!(
            parse("the worker for\n512. Keep the ratio\n\n1. one\n2. two"),
            vec![
                Block::Paragraph("the worker for 512. Keep the ratio".into()),
                Block::List {
                    ordered: true,
                    items: vec!["one".into(), "two".into()]
                },
            ]
        );
    }

    #[test]
    fn blocks_are_recognised() {
        let blocks =
            parse("## What it does\nChecks `cpu`.\n\n- a\n- b\n  more\n\n```json\n{}\n```\n1. x");
        assert!(matches!(&blocks[0], Block::Heading(2, t) if t == "What it does"));
        assert!(matches!(&blocks[1], Block::Paragraph(t) if t == "Checks `cpu`."));
        assert!(
            matches!(&blocks[2], Block::List { ordered: false, items } if items[1] == "b more")
        );
        assert!(
            matches!(&blocks[3], Block::Code { lang, text } if lang == "json" && text == "{}\n")
        );
        assert!(matches!(&blocks[4], Block::List { ordered: true, .. }));
    }

    #[test]
    fn pipe_tables_need_a_delimiter_row() {
        let blocks = parse("| CPU | Memory |\n|---|:--|\n| 256 | 512 |\n| 512 | 1024 |\n\nafter");
        assert_eq!(
            blocks,
            vec![
                Block::Table {
                    head: vec!["CPU".into(), "Memory".into()],
                    rows: vec![
                        vec!["256".into(), "512".into()],
                        vec!["512".into(), "1024".into()]
                    ],
                },
                Block::Paragraph("after".into()),
            ]
        );
        // A query line starting with a pipe is not a table without the delimiter row.
        assert_eq!(
            parse("| filter x\n| stats y"),
            vec![Block::Paragraph("| filter x | stats y".into())]
        );
    }

    #[test]
    fn links_need_a_closing_parenthesis() {
        assert_eq!(link("[a](https://x)"), Some(("a", "https://x", 14)));
        assert_eq!(link("[a](https://x"), None);
    }
}
