//! Task versus container (issue 7): nested boxes of task-level and container-level CPU and
//! memory, on Fargate and on EC2, from the pane's values (`sizing::task::analyze_text`).

use std::rc::Rc;

use ecsplain_engine::sizing::task::{self, Amount, ContainerSizing};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DiagramProps {
    pub text: Rc<str>,
    /// Where `text` comes from, for the lede ("the Task definition pane").
    #[prop_or(AttrValue::Static("the Task definition pane"))]
    pub source: AttrValue,
}

fn amount(a: Amount, unit: &str, absent: &str) -> String {
    match a {
        Amount::Known(v) => format!("{v}{unit}"),
        Amount::Absent => absent.to_string(),
        Amount::Placeholder => "a placeholder".to_string(),
        Amount::Unreadable => "unreadable".to_string(),
    }
}

fn container_box(c: &ContainerSizing) -> Html {
    html! {
        <div class={classes!("box", "container-box", (!c.essential).then_some("optional"))}>
            <div class="box-title">{ &c.name }<span class="box-kind">{ if c.essential { "container · essential" } else { "container" } }</span></div>
            <dl class="box-values">
                <dt>{ "cpu" }</dt><dd>{ amount(c.cpu, " units", "not set (2 shares)") }<span class="what">{ "a weight under contention" }</span></dd>
                <dt>{ "memoryReservation" }</dt><dd>{ amount(c.memory_reservation, " MiB", "not set") }<span class="what">{ "soft: what placement counts" }</span></dd>
                <dt>{ "memory" }</dt><dd>{ amount(c.memory, " MiB", "not set") }<span class="what">{ "hard: killed above it (exit 137)" }</span></dd>
            </dl>
        </div>
    }
}

#[component]
pub fn TaskDiagram(props: &DiagramProps) -> Html {
    let tr = crate::i18n::use_tr();
    let sizing = task::analyze_text(&props.text);
    let containers = || sizing.containers.iter().map(container_box);
    let task_box = |host: &str| {
        html! {
            <div class="box task-box">
                <div class="box-title">{ "task" }<span class="box-kind">{ host.to_string() }</span></div>
                <dl class="box-values">
                    <dt>{ "cpu" }</dt><dd>{ amount(sizing.cpu, " units", "not set") }<span class="what">{ "hard ceiling for all containers" }</span></dd>
                    <dt>{ "memory" }</dt><dd>{ amount(sizing.memory, " MiB", "not set") }<span class="what">{ "hard ceiling for all containers" }</span></dd>
                </dl>
                <div class="box-children">{ for containers() }</div>
            </div>
        }
    };
    html! {
        <section class="card explainer" id="task-diagram" tabindex="-1" aria-labelledby="diagram-title">
            <h2 id="diagram-title">{ tr.diagram_title() }</h2>
            <p class="lede">{ format!("How the task's numbers and each container's numbers nest, with the values from {}.", props.source) }</p>
            if sizing.containers.is_empty() {
                <p class="muted">{ "Paste a task definition in the Task definition pane to see its containers here." }</p>
            }
            <div class="diagrams">
                <figure class="diagram">
                    <figcaption>{ "On Fargate" }</figcaption>
                    <div class="box host-box fargate">
                        <div class="box-title">{ "Fargate" }<span class="box-kind">{ "the task size is the machine you pay for" }</span></div>
                        <div class="box-children">{ task_box("cpu and memory required, a valid pair") }</div>
                    </div>
                </figure>
                <figure class="diagram">
                    <figcaption>{ "On EC2" }</figcaption>
                    <div class="box host-box ec2">
                        <div class="box-title">{ "EC2 container instance" }<span class="box-kind">{ "registered CPU and memory, shared by its tasks" }</span></div>
                        <div class="box-children">
                            { task_box("cpu and memory optional") }
                            <div class="box ghost">{ "other tasks" }</div>
                        </div>
                    </div>
                </figure>
            </div>
        </section>
    }
}
