//! The checks of BuildKit's conversion to a build graph (`dockerfile2llb`): empty base images,
//! `COPY --from` and `RUN --mount=from=` between stages, `COPY` of a URL, `--chmod` values.

#[allow(unused_imports)]
use super::*;

/// A dependency of one stage on another through `COPY --from` or `RUN --mount=from=`.
pub(super) struct Edge {
    pub(super) from: usize,
    pub(super) to: usize,
    pub(super) span: Span,
    pub(super) what: &'static str,
}

/// The checks BuildKit runs while it turns the stages into a build graph.
pub(in crate::syntax::dockerfile) fn build(
    all: &[Instruction],
    stages: &[Stage],
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // Global ARGs (before the first FROM), with the defaults known so far.
    let mut args: Vec<(String, ArgValue)> = Vec::new();
    for ins in all.iter().take_while(|i| !i.is("FROM")) {
        if ins.is("ARG") {
            for p in &ins.pairs {
                let v = match &p.value {
                    Some(v) => match expand(v, &args) {
                        Some(x) => ArgValue::Known(x),
                        None => ArgValue::Unknown,
                    },
                    None => ArgValue::Unknown,
                };
                args.push((p.key.clone(), v));
            }
        }
    }
    for stage in stages {
        // `FROM --platform=...`: expanded with the global ARGs, then read by containerd's
        // platform parser ("failed to parse platform", "empty platform value from expression").
        if let Some(flag) = all.get(stage.from).and_then(|f| flag_value(f, "platform")) {
            let v = flag.value.as_deref().unwrap_or("");
            match expand(v, &args) {
                Some(p) if p.is_empty() => err_help(
                    &mut out,
                    flag.value_span,
                    crate::msg!(in003::PLATFORM_EMPTY, value = v),
                    crate::msg!(in003::HELP_PLATFORM_DEFAULT),
                ),
                Some(p) => {
                    if let Err(why) = refs::parse_platform(&p) {
                        err_help(
                            &mut out,
                            flag.value_span,
                            crate::msg!(in003::PLATFORM_UNREADABLE, why = why),
                            crate::msg!(in003::HELP_PLATFORM),
                        );
                    }
                }
                None => {}
            }
        }
        let from_keyword = all.get(stage.from).map(|i| i.keyword_span);
        if stage.image.is_empty() {
            // `FROM "" AS x`: a word that is empty once its quotes are removed.
            if from_keyword.is_some_and(|k| k != stage.image_span) {
                err(
                    &mut out,
                    stage.image_span,
                    crate::msg!(in003::BASE_EMPTY_STRING),
                );
            }
            continue;
        }
        if expand(&stage.image, &args).is_some_and(|v| v.is_empty()) {
            err_help(
                &mut out,
                stage.image_span,
                crate::msg!(in003::BASE_EMPTY_EXPANDED, image = &stage.image),
                crate::msg!(in003::HELP_BASE_DEFAULT),
            );
        }
    }
    // A name means the last stage of that name, as in BuildKit.
    let names: std::collections::HashMap<&str, usize> = stages
        .iter()
        .filter_map(|s| s.alias.as_ref().map(|(a, _)| (a.as_str(), s.index)))
        .collect();
    let by_name =
        |name: &str| -> Option<usize> { names.get(name.to_ascii_lowercase().as_str()).copied() };
    let mut edges: Vec<Edge> = Vec::new();
    for ins in all {
        let Some(stage) = ins.stage else {
            continue;
        };
        if ins.is("COPY") || ins.is("ADD") {
            copy_checks(ins, &mut out);
        }
        if ins.is("COPY") {
            if let Some(flag) = flag_value(ins, "from") {
                let v = flag.value.as_deref().unwrap_or("");
                if has_variable(v) {
                    err_help(
                        &mut out,
                        flag.value_span,
                        crate::msg!(in003::COPY_FROM_VARIABLE),
                        crate::msg!(in003::HELP_COPY_FROM_STAGE),
                    );
                } else if let Some(n) = go_atoi(v) {
                    if n < 0 || n as usize >= stages.len() {
                        err(
                            &mut out,
                            flag.value_span,
                            crate::msg!(
                                in003::NO_STAGE_NUMBER,
                                n = n,
                                last = stages.len().saturating_sub(1)
                            ),
                        );
                    } else {
                        edges.push(Edge {
                            from: stage,
                            to: n as usize,
                            span: flag.span,
                            what: "COPY --from",
                        });
                    }
                } else if let Some(to) = by_name(v) {
                    edges.push(Edge {
                        from: stage,
                        to,
                        span: flag.span,
                        what: "COPY --from",
                    });
                }
            }
        }
        if ins.is("RUN") {
            for flag in ins.flags.iter().filter(|f| f.written == "mount") {
                let Ok(fields) = csv_fields(flag.value.as_deref().unwrap_or("")) else {
                    continue;
                };
                for f in fields {
                    if let Some((k, v)) = f.split_once('=') {
                        if k.eq_ignore_ascii_case("from") && !v.contains('$') {
                            if let Some(to) = by_name(v) {
                                edges.push(Edge {
                                    from: stage,
                                    to,
                                    span: flag.span,
                                    what: "RUN --mount=from",
                                });
                            }
                        }
                    }
                }
            }
        }
    }
    mount_targets(all, stages, &by_name, &mut out);
    // Cycles between stages: an edge inside a strongly connected component, or a stage that
    // names itself. One finding per cycle, at its first edge in the file.
    let component = components(stages.len(), &edges);
    let comp = |i: usize| component.get(i).copied().unwrap_or(usize::MAX);
    let mut members_of: Vec<Vec<usize>> = vec![Vec::new(); stages.len()];
    for j in 0..stages.len() {
        if let Some(m) = members_of.get_mut(comp(j)) {
            m.push(j);
        }
    }
    let mut reported = vec![false; stages.len()];
    let mut in_cycle = vec![false; edges.len()];
    for (i, e) in edges.iter().enumerate() {
        if e.from != e.to && comp(e.from) != comp(e.to) {
            continue;
        }
        in_cycle[i] = true;
        let c = comp(e.from);
        if reported.get(c).copied().unwrap_or(true) {
            continue;
        }
        if let Some(r) = reported.get_mut(c) {
            *r = true;
        }
        let members: Vec<Arg> = members_of
            .get(c)
            .map(|m| {
                m.iter()
                    .map(|&j| Arg::Code(stage_label(stages, j)))
                    .collect()
            })
            .unwrap_or_default();
        let message = if members.len() == 1 {
            crate::msg!(
                in003::SELF_DEPENDENCY,
                what = e.what,
                stage = stage_label(stages, e.from)
            )
        } else {
            crate::msg!(in003::STAGE_CYCLE, stages = Arg::List(members))
        };
        err(&mut out, e.span, message);
    }
    for (i, e) in edges.iter().enumerate() {
        if !in_cycle[i] && e.to > e.from {
            err_help(
                &mut out,
                e.span,
                crate::msg!(
                    in003::LATER_STAGE,
                    what = e.what,
                    stage = stage_label(stages, e.to)
                ),
                crate::msg!(in003::HELP_MOVE_STAGE),
            );
        }
    }
    out
}

