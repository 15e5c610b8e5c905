//! The service definition's schema checks: a walk of the tree against the members of the
//! `CreateService` input (plus those only `UpdateService` takes: ecspresso sends both from one
//! file) in the ECS API model (`data/ecs-schema.json`, generated from botocore's model; see
//! [`crate::models::ecs_schema`]), and the output-only keys of `describe-services` (the model's
//! `Service` members the inputs do not take), described in `data/servicedef-output-keys.json`.
//! Read by SV001, SV002, SV003, SV030 and SV031.

use std::collections::BTreeMap;
use std::sync::OnceLock;

pub use crate::models::ecs_schema::Issue;
use crate::models::ecs_schema::{self, Walk, SERVICE_ROOT};
use crate::syntax::value::{keys_match, Node};

const KEYS: &str = include_str!("../../../data/servicedef-output-keys.json");

/// What each output-only key is, for messages.
fn descriptions() -> &'static BTreeMap<String, String> {
    static MAP: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    MAP.get_or_init(|| {
        crate::syntax::json::to_value(KEYS)
            .and_then(|raw| {
                raw.get("keys")?
                    .as_object()?
                    .iter()
                    .map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
                    .collect::<Option<Vec<_>>>()
                    .map(crate::input::order::btree_map)
            })
            .unwrap_or_default()
    })
}

/// An output-only key of `describe-services` (first letter's case ignored): its name as the
/// model spells it and what it is.
pub fn output_only(key: &str) -> Option<(&'static str, &'static str)> {
    let name = ecs_schema::schema().output_only("Service", key)?;
    let what = descriptions()
        .iter()
        .find(|(k, _)| keys_match(k, name))
        .map_or("set by ECS", |(_, v)| v.as_str());
    Some((name, what))
}

/// The schema issues of a service definition, found once per file.
pub fn issues<'c, 'a>(ctx: &'c crate::models::servicedef::ServiceDefCtx<'a>) -> &'c [Issue<'a>] {
    ctx.schema_issues.get_or_init(|| {
        let mut out = Vec::new();
        walk(ctx.service, &mut out);
        out
    })
}

/// Walks the service object against the schema. Top-level output-only keys are left to SV003;
/// `null` values and placeholders are never problems.
pub fn walk<'a>(service: &'a Node, out: &mut Vec<Issue<'a>>) {
    let options = Walk {
        skip_top: &|key| output_only(key).is_some(),
        root_required: false,
    };
    ecs_schema::walk(service, SERVICE_ROOT, &options, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_output_only_key_is_described() {
        let schema = ecs_schema::schema();
        let keys = schema.output_only.get("Service").expect("Service");
        assert!(keys.len() > 10);
        for key in keys {
            assert!(
                descriptions().contains_key(key),
                "describe `{key}` in data/servicedef-output-keys.json"
            );
            let root = schema.structure(SERVICE_ROOT).expect("root");
            assert!(root.member(key).is_none(), "{key} is both input and output");
        }
        assert_eq!(
            output_only("ServiceArn").map(|(k, _)| k),
            Some("serviceArn")
        );
        assert!(output_only("desiredCount").is_none());
    }
}
