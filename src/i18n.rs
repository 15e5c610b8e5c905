//! The page's interface text in English and Japanese (issue 21): one catalogue, keyed.
//!
//! Every key is a method of [`Tr`]; a key with placeholders takes them as typed arguments
//! (`tr.linted_files(n)`), and the text is filled as a whole, never pieced together from
//! fragments. The English lives here, in the [`catalogue!`] below (it was in the first download
//! already); the Japanese lives in `src/i18n/ja.json` and is not compiled in:
//! `static/build/ui-ja.mjs` writes it as a script module beside the page (`ui-ja-<hash>.js`),
//! which `static/boot.js` imports before the page starts when the reader wants Japanese, and
//! the header's switch loads when it is chosen later. A test (below) fails when a key lacks its
//! Japanese, when the Japanese has a key the catalogue does not, or when the two texts'
//! placeholders differ.
//!
//! The language: the reader's saved choice (`localStorage["ecsplain.lang"]`), else the
//! browser's (`navigator.languages`: the first `en*` or `ja*` decides; none: English). A share
//! link carries nothing of it: it opens in the reader's own.

pub use ecsplain_engine::rule::Lang;

/// Where the reader's choice is kept.
pub const LANG_KEY: &str = "ecsplain.lang";

/// The Japanese texts once loaded, in the catalogue's order (`Key as usize`):
/// `static/build/ui-ja.mjs` writes `src/i18n/ja.json` as an array in that order, so the page
/// carries no key names (about 2 KB of brotli in the first view).
static JA: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();

/// Gives the page the Japanese texts, in the catalogue's order (first call wins). A list of
/// another length (a module from another build) is refused: the page stays English.
pub fn set_japanese(texts: Vec<String>) -> bool {
    texts.len() == Key::__Count as usize && JA.set(texts).is_ok()
}

/// Whether the Japanese texts are at hand.
pub fn japanese_loaded() -> bool {
    JA.get().is_some()
}

/// The catalogue in one language: the interface's texts. Copy and cheap; the app provides it
/// as a context ([`use_tr`]), so a change of language draws every reader again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tr {
    pub lang: Lang,
}

impl Tr {
    pub fn new(lang: Lang) -> Tr {
        Tr { lang }
    }

    /// The text of `key` in this language: the Japanese once loaded, else the English. Never
    /// inlined: each of the page's few hundred texts then costs a call, not a copy of this body
    /// (about 3 KB of brotli in the first view).
    #[inline(never)]
    fn get(self, key: Key, en: &'static str) -> &'static str {
        if self.lang == Lang::Ja {
            if let Some(text) = JA.get().and_then(|ja| ja.get(key as usize)) {
                return text.as_str();
            }
        }
        en
    }

    /// A kind of file as a title (`Kind::title` in this language).
    pub fn kind_title(self, kind: ecsplain_engine::Kind) -> &'static str {
        use ecsplain_engine::Kind;
        match kind {
            Kind::TaskDef => self.kind_taskdef(),
            Kind::ServiceDef => self.kind_servicedef(),
            Kind::Dockerfile => self.kind_dockerfile(),
            Kind::Ecspresso => self.kind_ecspresso(),
            Kind::Terraform => self.kind_terraform(),
            Kind::CloudFormation => self.kind_cloudformation(),
        }
    }

    /// `one` for a count of 1 in English, `many` otherwise (Japanese has no plural: both keys
    /// hold the same text there).
    pub fn count(
        self,
        n: usize,
        one: fn(Tr, usize) -> String,
        many: fn(Tr, usize) -> String,
    ) -> String {
        if n == 1 {
            one(self, n)
        } else {
            many(self, n)
        }
    }
}

/// Fills `{name}` placeholders with their values (an unknown `{name}` stays as written).
fn fill(text: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(&value.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholders (`{name}`: lower case letters, digits and `_`) of a text, sorted. Other
/// braces (`{{ must_env `NAME` }}`, `${NAME}`) are text.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        if !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        {
            names.push(name.to_string());
        }
        rest = &after[close + 1..];
    }
    names.sort();
    names
}

/// Declares the catalogue: plain texts, then texts with typed placeholders.
macro_rules! catalogue {
    (
        $( $key:ident = $en:literal; )*
        ---
        $( $fkey:ident ( $( $arg:ident : $ty:ty ),+ ) = $fen:literal; )*
    ) => {
        /// The keys, in the catalogue's order (the index of a key's Japanese text).
        #[allow(non_camel_case_types, dead_code)]
        #[derive(Clone, Copy)]
        enum Key {
            $( $key, )*
            $( $fkey, )*
            /// How many keys there are.
            __Count,
        }

        impl Tr {
            $(
                #[doc = $en]
                pub fn $key(self) -> &'static str {
                    self.get(Key::$key, $en)
                }
            )*
            $(
                #[doc = $fen]
                pub fn $fkey(self, $( $arg: $ty ),+) -> String {
                    fill(self.get(Key::$fkey, $fen), &[$( (stringify!($arg), &$arg as &dyn std::fmt::Display) ),+])
                }
            )*
        }

        /// Every key (in the catalogue's order), its English and the names of its typed
        /// arguments.
        pub const ENGLISH: &[(&str, &str, &[&str])] = &[
            $( (stringify!($key), $en, &[]), )*
            $( (stringify!($fkey), $fen, &[$( stringify!($arg) ),+]), )*
        ];
    };
}