/// Go's `path.Clean` for an absolute path.
pub(super) fn clean_abs(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for p in path.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            _ => parts.push(p),
        }
    }
    format!("/{}", parts.join("/"))
}

/// A word BuildKit would change when it expands it (variables, quotes, escapes).
pub(super) fn needs_expansion(v: &str) -> bool {
    v.contains(['$', '"', '\'', '\\', '`'])
}

/// `RUN --mount` targets that end up at `/` ("invalid mount target"): BuildKit joins a relative
/// target to the working directory, so it is judged only where the working directory is known
/// (set by an absolute `WORKDIR` in the stage, or `/` for `FROM scratch`, or inherited from an
/// earlier stage). Secret and SSH mounts have their own targets and are not checked.
pub(super) fn mount_targets(
    all: &[Instruction],
    stages: &[Stage],
    by_name: &dyn Fn(&str) -> Option<usize>,
    out: &mut Vec<Diagnostic>,
) {
    let mut end_dir: Vec<Option<String>> = vec![None; stages.len()];
    for stage in stages {
        let mut dir: Option<String> = if stage.image.eq_ignore_ascii_case("scratch") {
            Some("/".into())
        } else {
            by_name(&stage.image)
                .filter(|&j| j < stage.index)
                .and_then(|j| end_dir.get(j).cloned().flatten())
        };
        for ins in all.get(stage.instructions.clone()).unwrap_or(&[]) {
            if ins.is("WORKDIR") {
                let path = ins.text.trim();
                dir = if path.is_empty() || needs_expansion(path) {
                    None
                } else if path.starts_with('/') {
                    Some(clean_abs(path))
                } else {
                    dir.map(|d| clean_abs(&format!("{d}/{path}")))
                };
            }
            if !ins.is("RUN") {
                continue;
            }
            for flag in ins.flags.iter().filter(|f| f.written == "mount") {
                let Ok(fields) = csv_fields(flag.value.as_deref().unwrap_or("")) else {
                    continue;
                };
                let mut kind = "bind".to_string();
                let mut target: Option<String> = None;
                for f in &fields {
                    let (k, v) = f.split_once('=').unwrap_or((f, ""));
                    match k.to_ascii_lowercase().as_str() {
                        "type" => kind = v.to_ascii_lowercase(),
                        "target" | "dst" | "destination" => target = Some(v.to_string()),
                        _ => {}
                    }
                }
                if !matches!(kind.as_str(), "bind" | "cache" | "tmpfs") {
                    continue;
                }
                let target = target.unwrap_or_default();
                if needs_expansion(&target) {
                    continue;
                }
                let resolved = if target.starts_with('/') {
                    // BuildKit keeps an absolute target as written.
                    Some(target.clone())
                } else {
                    dir.as_ref().map(|d| clean_abs(&format!("{d}/{target}")))
                };
                if resolved.as_deref() == Some("/") {
                    let what = if target.is_empty() {
                        crate::msg!(in003::MOUNT_WORKDIR_ROOT)
                    } else if target == "/" {
                        crate::msg!(in003::MOUNT_ROOT)
                    } else {
                        crate::msg!(in003::MOUNT_JOINED_ROOT, target = &target)
                    };
                    err_help(
                        out,
                        flag.value_span,
                        what,
                        crate::msg!(in003::HELP_MOUNT_FOLDER),
                    );
                }
            }
        }
        if let Some(slot) = end_dir.get_mut(stage.index) {
            *slot = dir;
        }
    }
}

