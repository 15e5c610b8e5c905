//! The sizing view (issue 7): Fargate validity both ways, headroom, cost, EC2 fit and
//! right-sizing from Container Insights, all computed by `ecsplain_engine::sizing`. The page only
//! reads inputs and draws the engine's numbers.

use std::rc::Rc;

use ecsplain_engine::learn::sizing_in;
use ecsplain_engine::sizing::cost::{self, Overrides, RateOrigin};
use ecsplain_engine::sizing::ec2::{self, Binding};
use ecsplain_engine::sizing::report::{SizeOptions, DEFAULT_REGION};
use ecsplain_engine::sizing::rightsize;
use ecsplain_engine::sizing::task::{self, Amount, TaskSizing};
use ecsplain_engine::sizing::units::{
    describe_cpu, describe_memory, parse_cpu_units, parse_memory_mib,
};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::i18n::Tr;

#[derive(Properties, PartialEq)]
pub struct SizingProps {
    /// The Task definition pane's text.
    pub text: Rc<str>,
    /// The region of the settings (`region:` in .ecsplain.yaml), the first one priced; empty for
    /// the default.
    #[prop_or_default]
    pub region: AttrValue,
}

/// A callback that stores an `<input>`'s value in a state handle.
pub fn bind_input(handle: &UseStateHandle<String>) -> Callback<InputEvent> {
    let handle = handle.clone();
    Callback::from(move |e: InputEvent| {
        if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
            handle.set(input.value());
        }
    })
}

/// The same for a `<select>`.
pub fn bind_select(handle: &UseStateHandle<String>) -> Callback<Event> {
    let handle = handle.clone();
    Callback::from(move |e: Event| {
        if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
            handle.set(select.value());
        }
    })
}

fn bind_area(handle: &UseStateHandle<String>) -> Callback<InputEvent> {
    let handle = handle.clone();
    Callback::from(move |e: InputEvent| {
        if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
            handle.set(area.value());
        }
    })
}

fn rate(text: &str) -> Option<f64> {
    ecsplain_engine::input::number::parse_f64(text.trim()).filter(|x| x.is_finite() && *x >= 0.0)
}

/// The drawing width of the explainers' pictures in CSS pixels: the room the card leaves at
/// the current window width, so their text stays readable on a phone.
pub fn viz_width() -> f64 {
    let window = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .unwrap_or(1100.0);
    (window.min(1100.0) - 96.0).clamp(300.0, 1000.0)
}

pub fn money(x: f64) -> String {
    if x.abs() < 1.0 {
        format!("${x:.4}")
    } else {
        format!("${x:.2}")
    }
}

fn amount_text(tr: Tr, a: Amount, unit: &str) -> String {
    match a {
        Amount::Known(v) => format!("{v}{unit}"),
        Amount::Absent => "—".into(),
        Amount::Placeholder => tr.amount_placeholder().into(),
        Amount::Unreadable => tr.amount_unreadable().into(),
    }
}

/// A labelled bar: `used` of `total`, red when over.
fn bar(
    tr: Tr,
    label: &str,
    used: Option<u32>,
    total: Option<u32>,
    unit: &str,
    headroom: Option<(i64, Option<f64>)>,
) -> Html {
    let (width, over) = match (used, total) {
        (Some(u), Some(t)) if t > 0 => {
            let ratio = f64::from(u) / f64::from(t);
            ((ratio.min(1.0) * 100.0), ratio > 1.0)
        }
        _ => (0.0, false),
    };
    let numbers = match (used, total) {
        (Some(u), Some(t)) => tr.sz_of(u, t, unit.to_string()),
        (Some(u), None) => tr.sz_task_unknown(u, unit.to_string()),
        _ => tr.sz_unknown().to_string(),
    };
    let room = headroom.map(|(d, p)| match p {
        Some(p) if d >= 0 => tr.sz_headroom_pct(d, unit.to_string(), format!("{p:.0}")),
        Some(p) => tr.sz_over_pct(-d, unit.to_string(), format!("{:.0}", -p)),
        None => tr.sz_headroom(d, unit.to_string()),
    });
    html! {
        <div class={classes!("hbar", over.then_some("over"))}>
            <div class="hbar-label"><span>{ label }</span><span class="hbar-num">{ numbers }</span></div>
            <div class="hbar-track" aria-hidden="true"><div class="hbar-fill" style={format!("width:{width:.1}%")}></div></div>
            if let Some(room) = room { <div class="hbar-room">{ room }</div> }
        </div>
    }
}

