//! Rules over several inputs together: an ecspresso config and the definitions it names.

pub mod pairing_docker;
pub mod xf001_missing_definition_file;
pub mod xf002_unresolved_definition_path;
pub mod xf101_task_user_overrides_image_user;
pub mod xf102_exposed_port_not_mapped;
pub mod xf103_health_check_only_in_dockerfile;
pub mod xf104_health_check_tool_missing;
pub mod xf105_read_only_root_blocks_image_writes;
pub mod xf106_load_balancer_port_not_exposed;
pub mod xf107_shell_form_without_init;
pub mod xf108_exec_with_read_only_root;
pub mod xf109_image_region_differs_from_deploy;
pub mod xf110_service_task_pair_undecided;
pub mod xf111_service_connect_unknown_port_name;
pub mod xf112_service_volume_not_in_task;

use crate::rules::check::Check;

pub static CHECKS: &[Check] = &[
    Check::Project(
        &xf001_missing_definition_file::RULE,
        xf001_missing_definition_file::check,
    ),
    Check::Project(
        &xf002_unresolved_definition_path::RULE,
        xf002_unresolved_definition_path::check,
    ),
    Check::Project(
        &xf101_task_user_overrides_image_user::RULE,
        xf101_task_user_overrides_image_user::check,
    ),
    Check::Project(
        &xf102_exposed_port_not_mapped::RULE,
        xf102_exposed_port_not_mapped::check,
    ),
    Check::Project(
        &xf103_health_check_only_in_dockerfile::RULE,
        xf103_health_check_only_in_dockerfile::check,
    ),
    Check::Project(
        &xf104_health_check_tool_missing::RULE,
        xf104_health_check_tool_missing::check,
    ),
    Check::Project(
        &xf105_read_only_root_blocks_image_writes::RULE,
        xf105_read_only_root_blocks_image_writes::check,
    ),
    Check::Project(
        &xf106_load_balancer_port_not_exposed::RULE,
        xf106_load_balancer_port_not_exposed::check,
    ),
    Check::Project(
        &xf107_shell_form_without_init::RULE,
        xf107_shell_form_without_init::check,
    ),
    Check::Project(
        &xf108_exec_with_read_only_root::RULE,
        xf108_exec_with_read_only_root::check,
    ),
    Check::Project(
        &xf109_image_region_differs_from_deploy::RULE,
        xf109_image_region_differs_from_deploy::check,
    ),
    Check::Project(
        &xf110_service_task_pair_undecided::RULE,
        xf110_service_task_pair_undecided::check,
    ),
    Check::Project(
        &xf111_service_connect_unknown_port_name::RULE,
        xf111_service_connect_unknown_port_name::check,
    ),
    Check::Project(
        &xf112_service_volume_not_in_task::RULE,
        xf112_service_volume_not_in_task::check,
    ),
];
