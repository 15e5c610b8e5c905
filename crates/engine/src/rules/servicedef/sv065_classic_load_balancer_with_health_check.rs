use super::pairing;
use crate::models::project::ProjectCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// When a service definition and its task definition are linted together, reports
    /// container health checks in the task of a service that uses a Classic Load Balancer
    /// (`loadBalancers[].loadBalancerName`).
    ///
    /// ## Why is this bad?
    /// The API reference says container health checks are not supported for tasks of such a
    /// service: the health check the author relies on to replace a broken task may not run.
    /// The Classic Load Balancer's own health check decides instead.
    ///
    /// ## Example
    /// A service with `"loadBalancers": [{ "loadBalancerName": "legacy-elb", "containerName":
    /// "app", "containerPort": 80 }]` whose task's container `app` has a `healthCheck`.
    ///
    /// ## Use instead
    /// Move the service to an Application Load Balancer (a target group), or rely on the
    /// Classic Load Balancer's health check and remove the container health check.
    ///
    /// ## References
    /// - [HealthCheck](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html):
    ///   "Container health checks aren't supported for tasks that are part of a service that's
    ///   configured to use a Classic Load Balancer." (In the ECS API model botocore ships;
    ///   catalogued in `data/ecs-constraints.json`.)
    /// - A warning: the API reference does not say whether ECS refuses the service or ignores
    ///   the health check.
    pub static RULE = {
        code: "SV065",
        name: "classic-load-balancer-with-health-check",
        target: CrossFile,
        severity: Warning,
        category: Reliability,
        summary: "container health checks in the task of a service behind a Classic Load Balancer",
    }
}

crate::messages! {
    "SV065";
    CLASSIC = "container `{name}` has a health check, but its service uses a Classic Load Balancer, which container health checks do not support";
    HELP = "move the service to an Application Load Balancer target group, or rely on the load balancer's health check";
    RELATED = "the Classic Load Balancer";
}

pub fn check(project: &ProjectCtx<'_>, sink: &mut Sink<'_>) {
    for pair in pairing::pairs(project) {
        let service = &pair.service;
        let task = &pair.task;
        let Some(elb) = service
            .service
            .get_array("loadBalancers")
            .iter()
            .find_map(|lb| {
                let classic = lb
                    .get_set("loadBalancerName")
                    .is_some_and(|n| n.as_str().is_some_and(|s| !s.is_empty()));
                let target_group = lb
                    .get_set("targetGroupArn")
                    .is_some_and(|n| n.as_str().is_some_and(|s| !s.is_empty()));
                (classic && !target_group)
                    .then(|| lb.member("loadBalancerName"))
                    .flatten()
            })
        else {
            continue;
        };
        for c in &task.containers {
            let Some(m) = c
                .member("healthCheck")
                .filter(|m| m.value.as_object().is_some())
            else {
                continue;
            };
            sink.report_msg_in(
                task.file,
                m.key_span,
                crate::msg!(CLASSIC, name = task.container_name(c)),
            )
            .set_help_msg(crate::msg!(HELP))
            .add_related_in_msg(service.file, elb.key_span, crate::msg!(RELATED));
        }
    }
}
