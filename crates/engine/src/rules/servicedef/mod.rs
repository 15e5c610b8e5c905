//! Rules for service definitions, one file per rule, and the service ↔ task definition checks
//! that run when both are inputs of the same lint run.
//!
//! Codes: SV001–SV019 errors of one service definition, SV020–SV039 warnings, SV040–SV059
//! information, SV060 and up service ↔ task definition checks. Codes are never reused.
//!
//! Deliberately absent: `healthCheckGracePeriodSeconds` without `loadBalancers`. The API applies
//! the grace period to Elastic Load Balancing, VPC Lattice and container health checks alike
//! and leaves it unused when there is none (CreateService reference), and ecspresso removed its
//! own check for it in v2.4.6 (#805); it is not an error.

pub mod pairing;
pub mod schema;

pub mod sv001_unknown_key;
pub mod sv002_wrong_value_type;
pub mod sv003_output_only_key;
pub mod sv004_launch_type_with_capacity_providers;
pub mod sv005_daemon_not_supported;
pub mod sv006_code_deploy_without_load_balancer;
pub mod sv007_custom_maximum_percent_not_allowed;
pub mod sv008_awsvpc_without_subnets;
pub mod sv009_public_ip_on_ec2;
pub mod sv010_invalid_service_name;
pub mod sv011_multiple_service_registries;
pub mod sv012_capacity_provider_base_twice;
pub mod sv013_reserved_tag_prefix;
pub mod sv014_capacity_provider_weights_zero;
pub mod sv015_placement_constraints_on_fargate;
pub mod sv016_malformed_network_id;
pub mod sv017_service_value_outside_documented_range;
pub mod sv018_service_null_value;
pub mod sv019_load_balancer_entry_incomplete;
pub mod sv020_no_circuit_breaker_rollback;
pub mod sv021_public_ip_assigned;
pub mod sv022_single_subnet;
pub mod sv023_deployment_percent_stalls;
pub mod sv024_single_task;
pub mod sv025_missing_required_service_tag;
pub mod sv026_ebs_volume_configuration_invalid;
pub mod sv027_breaker_without_ecs_controller;
pub mod sv028_target_group_with_load_balancer_name;
pub mod sv029_placement_rule_invalid;
pub mod sv030_missing_required_member;
pub mod sv031_value_out_of_range;
pub mod sv032_service_connect_invalid;
pub mod sv033_duplicate_service_tag_key;
pub mod sv034_classic_load_balancer_with_awsvpc;
pub mod sv035_service_registry_invalid;
pub mod sv040_no_tag_propagation;
pub mod sv041_old_platform_version;
pub mod sv042_execute_command_enabled;
pub mod sv043_spot_without_on_demand_base;
pub mod sv044_az_rebalancing_disabled;
pub mod sv060_load_balancer_container_mismatch;
pub mod sv061_spot_unsupported_platform;
pub mod sv062_daemon_fargate_only_task;
pub mod sv063_awsvpc_without_network_configuration;
pub mod sv064_launch_type_incompatible_task;
pub mod sv065_classic_load_balancer_with_health_check;
pub mod sv066_service_registry_without_container;

use crate::rules::check::Check;