catalogue! {
    // The header.
    skip_link = "Skip to content";
    privacy = "Runs entirely in your browser: nothing you paste leaves this page";
    nav_views = "Views";
    nav_lint = "Lint";
    nav_sizing = "Sizing";
    nav_explain = "CPU & memory";
    nav_learn = "Learn";
    nav_checklist = "Checklist";
    nav_rules = "Rules";
    theme_to_dark = "Switch to the dark theme";
    theme_to_light = "Switch to the light theme";
    lang_label = "Language";
    lang_loading = "Loading Japanese…";
    // The example project.
    example_title = "This is an example project";
    example_body = ": four files with mistakes to find. Paste your own over them, add or drop your files, or ";
    start_empty = "start with empty files";
    drop_examples = "Remove the example files";
    keep_examples = "Keep them";
    undo = "Undo";
    rules_placeholder = "Pick a rule to read what it checks, why, and how to fix it.";
    // The status line.
    linting = "linting…";
    // The explanation.
    explain_label = "Rule explanation";
    explain_close = "Close the explanation";
    explain_loading = "Loading the explanation…";
    explain_not_translated = "This rule's documentation is not in Japanese yet: it is shown in English.";
    explain_ja_failed = "The Japanese documentation could not be loaded: it is shown in English.";
    // The findings.
    findings_heading = "Findings";
    findings_all_files = "all files";
    findings_none = "No findings. Nice.";
    findings_file_empty = "This file is empty.";
    findings_waiting = "Linting…";
    finding_why = "Why?";
    finding_why_title = "see it with your numbers";
    finding_explain_title = "explain this rule";
    finding_help = "help: ";
    finding_ignore = "Ignore here";
    finding_ignore_json = "ignore this finding here: adds a per-path ignore (JSON has no comments) to the settings";
    finding_ignore_slashes = "ignore this finding here: adds a `// ecsplain ignore=` comment on the line before";
    finding_ignore_hash = "ignore this finding here: adds an `# ecsplain ignore=` comment on the line before";
    severity_error = "error";
    severity_warning = "warning";
    severity_info = "info";
    // The share tools in the header.
    share_copy_link = "Copy link";
    share_copy_link_title = "Copy a link holding your inputs (Ctrl+S)";
    share_export = "Export";
    share_settings = "Settings";
    share_reset = "Reset";
    share_shortcuts = "Keyboard shortcuts";
    share_shortcuts_title = "Keyboard shortcuts (?)";
    // The kinds of file, as titles.
    kind_taskdef = "Task definition";
    kind_servicedef = "Service definition";
    kind_dockerfile = "Dockerfile";
    kind_ecspresso = "ecspresso config";
    kind_terraform = "Terraform";
    kind_cloudformation = "CloudFormation template";
    // The editor's pane.
    pane_path_title = "the path this file is linted under";
    pane_rendered = "Rendered";
    pane_rendered_title = "Show the file with the variables' values filled in (read-only)";
    pane_load_example = "Load example";
    pane_clear = "Clear";
    pane_help = "Paste or type; findings update as you type. Tab indents; press Esc, then Tab, to leave the editor.";
    // The rules view.
    rules_heading = "Rules";
    rules_search = "Search rules";
    rules_search_placeholder = "Search by code, name, category, input…";
    // The project tree.
    project_title = "Project";
    project_new_file = "New file";
    project_add_files = "Add files…";
    project_add_folder = "Add folder…";
    project_reading = "Reading files…";
    close = "Close";
    cancel = "Cancel";
    dismiss = "Dismiss";
    copied = "Copied.";
    copy_denied_text = "The browser did not allow copying: the text is selected, press Ctrl+C (⌘C).";
    share_copied_link = "Copied to the clipboard.";
    share_copy_denied_link = "The browser did not allow copying: the link is selected, press Ctrl+C (⌘C).";
    share_newer = "This link was made by a newer ecsplain: some of its contents may not be shown here.";
    share_unreadable = "the file could not be read";
    reset_title = "Reset the page?";
    reset_body = "This clears every file of the project, the variables' values and the draft saved in this browser. Your current draft stays restorable with \"Restore previous draft\" until you open another link.";
    reset_confirm = "Clear everything";
    incoming_title = "Open this link over your draft?";
    incoming_empty = "empty panes";
    incoming_open = "Open the link (your draft is kept and can be restored)";
    incoming_keep = "Keep my draft";
    restore_kept = "Your previous draft was kept.";
    restore_draft = "Restore previous draft";
    restore_forget = "Forget it";
    share_title = "Share";
    share_copied_markdown = "The Markdown summary is on the clipboard.";
    share_copy_denied_markdown = "The browser did not allow copying: the Markdown is selected, press Ctrl+C (⌘C).";
    share_markdown_label = "Findings as Markdown";
    share_notice_strong = "Anyone with this link can read everything in it";
    share_notice_rest = ": all your inputs (account IDs, ARNs, image names) and settings. They travel inside the link's fragment, which browsers never send to a server.";
    share_link_label = "Link";
    share_download_state = "Download state";
    share_open_state = "Open a state file…";
    share_copy_markdown = "Copy as Markdown";
    share_state_hint = "A downloaded state file (.ecsplain.json) opens again when you drop it on the page or pick it here.";
    key_copy_link = "copy a link holding your inputs";
    key_help = "show these shortcuts (outside a text field)";
    key_close = "close a dialog or an explanation";
    key_tabs = "move between the input tabs";
    key_rename = "rename the file focused in the project tree";
    key_remove = "remove the file focused in the project tree";
    reason_too_large = "too large";
    reason_unreadable = "unreadable";
    reason_not_text = "not a text file";
    reason_too_many = "too many files";
    skipped_rest = "the rest";
    label_taskdef = "task definition";
    label_servicedef = "service definition";
    label_ecspresso = "ecspresso config";
    label_cloudformation = "CloudFormation template";
    label_none = "no kind (read by other files)";
    tree_rename_title = "Rename (F2)";
    tree_remove_title = "Remove (Delete)";
    new_file_path = "Path";
    new_file_kind = "Kind";
    new_file_detect = "detect from name and content";
    new_file_add = "Add";
    project_files = "Project files";
    project_hint = "Drop files or a folder anywhere on the page. Paths keep their folders: the ecspresso config's task_definition and service_definition resolve from its own folder.";
    rules_filter_input = "input";
    rules_filter_category = "category";
    target_input = "input";
    target_taskdef = "taskdef";
    target_servicedef = "servicedef";
    target_dockerfile = "dockerfile";
    target_ecspresso = "ecspresso";
    target_cross_file = "cross-file";
    cat_syntax = "syntax";
    cat_schema = "schema";
    cat_security = "security";
    cat_reliability = "reliability";
    cat_observability = "observability";
    cat_sizing = "sizing";
    cat_cicd = "ci-cd";
    cat_image_size = "image-size";
    cat_style = "style";
    pane_kind_label = "Kind of this file";
    pane_kind_detect = "detect";
    pane_tabs_label = "Input files";
    pane_inputs_label = "Inputs";
    pane_rendered_jsonnet = "Evaluated with the variables' values and printed as `ecspresso render` prints it, read-only; unset values show as {{ extVar `NAME` }} or {{ must_env `NAME` }}. Findings point at the Jsonnet lines.";
    pane_rendered_note = "As `ecspresso render` prints it, with the variables' values, read-only; unset values show as ${NAME}. Findings point at the source lines.";
    teach_sizing = "sizing view";
    teach_explain = "CPU & memory view";
    teach_learn = "Learn view";
    teach_checklist = "checklist";
    teach_settings = "settings";
    teach_export = "export";
    teach_rules = "rules view";
    teach_share = "share dialog";
    teach_help = "keyboard shortcuts";
    settings_title = "Settings";
    set_fail_on = "Fail on";
    set_fail_on_hint = "the lowest severity that fails a pipeline (--fail-on)";
    set_select = "Select";
    set_select_hint = "run only these codes or prefixes, e.g. TD, SV, DL3008; empty: every rule";
    set_ignore = "Ignore";
    set_ignore_hint = "codes or prefixes, e.g. DL3008, TD1";
    set_severity = "Severity overrides";
    set_severity_hint = "CODE=error|warning|info, e.g. DL3059=warning";
    set_registries = "Trusted registries";
    set_registries_hint = "image registries allowed (DL3026, TD110), e.g. *.dkr.ecr.*.amazonaws.com";
    set_tags = "Required tags";
    set_tags_hint = "tag keys every task definition and service must carry (TD308, SV025), e.g. service, env";
    set_region = "Region";
    set_region_hint = "for cost estimates, e.g. us-east-1";
    set_labels = "Label schema";
    set_labels_hint = "Dockerfile labels required, KEY=text|url|rfc3339|spdx|hash|semver|email (DL3049), e.g. org.opencontainers.image.source=url";
    set_inline = " Honour inline ignores (# ecsplain ignore=, # hadolint ignore=)";
    set_strict_labels = " Strict labels: a label outside the schema is reported (DL3050)";
    set_path_ignores = "Ignored here (per-path ignores; add one with a finding's Ignore button)";
    set_none = "none";
    set_remove = "Remove";
    set_load_summary = "Load a .ecsplain.yaml";
    set_paste_label = "Paste your repository's .ecsplain.yaml (or .ecsplain.json)";
    set_load = "Load into the form";
    set_loaded = "Loaded. Press Apply to lint with it.";
    set_loaded_problems = "Loaded what could be read; these lines have problems:";
    set_yaml_label = "The same settings as .ecsplain.yaml, for your repository";
    set_apply = "Apply";
    set_copy_yaml = "Copy .ecsplain.yaml";
    set_defaults = "Defaults";
    set_travel = "Settings travel in share links.";
    export_title = "Export findings";
    export_format = "Format";
    export_output = "Exported findings";
    export_copy = "Copy";
    cl_loading = "Loading the checklist…";
    cl_all_platforms = "EC2 and Fargate";
    cl_copied = "Copied to the clipboard.";
    cl_copy_denied = "The browser did not allow copying: use Download.";
    cl_heading = "Checklist";
    cl_lead = "Each item is decided from the files in the Lint view. Tick the process items your team has done.";
    cl_copy_md = "Copy as Markdown";
    cl_download_md = "Download .md";
    cl_satisfied = "✓ satisfied";
    cl_not_satisfied = "✖ not satisfied";
    cl_not_applicable = "– not applicable";
    cl_cannot_tell = "? cannot tell";
    cl_by_hand = "by hand";
    learn_solved = "✓ solved";
    learn_solved_title = "solved";
    learn_lessons = "Lessons";
    learn_lead = "Short pages, each ending in a file to fix. The linter checks your fix.";
    gallery_bad = "✖ bad";
    gallery_good = "✓ good";
    gallery_read_title = "you loaded this example";
    gallery_read = "read";
    gallery_load = "Load";
    gallery_heading = "Examples";
    gallery_lead = "Pairs of bad and good files. Load one into the panes to see its findings.";
    lesson_none = "No such lesson.";
    lesson_open_cpu = "Open the CPU explainer";
    lesson_open_memory = "Open the memory explainer";
    lesson_open_sizing = "Open the sizing calculator";
    lesson_see_stages = "See the stage view under the Dockerfile editor";
    lesson_your_file = "your exercise file";
    lesson_solved = "✓ Solved: the goal findings are gone, every fact holds and nothing new appeared.";
    lesson_not_solved = "Not solved yet. Edit the file, then press Check.";
    lesson_all = "← All lessons";
    lesson_solved_before = " ✓ solved before";
    lesson_loading = "Loading the lesson…";
    lesson_figure = "The picture, drawn from your exercise file";
    lesson_permalink = "Permalink to this lesson";
    lesson_fix_this = "Fix this ";
    lesson_reset = "Reset";
    lesson_check = "Check";
    lesson_restored = "Your last attempt, kept in this browser. Reset starts over.";
    lesson_goal = "Goal";
    lesson_new_problems = "New problems";
    lesson_hints = "Hints";
    lesson_hide_solution = "Hide the solution";
    lesson_show_solution = "Show the solution";
    lesson_solution_locked = " The solution unlocks after your first check.";
    stages_hide = "Hide";
    stages_show = "Show";
    stages_copies_from = "copies from ";
    stages_final = "final: the image you ship";
    vars_title = "Variables";
    vars_unset = "unset: stays a placeholder";
    vars_hint = "What the templates and Jsonnet look up at deploy time. Give a value to lint with it; an unset one stays a placeholder, never a finding. Values travel in share links.";
    sz_task_size = "Task size";
    sz_containers = "Containers against the task";
    sz_cost = "Cost on Fargate";
    sz_own_rates = "Use your own rates (USD)";
    sz_ec2 = "On EC2: tasks per instance";
    sz_rightsize = "Right-size from Container Insights";
    sz_about_prices = "About these prices";
    sz_the_task_size = "the task size";
    sz_next_up = " Next valid size up: ";
    sz_not_both = "The task-level cpu and memory are not both known: type them above.";
    sz_not_fargate = "This task definition does not declare FARGATE: type a size above to check it against the Fargate table, or see the EC2 section.";
    sz_mem_allowed = "Memory (MiB) allowed with this CPU:";
    sz_mem_none = "none: this CPU is not a Fargate size";
    sz_cpu_allowed = "CPU units allowing this memory:";
    sz_cpu_none = "none: this memory is not a Fargate size";
    sz_advice = "AWS's advice, the containers' reservations rounded up to a valid size: ";
    cpu_title = "CPU under contention";
    cpu_numbers = "The numbers (shares and cgroup v2 weights)";
    mem_title = "Memory limits";
    mem_numbers = "The numbers, step by step";
    diagram_title = "Task and containers";
    cpu_lede = "Container cpu is a weight, not a limit: it only matters when containers compete. Move the sliders to make containers busy or idle.";
    cpu_platform = "Platform";
    cpu_containers = "Containers";
    cpu_source_pane = "the Task definition pane";
    cpu_example = "example: app 512, worker 256, log_router without cpu";
    cpu_capacity = "Capacity";
    cpu_host_only = "the host's vCPUs only";
    cpu_host_vcpus = "Host vCPUs";
    cpu_no_task_cpu = " The task sets no cpu, which Fargate requires: 1 vCPU is assumed.";
    cpu_capacity_label = "capacity";
    cpu_row_unset_shares = "no cpu: 2 shares";
    cpu_idle = "idle";
    cpu_limit_idle = "idle: its share goes to the others";
    cpu_limit_demand = "gets all it wants";
    cpu_limit_contention = "held back by the others";
    cpu_legend_gets = "gets";
    cpu_legend_wants = "wants";
    cpu_legend_fair = "its share if all are busy";
    cpu_legend_ceiling = "ceiling";
    th_container = "Container";
    cpu_th_linear = "weight (linear)";
    cpu_th_runc = "weight (runc)";
    cpu_th_wants = "wants (vCPU)";
    cpu_th_gets = "gets (vCPU)";
    cpu_th_why = "why";
    cpu_v2_note = "On cgroup v2 hosts the runtime turns cpu.shares into cpu.weight. runc before 1.3.2 (and crun before 1.23) use the linear 1 + ((shares − 2) × 9999) / 262142, runc's ConvertCPUSharesToCgroupV2Value since 2020 (1024 → 39); runc 1.3.2 (October 2025), runc 1.4 and crun 1.23 use a quadratic mapping through log2(shares) that keeps the defaults equal (1024 → 100, 2 → 1, 262144 → 10000; runc issue 4896, opencontainers/cgroups PR 20). `runc --version` on the host says which one applies; the kernel then splits in proportion to cpu.weight.";
    mem_lede = "memoryReservation is a soft limit, memory a hard limit, the task's memory the ceiling for all containers together. Play a scenario and watch which container is killed.";
    mem_scenario = "Scenario";
    mem_your_task = "your task definition (drag the sliders)";
    mem_playing = "Playing…";
    mem_play = "▶ Play";
    mem_hard_limit = "hard limit";
    mem_task_memory = "task memory";
    mem_essential = "essential";
    mem_not_essential = "not essential";
    mem_no_hard = "no hard limit";
    mem_no_limits = "no limits";
    mem_task_total = "task total";
    mem_no_task_memory = "no task memory";
    mem_task_stopped = "task stopped";
    mem_time_axis = "time →";
    mem_legend_uses = "uses (MiB)";
    mem_legend_soft = "reservation (soft)";
    mem_th_step = "Step";
    mem_th_total = "total MiB";
    mem_th_ceiling = "ceiling MiB";
    mem_state_within = "within its reservation";
    mem_state_above = "above its reservation";
    mem_state_running = "running";
    mem_state_killed = "killed at its limit or by the OOM killer";
    mem_state_stopped = "stopped";
    amount_placeholder = "placeholder";
    amount_a_placeholder = "a placeholder";
    amount_unreadable = "unreadable";
    dg_container_essential = "container · essential";
    dg_container = "container";
    dg_not_set_shares = "not set (2 shares)";
    dg_not_set = "not set";
    dg_weight = "a weight under contention";
    dg_soft = "soft: what placement counts";
    dg_hard = "hard: killed above it (exit 137)";
    dg_task = "task";
    dg_task_ceiling = "hard ceiling for all containers";
    dg_empty = "Paste a task definition in the Task definition pane to see its containers here.";
    dg_on_fargate = "On Fargate";
    dg_fargate_kind = "the task size is the machine you pay for";
    dg_fargate_task = "cpu and memory required, a valid pair";
    dg_on_ec2 = "On EC2";
    dg_ec2_instance = "EC2 container instance";
    dg_ec2_kind = "registered CPU and memory, shared by its tasks";
    dg_ec2_task = "cpu and memory optional";
    dg_other_tasks = "other tasks";
    sz_unknown = "unknown";
    sz_unit_units = "units";
    sz_bar_cpu = "CPU: sum of container cpu";
    sz_bar_mem = "Memory: sum of reservations (else limits)";
    sz_bar_hard = "Memory: sum of hard limits";
    sz_price_data = "price data";
    sz_your_rates = "your rates";
    sz_th_hour = "per hour";
    sz_th_month = "per month";
    sz_th_rates = "rates";
    sz_what_storage = "Storage";
    sz_what_region = "Region";
    sz_no_price = "No valid Fargate size to price yet.";
    sz_no_limit = "no limit";
    sz_binds_cpu = "CPU binds first";
    sz_binds_memory = "memory binds first";
    sz_binds_both = "CPU and memory run out together";
    sz_binds_unknown = "no count: the task reserves nothing known";
    sz_headroom_rule = "Headroom rule: ";
    sz_th_compared = "compared with today";
    sz_cpu_placeholder = "e.g. 1024 or 1 vCPU";
    sz_mem_placeholder = "e.g. 2048 or 2GB";
    sz_from_pane = "From the Task definition pane; type other numbers to try them.";
    sz_task_cpu = "Task cpu (units)";
    sz_task_memory = "Task memory (MiB)";
    sz_use_pane = "Use the pane's values";
    sz_no_containers = "No containers: paste a task definition in the Task definition pane.";
    sz_spot = "Spot discount %";
    sz_storage = "Ephemeral storage (GiB)";
    sz_x86_vcpu = "x86 per vCPU-hour";
    sz_x86_gb = "x86 per GB-hour";
    sz_arm_vcpu = "ARM64 per vCPU-hour";
    sz_arm_gb = "ARM64 per GB-hour";
    sz_storage_gb = "Storage per GB-hour";
    sz_instance = "Instance type";
    sz_registered = "Registered memory (MiB, optional)";
    sz_registered_placeholder = "from DescribeContainerInstances";
    sz_cluster = "Cluster";
    sz_query_label = "Logs Insights query";
    sz_paste = "Paste the results (CSV or JSON):";
    md_none = "ecsplain: no findings";
    md_header = "| Severity | Code | Location | Message |";
    ---
    example_others_one(n: usize) = "The other {n} pane still holds the example, and is linted with your file.";
    example_others(n: usize) = "The other {n} panes still hold the example, and are linted with your file.";
    status_files_one(n: usize) = "{n} file";
    status_files(n: usize) = "{n} files";
    status_errors_one(n: usize) = "{n} error";
    status_errors(n: usize) = "{n} errors";
    status_warnings_one(n: usize) = "{n} warning";
    status_warnings(n: usize) = "{n} warnings";
    status_linted(files: String, ms: String, errors: String, warnings: String, infos: usize) = "linted {files} in {ms} ms · {errors}, {warnings}, {infos} info";
    status_updating(status: String) = "{status} · updating…";
    explain_no_rule(code: String) = "No rule {code}";
    explain_permalink(code: String) = "Permalink: #rule/{code}";
    explain_failed(error: String, code: String) = "The explanation could not be loaded ({error}); `ecsplain explain {code}` prints it.";
    pane_large(mb: String) = "This input is large ({mb} MB): the browser's text box is slow at this size, and findings update a moment after you stop typing.";
    rules_count_one(n: usize) = "{n} rule";
    rules_count(n: usize) = "{n} rules";
    project_count_one(n: usize) = "{n} file";
    project_count(n: usize) = "{n} files";
    findings_in(scope: String) = "Findings in {scope}";
    findings_pane_empty(noun: String) = "This pane is empty: paste a {noun} or load the example.";
    findings_more(more: usize) = "…and {more} more findings, not listed. Fix the ones above first, or lint the file with the CLI to see them all.";
    finding_where(code: String, line: u32, column: u32) = ", rule {code} at line {line} column {column}";
    finding_fix(title: String) = "Apply fix: {title}";
    finding_unsafe_fix(title: String) = "Apply unsafe fix: {title}";
    finding_unsafe_fix_title(title: String) = "{title}: this changes behaviour at run time; see the rule's Fix safety";
    share_unknown_rule(code: String) = "this link names a rule ecsplain does not have ({code})";
    share_unknown_example(slug: String) = "this link names an example ecsplain does not have ({slug})";
    share_state_too_large(name: String) = "{name} is too large to be an ecsplain state file";
    incoming_body(files: String) = "The link holds different inputs from your current draft: {files}.";
    incoming_file(path: String, bytes: usize) = "{path} ({bytes} bytes)";
    draft_cap(mb: String) = "Your inputs total {mb} MB: drafts over 1 MB are not saved in this browser. Download the state to keep them.";
    share_no_link(error: String) = "No link: {error}.";
    share_too_long(len: usize, max: usize) = "{len} characters: longer than the {max} that chat tools keep, so it may arrive cut. Share the state as a file, or the findings as Markdown, instead.";
    share_length(len: usize, max: usize) = "{len} characters (chat tools keep up to {max})";
    project_not_added(list: String, mb: String) = "Not added: {list}. The page reads text files up to {mb} MB.";
    skipped_more(list: String, more: usize) = "{list} and {more} more";
    tree_rename_path(path: String) = "New path for {path}";
    tree_empty(path: String) = "Empty {path}";
    tree_remove(path: String) = "Remove {path}";
    tree_rename(path: String) = "Rename {path}";
    tree_item_title(path: String) = "{path} (F2 renames, Delete removes)";
    tree_count(n: usize) = "{n} findings";
    pane_rendered_label(path: String) = "{path} rendered (read-only)";
    editor_line(line: u32, title: String) = "Line {line}\n{title}";
    teach_loading(name: String) = "Loading the {name}…";
    teach_failed(name: String, error: String) = "The {name} could not be loaded: {error}. Reload the page to try again.";
    set_path_ignore(codes: String, path: String) = "{codes} in {path}";
    set_path_ignore_at(codes: String, path: String, pointer: String) = "{codes} in {path} at {pointer}";
    set_remove_ignore(label: String) = "Remove the ignore of {label}";
    set_bad(items: String) = "Not read (write CODE=level, or KEY=format for labels): {items}";
    export_count(n: usize) = "{n} finding(s), with the settings in force. In a pipeline:";
    export_docs_failed(error: String) = "The rules' documentation could not be loaded ({error}): SARIF's rule help is empty.";
    export_download(file: String) = "Download {file}";
    cl_failed(error: String) = "The checklist could not be loaded ({error}).";
    cl_scope(n: usize, platform: String) = " · {n} items · for {platform}";
    cl_count_satisfied(n: usize) = "✓ {n} satisfied";
    cl_count_not_satisfied(n: usize) = "✖ {n} not satisfied";
    cl_count_ticked(ticked: usize, n: usize) = "☐ {ticked} of {n} ticked by hand";
    cl_count_unknown(n: usize) = "? {n} cannot be told from these files";
    cl_count_not_applicable(n: usize) = "– {n} not applicable";
    cl_source(source: String, commit: String, retrieved: String) = "Items: our wording of {source} ({commit}, {retrieved}).";
    cl_done_item(id: String) = "Done: item {id}";
    learn_scope(done: usize, n: usize) = " · {done} of {n} solved";
    gallery_load_title(title: String) = "Load {title}";
    gallery_scope(seen: usize, n: usize) = " · {seen} of {n} loaded";
    lesson_still(codes: String) = "still reported: {codes}";
    lesson_new(n: usize) = "{n} new problem(s)";
    lesson_unmet(n: usize) = "{n} fact(s) not yet true";
    lesson_not_yet(parts: String) = "Not yet: {parts}.";
    lesson_failed(error: String) = "The lesson's text could not be loaded ({error}).";
    lesson_exercise(path: String) = "Exercise: {path}";
    lesson_hint(n: usize, of: usize) = "Show a hint ({n} of {of})";
    pane_detected(kind: String) = "detected: {kind}";
    stages_heading(n: usize) = "Build stages · {n}";
    stages_stage(i: usize) = "stage {i}";
    stages_alias(alias: String, i: usize) = "{alias} (stage {i})";
    stages_image(image: String) = "image {image}";
    stages_count_one(n: usize) = "{n} instruction";
    stages_count(n: usize) = "{n} instructions";
    vars_from(value: String, from: String) = "{value} (from {from})";
    vars_default(value: String) = "{value} (env default)";
    vars_count(used: usize, set: usize) = "{used} used · {set} set";
    sz_valid(size: String) = "{size} is a valid Fargate size.";
    sz_invalid(size: String) = "{size} is not a valid Fargate size.";
    cpu_from(source: String) = "from {source}";
    cpu_task_cap(units: u32) = "the task's cpu ({units} units), a hard cap";
    cpu_used(vcpu: String) = "{vcpu} vCPU used";
    cpu_row_weight(units: u32, weight: u32) = "cpu {units}: weight {weight}";
    cpu_row_unset_weight(weight: u32) = "no cpu: weight {weight}";
    cpu_cap_task(vcpu: String) = "task cap {vcpu} vCPU";
    cpu_cap_host(vcpu: String) = "host {vcpu} vCPU";
    cpu_aria(sentence: String) = "CPU split: {sentence}";
    cpu_wants(name: String) = "{name} wants";
    cpu_th_share(file: String) = "share if all busy (by {file})";
    mem_time(step: usize) = "Time t{step}";
    mem_step_of(step: usize, last: usize) = "step {step} of {last}";
    mem_reservation(mib: u32) = "reservation {mib}";
    mem_soft(mib: u32) = "soft {mib}";
    mem_hard(mib: u32) = "hard {mib}";
    mem_task_memory_of(mib: u32) = "task memory {mib}";
    mem_aria(n: usize) = "Memory use over {n} steps";
    mem_aria_event(step: usize, sentence: String) = "; t{step}: {sentence}";
    mem_grows_to(name: String) = "{name} grows to";
    mem_cell(mib: u32, state: String) = "{mib} MiB, {state}";
    dg_units(n: u32) = "{n} units";
    dg_lede(source: String) = "How the task's numbers and each container's numbers nest, with the values from {source}.";
    sz_size_with(cpu: String, memory: String) = "{cpu} with {memory}";
    sz_of(used: u32, total: u32, unit: String) = "{used} of {total} {unit}";
    sz_task_unknown(used: u32, unit: String) = "{used} {unit} (task value unknown)";
    sz_headroom_pct(d: i64, unit: String, p: String) = "headroom {d} {unit} ({p}%)";
    sz_over_pct(d: i64, unit: String, p: String) = "over by {d} {unit} ({p}%)";
    sz_headroom(d: i64, unit: String) = "headroom {d} {unit}";
    sz_not_essential(name: String) = "{name} (not essential)";
    sz_region_no_prices(region: String, name: String) = "{region} ({name}): no prices";
    sz_region_unknown(region: String) = "{region} (not in the price data)";
    sz_saving(to: String, to_mib: u32, from: String, from_mib: u32, money: String, pct: String) = "{to} / {to_mib} MiB instead of {from} / {from_mib} MiB saves {money} a month ({pct}%, Linux x86)";
    sz_priced(vcpu: String, gb: String, storage: String, hours: String, spot: String) = "Priced size: {vcpu} vCPU, {gb} GB memory, {storage} GB storage billed above the included 20 GB, {hours} hours a month, Spot {spot}% off.";
    sz_cited(what: String, region: String, source: String, read: String) = "{what} ({region}): {source} (read {read})";
    sz_cited_as_of(what: String, region: String, source: String, read: String, date: String) = "{what} ({region}): {source} (read {read}, price as of {date})";
    sz_by_cpu(units: u32) = "tasks by CPU ({units} units)";
    sz_by_memory(mib: u32) = "tasks by memory ({mib} MiB registered)";
    sz_task_size_is(cpu: String, memory: String) = "Task size: {cpu} with {memory}";
    sz_run_this(group: String, label: String) = "Run this in CloudWatch Logs Insights on the log group {group} ({label}):";
    sz_fields(source: String) = "Fields: {source}";
    undo_fixed(code: String) = "Applied the fix for {code}.";
    undo_ignored(code: String) = "Ignored {code} here.";
    state_too_large(bytes: usize) = "this file is too large to be an ecsplain state ({bytes} bytes)";
    state_not_state(detail: String) = "this file is not an ecsplain state file ({detail})";
    md_counts(errors: usize, warnings: usize, infos: usize) = "**ecsplain**: {errors} error(s), {warnings} warning(s), {infos} info";
}

