//! The service definition as rules see it: `create-service` input, or ecspresso's service
//! definition file (which has no `taskDefinition`, `cluster` or `serviceName`: ecspresso fills
//! them in).

use crate::span::Span;
use crate::value::Node;

pub struct ServiceDefCtx<'a> {
    pub text: &'a str,
    pub file: usize,
    pub document: &'a Node,
    /// The service object (`describe-services` output's first `services[]` entry, a `service`
    /// wrapper, or the document itself).
    pub service: &'a Node,
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
