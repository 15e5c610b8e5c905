//! Memory limits over time (issue 7): presets from the engine (`sizing::memory::PRESETS`) or the
//! pane's containers with a usage slider each; the engine simulates, the page draws.

use std::rc::Rc;

use ecsplain_engine::learn::sizing_in;
use ecsplain_engine::sizing::memory::{self, MemScenario, MemState, PRESETS};
use ecsplain_engine::sizing::task;
use gloo::timers::callback::Timeout;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::sizing::{bind_select, viz_width};

/// Vertical room of one line of chart text (11-12 px type): labels closer than this would touch.
const LABEL_GAP: f64 = 13.0;
/// Step labels of the time axis are at least this far apart (pixels of the drawing).
const MIN_STEP_LABEL_GAP: f64 = 26.0;

/// Values for the MiB axis: multiples of a power-of-two step (64 MiB, 128, ... 16 GiB) from 0 up
/// to `top`, three or four of them.
fn mib_ticks(top: f64) -> Vec<f64> {
    let top = if top.is_finite() && top > 0.0 {
        top
    } else {
        64.0
    };
    let mut step = 64.0;
    while top / step > 3.0 {
        step *= 2.0;
    }
    (0..)
        .map(|k| f64::from(k) * step)
        .take_while(|v| *v <= top + 1e-9)
        .collect()
}

/// Time steps in "your task definition" mode.
const STEPS: usize = 6;
const PLAY_MS: u32 = 700;

#[derive(Properties, PartialEq)]
pub struct MemoryProps {
    pub text: Rc<str>,
    /// Opened from a finding: start with the pane's containers.
    pub from_finding: bool,
}