pub static CHECKS: &[Check] = &[
    Check::ServiceDef(&sv001_unknown_key::RULE, sv001_unknown_key::check),
    Check::ServiceDef(&sv002_wrong_value_type::RULE, sv002_wrong_value_type::check),
    Check::ServiceDef(&sv003_output_only_key::RULE, sv003_output_only_key::check),
    Check::ServiceDef(
        &sv004_launch_type_with_capacity_providers::RULE,
        sv004_launch_type_with_capacity_providers::check,
    ),
    Check::ServiceDef(
        &sv005_daemon_not_supported::RULE,
        sv005_daemon_not_supported::check,
    ),
    Check::ServiceDef(
        &sv006_code_deploy_without_load_balancer::RULE,
        sv006_code_deploy_without_load_balancer::check,
    ),
    Check::ServiceDef(
        &sv007_custom_maximum_percent_not_allowed::RULE,
        sv007_custom_maximum_percent_not_allowed::check,
    ),
    Check::ServiceDef(
        &sv008_awsvpc_without_subnets::RULE,
        sv008_awsvpc_without_subnets::check,
    ),
    Check::ServiceDef(&sv009_public_ip_on_ec2::RULE, sv009_public_ip_on_ec2::check),
    Check::ServiceDef(
        &sv010_invalid_service_name::RULE,
        sv010_invalid_service_name::check,
    ),
    Check::ServiceDef(
        &sv011_multiple_service_registries::RULE,
        sv011_multiple_service_registries::check,
    ),
    Check::ServiceDef(
        &sv012_capacity_provider_base_twice::RULE,
        sv012_capacity_provider_base_twice::check,
    ),
    Check::ServiceDef(
        &sv013_reserved_tag_prefix::RULE,
        sv013_reserved_tag_prefix::check,
    ),
    Check::ServiceDef(
        &sv014_capacity_provider_weights_zero::RULE,
        sv014_capacity_provider_weights_zero::check,
    ),
    Check::ServiceDef(
        &sv015_placement_constraints_on_fargate::RULE,
        sv015_placement_constraints_on_fargate::check,
    ),
    Check::ServiceDef(
        &sv016_malformed_network_id::RULE,
        sv016_malformed_network_id::check,
    ),
    Check::ServiceDef(
        &sv017_service_value_outside_documented_range::RULE,
        sv017_service_value_outside_documented_range::check,
    ),
    Check::ServiceDef(
        &sv018_service_null_value::RULE,
        sv018_service_null_value::check,
    ),
    Check::ServiceDef(
        &sv019_load_balancer_entry_incomplete::RULE,
        sv019_load_balancer_entry_incomplete::check,
    ),
    Check::ServiceDef(
        &sv020_no_circuit_breaker_rollback::RULE,
        sv020_no_circuit_breaker_rollback::check,
    ),
    Check::ServiceDef(
        &sv021_public_ip_assigned::RULE,
        sv021_public_ip_assigned::check,
    ),
    Check::ServiceDef(&sv022_single_subnet::RULE, sv022_single_subnet::check),
    Check::ServiceDef(
        &sv023_deployment_percent_stalls::RULE,
        sv023_deployment_percent_stalls::check,
    ),
    Check::ServiceDef(&sv024_single_task::RULE, sv024_single_task::check),
    Check::ServiceDef(
        &sv025_missing_required_service_tag::RULE,
        sv025_missing_required_service_tag::check,
    ),
    Check::ServiceDef(
        &sv026_ebs_volume_configuration_invalid::RULE,
        sv026_ebs_volume_configuration_invalid::check,
    ),
    Check::ServiceDef(
        &sv027_breaker_without_ecs_controller::RULE,
        sv027_breaker_without_ecs_controller::check,
    ),
    Check::ServiceDef(
        &sv028_target_group_with_load_balancer_name::RULE,
        sv028_target_group_with_load_balancer_name::check,
    ),
    Check::ServiceDef(
        &sv029_placement_rule_invalid::RULE,
        sv029_placement_rule_invalid::check,
    ),
    Check::ServiceDef(
        &sv030_missing_required_member::RULE,
        sv030_missing_required_member::check,
    ),
    Check::ServiceDef(
        &sv031_value_out_of_range::RULE,
        sv031_value_out_of_range::check,
    ),
    Check::ServiceDef(
        &sv032_service_connect_invalid::RULE,
        sv032_service_connect_invalid::check,
    ),
    Check::ServiceDef(
        &sv033_duplicate_service_tag_key::RULE,
        sv033_duplicate_service_tag_key::check,
    ),
    Check::ServiceDef(
        &sv034_classic_load_balancer_with_awsvpc::RULE,
        sv034_classic_load_balancer_with_awsvpc::check,
    ),
    Check::ServiceDef(
        &sv035_service_registry_invalid::RULE,
        sv035_service_registry_invalid::check,
    ),
    Check::ServiceDef(
        &sv040_no_tag_propagation::RULE,
        sv040_no_tag_propagation::check,
    ),
    Check::ServiceDef(
        &sv041_old_platform_version::RULE,
        sv041_old_platform_version::check,
    ),
    Check::ServiceDef(
        &sv042_execute_command_enabled::RULE,
        sv042_execute_command_enabled::check,
    ),
    Check::ServiceDef(
        &sv043_spot_without_on_demand_base::RULE,
        sv043_spot_without_on_demand_base::check,
    ),
    Check::ServiceDef(
        &sv044_az_rebalancing_disabled::RULE,
        sv044_az_rebalancing_disabled::check,
    ),
    Check::Project(
        &sv060_load_balancer_container_mismatch::RULE,
        sv060_load_balancer_container_mismatch::check,
    ),
    Check::Project(
        &sv061_spot_unsupported_platform::RULE,
        sv061_spot_unsupported_platform::check,
    ),
    Check::Project(
        &sv062_daemon_fargate_only_task::RULE,
        sv062_daemon_fargate_only_task::check,
    ),
    Check::Project(
        &sv063_awsvpc_without_network_configuration::RULE,
        sv063_awsvpc_without_network_configuration::check,
    ),
    Check::Project(
        &sv064_launch_type_incompatible_task::RULE,
        sv064_launch_type_incompatible_task::check,
    ),
    Check::Project(
        &sv065_classic_load_balancer_with_health_check::RULE,
        sv065_classic_load_balancer_with_health_check::check,
    ),
    Check::Project(
        &sv066_service_registry_without_container::RULE,
        sv066_service_registry_without_container::check,
    ),
];
