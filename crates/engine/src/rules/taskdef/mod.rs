//! Rules for task definitions, one file per rule. Codes are grouped in bands: TD0xx the
//! registration and run-time errors (and the schema), TD1xx security, TD2xx reliability, TD3xx
//! observability, sizing advice and CI/CD.

pub mod schema;
pub mod util;

pub mod td001_invalid_fargate_size;
pub mod td002_unknown_key;
pub mod td003_wrong_type;
pub mod td004_describe_output;
pub mod td005_fargate_network_mode;
pub mod td006_fargate_missing_task_size;
pub mod td007_fargate_size_not_for_windows;
pub mod td008_fargate_unsupported_parameter;
pub mod td009_container_memory_missing;
pub mod td010_memory_reservation_not_below_limit;
pub mod td011_container_limit_above_task;
pub mod td012_reservations_exceed_task;
pub mod td013_no_essential_container;
pub mod td014_invalid_depends_on;
pub mod td015_duplicate_container_name;
pub mod td016_host_port_mismatch;
pub mod td017_links_need_bridge;
pub mod td018_missing_execution_role;
pub mod td019_awslogs_missing_options;
pub mod td020_firelens_without_router;
pub mod td021_health_check_out_of_range;
pub mod td022_stop_timeout_over_fargate_max;
pub mod td023_value_outside_documented_range;
pub mod td024_unknown_awslogs_option;
pub mod td025_firelens_router_unused;
pub mod td026_network_mode_unsupported_parameter;
pub mod td027_malformed_secret_value_from;
pub mod td028_invalid_name;
pub mod td029_reserved_tag_prefix;
pub mod td030_duplicate_container_port;
pub mod td031_mount_point_unknown_volume;
pub mod td032_efs_root_directory_with_access_point;
pub mod td033_health_check_command_prefix;
pub mod td034_unknown_container_reference;
pub mod td035_windows_unsupported_parameter;
pub mod td036_malformed_role_arn;
pub mod td037_task_null_value;
pub mod td038_system_control_in_host_namespace;
pub mod td039_invalid_container_port_range;
pub mod td040_invalid_image_reference;
pub mod td041_volume_definition_invalid;
pub mod td042_duplicate_task_tag_key;
pub mod td043_invalid_environment_files;
pub mod td044_invalid_linux_option;
pub mod td045_invalid_resource_requirement;
pub mod td046_swappiness_without_max_swap;
pub mod td060_missing_required_member;
pub mod td061_value_out_of_range;
pub mod td101_privileged_container;
pub mod td102_container_runs_as_root;
pub mod td103_writable_root_filesystem;
pub mod td104_secret_in_environment;
pub mod td105_host_namespace;
pub mod td106_dangerous_capability;
pub mod td107_sensitive_host_mount;
pub mod td108_efs_not_secured;
pub mod td109_shared_task_execution_role;
pub mod td110_untrusted_image_registry;
pub mod td201_image_tag_latest;
pub mod td202_essential_without_health_check;
pub mod td301_no_log_configuration;
pub mod td302_no_container_size;
pub mod td303_no_graceful_shutdown;
pub mod td304_image_not_pinned;
pub mod td305_image_region_mismatch;
pub mod td306_firelens_without_memory_limit;
pub mod td307_no_observability_sidecar;
pub mod td308_missing_required_task_tag;
pub mod td309_placeholder_skips_check;

use crate::rules::check::Check;