#[component]
pub fn MemoryExplainer(props: &MemoryProps) -> Html {
    let tr = crate::i18n::use_tr();
    // The engine's sentences in Japanese come with the Japanese rule docs: draw again when they
    // arrive (a view opened first, by a permalink, would otherwise keep its English).
    let _ja = crate::i18n::use_ja_docs(tr.lang);
    let sizing = task::analyze_text(&props.text);
    let mode = use_state(|| {
        if props.from_finding && !sizing.containers.is_empty() {
            "task".to_string()
        } else {
            "1".to_string()
        }
    });
    // The step shown (the cursor); `None` = the whole run.
    let at = use_state(|| None::<usize>);
    let playing = use_state(|| false);
    // Peak usage per container in "task" mode, MiB.
    let peaks = use_state(Vec::<u32>::new);

    let preset = mode
        .parse::<usize>()
        .ok()
        .and_then(|i| PRESETS.get(i).copied());
    let scenario: MemScenario = match preset {
        Some(p) => memory::preset(p),
        None => {
            let mut s = memory::from_task(&sizing, STEPS);
            for (i, c) in s.containers.iter_mut().enumerate() {
                if let Some(&peak) = peaks.get(i) {
                    // A steady climb to the chosen peak over the steps.
                    let start = c.usage_mib.first().copied().unwrap_or(0).min(peak);
                    c.usage_mib = memory::ramp(start, peak, STEPS);
                }
            }
            s
        }
    };
    let timeline = sizing_in::simulate_memory_in(&scenario, tr.lang);
    let last = timeline.steps.len().saturating_sub(1);
    let shown = at.unwrap_or(last).min(last);

    // Playing advances the cursor one step at a time.
    {
        let at = at.clone();
        let playing = playing.clone();
        use_effect_with(
            (*playing, shown, last),
            move |&(is_playing, shown, last)| {
                let timeout = is_playing.then(|| {
                    Timeout::new(PLAY_MS, move || {
                        if shown >= last {
                            playing.set(false);
                        } else {
                            at.set(Some(shown + 1));
                        }
                    })
                });
                move || drop(timeout)
            },
        );
    }
    let on_play = {
        let (at, playing) = (at.clone(), playing.clone());
        Callback::from(move |_: MouseEvent| {
            at.set(Some(0));
            playing.set(true);
        })
    };
    let on_step = {
        let (at, playing) = (at.clone(), playing.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                playing.set(false);
                at.set(input.value().parse().ok());
            }
        })
    };
    let on_mode = {
        let (bind, at, playing) = (bind_select(&mode), at.clone(), playing.clone());
        Callback::from(move |e: Event| {
            playing.set(false);
            at.set(None);
            bind.emit(e);
        })
    };

    // The scale: the largest of task memory, limits and usage.
    let mut top_mib: u64 = u64::from(scenario.task_memory_mib.unwrap_or(0));
    for c in &scenario.containers {
        top_mib = top_mib
            .max(u64::from(c.limit_mib.unwrap_or(0)))
            .max(u64::from(c.reservation_mib.unwrap_or(0)))
            .max(c.usage_mib.iter().copied().max().map_or(0, u64::from));
    }
    for s in &timeline.steps {
        top_mib = top_mib.max(s.total_mib);
    }
    let top_mib = (top_mib.max(64) as f64) * 1.1;

    let w = viz_width();
    let left = if w < 500.0 { 100.0 } else { 130.0 };
    let plot_w = w - left - 24.0;
    let lane_h = 130.0;
    let lanes = scenario.containers.len() + 1;
    // Room below the last lane for the time axis.
    let height = lane_h * lanes as f64 + 44.0;
    let n = timeline.steps.len().max(1);
    // Points start after room for the line labels at the left of each lane.
    let label_room = 110.0;
    let sx = |i: usize| left + label_room + (plot_w - label_room) * (i as f64 + 0.5) / n as f64;
    let sy = |lane: usize, mib: f64| {
        let base = lane_h * lane as f64 + 12.0;
        base + (lane_h - 30.0) * (1.0 - (mib / top_mib).clamp(0.0, 1.0))
    };
    let colors = ["c0", "c1", "c2", "c3", "c4", "c5"];
    let ticks = mib_ticks(top_mib / 1.1);

    let lane_svg = |lane: usize,
                    name: String,
                    sub: String,
                    line_points: Vec<(usize, f64, bool)>,
                    soft: Option<u32>,
                    hard: Option<u32>,
                    hard_label: &str,
                    color: &'static str,
                    marks: Vec<(usize, String)>| {
        let y0 = sy(lane, 0.0);
        let pts: String = line_points
            .iter()
            .map(|(i, v, _)| format!("{:.1},{:.1} ", sx(*i), sy(lane, *v)))
            .collect();
        let area = match (line_points.first(), line_points.last()) {
            (Some((a, _, _)), Some((b, _, _))) => {
                format!("{:.1},{y0:.1} {pts}{:.1},{y0:.1}", sx(*a), sx(*b))
            }
            _ => String::new(),
        };
        // The limit labels sit at the left of the plot, the hard one above its line and the soft
        // one below its own; when they would touch, the soft one moves down.
        let hard_y = hard.map(|v| sy(lane, f64::from(v)));
        let soft_y = soft.map(|v| sy(lane, f64::from(v)));
        let hard_label_y = hard_y.map(|y| y - 4.0);
        let soft_label_y = soft_y.map(|y| {
            let below = y + 13.0;
            match hard_label_y {
                Some(h) if (below - h).abs() < LABEL_GAP => h + LABEL_GAP,
                _ => below,
            }
        });
        let soft_line = soft.zip(soft_y).zip(soft_label_y).map(|((v, y), ly)| {
            html! { <g><line class="soft" x1={left.to_string()} x2={(left + plot_w).to_string()} y1={format!("{y:.1}")} y2={format!("{y:.1}")} />
                <text class="soft-label" x={(left + 4.0).to_string()} y={format!("{ly:.1}")}>{ tr.mem_reservation(v) }</text></g> }
        });
        let hard_line = hard.zip(hard_y).zip(hard_label_y).map(|((v, y), ly)| {
            html! { <g><line class="hard" x1={left.to_string()} x2={(left + plot_w).to_string()} y1={format!("{y:.1}")} y2={format!("{y:.1}")} />
                <text class="hard-label" x={(left + 4.0).to_string()} y={format!("{ly:.1}")}>{ format!("{hard_label} {v}") }</text></g> }
        });
        // The MiB axis: a tick and its value at the right edge of the label room, left out where
        // a limit label is on the same height.
        let taken: Vec<f64> = hard_label_y.into_iter().chain(soft_label_y).collect();
        let axis_x = left + label_room - 6.0;
        let tick_marks = ticks.iter().filter_map(|&v| {
            let y = sy(lane, v);
            let text_y = y + 4.0;
            let free = taken.iter().all(|t| (t - text_y).abs() >= LABEL_GAP);
            free.then(|| html! {
                <g class="tick">
                    <line class="grid" x1={format!("{:.1}", axis_x + 2.0)} x2={format!("{:.1}", left + plot_w)} y1={format!("{y:.1}")} y2={format!("{y:.1}")} />
                    <text class="tick-label" x={format!("{axis_x:.1}")} y={format!("{text_y:.1}")} text-anchor="end">{ format!("{v:.0} MiB") }</text>
                </g>
            })
        });
        let dots = line_points.iter().map(|(i, v, over)| html! {
            <circle class={classes!("dot", color, over.then_some("over"))} cx={format!("{:.1}", sx(*i))} cy={format!("{:.1}", sy(lane, *v))} r="4" />
        });
        let marks = marks.into_iter().map(|(i, text)| {
            let y = line_points
                .iter()
                .find(|(j, _, _)| *j == i)
                .map_or(sy(lane, 0.0), |(_, v, _)| sy(lane, *v));
            html! {
                <g class="kill"><text x={format!("{:.1}", sx(i))} y={format!("{:.1}", y - 10.0)} text-anchor="middle">{ "✖" }</text>
                <text class="kill-label" x={format!("{:.1}", sx(i) - 12.0)} y={format!("{:.1}", y - 8.0)} text-anchor="end">{ text }</text></g>
            }
        });
        html! {
            <g class="lane">
                <text x="0" y={format!("{:.1}", lane_h * lane as f64 + 30.0)} class="name">{ name }</text>
                { for sub.split(" · ").enumerate().map(|(k, part)| html! {
                    <text x="0" y={format!("{:.1}", lane_h * lane as f64 + 46.0 + 14.0 * k as f64)} class="sub">{ part.to_string() }</text>
                }) }
                <line class="axis" x1={left.to_string()} x2={(left + plot_w).to_string()} y1={format!("{y0:.1}")} y2={format!("{y0:.1}")} />
                { for tick_marks }
                <polygon class={classes!("area", color)} points={area} />
                <polyline class={classes!("use", color)} points={pts} />
                { for soft_line }
                { for hard_line }
                { for dots }
                { for marks }
            </g>
        }
    };

    let mut svg_lanes = Vec::new();
    for (ci, c) in scenario.containers.iter().enumerate() {
        let mut points = Vec::new();
        let mut marks = Vec::new();
        for step in timeline.steps.iter().take(shown + 1) {
            if let Some(sc) = step.containers.get(ci) {
                match sc.state {
                    MemState::OomKilled => {
                        points.push((step.index, f64::from(sc.demand_mib), true));
                        marks.push((step.index, format!("exit {}", memory::OOM_EXIT_CODE)));
                    }
                    MemState::Stopped => {}
                    MemState::AboveReservation => {
                        points.push((step.index, f64::from(sc.usage_mib), true))
                    }
                    _ => points.push((step.index, f64::from(sc.usage_mib), false)),
                }
            }
        }
        // Labels, one a line under the name (the lane splits them at " · ").
        let essential = if c.essential {
            tr.mem_essential()
        } else {
            tr.mem_not_essential()
        };
        let limits = match (c.reservation_mib, c.limit_mib) {
            (Some(r), Some(l)) => vec![tr.mem_soft(r), tr.mem_hard(l)],
            (Some(r), None) => vec![tr.mem_soft(r), tr.mem_no_hard().to_string()],
            (None, Some(l)) => vec![tr.mem_hard(l)],
            (None, None) => vec![tr.mem_no_limits().to_string()],
        };
        let sub = std::iter::once(essential.to_string())
            .chain(limits)
            .collect::<Vec<_>>()
            .join(" · ");
        svg_lanes.push(lane_svg(
            ci,
            c.name.clone(),
            sub,
            points,
            c.reservation_mib,
            c.limit_mib,
            tr.mem_hard_limit(),
            colors[ci % colors.len()],
            marks,
        ));
    }
    // The task's total, drawn until the task stops; where memory ran out, what the containers
    // tried to hold together (so the line crosses the ceiling).
    let stopped_at = timeline.task_stopped_at.unwrap_or(usize::MAX);
    let total_points: Vec<(usize, f64, bool)> = timeline
        .steps
        .iter()
        .take(shown + 1)
        .filter(|s| s.index < stopped_at || (s.index == stopped_at && s.task_memory_exhausted))
        .map(|s| {
            // Containers still running before this step (a kill at this step included).
            let before = s.index.checked_sub(1).and_then(|k| timeline.steps.get(k));
            let wanted: u64 = s
                .containers
                .iter()
                .enumerate()
                .filter(|(k, _)| {
                    before
                        .and_then(|b| b.containers.get(*k))
                        .is_none_or(|b| !matches!(b.state, MemState::Stopped | MemState::OomKilled))
                })
                .map(|(_, c)| u64::from(c.demand_mib))
                .sum();
            let shown_total = if s.task_memory_exhausted {
                wanted
            } else {
                s.total_mib
            };
            (s.index, shown_total as f64, s.task_memory_exhausted)
        })
        .collect();
    let ceiling = timeline.steps.first().and_then(|s| s.ceiling_mib);
    let stop_mark: Vec<(usize, String)> = timeline
        .task_stopped_at
        .filter(|&i| i <= shown)
        .map(|i| (i, tr.mem_task_stopped().to_string()))
        .into_iter()
        .collect();
    svg_lanes.push(lane_svg(
        scenario.containers.len(),
        tr.mem_task_total().into(),
        ceiling.map_or_else(
            || tr.mem_no_task_memory().into(),
            |c| tr.mem_task_memory_of(c),
        ),
        total_points,
        None,
        ceiling,
        tr.mem_task_memory(),
        "total",
        stop_mark,
    ));

    // The time axis under the last lane: one label per step, or per k steps when they would be
    // closer than MIN_STEP_LABEL_GAP pixels.
    let time_axis = {
        let y = lane_h * lanes as f64 + 14.0;
        let spacing = (plot_w - label_room) / n as f64;
        let every = ((MIN_STEP_LABEL_GAP / spacing).ceil() as usize).max(1);
        let labels = (0..n).filter(|i| i % every == 0).map(|i| html! {
            <text class="tick-label" x={format!("{:.1}", sx(i))} y={format!("{:.1}", y + 12.0)} text-anchor="middle">{ format!("t{i}") }</text>
        });
        html! {
            <g class="time-axis">
                <line class="axis" x1={format!("{:.1}", left + label_room)} x2={format!("{:.1}", left + plot_w)} y1={format!("{y:.1}")} y2={format!("{y:.1}")} />
                { for labels }
                <text class="tick-label" x={format!("{:.1}", left + label_room - 6.0)} y={format!("{:.1}", y + 12.0)} text-anchor="end">{ tr.mem_time_axis() }</text>
            </g>
        }
    };

    let events = timeline.events.iter().filter(|e| e.step <= shown).map(|e| html! {
        <li class={classes!("event", format!("{:?}", e.kind).to_ascii_lowercase())}>
            <span class="event-step">{ format!("t{}", e.step) }</span>
            <span>{ &e.sentence }</span>
            if let Some(code) = e.exit_code { <span class="badge bad">{ format!("exit {code}") }</span> }
            if let Some(reason) = &e.stopped_reason { <code class="reason">{ reason }</code> }
        </li>
    });
    let names: Vec<&str> = scenario
        .containers
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    let table_rows = timeline.steps.iter().take(shown + 1).map(|s| html! {
        <tr>
            <th scope="row">{ format!("t{}", s.index) }</th>
            { for s.containers.iter().map(|c| html! { <td>{ tr.mem_cell(c.usage_mib, state_text(tr, c.state).to_string()) }</td> }) }
            <td class="num">{ s.total_mib }</td>
            <td class="num">{ s.ceiling_mib.map_or_else(|| "—".into(), |c| c.to_string()) }</td>
        </tr>
    });
    let aria = format!(
        "{}{}",
        tr.mem_aria(timeline.steps.len()),
        timeline
            .events
            .iter()
            .filter(|e| e.step <= shown)
            .map(|e| tr.mem_aria_event(e.step, e.sentence.clone()))
            .collect::<String>()
    );

    let task_sliders = (preset.is_none()).then(|| {
        let items = scenario.containers.iter().enumerate().map(|(i, c)| {
            let peaks = peaks.clone();
            let count = scenario.containers.len();
            let current: Vec<u32> = scenario.containers.iter().map(|k| k.usage_mib.last().copied().unwrap_or(0)).collect();
            let at = at.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                    let mut next: Vec<u32> = (0..count).map(|j| peaks.get(j).copied().unwrap_or_else(|| current.get(j).copied().unwrap_or(0))).collect();
                    if let (Some(slot), Ok(v)) = (next.get_mut(i), input.value().parse::<u32>()) {
                        *slot = v;
                    }
                    peaks.set(next);
                    at.set(None);
                }
            });
            let value = c.usage_mib.last().copied().unwrap_or(0);
            let id = format!("mem-use-{i}");
            html! {
                <div class="slider">
                    <label for={id.clone()}>{ tr.mem_grows_to(c.name.clone()) }</label>
                    <input type="range" id={id} min="0" max={format!("{:.0}", top_mib.max(2048.0))} step="16" value={value.to_string()} {oninput} aria-valuetext={format!("{value} MiB")} />
                    <output>{ format!("{value} MiB") }</output>
                </div>
            }
        });
        html! { <div class="sliders">{ for items }</div> }
    });
    let options = PRESETS.iter().enumerate().map(|(i, p)| {
        html! {
            <option value={i.to_string()} selected={*mode == i.to_string()}>{ sizing_in::preset_title_in(*p, tr.lang) }</option>
        }
    });

    html! {
        <section class="card explainer" id="memory-explainer" tabindex="-1" aria-labelledby="memory-title">
            <h2 id="memory-title">{ tr.mem_title() }</h2>
            <p class="lede">{ tr.mem_lede() }</p>
            <div class="form-row">
                <label>{ tr.mem_scenario() }
                    <select id="memory-preset" onchange={on_mode}>
                        { for options }
                        <option value="task" selected={*mode == "task"} disabled={sizing.containers.is_empty()}>{ tr.mem_your_task() }</option>
                    </select>
                </label>
                <button type="button" class="button primary" id="memory-play" onclick={on_play} disabled={*playing}>{ if *playing { tr.mem_playing() } else { tr.mem_play() } }</button>
                <label class="step-label">{ tr.mem_time(shown) }
                    <input type="range" id="memory-step" min="0" max={last.to_string()} value={shown.to_string()} oninput={on_step} aria-valuetext={tr.mem_step_of(shown, last)} />
                </label>
            </div>
            if let Some(p) = preset { <p class="preset-lesson">{ sizing_in::preset_lesson_in(p, tr.lang) }</p> }
            { for task_sliders }
            <svg class="viz mem-viz" viewBox={format!("0 0 {w} {height:.0}")} role="img" aria-label={aria}>
                { for svg_lanes }
                { time_axis }
            </svg>
            <p class="legend"><span class="key use-key"></span>{ tr.mem_legend_uses() }<span class="key soft-key"></span>{ tr.mem_legend_soft() }<span class="key hard-key"></span>{ tr.mem_hard_limit() }</p>
            <ol class="events" id="memory-events" aria-live="polite">{ for events }</ol>
            <ul class="notes">{ for timeline.notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
            <details class="text-equivalent">
                <summary>{ tr.mem_numbers() }</summary>
                <table class="data-table">
                    <thead><tr><th scope="col">{ tr.mem_th_step() }</th>{ for names.iter().map(|n| html! { <th scope="col">{ *n }</th> }) }<th scope="col">{ tr.mem_th_total() }</th><th scope="col">{ tr.mem_th_ceiling() }</th></tr></thead>
                    <tbody>{ for table_rows }</tbody>
                </table>
            </details>
        </section>
    }
}

fn state_text(tr: crate::i18n::Tr, state: MemState) -> &'static str {
    match state {
        MemState::BelowReservation => tr.mem_state_within(),
        MemState::AboveReservation => tr.mem_state_above(),
        MemState::Running => tr.mem_state_running(),
        MemState::OomKilled => tr.mem_state_killed(),
        MemState::Stopped => tr.mem_state_stopped(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mib_ticks_are_few_round_and_in_range() {
        for top in [64.0, 100.0, 512.0, 2048.0, 3000.0, 30_720.0, f64::NAN] {
            let t = mib_ticks(top);
            assert!(t.len() >= 2 && t.len() <= 4, "{top}: {t:?}");
            assert_eq!(t[0], 0.0);
            assert!(t.windows(2).all(|w| w[1] > w[0]));
        }
        assert_eq!(mib_ticks(2048.0), vec![0.0, 1024.0, 2048.0]);
    }
}
