//! The catalogue of constraints the ECS API reference states (`data/ecs-constraints.json`):
//! every rule it names exists, every entry says exactly one of rule / todo / offline /
//! not_enforced, ids are unique, and the counts in its header are the entries' counts. That
//! it lists every sentence of the pinned model is checked by `scripts/ecs_constraints.py
//! check` (it needs the referees' venv; `cargo xtask test` runs it).

use std::collections::HashSet;

use ecsplain_engine::registry;

const CATALOGUE: &str = include_str!("../data/ecs-constraints.json");

#[test]
fn catalogue_names_existing_rules_and_counts_right() {
    let doc: serde_json::Value = serde_json::from_str(CATALOGUE).expect("the catalogue is JSON");
    let entries = doc["constraints"].as_array().expect("a constraints array");
    assert!(!entries.is_empty());
    let kinds = ["rule", "todo", "offline", "not_enforced"];
    let mut counts = [0usize; 4];
    let mut ids = HashSet::new();
    let mut extras = 0;
    for e in entries {
        let id = e["id"].as_str().expect("an id");
        assert!(ids.insert(id), "duplicate id {id}");
        if id.starts_with("extra:") {
            extras += 1;
        }
        assert!(
            e["constraint"].as_str().is_some_and(|s| !s.is_empty()),
            "{id}: no constraint text"
        );
        assert!(e["enforced"].as_str().is_some(), "{id}: no `enforced`");
        let present: Vec<usize> = (0..kinds.len())
            .filter(|i| e.get(kinds[*i]).is_some())
            .collect();
        assert_eq!(present.len(), 1, "{id}: exactly one of {kinds:?}");
        counts[present[0]] += 1;
        if let Some(code) = e["rule"].as_str() {
            assert!(
                registry::rule(code).is_some_and(|r| r.code == code),
                "{id} names rule {code}, which does not exist"
            );
        }
    }
    let header = &doc["counts"];
    let want = |k: &str| header[k].as_u64().unwrap_or(u64::MAX) as usize;
    assert_eq!(want("entries"), entries.len());
    assert_eq!(want("extras"), extras);
    assert_eq!(want("model_sentences"), entries.len() - extras);
    assert_eq!(want("checked_by_a_rule"), counts[0]);
    assert_eq!(want("checkable_no_rule_yet"), counts[1]);
    assert_eq!(want("not_checkable_offline"), counts[2]);
    assert_eq!(want("not_enforced"), counts[3]);
    assert_eq!(want("constraints"), entries.len() - counts[3]);
}
