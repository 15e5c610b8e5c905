//! The service definition as rules see it: `create-service` input, or ecspresso's service
//! definition file (which has no `taskDefinition`, `cluster` or `serviceName`: ecspresso fills
//! them in).

use crate::input::span::Span;
use crate::syntax::value::Node;

pub struct ServiceDefCtx<'a> {
    pub text: &'a str,
    pub file: usize,
    pub document: &'a Node,
    /// The service object (`describe-services` output's first `services[]` entry, a `service`
    /// wrapper, or the document itself).
    pub service: &'a Node,
    /// The schema walk's findings, made once for the rules that read them (SV001, SV002, SV030,
    /// SV031).
    pub(crate) schema_issues: std::cell::OnceCell<Vec<crate::models::ecs_schema::Issue<'a>>>,
}

impl<'a> ServiceDefCtx<'a> {
    pub fn new(text: &'a str, file: usize, document: &'a Node) -> ServiceDefCtx<'a> {
        let service = document
            .get("service")
            .filter(|n| n.as_object().is_some())
            .or_else(|| {
                document
                    .get_array("services")
                    .first()
                    .filter(|n| n.as_object().is_some())
            })
            .unwrap_or(document);
        ServiceDefCtx {
            text,
            file,
            document,
            service,
            schema_issues: std::cell::OnceCell::new(),
        }
    }

    /// The launch type in effect: `launchType` as written; none when a capacity provider
    /// strategy is used instead.
    pub fn launch_type(&self) -> Option<&'a str> {
        self.service.get_str("launchType")
    }

    /// Does the service run on Fargate (launch type, or a FARGATE/FARGATE_SPOT capacity provider)?
    pub fn is_fargate(&self) -> bool {
        self.launch_type() == Some("FARGATE")
            || self
                .service
                .get_array("capacityProviderStrategy")
                .iter()
                .any(|item| {
                    item.get_str("capacityProvider")
                        .is_some_and(|p| p == "FARGATE" || p == "FARGATE_SPOT")
                })
    }

    /// `deploymentController.type` as written (`ECS`, `CODE_DEPLOY`, `EXTERNAL`); none when absent
    /// (ECS then uses `ECS`, rolling updates) or a placeholder.
    pub fn deployment_controller(&self) -> Option<&'a str> {
        self.service
            .get_set("deploymentController")
            .and_then(|c| c.get_str("type"))
            .filter(|t| !crate::syntax::value::is_placeholder_text(t))
    }

    /// Rolling updates (the `ECS` deployment controller, the default) are in use, as far as the
    /// text says.
    pub fn is_rolling(&self) -> bool {
        match self.service.get_set("deploymentController") {
            None => true,
            Some(c) => matches!(c.get_str("type"), Some("ECS")),
        }
    }

    /// `schedulingStrategy` as written; none when absent (ECS then uses `REPLICA`).
    pub fn scheduling_strategy(&self) -> Option<&'a str> {
        self.service
            .get_str("schedulingStrategy")
            .filter(|t| !crate::syntax::value::is_placeholder_text(t))
    }

    pub fn is_daemon(&self) -> bool {
        self.scheduling_strategy() == Some("DAEMON")
    }

    /// `networkConfiguration.awsvpcConfiguration` when it is an object.
    pub fn awsvpc(&self) -> Option<&'a Node> {
        self.service
            .get_set("networkConfiguration")
            .and_then(|n| n.get_set("awsvpcConfiguration"))
            .filter(|n| n.as_object().is_some())
    }

    /// The capacity provider strategy items that are objects.
    pub fn capacity_providers(&self) -> impl Iterator<Item = &'a Node> {
        self.service
            .get_array("capacityProviderStrategy")
            .iter()
            .filter(|n| n.as_object().is_some())
    }

    /// `desiredCount` when written as a literal number.
    pub fn desired_count(&self) -> Option<i64> {
        self.service
            .get_set("desiredCount")
            .filter(|n| !n.is_placeholder())
            .and_then(crate::syntax::value::Node::as_i64_lenient)
    }

    /// Does the text look like an ecspresso service definition rather than `create-service`
    /// input? ecspresso fills in `serviceName`, `cluster` and `taskDefinition`, so its files
    /// name none of them, and `ecspresso init` writes some `describe-services` keys it ignores.
    /// Go-template calls (`{{ must_env ... }}`) are the other sign.
    pub fn looks_like_ecspresso(&self) -> bool {
        std::ptr::eq(self.service, self.document)
            && (self.text.contains("{{")
                || ["serviceName", "service", "taskDefinition", "cluster"]
                    .iter()
                    .all(|k| self.service.get(k).is_none()))
    }

    /// Is this a service object at all (not a scalar or an array)?
    pub fn is_object(&self) -> bool {
        self.service.as_object().is_some()
    }

    pub fn key_span_or_service(&self, key: &str) -> Span {
        self.service
            .member(key)
            .map_or_else(|| self.service_head_span(), |m| m.span())
    }

    pub fn service_head_span(&self) -> Span {
        Span::new(
            self.service.span.start as usize,
            self.service.span.start as usize + 1,
        )
    }
}