pub static CHECKS: &[Check] = &[
    Check::TaskDef(
        &td001_invalid_fargate_size::RULE,
        td001_invalid_fargate_size::check,
    ),
    Check::TaskDef(&td002_unknown_key::RULE, td002_unknown_key::check),
    Check::TaskDef(&td003_wrong_type::RULE, td003_wrong_type::check),
    Check::TaskDef(&td004_describe_output::RULE, td004_describe_output::check),
    Check::TaskDef(
        &td005_fargate_network_mode::RULE,
        td005_fargate_network_mode::check,
    ),
    Check::TaskDef(
        &td006_fargate_missing_task_size::RULE,
        td006_fargate_missing_task_size::check,
    ),
    Check::TaskDef(
        &td007_fargate_size_not_for_windows::RULE,
        td007_fargate_size_not_for_windows::check,
    ),
    Check::TaskDef(
        &td008_fargate_unsupported_parameter::RULE,
        td008_fargate_unsupported_parameter::check,
    ),
    Check::TaskDef(
        &td009_container_memory_missing::RULE,
        td009_container_memory_missing::check,
    ),
    Check::TaskDef(
        &td010_memory_reservation_not_below_limit::RULE,
        td010_memory_reservation_not_below_limit::check,
    ),
    Check::TaskDef(
        &td011_container_limit_above_task::RULE,
        td011_container_limit_above_task::check,
    ),
    Check::TaskDef(
        &td012_reservations_exceed_task::RULE,
        td012_reservations_exceed_task::check,
    ),
    Check::TaskDef(
        &td013_no_essential_container::RULE,
        td013_no_essential_container::check,
    ),
    Check::TaskDef(
        &td014_invalid_depends_on::RULE,
        td014_invalid_depends_on::check,
    ),
    Check::TaskDef(
        &td015_duplicate_container_name::RULE,
        td015_duplicate_container_name::check,
    ),
    Check::TaskDef(
        &td016_host_port_mismatch::RULE,
        td016_host_port_mismatch::check,
    ),
    Check::TaskDef(
        &td017_links_need_bridge::RULE,
        td017_links_need_bridge::check,
    ),
    Check::TaskDef(
        &td018_missing_execution_role::RULE,
        td018_missing_execution_role::check,
    ),
    Check::TaskDef(
        &td019_awslogs_missing_options::RULE,
        td019_awslogs_missing_options::check,
    ),
    Check::TaskDef(
        &td020_firelens_without_router::RULE,
        td020_firelens_without_router::check,
    ),
    Check::TaskDef(
        &td021_health_check_out_of_range::RULE,
        td021_health_check_out_of_range::check,
    ),
    Check::TaskDef(
        &td022_stop_timeout_over_fargate_max::RULE,
        td022_stop_timeout_over_fargate_max::check,
    ),
    Check::TaskDef(
        &td023_value_outside_documented_range::RULE,
        td023_value_outside_documented_range::check,
    ),
    Check::TaskDef(
        &td024_unknown_awslogs_option::RULE,
        td024_unknown_awslogs_option::check,
    ),
    Check::TaskDef(
        &td025_firelens_router_unused::RULE,
        td025_firelens_router_unused::check,
    ),
    Check::TaskDef(
        &td026_network_mode_unsupported_parameter::RULE,
        td026_network_mode_unsupported_parameter::check,
    ),
    Check::TaskDef(
        &td027_malformed_secret_value_from::RULE,
        td027_malformed_secret_value_from::check,
    ),
    Check::TaskDef(&td028_invalid_name::RULE, td028_invalid_name::check),
    Check::TaskDef(
        &td029_reserved_tag_prefix::RULE,
        td029_reserved_tag_prefix::check,
    ),
    Check::TaskDef(
        &td030_duplicate_container_port::RULE,
        td030_duplicate_container_port::check,
    ),
    Check::TaskDef(
        &td031_mount_point_unknown_volume::RULE,
        td031_mount_point_unknown_volume::check,
    ),
    Check::TaskDef(
        &td032_efs_root_directory_with_access_point::RULE,
        td032_efs_root_directory_with_access_point::check,
    ),
    Check::TaskDef(
        &td033_health_check_command_prefix::RULE,
        td033_health_check_command_prefix::check,
    ),
    Check::TaskDef(
        &td034_unknown_container_reference::RULE,
        td034_unknown_container_reference::check,
    ),
    Check::TaskDef(
        &td035_windows_unsupported_parameter::RULE,
        td035_windows_unsupported_parameter::check,
    ),
    Check::TaskDef(
        &td036_malformed_role_arn::RULE,
        td036_malformed_role_arn::check,
    ),
    Check::TaskDef(&td037_task_null_value::RULE, td037_task_null_value::check),
    Check::TaskDef(
        &td038_system_control_in_host_namespace::RULE,
        td038_system_control_in_host_namespace::check,
    ),
    Check::TaskDef(
        &td039_invalid_container_port_range::RULE,
        td039_invalid_container_port_range::check,
    ),
    Check::TaskDef(
        &td040_invalid_image_reference::RULE,
        td040_invalid_image_reference::check,
    ),
    Check::TaskDef(
        &td041_volume_definition_invalid::RULE,
        td041_volume_definition_invalid::check,
    ),
    Check::TaskDef(
        &td042_duplicate_task_tag_key::RULE,
        td042_duplicate_task_tag_key::check,
    ),
    Check::TaskDef(
        &td043_invalid_environment_files::RULE,
        td043_invalid_environment_files::check,
    ),
    Check::TaskDef(
        &td044_invalid_linux_option::RULE,
        td044_invalid_linux_option::check,
    ),
    Check::TaskDef(
        &td045_invalid_resource_requirement::RULE,
        td045_invalid_resource_requirement::check,
    ),
    Check::TaskDef(
        &td046_swappiness_without_max_swap::RULE,
        td046_swappiness_without_max_swap::check,
    ),
    Check::TaskDef(
        &td060_missing_required_member::RULE,
        td060_missing_required_member::check,
    ),
    Check::TaskDef(
        &td061_value_out_of_range::RULE,
        td061_value_out_of_range::check,
    ),
    Check::TaskDef(
        &td101_privileged_container::RULE,
        td101_privileged_container::check,
    ),
    Check::TaskDef(
        &td102_container_runs_as_root::RULE,
        td102_container_runs_as_root::check,
    ),
    Check::TaskDef(
        &td103_writable_root_filesystem::RULE,
        td103_writable_root_filesystem::check,
    ),
    Check::TaskDef(
        &td104_secret_in_environment::RULE,
        td104_secret_in_environment::check,
    ),
    Check::TaskDef(&td105_host_namespace::RULE, td105_host_namespace::check),
    Check::TaskDef(
        &td106_dangerous_capability::RULE,
        td106_dangerous_capability::check,
    ),
    Check::TaskDef(
        &td107_sensitive_host_mount::RULE,
        td107_sensitive_host_mount::check,
    ),
    Check::TaskDef(&td108_efs_not_secured::RULE, td108_efs_not_secured::check),
    Check::TaskDef(
        &td109_shared_task_execution_role::RULE,
        td109_shared_task_execution_role::check,
    ),
    Check::TaskDef(
        &td110_untrusted_image_registry::RULE,
        td110_untrusted_image_registry::check,
    ),
    Check::TaskDef(&td201_image_tag_latest::RULE, td201_image_tag_latest::check),
    Check::TaskDef(
        &td202_essential_without_health_check::RULE,
        td202_essential_without_health_check::check,
    ),
    Check::TaskDef(
        &td301_no_log_configuration::RULE,
        td301_no_log_configuration::check,
    ),
    Check::TaskDef(
        &td302_no_container_size::RULE,
        td302_no_container_size::check,
    ),
    Check::TaskDef(
        &td303_no_graceful_shutdown::RULE,
        td303_no_graceful_shutdown::check,
    ),
    Check::TaskDef(&td304_image_not_pinned::RULE, td304_image_not_pinned::check),
    Check::TaskDef(
        &td305_image_region_mismatch::RULE,
        td305_image_region_mismatch::check,
    ),
    Check::TaskDef(
        &td306_firelens_without_memory_limit::RULE,
        td306_firelens_without_memory_limit::check,
    ),
    Check::TaskDef(
        &td307_no_observability_sidecar::RULE,
        td307_no_observability_sidecar::check,
    ),
    Check::TaskDef(
        &td308_missing_required_task_tag::RULE,
        td308_missing_required_task_tag::check,
    ),
    Check::TaskDef(
        &td309_placeholder_skips_check::RULE,
        td309_placeholder_skips_check::check,
    ),
];
