//! CPU under contention (issue 7): the containers' `cpu` shares, a demand slider each, and the
//! split the engine computes for the platform chosen (`sizing::cpu::simulate_on`: Fargate, EC2
//! on cgroup v1, EC2 on cgroup v2 with runc's quadratic or linear mapping), drawn as SVG. Every
//! number on the chart and in the sentences is the engine's split, rounded by the engine's
//! `cpu::vcpu` and `cpu::pct`.

use std::rc::Rc;

use ecsplain_engine::learn::sizing_in;
use ecsplain_engine::sizing::cpu::{self, Capacity, CpuContainer, Kernel, Limit};
use ecsplain_engine::sizing::task;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::sizing::{bind_select, viz_width};

/// The containers shown when the pane has fewer than two: one with a large share, one with a
/// small share, one with no `cpu` (example values, not advice).
const EXAMPLE: [(&str, Option<u32>); 3] = [
    ("app", Some(512)),
    ("worker", Some(256)),
    ("log_router", None),
];

/// Demand sliders move in quarters of a vCPU.
const STEP: f64 = 0.25;

#[derive(Properties, PartialEq)]
pub struct CpuProps {
    pub text: Rc<str>,
    /// Where `text` comes from, for the source menu ("from the Task definition pane"); `None`:
    /// the Task definition pane.
    #[prop_or_default]
    pub source: Option<AttrValue>,
}