fn family_of(text: &str) -> String {
    ecsplain_engine::json::parse(text)
        .root
        .as_ref()
        .and_then(|root| {
            root.get("taskDefinition")
                .unwrap_or(root)
                .get_str("family")
                .map(str::to_string)
        })
        .unwrap_or_else(|| "my-family".to_string())
}

#[component]
pub fn Sizing(props: &SizingProps) -> Html {
    let tr = crate::i18n::use_tr();
    // The engine's sentences in Japanese come with the Japanese rule docs: draw again when they
    // arrive (a view opened first, by a permalink, would otherwise keep its English).
    let _ja = crate::i18n::use_ja_docs(tr.lang);
    let cpu_in = use_state(String::new);
    let mem_in = use_state(String::new);
    let region = {
        let from_settings = props.region.trim().to_string();
        use_state(move || {
            if from_settings.is_empty() {
                DEFAULT_REGION.to_string()
            } else {
                from_settings
            }
        })
    };
    let spot = use_state(String::new);
    let storage = use_state(String::new);
    let x86_vcpu = use_state(String::new);
    let x86_gb = use_state(String::new);
    let arm_vcpu = use_state(String::new);
    let arm_gb = use_state(String::new);
    let storage_rate = use_state(String::new);
    let instance = use_state(|| "m5.large".to_string());
    let registered = use_state(String::new);
    let cluster = use_state(|| "my-cluster".to_string());
    let pasted = use_state(String::new);

    let lang = tr.lang;
    let base = sizing_in::analyze_text_in(&props.text, lang);
    let typed_cpu = parse_cpu_units(&cpu_in);
    let typed_mem = parse_memory_mib(&mem_in);
    let fargate =
        base.fargate || typed_cpu.is_some() || typed_mem.is_some() || base.containers.is_empty();
    let pane_cpu = base.cpu;
    let pane_mem = base.memory;
    let mut sizing: TaskSizing = task::with_size(base, typed_cpu, typed_mem, fargate);
    if let Ok(gib) = storage.trim().parse::<u32>() {
        sizing.ephemeral_storage_gib = Amount::Known(gib);
    }
    let mut options = SizeOptions::new(&region);
    options.spot_discount_percent = rate(&spot);
    options.overrides = Overrides {
        x86_vcpu_hour: rate(&x86_vcpu),
        x86_gb_hour: rate(&x86_gb),
        arm64_vcpu_hour: rate(&arm_vcpu),
        arm64_gb_hour: rate(&arm_gb),
        ephemeral_gb_hour: rate(&storage_rate),
        ..Overrides::default()
    };
    options.instance = Some((*instance).clone());
    if let Ok(mib) = registered.trim().parse::<u32>() {
        options.registered_memory = ec2::RegisteredMemory::Mib(mib);
    }
    let report = sizing_in::size_task_in(sizing, &options, lang);
    let sizing = &report.task;

    // --- Fargate validity, both directions.
    let pick_mem = |m: u32| {
        let h = mem_in.clone();
        Callback::from(move |_: MouseEvent| h.set(m.to_string()))
    };
    let pick_cpu = |c: u32| {
        let h = cpu_in.clone();
        Callback::from(move |_: MouseEvent| h.set(c.to_string()))
    };
    let pick_size = |s: task::Size| {
        let (c, m) = (cpu_in.clone(), mem_in.clone());
        Callback::from(move |_: MouseEvent| {
            c.set(s.cpu.to_string());
            m.set(s.memory.to_string());
        })
    };
    let size_text = match (sizing.cpu.known(), sizing.memory.known()) {
        (Some(c), Some(m)) => tr.sz_size_with(describe_cpu(c), describe_memory(m)),
        _ => tr.sz_the_task_size().to_string(),
    };
    let validity = match &sizing.fargate_fit {
        Some(fit) if fit.valid => html! {
            <p class="verdict ok" id="sizing-verdict"><span aria-hidden="true">{ "✔ " }</span>{ tr.sz_valid(size_text.clone()) }</p>
        },
        Some(fit) => html! {
            <p class="verdict bad" id="sizing-verdict"><span aria-hidden="true">{ "✖ " }</span>
                { tr.sz_invalid(size_text.clone()) }
                if let Some(up) = fit.next_up {
                    { tr.sz_next_up() }
                    <button type="button" class="chip strong" onclick={pick_size(up)}>{ format!("{} / {} MiB", describe_cpu(up.cpu), up.memory) }</button>
                }
            </p>
        },
        None if sizing.fargate => html! {
            <p class="verdict" id="sizing-verdict">{ tr.sz_not_both() }</p>
        },
        None => html! {
            <p class="verdict" id="sizing-verdict">{ tr.sz_not_fargate() }</p>
        },
    };
    let chips = sizing.fargate_fit.as_ref().map(|fit| {
        let current_mem = sizing.memory.known();
        let current_cpu = sizing.cpu.known();
        let mem_chips = fit.memory_for_cpu.iter().map(|&m| {
            let cls = classes!("chip", (Some(m) == current_mem).then_some("current"));
            html! { <button type="button" class={cls} onclick={pick_mem(m)} title={describe_memory(m)}>{ m }</button> }
        });
        let cpu_chips = fit.cpus_for_memory.iter().map(|&c| {
            let cls = classes!("chip", (Some(c) == current_cpu).then_some("current"));
            html! { <button type="button" class={cls} onclick={pick_cpu(c)} title={describe_cpu(c)}>{ c }</button> }
        });
        html! {
            <div class="chips-block">
                <div class="chips-row">
                    <span class="chips-label">{ tr.sz_mem_allowed() }</span>
                    if fit.memory_for_cpu.is_empty() { <span class="muted">{ tr.sz_mem_none() }</span> }
                    { for mem_chips }
                </div>
                <div class="chips-row">
                    <span class="chips-label">{ tr.sz_cpu_allowed() }</span>
                    if fit.cpus_for_memory.is_empty() { <span class="muted">{ tr.sz_cpu_none() }</span> }
                    { for cpu_chips }
                </div>
            </div>
        }
    });
    let recommended = sizing.recommended.map(|r| html! {
        <p class="muted">{ tr.sz_advice() }
            <button type="button" class="chip" onclick={pick_size(r)}>{ format!("{} / {} MiB", describe_cpu(r.cpu), r.memory) }</button>
        </p>
    });

    // --- Containers against the task.
    let rows = sizing.containers.iter().map(|c| html! {
        <tr>
            <th scope="row">{ if c.essential { c.name.clone() } else { tr.sz_not_essential(c.name.clone()) } }</th>
            <td>{ amount_text(tr, c.cpu, "") }</td>
            <td>{ amount_text(tr, c.memory_reservation, " MiB") }</td>
            <td>{ amount_text(tr, c.memory, " MiB") }</td>
        </tr>
    });
    let h = &sizing.headroom;
    let bars = html! {
        <>
            { bar(tr, tr.sz_bar_cpu(), sizing.totals.cpu, sizing.cpu.known(), tr.sz_unit_units(), h.cpu.map(|d| (d, h.cpu_percent))) }
            { bar(tr, tr.sz_bar_mem(), sizing.totals.memory_reserved, sizing.memory.known(), "MiB", h.memory.map(|d| (d, h.memory_percent))) }
            if let Some(limits) = sizing.totals.memory_limits {
                { bar(tr, tr.sz_bar_hard(), Some(limits), sizing.memory.known(), "MiB", None) }
            }
        </>
    };
    let notes = sizing
        .notes
        .iter()
        .chain(report.notes.iter())
        .map(|n| html! { <li>{ n }</li> });

    // --- Cost.
    let table = cost::prices();
    let known_region = table.region(&region).is_some();
    let regions = table.regions.iter().map(|r| {
        let priced = r.linux_x86.is_some() || r.linux_arm64.is_some() || r.windows_x86.is_some();
        html! {
            <option value={r.region.clone()} selected={r.region == *region}>
                { if priced { format!("{} ({})", r.region, r.name) } else { tr.sz_region_no_prices(r.region.clone(), r.name.clone()) } }
            </option>
        }
    });
    // A region from the settings that AWS does not list stays choosable, and the note says why
    // nothing is priced.
    let unknown_option = (!known_region).then(|| html! {
        <option value={(*region).clone()} selected=true>{ tr.sz_region_unknown((*region).clone()) }</option>
    });
    let cost_html = match &report.cost {
        Some(est) => {
            let rows = est.platforms.iter().map(|p| {
                let origin = match p.origin { RateOrigin::Data => tr.sz_price_data(), _ => tr.sz_your_rates() };
                html! {
                    <tr>
                        <th scope="row">{ p.label }</th>
                        <td class="num">{ p.per_hour.map_or_else(|| "—".into(), money) }</td>
                        <td class="num cost-month">{ p.per_month.map_or_else(|| "—".into(), money) }</td>
                        <td class="muted">{ p.missing.clone().unwrap_or_else(|| origin.to_string()) }</td>
                    </tr>
                }
            });
            let savings = report.savings.iter().map(|s| html! {
                <li>{ tr.sz_saving(describe_cpu(s.to.cpu), s.to.memory, describe_cpu(s.from.cpu), s.from.memory, money(s.per_month), format!("{:.0}", s.percent)) }</li>
            });
            html! {
                <>
                    if let Some(note) = &est.region_note {
                        <p class="verdict warn" id="region-note" role="status">{ note }</p>
                    }
                    <p class="muted">{ tr.sz_priced(est.vcpu.to_string(), est.memory_gb.to_string(), est.billed_storage_gb.to_string(), est.hours_per_month.to_string(), est.spot_discount_percent.to_string()) }</p>
                    <table class="data-table" id="cost-table">
                        <thead><tr><th scope="col">{ tr.cpu_platform() }</th><th scope="col">{ tr.sz_th_hour() }</th><th scope="col">{ tr.sz_th_month() }</th><th scope="col">{ tr.sz_th_rates() }</th></tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                    if !report.savings.is_empty() {
                        <ul class="savings">{ for savings }</ul>
                    }
                    <ul class="source" id="price-sources">
                        { for est.cited.iter().map(|c| {
                            let what = match c.what.as_str() {
                                "linux_x86" => "Linux x86",
                                "linux_arm64" => "Linux ARM64",
                                "windows_x86" => "Windows",
                                "ephemeral" => tr.sz_what_storage(),
                                _ => tr.sz_what_region(),
                            };
                            let line = match &c.as_of {
                                Some(d) => tr.sz_cited_as_of(what.to_string(), est.region.clone(), c.source.clone(), c.read.clone(), d.clone()),
                                None => tr.sz_cited(what.to_string(), est.region.clone(), c.source.clone(), c.read.clone()),
                            };
                            // The source is a citation, as written (English): marked so for screen
                            // readers, inside the sentence filled whole.
                            match line.split_once(c.source.as_str()) {
                                Some((before, after)) => html! { <li>{ before }<span lang="en">{ &c.source }</span>{ after }</li> },
                                None => html! { <li>{ line }</li> },
                            }
                        }) }
                    </ul>
                    <details class="source"><summary>{ tr.sz_about_prices() }</summary><ul>{ for est.notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul></details>
                </>
            }
        }
        None => html! { <p class="muted">{ tr.sz_no_price() }</p> },
    };

    // --- EC2.
    let instances = ec2::instance_types().instances.iter().map(|i| html! {
        <option value={i.name.clone()} selected={i.name == *instance}>{ format!("{} ({} vCPU, {} GiB, {})", i.name, i.vcpus, i.memory_gib, i.arch) }</option>
    });
    let ec2_html = report.ec2.as_ref().map(|fit| {
        let count = |n: Option<u32>| n.map_or_else(|| tr.sz_no_limit().to_string(), |n| n.to_string());
        let binds = match fit.binding {
            Binding::Cpu => tr.sz_binds_cpu(),
            Binding::Memory => tr.sz_binds_memory(),
            Binding::Both => tr.sz_binds_both(),
            Binding::Unknown => tr.sz_binds_unknown(),
        };
        html! {
            <>
                <div class="fit-grid">
                    <div class={classes!("fit-cell", (fit.binding == Binding::Cpu).then_some("binding"))}>
                        <span class="fit-num">{ count(fit.by_cpu) }</span>
                        <span>{ tr.sz_by_cpu(fit.cpu_units) }</span>
                    </div>
                    <div class={classes!("fit-cell", (fit.binding == Binding::Memory).then_some("binding"))}>
                        <span class="fit-num">{ count(fit.by_memory) }</span>
                        <span>{ tr.sz_by_memory(fit.registered_memory_mib) }</span>
                    </div>
                    <div class="fit-cell result">
                        <span class="fit-num">{ count(fit.tasks) }</span>
                        <span>{ binds }</span>
                    </div>
                </div>
                <p id="ec2-sentence">{ &fit.sentence }</p>
                <p class="muted">{ &fit.registered_basis }</p>
                <ul class="notes">{ for fit.task.basis.iter().chain(fit.notes.iter()).map(|n| html! { <li>{ n }</li> }) }</ul>
            </>
        }
    });

    // --- Right-sizing.
    let family = family_of(&props.text);
    let query = rightsize::query(&rightsize::QueryInput {
        cluster: (*cluster).clone(),
        family,
        containers: sizing.containers.iter().map(|c| c.name.clone()).collect(),
    });
    let advice_html = (!pasted.trim().is_empty()).then(|| {
        let parsed = sizing_in::parse_results_in(&pasted, lang);
        let advice = sizing_in::recommend_in(&parsed.rows, &rightsize::Policy::default(), lang);
        let opt = |v: Option<u32>| v.map_or_else(|| "—".to_string(), |v| v.to_string());
        let rows = advice.containers.iter().map(|c| html! {
            <tr>
                <th scope="row">{ &c.name }</th>
                <td class="num">{ opt(c.cpu) }</td>
                <td class="num">{ opt(c.memory_reservation) }</td>
                <td class="num">{ opt(c.memory) }</td>
                <td>{ &c.sentence }</td>
            </tr>
        });
        html! {
            <div class="advice">
                <p class="rule-stated"><strong>{ tr.sz_headroom_rule() }</strong>{ &advice.rule }</p>
                if !advice.containers.is_empty() {
                    <table class="data-table">
                        <thead><tr><th scope="col">{ tr.th_container() }</th><th scope="col">{ "cpu" }</th><th scope="col">{ "memoryReservation" }</th><th scope="col">{ "memory" }</th><th scope="col">{ tr.sz_th_compared() }</th></tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                }
                if let Some(size) = advice.fargate_size {
                    <p>{ tr.sz_task_size_is(describe_cpu(size.cpu), describe_memory(size.memory)) }</p>
                }
                <ul class="notes">{ for parsed.problems.iter().chain(advice.notes.iter()).map(|n| html! { <li>{ n }</li> }) }</ul>
            </div>
        }
    });

    let cpu_placeholder = pane_cpu
        .known()
        .map_or_else(|| tr.sz_cpu_placeholder().to_string(), |c| c.to_string());
    let mem_placeholder = pane_mem
        .known()
        .map_or_else(|| tr.sz_mem_placeholder().to_string(), |m| m.to_string());
    let reset = {
        let (c, m) = (cpu_in.clone(), mem_in.clone());
        Callback::from(move |_: MouseEvent| {
            c.set(String::new());
            m.set(String::new());
        })
    };
    let typed = !cpu_in.is_empty() || !mem_in.is_empty();

    html! {
        <main class="sizing-page" id="main">
            <section class="card" id="sizing" tabindex="-1" aria-labelledby="sizing-title">
                <h2 id="sizing-title">{ tr.sz_task_size() }</h2>
                <p class="muted">{ tr.sz_from_pane() }</p>
                <div class="form-row">
                    <label>{ tr.sz_task_cpu() }<input id="size-cpu" type="text" inputmode="decimal" value={(*cpu_in).clone()} placeholder={cpu_placeholder} oninput={bind_input(&cpu_in)} /></label>
                    <label>{ tr.sz_task_memory() }<input id="size-memory" type="text" inputmode="decimal" value={(*mem_in).clone()} placeholder={mem_placeholder} oninput={bind_input(&mem_in)} /></label>
                    if typed { <button type="button" class="button" onclick={reset}>{ tr.sz_use_pane() }</button> }
                </div>
                { validity }
                { for chips }
                { for recommended }
            </section>
            <section class="card" aria-labelledby="containers-title">
                <h2 id="containers-title">{ tr.sz_containers() }</h2>
                if sizing.containers.is_empty() {
                    <p class="muted">{ tr.sz_no_containers() }</p>
                } else {
                    <table class="data-table">
                        <thead><tr><th scope="col">{ tr.th_container() }</th><th scope="col">{ "cpu" }</th><th scope="col">{ "memoryReservation" }</th><th scope="col">{ "memory" }</th></tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                    { bars }
                }
                <ul class="notes">{ for notes }</ul>
            </section>
            <section class="card" aria-labelledby="cost-title">
                <h2 id="cost-title">{ tr.sz_cost() }</h2>
                <div class="form-row">
                    <label>{ tr.sz_what_region() }<select id="region" onchange={bind_select(&region)}>{ for unknown_option }{ for regions }</select></label>
                    <label>{ tr.sz_spot() }<input type="text" inputmode="decimal" value={(*spot).clone()} placeholder={table.spot_default_discount_percent.to_string()} oninput={bind_input(&spot)} /></label>
                    <label>{ tr.sz_storage() }<input type="text" inputmode="numeric" value={(*storage).clone()} placeholder={sizing.ephemeral_storage_gib.known().unwrap_or(table.included_ephemeral_gib).to_string()} oninput={bind_input(&storage)} /></label>
                </div>
                { cost_html }
                <details class="overrides"><summary>{ tr.sz_own_rates() }</summary>
                    <div class="form-row">
                        <label>{ tr.sz_x86_vcpu() }<input type="text" inputmode="decimal" value={(*x86_vcpu).clone()} oninput={bind_input(&x86_vcpu)} /></label>
                        <label>{ tr.sz_x86_gb() }<input type="text" inputmode="decimal" value={(*x86_gb).clone()} oninput={bind_input(&x86_gb)} /></label>
                        <label>{ tr.sz_arm_vcpu() }<input type="text" inputmode="decimal" value={(*arm_vcpu).clone()} oninput={bind_input(&arm_vcpu)} /></label>
                        <label>{ tr.sz_arm_gb() }<input type="text" inputmode="decimal" value={(*arm_gb).clone()} oninput={bind_input(&arm_gb)} /></label>
                        <label>{ tr.sz_storage_gb() }<input type="text" inputmode="decimal" value={(*storage_rate).clone()} oninput={bind_input(&storage_rate)} /></label>
                    </div>
                </details>
            </section>
            <section class="card" aria-labelledby="ec2-title">
                <h2 id="ec2-title">{ tr.sz_ec2() }</h2>
                <div class="form-row">
                    <label>{ tr.sz_instance() }<select id="instance" onchange={bind_select(&instance)}>{ for instances }</select></label>
                    <label>{ tr.sz_registered() }<input type="text" inputmode="numeric" value={(*registered).clone()} placeholder={tr.sz_registered_placeholder()} oninput={bind_input(&registered)} /></label>
                </div>
                { for ec2_html }
            </section>
            <section class="card" aria-labelledby="rightsize-title">
                <h2 id="rightsize-title">{ tr.sz_rightsize() }</h2>
                <div class="form-row">
                    <label>{ tr.sz_cluster() }<input type="text" value={(*cluster).clone()} oninput={bind_input(&cluster)} /></label>
                </div>
                <p class="muted">{ tr.sz_run_this(query.log_group.clone(), sizing_in::rightsize_label_in(lang)) }</p>
                <textarea class="query" id="insights-query" readonly=true rows="9" aria-label={tr.sz_query_label()} value={query.query.clone()} />
                <label class="block-label" for="pasted">{ tr.sz_paste() }</label>
                <textarea class="query" id="pasted" rows="5" value={(*pasted).clone()} oninput={bind_area(&pasted)} placeholder="ContainerName,maxCpu,avgCpu,cpuReserved,maxMem,avgMem,memReserved" />
                { for advice_html }
                <p class="source">{ tr.sz_fields(query.source.to_string()) }</p>
            </section>
        </main>
    }
}
