//! Rules for ecspresso configs, one file per rule.

pub mod ep001_unknown_config_key;
pub mod ep002_missing_region;
pub mod ep003_service_without_service_definition;
pub mod ep004_invalid_timeout;
pub mod ep005_invalid_required_version;
pub mod ep006_plugin_not_configured;
pub mod ep007_plugin_function_clash;
pub mod ep008_filter_command_removed;
pub mod ep009_unquoted_template;
pub mod ep010_jsonnet_not_evaluated;
pub mod ep011_codedeploy_without_code_deploy_controller;
pub mod ep012_bare_number_timeout;
pub mod ep013_plugin_function_in_config;
pub mod ep014_undefined_template_function;

use crate::rules::check::Check;

pub static CHECKS: &[Check] = &[
    Check::Ecspresso(
        &ep001_unknown_config_key::RULE,
        ep001_unknown_config_key::check,
    ),
    Check::Ecspresso(&ep002_missing_region::RULE, ep002_missing_region::check),
    Check::Ecspresso(
        &ep003_service_without_service_definition::RULE,
        ep003_service_without_service_definition::check,
    ),
    Check::Ecspresso(&ep004_invalid_timeout::RULE, ep004_invalid_timeout::check),
    Check::Ecspresso(
        &ep005_invalid_required_version::RULE,
        ep005_invalid_required_version::check,
    ),
    Check::Project(
        &ep006_plugin_not_configured::RULE,
        ep006_plugin_not_configured::check,
    ),
    Check::Ecspresso(
        &ep007_plugin_function_clash::RULE,
        ep007_plugin_function_clash::check,
    ),
    Check::Ecspresso(
        &ep008_filter_command_removed::RULE,
        ep008_filter_command_removed::check,
    ),
    Check::Ecspresso(
        &ep009_unquoted_template::RULE,
        ep009_unquoted_template::check,
    ),
    Check::Parser(&ep010_jsonnet_not_evaluated::RULE),
    Check::Project(
        &ep011_codedeploy_without_code_deploy_controller::RULE,
        ep011_codedeploy_without_code_deploy_controller::check,
    ),
    Check::Ecspresso(
        &ep012_bare_number_timeout::RULE,
        ep012_bare_number_timeout::check,
    ),
    Check::Project(
        &ep013_plugin_function_in_config::RULE,
        ep013_plugin_function_in_config::check,
    ),
    Check::Project(
        &ep014_undefined_template_function::RULE,
        ep014_undefined_template_function::check,
    ),
];