#[component]
pub fn CpuExplainer(props: &CpuProps) -> Html {
    let tr = crate::i18n::use_tr();
    // The engine's sentences in Japanese come with the Japanese rule docs: draw again when they
    // arrive (a view opened first, by a permalink, would otherwise keep its English).
    let _ja = crate::i18n::use_ja_docs(tr.lang);
    let lang = tr.lang;
    let sizing = task::analyze_text(&props.text);
    let from_pane = sizing.containers.len() >= 2;
    let source = use_state(|| if from_pane { "pane" } else { "example" }.to_string());
    let capacity_mode = use_state(|| "task".to_string());
    let platform = {
        let default = Kernel::default_for(sizing.fargate).id().to_string();
        use_state(move || default)
    };
    let kernel = Kernel::from_id(&platform).unwrap_or(Kernel::Ec2CgroupV2Quadratic);
    let on_fargate = kernel == Kernel::Fargate;
    let host = use_state(|| "2".to_string());
    // Demand per container, in quarter vCPUs; missing entries default to 1 vCPU.
    let demands = use_state(Vec::<u32>::new);

    let use_pane = *source == "pane" && !sizing.containers.is_empty();
    let list: Vec<(String, Option<u32>)> = if use_pane {
        sizing
            .containers
            .iter()
            .map(|c| (c.name.clone(), c.cpu.known()))
            .collect()
    } else {
        EXAMPLE
            .iter()
            .map(|(n, c)| ((*n).to_string(), *c))
            .collect()
    };
    let task_cpu = if use_pane {
        sizing.cpu.known()
    } else {
        Some(1024)
    };
    // On Fargate the task size is the whole machine: the capacity is the task's cpu (1 vCPU
    // when the task sets none, which Fargate would reject).
    let fargate_units = task_cpu.unwrap_or(1024);
    let host_vcpus: f64 = if on_fargate {
        f64::from(fargate_units) / cpu::UNITS_PER_VCPU
    } else {
        ecsplain_engine::input::number::parse_f64(&host).unwrap_or(2.0)
    };
    let capacity = Capacity {
        task_cpu_units: if on_fargate {
            Some(fargate_units)
        } else if *capacity_mode == "task" {
            task_cpu
        } else {
            None
        },
        host_vcpus,
    };
    let max_quarters = ((host_vcpus / STEP) as u32).max(1);
    let demand_of = |i: usize| demands.get(i).copied().unwrap_or(4).min(max_quarters);
    let containers: Vec<CpuContainer> = list
        .iter()
        .enumerate()
        .map(|(i, (name, cpu))| CpuContainer::new(name, *cpu, f64::from(demand_of(i)) * STEP))
        .collect();
    let split = sizing_in::simulate_cpu_in(&containers, capacity, kernel, lang);

    // The drawing: a stacked bar of the capacity, then one row per container.
    let w = viz_width();
    let left = if w < 500.0 { 110.0 } else { 150.0 };
    let bar_w = w - left - 20.0;
    let scale_max = host_vcpus.max(split.capacity_vcpu).max(0.25);
    let x = |v: f64| left + bar_w * (v / scale_max).clamp(0.0, 1.0);
    let row_h = 46.0;
    let top = 70.0;
    let height = top + row_h * containers.len() as f64 + 30.0;
    let colors = ["c0", "c1", "c2", "c3", "c4", "c5"];
    let mut stack = Vec::new();
    let mut at = 0.0;
    for (i, c) in split.containers.iter().enumerate() {
        let x0 = x(at);
        at += c.allocated_vcpu;
        let x1 = x(at);
        if x1 > x0 {
            stack.push(html! { <rect class={classes!("seg", colors[i % colors.len()])} x={format!("{x0:.1}")} y="28" width={format!("{:.1}", x1 - x0)} height="22" rx="3" /> });
        }
    }
    let cap_x = x(split.capacity_vcpu);
    let rows = split.containers.iter().enumerate().map(|(i, c)| {
        let y = top + row_h * i as f64;
        let color = colors[i % colors.len()];
        let fair = x(split.capacity_vcpu * c.all_busy_fraction);
        let starved = c.cpu.is_none();
        let label = match (c.cpu, kernel.file()) {
            (Some(units), "cpu.shares") => format!("cpu {units}"),
            (Some(units), _) => tr.cpu_row_weight(units, c.weight),
            (None, "cpu.shares") => tr.cpu_row_unset_shares().to_string(),
            (None, _) => tr.cpu_row_unset_weight(c.weight),
        };
        html! {
            <g class={classes!("cpu-row", starved.then_some("starved"))}>
                <text x="0" y={format!("{:.1}", y + 14.0)} class="name">{ &c.name }</text>
                <text x="0" y={format!("{:.1}", y + 30.0)} class="sub">{ label }</text>
                <rect class="track" x={left.to_string()} y={format!("{:.1}", y + 4.0)} width={format!("{bar_w:.1}")} height="26" rx="4" />
                <rect class="demand" x={left.to_string()} y={format!("{:.1}", y + 4.0)} width={format!("{:.1}", x(c.demand_vcpu) - left)} height="26" rx="4" />
                <rect class={classes!("alloc", color)} x={left.to_string()} y={format!("{:.1}", y + 8.0)} width={format!("{:.1}", x(c.allocated_vcpu) - left)} height="18" rx="3" />
                <line class="fair" x1={format!("{fair:.1}")} x2={format!("{fair:.1}")} y1={format!("{:.1}", y + 1.0)} y2={format!("{:.1}", y + 33.0)} />
                <text x={format!("{:.1}", (x(c.allocated_vcpu) + 6.0).min(w - 130.0))} y={format!("{:.1}", y + 22.0)} class="val">{ format!("{} vCPU ({}%)", cpu::vcpu(c.allocated_vcpu), cpu::pct(c.fraction_of_capacity * 100.0)) }</text>
            </g>
        }
    });
    let cap_label = match split.capacity_source {
        cpu::CapacitySource::TaskCpu => tr.cpu_cap_task(cpu::vcpu(split.capacity_vcpu)),
        cpu::CapacitySource::Host => tr.cpu_cap_host(cpu::vcpu(split.capacity_vcpu)),
    };
    let aria = tr.cpu_aria(split.sentence.clone());

    let sliders = split.containers.iter().enumerate().map(|(i, c)| {
        let demands = demands.clone();
        let n = split.containers.len();
        let oninput = Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                let mut next: Vec<u32> = (0..n).map(|j| demands.get(j).copied().unwrap_or(4)).collect();
                if let (Some(slot), Ok(v)) = (next.get_mut(i), input.value().parse::<u32>()) {
                    *slot = v;
                }
                demands.set(next);
            }
        });
        let id = format!("cpu-demand-{i}");
        let value = demand_of(i);
        html! {
            <div class="slider">
                <label for={id.clone()}>{ tr.cpu_wants(c.name.clone()) }</label>
                <input type="range" id={id} min="0" max={max_quarters.to_string()} step="1" value={value.to_string()} {oninput}
                    aria-valuetext={format!("{} vCPU", f64::from(value) * STEP)} />
                <output>{ if value == 0 { tr.cpu_idle().to_string() } else { format!("{} vCPU", f64::from(value) * STEP) } }</output>
            </div>
        }
    });
    let table_rows = split.containers.iter().map(|c| {
        let limit = match c.limited_by {
            Limit::Idle => tr.cpu_limit_idle(),
            Limit::Demand => tr.cpu_limit_demand(),
            Limit::Contention => tr.cpu_limit_contention(),
        };
        html! {
            <tr>
                <th scope="row">{ &c.name }</th>
                <td class="num">{ c.cpu.map_or_else(|| "—".into(), |v| v.to_string()) }</td>
                <td class="num">{ c.shares }</td>
                <td class={classes!("num", (kernel == Kernel::Ec2CgroupV2Linear).then_some("used"))}>{ c.weight_linear }</td>
                <td class={classes!("num", (kernel == Kernel::Ec2CgroupV2Quadratic).then_some("used"))}>{ c.weight_runc }</td>
                <td class="num">{ format!("{}%", cpu::pct(c.all_busy_fraction * 100.0)) }</td>
                <td class="num">{ cpu::vcpu(c.demand_vcpu) }</td>
                <td class="num">{ cpu::vcpu(c.allocated_vcpu) }</td>
                <td>{ limit }</td>
            </tr>
        }
    });
    let task_option = task_cpu.map(|u| tr.cpu_task_cap(u));
    let source_name = props
        .source
        .clone()
        .unwrap_or(AttrValue::Static(tr.cpu_source_pane()));

    html! {
        <section class="card explainer" id="cpu-explainer" tabindex="-1" aria-labelledby="cpu-title">
            <h2 id="cpu-title">{ tr.cpu_title() }</h2>
            <p class="lede">{ tr.cpu_lede() }</p>
            <div class="form-row">
                <label>{ tr.cpu_platform() }
                    <select id="cpu-platform" onchange={bind_select(&platform)}>
                        { for Kernel::ALL.iter().map(|k| html! { <option value={k.id()} selected={*k == kernel}>{ sizing_in::kernel_label_in(*k, lang) }</option> }) }
                    </select>
                </label>
                <label>{ tr.cpu_containers() }
                    <select id="cpu-source" onchange={bind_select(&source)}>
                        <option value="pane" selected={use_pane} disabled={sizing.containers.is_empty()}>{ tr.cpu_from(source_name.to_string()) }</option>
                        <option value="example" selected={!use_pane}>{ tr.cpu_example() }</option>
                    </select>
                </label>
                if !on_fargate {
                    <label>{ tr.cpu_capacity() }
                        <select id="cpu-capacity" onchange={bind_select(&capacity_mode)}>
                            if let Some(t) = task_option { <option value="task" selected={*capacity_mode == "task"}>{ t }</option> }
                            <option value="host" selected={*capacity_mode == "host" || task_cpu.is_none()}>{ tr.cpu_host_only() }</option>
                        </select>
                    </label>
                    <label>{ tr.cpu_host_vcpus() }
                        <select id="cpu-host" onchange={bind_select(&host)}>
                            { for ["1", "2", "4", "8"].iter().map(|v| html! { <option value={*v} selected={*host == *v}>{ *v }</option> }) }
                        </select>
                    </label>
                }
            </div>
            <p class="basis" id="cpu-basis">{ sizing_in::kernel_basis_in(kernel, lang) }
                if on_fargate && task_cpu.is_none() { { tr.cpu_no_task_cpu() } }
            </p>
            <div class="sliders">{ for sliders }</div>
            <svg class="viz cpu-viz" viewBox={format!("0 0 {w} {height:.0}")} role="img" aria-label={aria}>
                <text x="0" y="20" class="name">{ tr.cpu_capacity_label() }</text>
                <text x="0" y="44" class="sub">{ tr.cpu_used(format!("{:.2}", split.used_vcpu)) }</text>
                <rect class="track" x={left.to_string()} y="28" width={format!("{:.1}", cap_x - left)} height="22" rx="3" />
                { for stack }
                { for rows }
                <line class="cap" x1={format!("{cap_x:.1}")} x2={format!("{cap_x:.1}")} y1="18" y2={format!("{:.0}", height - 22.0)} />
                <text class="cap-label" x={format!("{:.1}", (cap_x - 4.0).max(left + 60.0))} y={format!("{:.0}", height - 8.0)} text-anchor="end">{ cap_label }</text>
            </svg>
            <p class="legend"><span class="key alloc-key"></span>{ tr.cpu_legend_gets() }<span class="key demand-key"></span>{ tr.cpu_legend_wants() }<span class="key fair-key"></span>{ tr.cpu_legend_fair() }<span class="key cap-key"></span>{ tr.cpu_legend_ceiling() }</p>
            <p class="sentence" id="cpu-sentence" aria-live="polite">{ &split.sentence }</p>
            <ul class="notes">{ for split.notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
            <details class="text-equivalent" open=true>
                <summary>{ tr.cpu_numbers() }</summary>
                <table class="data-table">
                    <thead><tr>
                        <th scope="col">{ tr.th_container() }</th><th scope="col">{ "cpu" }</th><th scope="col">{ "cpu.shares" }</th>
                        <th scope="col" title="1 + ((shares − 2) × 9999) / 262142">{ tr.cpu_th_linear() }</th>
                        <th scope="col" title="runc ≥ 1.3.2">{ tr.cpu_th_runc() }</th>
                        <th scope="col">{ tr.cpu_th_share(kernel.file().to_string()) }</th><th scope="col">{ tr.cpu_th_wants() }</th><th scope="col">{ tr.cpu_th_gets() }</th><th scope="col">{ tr.cpu_th_why() }</th>
                    </tr></thead>
                    <tbody>{ for table_rows }</tbody>
                </table>
                <p class="muted">{ tr.cpu_v2_note() }</p>
            </details>
        </section>
    }
}
