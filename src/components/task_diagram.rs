//! Task versus container (issue 7): nested boxes of task-level and container-level CPU and
//! memory, on Fargate and on EC2, from the pane's values (`sizing::task::analyze_text`).

use std::rc::Rc;

use ecsplain_engine::sizing::task::{self, Amount, ContainerSizing};
use yew::prelude::*;

use crate::i18n::Tr;

#[derive(Properties, PartialEq)]
pub struct DiagramProps {
    pub text: Rc<str>,
    /// Where `text` comes from, for the lede; `None`: the Task definition pane.
    #[prop_or_default]
    pub source: Option<AttrValue>,
}

/// A value of the diagram: CPU units, MiB, or why there is no number.
fn amount(tr: Tr, a: Amount, units: bool, absent: &str) -> String {
    match a {
        Amount::Known(v) if units => tr.dg_units(v),
        Amount::Known(v) => format!("{v} MiB"),
        Amount::Absent => absent.to_string(),
        Amount::Placeholder => tr.amount_a_placeholder().to_string(),
        Amount::Unreadable => tr.amount_unreadable().to_string(),
    }
}

fn container_box(tr: Tr, c: &ContainerSizing) -> Html {
    html! {
        <div class={classes!("box", "container-box", (!c.essential).then_some("optional"))}>
            <div class="box-title">{ &c.name }<span class="box-kind">{ if c.essential { tr.dg_container_essential() } else { tr.dg_container() } }</span></div>
            <dl class="box-values">
                <dt>{ "cpu" }</dt><dd>{ amount(tr, c.cpu, true, tr.dg_not_set_shares()) }<span class="what">{ tr.dg_weight() }</span></dd>
                <dt>{ "memoryReservation" }</dt><dd>{ amount(tr, c.memory_reservation, false, tr.dg_not_set()) }<span class="what">{ tr.dg_soft() }</span></dd>
                <dt>{ "memory" }</dt><dd>{ amount(tr, c.memory, false, tr.dg_not_set()) }<span class="what">{ tr.dg_hard() }</span></dd>
            </dl>
        </div>
    }
}

#[component]
pub fn TaskDiagram(props: &DiagramProps) -> Html {
    let tr = crate::i18n::use_tr();
    let sizing = task::analyze_text(&props.text);
    let containers = || sizing.containers.iter().map(|c| container_box(tr, c));
    let task_box = |host: &str| {
        html! {
            <div class="box task-box">
                <div class="box-title">{ tr.dg_task() }<span class="box-kind">{ host.to_string() }</span></div>
                <dl class="box-values">
                    <dt>{ "cpu" }</dt><dd>{ amount(tr, sizing.cpu, true, tr.dg_not_set()) }<span class="what">{ tr.dg_task_ceiling() }</span></dd>
                    <dt>{ "memory" }</dt><dd>{ amount(tr, sizing.memory, false, tr.dg_not_set()) }<span class="what">{ tr.dg_task_ceiling() }</span></dd>
                </dl>
                <div class="box-children">{ for containers() }</div>
            </div>
        }
    };
    html! {
        <section class="card explainer" id="task-diagram" tabindex="-1" aria-labelledby="diagram-title">
            <h2 id="diagram-title">{ tr.diagram_title() }</h2>
            <p class="lede">{ tr.dg_lede(props.source.as_ref().map_or_else(|| tr.cpu_source_pane().to_string(), |s| s.to_string())) }</p>
            if sizing.containers.is_empty() {
                <p class="muted">{ tr.dg_empty() }</p>
            }
            <div class="diagrams">
                <figure class="diagram">
                    <figcaption>{ tr.dg_on_fargate() }</figcaption>
                    <div class="box host-box fargate">
                        <div class="box-title">{ "Fargate" }<span class="box-kind">{ tr.dg_fargate_kind() }</span></div>
                        <div class="box-children">{ task_box(tr.dg_fargate_task()) }</div>
                    </div>
                </figure>
                <figure class="diagram">
                    <figcaption>{ tr.dg_on_ec2() }</figcaption>
                    <div class="box host-box ec2">
                        <div class="box-title">{ tr.dg_ec2_instance() }<span class="box-kind">{ tr.dg_ec2_kind() }</span></div>
                        <div class="box-children">
                            { task_box(tr.dg_ec2_task()) }
                            <div class="box ghost">{ tr.dg_other_tasks() }</div>
                        </div>
                    </div>
                </figure>
            </div>
        </section>
    }
}