#[cfg(target_arch = "wasm32")]
pub use web::*;

#[cfg(target_arch = "wasm32")]
mod web {
    use super::*;
    use gloo::storage::{LocalStorage, Storage};
    use wasm_bindgen::{JsCast, JsValue};
    use yew::prelude::*;

    /// The reader's saved choice, else the browser's language.
    pub fn initial_lang() -> Lang {
        // Raw text (as boot.js reads it), not JSON.
        if let Some(saved) = LocalStorage::raw().get_item(LANG_KEY).ok().flatten() {
            if let Some(lang) = Lang::parse(&saved) {
                return lang;
            }
        }
        browser_lang()
    }

    /// The first of `navigator.languages` that is English or Japanese; English when none is.
    pub fn browser_lang() -> Lang {
        let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
            return Lang::En;
        };
        let languages = navigator.languages();
        for tag in languages.iter().filter_map(|t| t.as_string()) {
            if let Some(lang) = Lang::parse(&tag) {
                return lang;
            }
        }
        navigator
            .language()
            .and_then(|tag| Lang::parse(&tag))
            .unwrap_or(Lang::En)
    }

    /// Keeps the reader's choice.
    pub fn save_lang(lang: Lang) {
        let _ = LocalStorage::raw().set_item(LANG_KEY, lang.as_str());
    }

    /// Takes the Japanese texts boot.js loaded before the page started
    /// (`globalThis.ecsplainUiJaText`), if it did.
    pub fn take_preloaded() -> bool {
        if japanese_loaded() {
            return true;
        }
        let Some(window) = web_sys::window() else {
            return false;
        };
        match js_sys::Reflect::get(&window, &JsValue::from_str("ecsplainUiJaText")) {
            Ok(value) if value.is_object() => set_japanese(texts(&value)),
            _ => false,
        }
    }

    fn entries(value: &JsValue) -> std::collections::BTreeMap<String, String> {
        let mut texts = std::collections::BTreeMap::new();
        if let Some(object) = value.dyn_ref::<js_sys::Object>() {
            for entry in js_sys::Object::entries(object).iter() {
                let pair: js_sys::Array = entry.unchecked_into();
                if let (Some(key), Some(text)) = (pair.get(0).as_string(), pair.get(1).as_string())
                {
                    texts.insert(key, text);
                }
            }
        }
        texts
    }

    /// The Japanese texts of the interface module (an array in the catalogue's order).
    fn texts(value: &JsValue) -> Vec<String> {
        match value.dyn_ref::<js_sys::Array>() {
            Some(array) => array
                .iter()
                .map(|t| t.as_string().unwrap_or_default())
                .collect(),
            None => Vec::new(),
        }
    }

    /// Loads the Japanese texts (`ecsplainUiJa()` in boot.js).
    pub async fn load_japanese() -> Result<(), String> {
        if take_preloaded() {
            return Ok(());
        }
        let value = crate::loader::load("ecsplainUiJa", "Japanese interface module").await?;
        if set_japanese(texts(&value)) {
            Ok(())
        } else {
            Err("the Japanese interface module does not match this page".into())
        }
    }

    /// The interface's texts in the reader's language (the app provides them).
    #[hook]
    pub fn use_tr() -> Tr {
        use_context::<Tr>().unwrap_or_default()
    }

    /// The Japanese rule docs (ja21's `rule-docs-ja` module): `Some(Ok)` once at hand.
    #[derive(Clone, Debug, PartialEq)]
    pub enum JaDocs {
        NotWanted,
        Loading,
        Ready,
        Failed(String),
    }

    /// Loads the Japanese rule docs when `lang` is Japanese.
    #[hook]
    pub fn use_ja_docs(lang: Lang) -> JaDocs {
        let wanted = lang == Lang::Ja;
        let loaded = ecsplain_engine::rule::docs_available_in(Lang::Ja);
        let state = use_state(|| JaDocs::Loading);
        {
            let state = state.clone();
            use_effect_with(wanted, move |wanted| {
                if *wanted && !ecsplain_engine::rule::docs_available_in(Lang::Ja) {
                    wasm_bindgen_futures::spawn_local(async move {
                        let result = async {
                            let value =
                                crate::loader::load("ecsplainDocsJa", "Japanese rule docs").await?;
                            ecsplain_engine::rule::set_docs_in(Lang::Ja, entries(&value));
                            Ok::<(), String>(())
                        }
                        .await;
                        state.set(match result {
                            Ok(()) => JaDocs::Ready,
                            Err(e) => JaDocs::Failed(e),
                        });
                    });
                }
                || ()
            });
        }
        if !wanted {
            JaDocs::NotWanted
        } else if loaded {
            JaDocs::Ready
        } else {
            match &*state {
                JaDocs::Failed(e) => JaDocs::Failed(e.clone()),
                _ => JaDocs::Loading,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn japanese() -> BTreeMap<String, String> {
        serde_json::from_str(include_str!("i18n/ja.json"))
            .expect("src/i18n/ja.json is a JSON object of strings")
    }

    #[test]
    fn every_key_has_its_japanese_with_the_same_placeholders() {
        let ja = japanese();
        let mut problems = Vec::new();
        for (key, en, args) in ENGLISH {
            let mut expected: Vec<String> = args.iter().map(|a| a.to_string()).collect();
            expected.sort();
            if placeholders(en) != expected {
                problems.push(format!(
                    "{key}: the English's placeholders {:?} are not its arguments {expected:?}",
                    placeholders(en)
                ));
            }
            match ja.get(*key) {
                None => problems.push(format!("{key}: no Japanese")),
                Some(text) if text.trim().is_empty() => {
                    problems.push(format!("{key}: empty Japanese"))
                }
                Some(text) if placeholders(text) != placeholders(en) => problems.push(format!(
                    "{key}: placeholders differ: English {:?}, Japanese {:?}",
                    placeholders(en),
                    placeholders(text)
                )),
                Some(_) => {}
            }
        }
        for key in ja.keys() {
            if !ENGLISH.iter().any(|(k, _, _)| k == key) {
                problems.push(format!(
                    "{key}: Japanese for a key the catalogue does not have"
                ));
            }
        }
        assert!(
            problems.is_empty(),
            "src/i18n/ja.json:\n{}",
            problems.join("\n")
        );
        assert!(
            ENGLISH.len() >= 40,
            "the catalogue holds {} keys",
            ENGLISH.len()
        );
    }

    /// The keys as `static/build/ui-ja.mjs` reads them from this file: the plain ones, then
    /// the ones with arguments, each in the order written.
    fn keys_as_the_build_reads_them() -> Vec<String> {
        let source = include_str!("i18n.rs");
        let start = source.find("\ncatalogue! {\n").expect("the catalogue");
        let body = &source[start..];
        let body = &body[..body.find("\n}\n").expect("its end")];
        let (plain, with_args) = body.split_once("\n    ---\n").expect("its ---");
        let key = |line: &str, end: char| {
            let line = line.trim_start();
            let name: String = line
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                .collect();
            (!name.is_empty() && line[name.len()..].trim_start().starts_with(end)).then_some(name)
        };
        plain
            .lines()
            .filter_map(|l| key(l, '='))
            .chain(with_args.lines().filter_map(|l| key(l, '(')))
            .collect()
    }

    /// The Japanese as the module carries it: in the catalogue's order.
    fn japanese_in_order() -> Vec<String> {
        let ja = japanese();
        ENGLISH
            .iter()
            .map(|(key, _, _)| ja.get(*key).cloned().unwrap_or_default())
            .collect()
    }

    #[test]
    fn the_build_reads_the_keys_in_the_catalogue_order() {
        let keys: Vec<&str> = ENGLISH.iter().map(|(k, _, _)| *k).collect();
        assert_eq!(keys_as_the_build_reads_them(), keys);
    }

    #[test]
    fn texts_are_filled_whole_in_each_language() {
        assert!(
            !set_japanese(vec!["x".to_string()]),
            "a list of another length is refused"
        );
        assert!(set_japanese(japanese_in_order()));
        let en = Tr::new(Lang::En);
        let ja = Tr::new(Lang::Ja);
        assert_eq!(
            en.count(1, Tr::status_files_one, Tr::status_files),
            "1 file"
        );
        assert_eq!(
            en.count(3, Tr::status_files_one, Tr::status_files),
            "3 files"
        );
        assert_eq!(
            en.explain_permalink("TD001".into()),
            "Permalink: #rule/TD001"
        );
        assert_eq!(
            ja.explain_permalink("TD001".into()),
            "パーマリンク: #rule/TD001"
        );
        assert_eq!(ja.nav_rules(), "ルール");
        assert_eq!(
            ja.count(3, Tr::status_files_one, Tr::status_files),
            "3 ファイル"
        );
        assert_eq!(
            fill("{a} and {b} and {c}", &[("a", &1), ("b", &"x")]),
            "1 and x and {c}"
        );
    }
}
