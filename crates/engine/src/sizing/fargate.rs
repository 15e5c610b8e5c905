//! The Fargate task size table, read from `data/fargate-sizes.json` (source and date inside).

use std::sync::OnceLock;

use serde_json::Value;

/// One Fargate CPU size and the memory sizes allowed with it.
#[derive(Debug, Clone)]
pub struct CpuSize {
    pub cpu: u32,
    pub memory: Vec<u32>,
    pub windows: bool,
    /// The oldest Linux platform version that offers it, when not every version does.
    pub min_platform: Option<String>,
}

#[derive(Debug)]
pub struct FargateSizes {
    pub source: String,
    pub retrieved: String,
    pub sizes: Vec<CpuSize>,
}

const DATA: &str = include_str!("../../data/fargate-sizes.json");

/// The table. The data file is part of the build and checked by a test, so reading it cannot
/// fail at run time; an unreadable file would give an empty table, never a panic.
pub fn table() -> &'static FargateSizes {
    static TABLE: OnceLock<FargateSizes> = OnceLock::new();
    TABLE.get_or_init(|| {
        read(DATA).unwrap_or(FargateSizes {
            source: String::new(),
            retrieved: String::new(),
            sizes: Vec::new(),
        })
    })
}

/// Reads the data file (with the engine's own JSON reader: see [`crate::syntax::json::to_value`]).
fn read(data: &str) -> Option<FargateSizes> {
    let raw = crate::syntax::json::to_value(data)?;
    let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_string);
    let number = |v: &Value| v.as_u64().and_then(|n| u32::try_from(n).ok());
    let sizes = raw
        .get("sizes")?
        .as_array()?
        .iter()
        .map(|s| {
            let mut memory: Vec<u32> = s
                .get("memory")
                .and_then(Value::as_array)
                .map(|m| m.iter().filter_map(number).collect())
                .unwrap_or_default();
            if let Some(range) = s.get("memory_range") {
                let bound = |key: &str| range.get(key).and_then(number);
                let (min, max, step) = (bound("min")?, bound("max")?, bound("step")?);
                memory.extend((min..=max).step_by(step.max(1) as usize));
            }
            Some(CpuSize {
                cpu: s.get("cpu").and_then(number)?,
                memory,
                windows: s
                    .get("os")
                    .and_then(Value::as_array)
                    .is_some_and(|os| os.iter().any(|o| o == "WINDOWS")),
                min_platform: text(s, "min_platform"),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(FargateSizes {
        source: text(&raw, "source")?,
        retrieved: text(&raw, "retrieved")?,
        sizes,
    })
}

impl FargateSizes {
    pub fn cpu(&self, cpu: u32) -> Option<&CpuSize> {
        self.sizes.iter().find(|s| s.cpu == cpu)
    }

    pub fn is_valid(&self, cpu: u32, memory: u32) -> bool {
        self.cpu(cpu).is_some_and(|s| s.memory.contains(&memory))
    }

    /// CPU sizes that allow this memory size.
    pub fn cpus_for_memory(&self, memory: u32) -> Vec<u32> {
        self.sizes
            .iter()
            .filter(|s| s.memory.contains(&memory))
            .map(|s| s.cpu)
            .collect()
    }

    /// The smallest valid size with at least this CPU and this memory (what to pick when a
    /// pair is invalid or the containers need more).
    pub fn next_valid(&self, cpu: u32, memory: u32) -> Option<(u32, u32)> {
        self.sizes.iter().filter(|s| s.cpu >= cpu).find_map(|s| {
            s.memory
                .iter()
                .copied()
                .find(|&m| m >= memory)
                .map(|m| (s.cpu, m))
        })
    }
}

/// "512, 1024 or 2048" / "1024 to 4096 in steps of 1024".
pub fn describe_list(values: &[u32]) -> String {
    match values {
        [] => "none".to_string(),
        [one] => one.to_string(),
        [first, .., last] if values.len() > 3 => {
            let step = values[1] - values[0];
            if values.windows(2).all(|w| w[1] - w[0] == step) {
                format!("{first} to {last} in steps of {step}")
            } else {
                values
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        }
        _ => {
            let (last, rest) = values.split_last().unwrap_or((&0, &[]));
            format!(
                "{} or {last}",
                rest.iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_matches_the_aws_documentation() {
        let t = table();
        assert!(t.source.starts_with("https://docs.aws.amazon.com/"));
        assert_eq!(t.sizes.len(), 7);
        // Spot checks against the AWS table (task-cpu-memory-error.html).
        assert!(t.is_valid(256, 512) && t.is_valid(256, 2048) && !t.is_valid(256, 3072));
        assert!(t.is_valid(512, 4096) && !t.is_valid(512, 5120));
        assert!(t.is_valid(4096, 30720) && !t.is_valid(4096, 31744));
        assert!(t.is_valid(8192, 20480) && !t.is_valid(8192, 17408));
        assert!(t.is_valid(16384, 122_880) && !t.is_valid(16384, 36864));
        assert_eq!(t.cpus_for_memory(4096), vec![512, 1024, 2048]);
        assert_eq!(t.next_valid(256, 3000), Some((512, 3072)));
        assert_eq!(t.next_valid(300, 512), Some((512, 1024)));
        assert!(!t.cpu(256).unwrap().windows && t.cpu(1024).unwrap().windows);
    }

    #[test]
    fn lists_read_naturally() {
        assert_eq!(describe_list(&[512, 1024, 2048]), "512, 1024 or 2048");
        assert_eq!(
            describe_list(&[1024, 2048, 3072, 4096]),
            "1024 to 4096 in steps of 1024"
        );
    }
}
