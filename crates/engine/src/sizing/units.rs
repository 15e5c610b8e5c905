//! Task-level `cpu` and `memory` as the API accepts them: `"256"`, `"1 vCPU"`, `"0.25 vcpu"`,
//! `"2GB"`, `"2048"`.

/// CPU units from a task-level `cpu` value: an integer count of units, or vCPUs with a `vCPU`
/// suffix (1 vCPU = 1024 units). `None` when the text is neither.
pub fn parse_cpu_units(text: &str) -> Option<u32> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    if let Some(number) = lower.strip_suffix("vcpu") {
        let vcpu = crate::input::number::parse_f64(number.trim())?;
        let units = vcpu * 1024.0;
        return to_u32(units);
    }
    t.parse::<u32>().ok()
}

/// MiB from a task-level `memory` value: an integer count of MiB, or `GB` with a suffix
/// (1 GB = 1024 MiB, as the API reads it).
pub fn parse_memory_mib(text: &str) -> Option<u32> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    if let Some(number) = lower.strip_suffix("gb") {
        let gb = crate::input::number::parse_f64(number.trim())?;
        return to_u32(gb * 1024.0);
    }
    if let Some(number) = lower
        .strip_suffix("mb")
        .or_else(|| lower.strip_suffix("mib"))
    {
        return number.trim().parse().ok();
    }
    t.parse::<u32>().ok()
}

fn to_u32(x: f64) -> Option<u32> {
    if x.is_finite() && x >= 0.0 && x <= f64::from(u32::MAX) && x.fract() == 0.0 {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Some(x as u32)
    } else {
        None
    }
}

/// "256 (.25 vCPU)" style text for messages.
pub fn describe_cpu(units: u32) -> String {
    let vcpu = f64::from(units) / 1024.0;
    format!("{units} ({} vCPU)", trim_float(vcpu))
}

/// "2048 MiB (2 GB)" style text for messages.
pub fn describe_memory(mib: u32) -> String {
    if mib.is_multiple_of(1024) {
        format!("{mib} MiB ({} GB)", mib / 1024)
    } else {
        format!("{mib} MiB")
    }
}

pub fn trim_float(x: f64) -> String {
    let s = format!("{x:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.strip_prefix("0.")
        .map_or_else(|| s.to_string(), |rest| format!(".{rest}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_parse_like_the_api() {
        assert_eq!(parse_cpu_units("256"), Some(256));
        assert_eq!(parse_cpu_units("1 vCPU"), Some(1024));
        assert_eq!(parse_cpu_units(".25 vcpu"), Some(256));
        assert_eq!(parse_cpu_units("x"), None);
        assert_eq!(parse_memory_mib("2GB"), Some(2048));
        assert_eq!(parse_memory_mib("0.5 GB"), Some(512));
        assert_eq!(parse_memory_mib("3072"), Some(3072));
        assert_eq!(describe_cpu(256), "256 (.25 vCPU)");
        assert_eq!(describe_memory(3072), "3072 MiB (3 GB)");
    }
}
