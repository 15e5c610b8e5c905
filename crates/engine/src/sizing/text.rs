//! The sentences the sizing arithmetic writes, as keyed templates with typed arguments (issue
//! 21): each a whole sentence per language, never glued from fragments.
//!
//! The English is here; the Japanese is `sizing/text.ja.msg` (`NAME = text` a line), which
//! this layer does not read: `learn::sizing_in` renders a result in a language (compiled in for
//! native builds; in the page it comes with the Japanese rule docs, under `ja-msg/SIZING.NAME`).
//! Every result keeps its English strings as before (`sentence`, `notes`, ...), byte for byte,
//! and beside them the keyed forms, which `localize` renders in another language.

use crate::input::msg::{Arg, Msg};

crate::messages! {
    "SIZING";
    CPU_CAP_TASK = "the task's {vcpu} vCPU";
    CPU_CAP_HOST = "the host's {vcpu} vCPU";
    CPU_GETS = "{name} gets {vcpu} vCPU ({pct}%)";
    CPU_NAMES_AND = "{rest} and {last}";
    CPU_IDLE = "No container wants CPU: {cap} sit idle.";
    CPU_ENOUGH = "There is enough CPU for everyone: {used} of {cap} in use, and {list}.";
    CPU_IDLE_ONE = "{name} is";
    CPU_IDLE_OTHERS = "the others are";
    CPU_ALONE = "{name} uses {vcpu} vCPU, more than its {weight} {file} would give it under contention ({pct}%), because {idle} idle: weights only matter when containers compete.";
    CPU_CONTENDED = "The containers want more than {cap}, so the kernel splits it by their {file} ({ratio}): {list}.";
    CPU_CONTENDED_SOME_ONE = "The containers want more than {cap}. {names} needs less than its share and gets what it wants ({vcpu} vCPU); {others} split the remaining {left} vCPU by their {file} ({ratio}): {list}.";
    CPU_CONTENDED_SOME_MANY = "The containers want more than {cap}. {names} need less than their share and get what they want ({vcpu} vCPU); {others} split the remaining {left} vCPU by their {file} ({ratio}): {list}.";
    CPU_WEIGHT_SHARES = "{shares} shares";
    CPU_WEIGHT_SHARES_AND_WEIGHT = "{shares} shares, cpu.weight {weight}";
    CPU_UNSET_WHO_ONE = "{names} sets no cpu, so the kernel gives it {weight}";
    CPU_UNSET_WHO_MANY = "{names} set no cpu, so the kernel gives each {weight}";
    CPU_UNSET_EVEN = "{who}: every busy container has that same weight, so they split the CPU evenly ({list}).";
    CPU_UNSET_BUSY = "{who}: while the others are busy, {list}.";
    CPU_UNSET_BUSY_TINY = "{who}: while the others are busy, {list}, almost nothing.";
    CPU_TASK_CEILING = "the task-level cpu ({units} units) is a hard ceiling for all containers together, even when the host has idle CPU";
    CPU_WEIGHT_NOT_CAP = "container cpu is a weight, not a cap: with no task-level cpu, a container can use any idle CPU of the host";
    CPU_LABEL_FARGATE = "Fargate (cgroup v1: cpu.shares)";
    CPU_LABEL_EC2_V1 = "EC2, cgroup v1 host such as Amazon Linux 2 (cpu.shares)";
    CPU_LABEL_EC2_V2 = "EC2, cgroup v2 host such as Amazon Linux 2023, runc ≥ 1.3.2 or crun ≥ 1.23 (cpu.weight)";
    CPU_LABEL_EC2_V2_LINEAR = "EC2, cgroup v2 host, runc < 1.3.2 or crun < 1.23 (cpu.weight, linear)";
    CPU_BASIS_FARGATE = "Shown for Fargate: its Linux platform 1.4.0 runs Amazon Linux 2, a cgroup v1 kernel, so containers split the task's CPU in proportion to cpu.shares (container cpu, at least 2).";
    CPU_BASIS_EC2_V1 = "Shown for EC2 on a cgroup v1 host (Amazon Linux 2): containers split the CPU in proportion to cpu.shares (container cpu, at least 2).";
    CPU_BASIS_EC2_V2 = "Shown for EC2 on a cgroup v2 host (Amazon Linux 2023) with runc 1.3.2 or later (or crun 1.23 or later): the runtime turns cpu.shares into cpu.weight with the quadratic mapping (1024 → 100, 2 → 1), and the kernel splits in proportion to cpu.weight.";
    CPU_BASIS_EC2_V2_LINEAR = "Shown for EC2 on a cgroup v2 host with runc before 1.3.2 (or crun before 1.23): the runtime turns cpu.shares into cpu.weight with the linear mapping 1 + ((shares − 2) × 9999) / 262142 (1024 → 39), and the kernel splits in proportion to cpu.weight.";
    MEM_CEILING_TASK = "the task's memory";
    MEM_CEILING_INSTANCE = "the instance's free memory";
    MEM_PAST_LIMIT = "{name} tried to use {mib} MiB, past its hard limit (memory) of {limit} MiB: the kernel killed it (exit code 137, \"{reason}\")";
    MEM_ABOVE_RESERVATION_LIMIT = "{name} uses {mib} MiB, above its reservation (memoryReservation) of {reservation} MiB: allowed while memory is free, up to its hard limit of {limit} MiB";
    MEM_ABOVE_RESERVATION_CEILING = "{name} uses {mib} MiB, above its reservation (memoryReservation) of {reservation} MiB: allowed while memory is free, up to {ceiling}";
    MEM_EXHAUSTED = "together the containers want {total} MiB, more than {ceiling} ({cap} MiB): the kernel's OOM killer picks a process in the task, usually the largest";
    MEM_LARGEST = "{name} was the largest ({mib} MiB), so it is usually the one killed (exit code 137, \"{reason}\")";
    MEM_LARGEST_NOT_GROWN = "{name} was the largest ({mib} MiB), so it is usually the one killed (exit code 137, \"{reason}\"), even though {grew} is what grew: ECS reports the out-of-memory stop on {name}, not on the container that caused it";
    MEM_GREW_AND = "{rest} and {last}";
    MEM_NOT_ESSENTIAL = "{sentence}; it is not essential, so the task runs on without it";
    MEM_TASK_STOPS = "{name} is essential, so the whole task stops";
    MEM_TASK_STOPS_ALL = "{name} is essential, so the whole task stops and every other container with it";
    MEM_NOTE_FARGATE = "a Fargate task always has a task memory; set it to see the ceiling";
    MEM_NOTE_NO_CEILING = "with no task memory, containers without a hard limit can grow into the instance's free memory; under memory pressure Docker tries to push containers back to their reservations";
    MEM_NOTE_LIMIT_BELOW = "{name}: memory ({limit} MiB) must be greater than memoryReservation ({reservation} MiB); ECS rejects this";
    MEM_PRESET_SOFT_ONLY = "soft limit only (memoryReservation)";
    MEM_PRESET_SOFT_AND_HARD = "soft and hard limits";
    MEM_PRESET_HARD_ONLY = "hard limit only (memory)";
    MEM_PRESET_FIRELENS = "FireLens buffer growth";
    MEM_PRESET_JVM = "JVM heap above the limit";
    MEM_PRESET_SIDECAR = "a sidecar spike with no container limits";
    MEM_PRESET_AWS = "AWS's example: 128 MiB reserved, 300 MiB limit";
    MEM_LESSON_SOFT_ONLY = "a soft limit never kills: the container grows until the task's memory is gone, and then the kernel kills it";
    MEM_LESSON_SOFT_AND_HARD = "the reservation is what placement counts; the hard limit is where the container is killed";
    MEM_LESSON_HARD_ONLY = "with only a hard limit, placement reserves the whole limit and the container is killed past it";
    MEM_LESSON_FIRELENS = "a log router buffering for a slow destination grows until its limit; give it a hard limit and bound its buffer (the ECS agent now defaults Fluent Bit's mem_buf_limit to half the container's reservation, or half its memory)";
    MEM_LESSON_JVM = "a heap sized to the container limit leaves no room for the JVM's other memory (metaspace, threads, buffers): keep the heap well below the limit";
    MEM_LESSON_SIDECAR = "without container limits, one container's spike uses up the task's memory and the kernel usually kills the largest process: here the essential app, not the sidecar that grew";
    MEM_LESSON_AWS = "a container that normally uses 128 MiB can burst above it, up to its 300 MiB hard limit, and is killed past it";
    TASK_PLACEHOLDER = "the task cpu or memory is a template placeholder: sizes are unknown until it is rendered";
    TASK_CONTAINER_UNKNOWN = "some container values are placeholders or unreadable: the sums that need them are unknown";
    TASK_CPU_OVER = "the containers' cpu adds up to {total} units, {over} more than the task's {task}";
    TASK_MEMORY_OVER = "the containers reserve {total} MiB together, {over} MiB more than the task's {task} MiB";
    TASK_LIMIT_ABOVE_TASK = "container {name} has a hard limit of {limit} MiB, above the task's {task} MiB";
    TASK_LIMIT_BELOW_RESERVATION = "container {name}: memory ({limit} MiB) must be greater than memoryReservation ({reservation} MiB)";
    TASK_BELOW_DOCKER_MIN = "container {name}: {what} {mib} MiB is below the 6 MiB Docker reserves at least per container";
    TASK_MEMORY_MISSING = "with no task memory, every container needs memory or memoryReservation; missing in {names}";
    TASK_NO_CONTAINER_MEMORY = "no container sets memory or memoryReservation: they all share the task's memory, and nothing is reserved per container";
    TASK_SOME_WITHOUT_MEMORY_ONE = "{name} reserves no memory: the memory sum counts only the other containers";
    TASK_SOME_WITHOUT_MEMORY_MANY = "{rest} and {last} reserve no memory: the memory sum counts only the other containers";
    TASK_WITHOUT_LIMIT_ONE = "{name} has no hard limit: it can grow until the task's memory is used up, and then the kernel usually kills the largest process in the task";
    TASK_WITHOUT_LIMIT_MANY = "{rest} and {last} have no hard limit: they can grow until the task's memory is used up, and then the kernel usually kills the largest process in the task";
    COST_WHAT_SPOT = "Linux x86 (Spot is priced from it)";
    COST_NO_RATE = "no {what} rate for {region} in the data; enter the rates to price it";
    COST_NO_STORAGE_RATE = "no ephemeral storage rate for {region} in the data; enter it to price the storage above 20 GB";
    COST_BILLED = "billed per second (rounded up), from the start of the image pull until the task stops, with a one-minute minimum for Linux tasks";
    COST_MONTH = "a month is {hours} hours of a task running all the time";
    COST_SPOT = "Fargate Spot is modelled as {discount}% off the Linux x86 vCPU and memory rates; AWS publishes no fixed Spot rate, only \"up to a 70% discount\" on its pricing page; storage is charged at the on-demand rate";
    COST_UNKNOWN_REGION = "{region} is not a region where AWS lists Fargate for Linux tasks (regions in the data: {regions}), so there is no price for it; check the region code, or enter the rates to price it.";
    COST_NO_PRICE_DATA = "AWS runs Fargate in {name} ({region}), but the price data holds no rate for it (no public copy of the AWS price list for it was found): enter the rates from the AWS Fargate pricing page to price it.";
    COST_NO_PRICE_DATA_CHINA = "AWS runs Fargate in {name} ({region}), but the price data holds no rate for it (AWS China prices it in CNY): enter the rates from the AWS Fargate pricing page to price it.";
    COST_COPIES = "rates are copies of the AWS price list (each names its source), read up to {date}; check them on the AWS pricing page";
    EC2_CPU_TASK = "cpu: the task-level cpu, {units} units";
    EC2_CPU_SUM = "cpu: no task-level cpu, so the sum of the containers' cpu, {units} units";
    EC2_MEMORY_TASK = "memory: the task-level memory, {mib} MiB";
    EC2_MEMORY_SUM = "memory: no task-level memory, so each container's memoryReservation, or its memory when it has no reservation: {mib} MiB";
    EC2_REGISTERED_GIVEN = "{mib} MiB registered, as given";
    EC2_REGISTERED_PERCENT = "{percent}% of the nominal {nominal} MiB, as given";
    EC2_REGISTERED_ASSUMED = "assumed {mib} MiB of the nominal {nominal} MiB: AWS's example m4.large registers {example} of {example_nominal} MiB on Amazon Linux 2, and the same ratio is applied here; read the real value from DescribeContainerInstances";
    EC2_REGISTERED_MINUS = "{basis}, minus ECS_RESERVED_MEMORY {reserved} MiB = {available} MiB";
    EC2_BY_CPU = "{n} by CPU ({units} units / {per_task} per task)";
    EC2_CPU_NO_LIMIT = "CPU does not limit (the task reserves no CPU)";
    EC2_BY_MEMORY = "{n} by memory ({available} MiB registered / {per_task} MiB per task)";
    EC2_CPU_FIRST = "CPU runs out first";
    EC2_MEMORY_FIRST = "memory runs out first";
    EC2_BOTH = "both run out together";
    EC2_FIT_ONE = "{n} task fit on one {instance}: {cpu}, {memory}; {which}.";
    EC2_FIT_MANY = "{n} tasks fit on one {instance}: {cpu}, {memory}; {which}.";
    EC2_UNKNOWN = "The task's memory reservation is unknown or zero, so no count can be given.";
    EC2_REGISTERED_BELOW = "registered memory is below the instance's nominal memory; the count uses the registered value";
    EC2_DOES_NOT_FIT = "the task does not fit on one {instance} at all";
    REPORT_NOT_PRICED = "the task's size is unknown, so it cannot be priced";
    REPORT_UNKNOWN_INSTANCE = "{name} is not in the instance table; known types: {types}";
    RIGHTSIZE_LABEL = "a reconstruction with the same intent as the talk's Container Insights query (the original was not published), built from the documented performance log fields";
    TEXT_VALUE = "{value}";
    TEXT_NOT_SET = "not set";
    TEXT_PLACEHOLDER = "a placeholder (unknown until rendered)";
    TEXT_UNREADABLE = "unreadable";
    TEXT_UNKNOWN = "unknown";
    TEXT_TASK = "Task: cpu {cpu}, memory {memory}";
    TEXT_TASK_FARGATE = "Task: cpu {cpu}, memory {memory} (Fargate)";
    TEXT_CONTAINERS = "Containers (cpu units; memoryReservation = soft limit; memory = hard limit, MiB):";
    TEXT_YES = "yes";
    TEXT_NO = "no";
    TEXT_SUMS = "sums: cpu {cpu}, memory reserved {mib} MiB";
    TEXT_SUMS_LIMITS = "sums: cpu {cpu}, memory reserved {mib} MiB, hard limits {limits} MiB";
    TEXT_UNITS = "{n} units";
    TEXT_WITH_PERCENT = "{value} ({pct}%)";
    TEXT_HEADROOM = "headroom: cpu {cpu}, memory {memory}";
    TEXT_VALID = "valid size";
    TEXT_NOT_VALID = "not a valid Fargate size";
    TEXT_NEXT_UP = "next valid size up: cpu {cpu}, memory {memory}";
    TEXT_MEMORY_ALLOWED = "memory allowed with this cpu: {list} MiB";
    TEXT_MEMORY_ALLOWED_NONE = "memory allowed with this cpu: none (not a Fargate cpu)";
    TEXT_CPU_ALLOWED = "cpu allowed with this memory: {list}";
    TEXT_CPU_ALLOWED_NONE = "cpu allowed with this memory: none";
    TEXT_ADVICE_FARGATE = "AWS's advice (sum of reservations rounded up to a valid Fargate size): cpu {cpu}, memory {memory}";
    TEXT_ADVICE_FARGATE_PARTIAL = "AWS's advice (sum of reservations rounded up to a valid Fargate size): cpu {cpu}, memory {memory} (counting only the containers that reserve memory)";
    TEXT_ADVICE_ON_FARGATE = "On Fargate, AWS's advice would be (sum of reservations rounded up to a valid Fargate size): cpu {cpu}, memory {memory}";
    TEXT_ADVICE_ON_FARGATE_PARTIAL = "On Fargate, AWS's advice would be (sum of reservations rounded up to a valid Fargate size): cpu {cpu}, memory {memory} (counting only the containers that reserve memory)";
    TEXT_COST = "Cost in {region} for cpu {cpu}, memory {memory} ({hours} h a month):";
    TEXT_PER_HOUR_MONTH = "{hour}/hour  {month}/month";
    TEXT_NO_RATE = "no rate";
    TEXT_SAVING = "cpu {cpu}, memory {memory} would save {month}/month ({pct}%, Linux x86)";
    TEXT_NOTE = "note: {note}";
    TEXT_SOURCES = "sources: {sources}";
    TEXT_EC2 = "EC2 ({instance}: {vcpus} vCPU, {mib} MiB nominal):";
    TEXT_REGISTERED = "registered memory: {basis}";
    TEXT_PER_TASK = "per task {basis}";
    TEXT_NOTES = "Notes:";
    TEXT_OR = "{rest} or {last}";
    TEXT_RANGE = "{first} to {last} in steps of {step}";
    RIGHTSIZE_NO_ROWS = "no rows with a ContainerName were found; paste the query's results with their header";
    RIGHTSIZE_JSON_UNREADABLE = "the JSON could not be read: {error}";
    RIGHTSIZE_JSON_NO_RESULTS = "the JSON has no \"results\" array and is not an array of rows";
    RIGHTSIZE_ONLY_FIRST = "only the first {n} rows were read";
    RIGHTSIZE_NO_HEADER = "the first line is not a header with ContainerName (expected the columns of the query: ContainerName, maxCpu, avgCpu, cpuReserved, maxMem, avgMem, memReserved)";
    RIGHTSIZE_CONTAINER = "{name}: {memory}; {cpu}";
    RIGHTSIZE_MEM_PEAK = "memory peaked at {peak} MiB: reserve {reservation} MiB, limit {limit} MiB";
    RIGHTSIZE_MEM_PEAK_OF = "memory peaked at {peak} MiB of {reserved} MiB reserved: reserve {reservation} MiB, limit {limit} MiB";
    RIGHTSIZE_NO_MEM_PEAK = "no memory peak in the results";
    RIGHTSIZE_CPU_PEAK = "CPU peaked at {peak} units: cpu {cpu}";
    RIGHTSIZE_CPU_PEAK_OF = "CPU peaked at {peak} units of {reserved} reserved: cpu {cpu}";
    RIGHTSIZE_NO_CPU_PEAK = "no CPU peak in the results";
    RIGHTSIZE_SOME_WITHOUT_PEAK = "some containers have no peak in the results; the sums count only the others";
    RIGHTSIZE_ABOVE_LARGEST = "{cpu} CPU units and {mib} MiB are more than the largest Fargate size";
    RIGHTSIZE_PERIOD = "peaks are only as good as the period queried: choose one that includes your busiest traffic";
    RIGHTSIZE_RULE = "memoryReservation = peak memory × {f} and cpu = peak CPU × {f}, each rounded up to a multiple of {rm} MiB / {rc} units: the reservation covers the highest use seen plus {h}%, so placement and the task size count what the container really uses. memory (hard limit) = peak × {lf}, rounded up to {rm} MiB and above the reservation: room for bursts the period did not show, while a leak is still stopped before it takes the other containers' memory. Task size = the sums rounded up to the next valid Fargate size (AWS's advice).";
}