pub(super) fn stage_label(stages: &[Stage], i: usize) -> String {
    match stages.get(i).and_then(|s| s.alias.as_ref()) {
        Some((a, _)) => format!("`{a}`"),
        None => format!("{i}"),
    }
}

/// The strongly connected component of each stage (Tarjan's algorithm, without recursion).
pub(super) fn components(n: usize, edges: &[Edge]) -> Vec<usize> {
    let mut adjacent: Vec<Vec<usize>> = vec![Vec::new(); n];
    for e in edges {
        if let Some(a) = adjacent.get_mut(e.from) {
            if e.to < n {
                a.push(e.to);
            }
        }
    }
    const UNSEEN: usize = usize::MAX;
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<usize> = Vec::new();
    let mut component = vec![UNSEEN; n];
    let mut next_index = 0;
    let mut next_component = 0;
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        // (node, position in its adjacency list)
        let mut work: Vec<(usize, usize)> = vec![(root, 0)];
        index[root] = next_index;
        low[root] = next_index;
        next_index += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut pos)) = work.last_mut() {
            if let Some(&w) = adjacent[v].get(*pos) {
                *pos += 1;
                if index[w] == UNSEEN {
                    index[w] = next_index;
                    low[w] = next_index;
                    next_index += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component[w] = next_component;
                    if w == v {
                        break;
                    }
                }
                next_component += 1;
            }
        }
    }
    component
}

pub(super) fn has_variable(v: &str) -> bool {
    v.char_indices().any(|(i, c)| {
        c == '$'
            && v[i + 1..].chars().next().is_some_and(|n| {
                n == '{' || n.is_alphanumeric() || n == '_' || "@*#?-$!".contains(n)
            })
    })
}

/// Go's `strconv.Atoi` (an optional sign, then ASCII digits).
pub(super) fn go_atoi(v: &str) -> Option<i64> {
    let digits = v.strip_prefix(['+', '-']).unwrap_or(v);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    v.parse().ok()
}

