//! Dockerfiles: our own parser (see ARCHITECTURE.md for why) and the model rules read.
//!
//! Interim: a line-based reader that the full BuildKit-compatible parser replaces.

use crate::diagnostic::Diagnostic;
use crate::span::Span;

#[derive(Debug, Clone, Default)]
pub struct Dockerfile {
    pub instructions: Vec<Instruction>,
}

#[derive(Debug, Clone)]
pub struct Instruction {
    /// Upper-cased keyword (`FROM`, `RUN`...).
    pub keyword: String,
    pub keyword_span: Span,
    /// Everything after the keyword, as written.
    pub args: String,
    pub args_span: Span,
    pub span: Span,
}

pub struct Parsed {
    pub dockerfile: Dockerfile,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn parse(text: &str) -> Parsed {
    let mut instructions = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end_matches(['\n', '\r']);
        let body = trimmed.trim_start();
        let lead = trimmed.len() - body.len();
        if !body.is_empty() && !body.starts_with('#') {
            let kw_len = body.find(char::is_whitespace).unwrap_or(body.len());
            let start = offset + lead;
            let args = body[kw_len..].trim_start();
            let args_start = start + (body.len() - args.len());
            instructions.push(Instruction {
                keyword: body[..kw_len].to_ascii_uppercase(),
                keyword_span: Span::new(start, start + kw_len),
                args: args.to_string(),
                args_span: Span::new(args_start, args_start + args.len()),
                span: Span::new(start, start + body.len()),
            });
        }
        offset += line.len();
    }
    Parsed {
        dockerfile: Dockerfile { instructions },
        diagnostics: Vec::new(),
    }
}

pub struct DockerfileCtx<'a> {
    pub text: &'a str,
    pub file: usize,
    pub dockerfile: &'a Dockerfile,
}