/// Names as one phrase: `a`, or `a, b and c` (English) through `and`, a template of two
/// placeholders `{rest}` and `{last}` (`rest` is a list).
pub(crate) fn names_with(and: &'static crate::input::msg::Template, names: &[&str]) -> Arg {
    match names {
        [rest @ .., last] if !rest.is_empty() => Arg::Phrase(Box::new(
            Msg::new(and)
                .with(
                    "rest",
                    Arg::List(rest.iter().map(|n| Arg::Code((*n).to_string())).collect()),
                )
                .with("last", Arg::Code((*last).to_string())),
        )),
        _ => Arg::Code(names.concat()),
    }
}

/// The `{rest}` and `{last}` arguments of a template about two or more names (a list and the
/// last name), or `None` for fewer than two.
pub(crate) fn rest_and_last(m: Msg, names: &[String]) -> Option<Msg> {
    let (last, rest) = names.split_last()?;
    if rest.is_empty() {
        return None;
    }
    Some(
        m.with(
            "rest",
            Arg::List(rest.iter().map(|n| Arg::Code(n.clone())).collect()),
        )
        .with("last", Arg::Code(last.clone())),
    )
}

/// A text of a sizing result: its English (what the result's string fields hold) and, once a
/// result is localized, the same in another language. `render` is the language's renderer.
pub type Render<'a> = &'a dyn Fn(&Msg) -> String;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_prefixed() {
        let mut keys: Vec<&str> = MESSAGES.iter().map(|t| t.key).collect();
        let n = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), n);
        assert!(keys.iter().all(|k| k.starts_with("SIZING.")));
    }

    #[test]
    fn names_read_as_english_lists() {
        let m = Msg::new(&CPU_IDLE_ONE).with("name", names_with(&CPU_NAMES_AND, &["a", "b", "c"]));
        assert_eq!(m.en(), "a, b and c is");
        let m = Msg::new(&CPU_IDLE_ONE).with("name", names_with(&CPU_NAMES_AND, &["a"]));
        assert_eq!(m.en(), "a is");
    }
}