pub(super) fn copy_checks(ins: &Instruction, out: &mut Vec<Diagnostic>) {
    if let Some(flag) = flag_value(ins, "chmod") {
        let v = flag.value.as_deref().unwrap_or("");
        if !v.is_empty() && !v.contains('$') && !valid_chmod(v) {
            err_help(
                out,
                flag.value_span,
                crate::msg!(in003::CHMOD, value = v),
                crate::msg!(in003::HELP_CHMOD),
            );
        }
    }
    let args = list_args(ins);
    let Some((_, sources)) = args.split_last() else {
        return;
    };
    let sources: Vec<&(String, Span)> = sources
        .iter()
        .filter(|(s, _)| !matches!(lex::marker(s), lex::MarkerWord::Heredoc(_)))
        .collect();
    if ins.is("COPY") {
        for (src, span) in &sources {
            if (src.starts_with("http://") || src.starts_with("https://")) && !src.contains('$') {
                err_help(
                    out,
                    *span,
                    crate::msg!(in003::COPY_URL),
                    crate::msg!(in003::HELP_COPY_URL),
                );
            }
        }
    }
    if ins.is("COPY") {
        for (src, span) in &sources {
            if !src.contains('$') && refs::git_ref(src).is_some() && !src.starts_with("http") {
                err_help(
                    out,
                    *span,
                    crate::msg!(in003::COPY_GIT),
                    crate::msg!(in003::HELP_COPY_GIT),
                );
            }
        }
    }
    if ins.is("ADD") {
        add_sources(ins, &sources, out);
    }
    if ins.is("ADD") {
        if let Some(flag) = flag_value(ins, "checksum") {
            if !flag.value.as_deref().unwrap_or("").is_empty() {
                if sources.len() != 1 {
                    err(out, flag.span, crate::msg!(in003::CHECKSUM_ONE_SOURCE));
                } else if let Some((src, span)) = sources.first() {
                    let remote = src.starts_with("http://")
                        || src.starts_with("https://")
                        || refs::git_ref(src).is_some();
                    if !remote && !src.contains('$') {
                        err(out, *span, crate::msg!(in003::CHECKSUM_NOT_REMOTE));
                    }
                }
            }
        }
    }
}

/// `ADD` sources as BuildKit fetches them: the options of a Git URL, a `--keep-git-dir` or
/// `--checksum` that contradicts them, and a `--checksum` of a URL that is not a digest.
pub(super) fn add_sources(
    ins: &Instruction,
    sources: &[&(String, Span)],
    out: &mut Vec<Diagnostic>,
) {
    let keep_flag = flag_value(ins, "keep-git-dir").and_then(|f| {
        let v = f.value.as_deref().unwrap_or("");
        (v.eq_ignore_ascii_case("true") || v.eq_ignore_ascii_case("false"))
            .then(|| (v.eq_ignore_ascii_case("true"), f.span))
    });
    let checksum = flag_value(ins, "checksum").filter(|f| {
        f.value
            .as_deref()
            .is_some_and(|v| !v.is_empty() && !v.contains('$'))
    });
    for (src, span) in sources {
        if src.contains('$') {
            continue;
        }
        match refs::git_ref(src) {
            Some(Err(why)) => err(out, *span, why),
            Some(Ok(git)) => {
                if let (Some((flag, flag_span)), Some(url)) = (keep_flag, git.keep_git_dir) {
                    if flag != url {
                        err_help(
                            out,
                            flag_span,
                            crate::msg!(
                                in003::KEEP_GIT_DIR_CONFLICT,
                                flag = flag.to_string(),
                                url = url.to_string()
                            ),
                            crate::msg!(in003::HELP_OPTION_ONCE),
                        );
                    }
                }
                if let (Some(flag), Some(url)) = (checksum, git.checksum.as_deref()) {
                    let v = flag.value.as_deref().unwrap_or("");
                    if v != url {
                        err_help(
                            out,
                            flag.value_span,
                            crate::msg!(in003::CHECKSUM_CONFLICT, value = v, commit = url),
                            crate::msg!(in003::HELP_COMMIT_ONCE),
                        );
                    }
                }
            }
            None => {
                let http = src.starts_with("http://") || src.starts_with("https://");
                if let (true, Some(flag), 1) = (http, checksum, sources.len()) {
                    if let Err(why) = refs::parse_digest(flag.value.as_deref().unwrap_or("")) {
                        err(
                            out,
                            flag.value_span,
                            crate::msg!(in003::CHECKSUM_URL, why = why),
                        );
                    }
                }
            }
        }
    }
}

/// An octal mode up to 07777, or a symbolic mode like `u+x,go-w`.
pub(super) fn valid_chmod(v: &str) -> bool {
    if v.bytes().all(|b| b.is_ascii_digit()) {
        return u32::from_str_radix(v, 8).is_ok_and(|m| m <= 0o7777);
    }
    v.split(',').all(|clause| {
        let ops = clause.trim_start_matches(['u', 'g', 'o', 'a']);
        if ops.is_empty() {
            return false;
        }
        let mut rest = ops;
        while let Some(r) = rest.strip_prefix(['+', '-', '=']) {
            let n = r
                .find(|c: char| !"rwxXstugo".contains(c))
                .unwrap_or(r.len());
            rest = &r[n..];
        }
        rest.is_empty()
    })
}
