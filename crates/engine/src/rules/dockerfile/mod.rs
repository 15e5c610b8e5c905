//! Rules for dockerfile inputs, one file per rule.

pub mod df001_final_stage_runs_as_root;
pub mod df002_add_url_without_checksum;
pub mod df003_shell_wrapper_swallows_sigterm;
pub mod df004_healthcheck_ignored_by_ecs;
pub mod df005_package_install_without_cache_mount;
pub mod df006_secret_value_in_image;
pub mod df007_build_tools_in_final_image;
pub mod df008_unused_stage;
pub mod df009_full_final_base_image;
pub mod df010_lockfile_copy_for_install;
pub mod dl1001_inline_ignore_pragma;
pub mod dl3000_relative_workdir;
pub mod dl3001_pointless_command;
pub mod dl3002_last_user_root;
pub mod dl3003_cd_in_run;
pub mod dl3004_sudo_in_run;
pub mod dl3006_untagged_base_image;
pub mod dl3007_latest_tag;
pub mod dl3008_apt_get_unpinned;
pub mod dl3009_apt_lists_not_deleted;
pub mod dl3010_copy_then_extract;
pub mod dl3011_invalid_exposed_port;
pub mod dl3012_multiple_healthchecks;
pub mod dl3013_pip_unpinned;
pub mod dl3014_apt_get_without_yes;
pub mod dl3015_apt_get_recommends;
pub mod dl3016_npm_unpinned;
pub mod dl3018_apk_add_unpinned;
pub mod dl3019_apk_add_cache;
pub mod dl3020_add_instead_of_copy;
pub mod dl3021_copy_multiple_sources_to_file;
pub mod dl3022_copy_from_unknown_stage;
pub mod dl3023_copy_from_own_stage;
pub mod dl3024_duplicate_stage_name;
pub mod dl3025_json_form_cmd;
pub mod dl3026_untrusted_registry;
pub mod dl3027_apt_instead_of_apt_get;
pub mod dl3028_gem_unpinned;
pub mod dl3029_from_platform;
pub mod dl3030_yum_without_yes;
pub mod dl3032_yum_clean_missing;
pub mod dl3033_yum_unpinned;
pub mod dl3034_zypper_without_yes;
pub mod dl3035_zypper_dist_upgrade;
pub mod dl3036_zypper_clean_missing;
pub mod dl3037_zypper_unpinned;
pub mod dl3038_dnf_without_yes;
pub mod dl3040_dnf_clean_missing;
pub mod dl3041_dnf_unpinned;
pub mod dl3042_pip_cache;
pub mod dl3043_onbuild_forbidden_trigger;
pub mod dl3044_env_self_reference;
pub mod dl3045_copy_relative_without_workdir;
pub mod dl3046_useradd_high_uid;
pub mod dl3047_wget_progress;
pub mod dl3048_invalid_label_key;
pub mod dl3049_label_missing;
pub mod dl3050_label_not_in_schema;
pub mod dl3051_label_empty;
pub mod dl3052_label_not_url;
pub mod dl3053_label_not_rfc3339;
pub mod dl3054_label_not_spdx;
pub mod dl3055_label_not_git_hash;
pub mod dl3056_label_not_semver;
pub mod dl3057_healthcheck_missing;
pub mod dl3058_label_not_email;
pub mod dl3059_consecutive_runs;
pub mod dl3060_yarn_cache;
pub mod dl3061_instruction_before_from;
pub mod dl3062_go_install_unpinned;
pub mod dl3063_reserved_stage_name;
pub mod dl3064_secret_in_env_or_arg;
pub mod dl3065_redundant_target_platform;
pub mod dl3066_non_numeric_user;
pub mod dl3067_copy_whole_filesystem;
pub mod dl4000_maintainer_deprecated;
pub mod dl4001_wget_and_curl;
pub mod dl4003_multiple_cmd;
pub mod dl4004_multiple_entrypoint;
pub mod dl4005_default_shell_relinked;
pub mod dl4006_pipe_without_pipefail;
pub mod labels;
pub mod pkg_report;

use crate::rules::check::{Check, DockerfileRun};

/// The Dockerfile rules, in code order. Their check functions are in [`RUNS`], not here: the
/// registry (and so the page's first download) holds the rules' metadata only, and the check
/// functions are reached only by the built-in Dockerfile path (`lint::dockerfile`), which a
/// wasm32 build links only when asked to (the page's Dockerfile module, the teaching module).
pub static CHECKS: &[Check] = &[
    Check::Dockerfile(&df001_final_stage_runs_as_root::RULE),
    Check::Dockerfile(&df002_add_url_without_checksum::RULE),
    Check::Dockerfile(&df003_shell_wrapper_swallows_sigterm::RULE),
    Check::Dockerfile(&df004_healthcheck_ignored_by_ecs::RULE),
    Check::Dockerfile(&df005_package_install_without_cache_mount::RULE),
    Check::Dockerfile(&df006_secret_value_in_image::RULE),
    Check::Dockerfile(&df007_build_tools_in_final_image::RULE),
    Check::Dockerfile(&df008_unused_stage::RULE),
    Check::Dockerfile(&df009_full_final_base_image::RULE),
    Check::Dockerfile(&df010_lockfile_copy_for_install::RULE),
    Check::Dockerfile(&dl1001_inline_ignore_pragma::RULE),
    Check::Dockerfile(&dl3000_relative_workdir::RULE),
    Check::Dockerfile(&dl3001_pointless_command::RULE),
    Check::Dockerfile(&dl3002_last_user_root::RULE),
    Check::Dockerfile(&dl3003_cd_in_run::RULE),
    Check::Dockerfile(&dl3004_sudo_in_run::RULE),
    Check::Dockerfile(&dl3006_untagged_base_image::RULE),
    Check::Dockerfile(&dl3007_latest_tag::RULE),
    Check::Dockerfile(&dl3008_apt_get_unpinned::RULE),
    Check::Dockerfile(&dl3009_apt_lists_not_deleted::RULE),
    Check::Dockerfile(&dl3010_copy_then_extract::RULE),
    Check::Dockerfile(&dl3011_invalid_exposed_port::RULE),
    Check::Dockerfile(&dl3012_multiple_healthchecks::RULE),
    Check::Dockerfile(&dl3013_pip_unpinned::RULE),
    Check::Dockerfile(&dl3014_apt_get_without_yes::RULE),
    Check::Dockerfile(&dl3015_apt_get_recommends::RULE),
    Check::Dockerfile(&dl3016_npm_unpinned::RULE),
    Check::Dockerfile(&dl3018_apk_add_unpinned::RULE),
    Check::Dockerfile(&dl3019_apk_add_cache::RULE),
    Check::Dockerfile(&dl3020_add_instead_of_copy::RULE),
    Check::Dockerfile(&dl3021_copy_multiple_sources_to_file::RULE),
    Check::Dockerfile(&dl3022_copy_from_unknown_stage::RULE),
    Check::Dockerfile(&dl3023_copy_from_own_stage::RULE),
    Check::Dockerfile(&dl3024_duplicate_stage_name::RULE),
    Check::Dockerfile(&dl3025_json_form_cmd::RULE),
    Check::Dockerfile(&dl3026_untrusted_registry::RULE),
    Check::Dockerfile(&dl3027_apt_instead_of_apt_get::RULE),
    Check::Dockerfile(&dl3028_gem_unpinned::RULE),
    Check::Dockerfile(&dl3029_from_platform::RULE),
    Check::Dockerfile(&dl3030_yum_without_yes::RULE),
    Check::Dockerfile(&dl3032_yum_clean_missing::RULE),
    Check::Dockerfile(&dl3033_yum_unpinned::RULE),
    Check::Dockerfile(&dl3034_zypper_without_yes::RULE),
    Check::Dockerfile(&dl3035_zypper_dist_upgrade::RULE),
    Check::Dockerfile(&dl3036_zypper_clean_missing::RULE),
    Check::Dockerfile(&dl3037_zypper_unpinned::RULE),
    Check::Dockerfile(&dl3038_dnf_without_yes::RULE),
    Check::Dockerfile(&dl3040_dnf_clean_missing::RULE),
    Check::Dockerfile(&dl3041_dnf_unpinned::RULE),
    Check::Dockerfile(&dl3042_pip_cache::RULE),
    Check::Dockerfile(&dl3043_onbuild_forbidden_trigger::RULE),
    Check::Dockerfile(&dl3044_env_self_reference::RULE),
    Check::Dockerfile(&dl3045_copy_relative_without_workdir::RULE),
    Check::Dockerfile(&dl3046_useradd_high_uid::RULE),
    Check::Dockerfile(&dl3047_wget_progress::RULE),
    Check::Dockerfile(&dl3048_invalid_label_key::RULE),
    Check::Dockerfile(&dl3049_label_missing::RULE),
    Check::Dockerfile(&dl3050_label_not_in_schema::RULE),
    Check::Dockerfile(&dl3051_label_empty::RULE),
    Check::Dockerfile(&dl3052_label_not_url::RULE),
    Check::Dockerfile(&dl3053_label_not_rfc3339::RULE),
    Check::Dockerfile(&dl3054_label_not_spdx::RULE),
    Check::Dockerfile(&dl3055_label_not_git_hash::RULE),
    Check::Dockerfile(&dl3056_label_not_semver::RULE),
    Check::Dockerfile(&dl3057_healthcheck_missing::RULE),
    Check::Dockerfile(&dl3058_label_not_email::RULE),
    Check::Dockerfile(&dl3059_consecutive_runs::RULE),
    Check::Dockerfile(&dl3060_yarn_cache::RULE),
    Check::Dockerfile(&dl3061_instruction_before_from::RULE),
    Check::Dockerfile(&dl3062_go_install_unpinned::RULE),
    Check::Dockerfile(&dl3063_reserved_stage_name::RULE),
    Check::Dockerfile(&dl3064_secret_in_env_or_arg::RULE),
    Check::Dockerfile(&dl3065_redundant_target_platform::RULE),
    Check::Dockerfile(&dl3066_non_numeric_user::RULE),
    Check::Dockerfile(&dl3067_copy_whole_filesystem::RULE),
    Check::Dockerfile(&dl4000_maintainer_deprecated::RULE),
    Check::Dockerfile(&dl4001_wget_and_curl::RULE),
    Check::Dockerfile(&dl4003_multiple_cmd::RULE),
    Check::Dockerfile(&dl4004_multiple_entrypoint::RULE),
    Check::Dockerfile(&dl4005_default_shell_relinked::RULE),
    Check::Dockerfile(&dl4006_pipe_without_pipefail::RULE),
];

/// The check function of each rule of [`CHECKS`], in the same order (a test keeps them paired;
/// `cargo xtask new-rule` adds a new rule to both).
pub static RUNS: &[DockerfileRun] = &[
    df001_final_stage_runs_as_root::check,
    df002_add_url_without_checksum::check,
    df003_shell_wrapper_swallows_sigterm::check,
    df004_healthcheck_ignored_by_ecs::check,
    df005_package_install_without_cache_mount::check,
    df006_secret_value_in_image::check,
    df007_build_tools_in_final_image::check,
    df008_unused_stage::check,
    df009_full_final_base_image::check,
    df010_lockfile_copy_for_install::check,
    dl1001_inline_ignore_pragma::check,
    dl3000_relative_workdir::check,
    dl3001_pointless_command::check,
    dl3002_last_user_root::check,
    dl3003_cd_in_run::check,
    dl3004_sudo_in_run::check,
    dl3006_untagged_base_image::check,
    dl3007_latest_tag::check,
    dl3008_apt_get_unpinned::check,
    dl3009_apt_lists_not_deleted::check,
    dl3010_copy_then_extract::check,
    dl3011_invalid_exposed_port::check,
    dl3012_multiple_healthchecks::check,
    dl3013_pip_unpinned::check,
    dl3014_apt_get_without_yes::check,
    dl3015_apt_get_recommends::check,
    dl3016_npm_unpinned::check,
    dl3018_apk_add_unpinned::check,
    dl3019_apk_add_cache::check,
    dl3020_add_instead_of_copy::check,
    dl3021_copy_multiple_sources_to_file::check,
    dl3022_copy_from_unknown_stage::check,
    dl3023_copy_from_own_stage::check,
    dl3024_duplicate_stage_name::check,
    dl3025_json_form_cmd::check,
    dl3026_untrusted_registry::check,
    dl3027_apt_instead_of_apt_get::check,
    dl3028_gem_unpinned::check,
    dl3029_from_platform::check,
    dl3030_yum_without_yes::check,
    dl3032_yum_clean_missing::check,
    dl3033_yum_unpinned::check,
    dl3034_zypper_without_yes::check,
    dl3035_zypper_dist_upgrade::check,
    dl3036_zypper_clean_missing::check,
    dl3037_zypper_unpinned::check,
    dl3038_dnf_without_yes::check,
    dl3040_dnf_clean_missing::check,
    dl3041_dnf_unpinned::check,
    dl3042_pip_cache::check,
    dl3043_onbuild_forbidden_trigger::check,
    dl3044_env_self_reference::check,
    dl3045_copy_relative_without_workdir::check,
    dl3046_useradd_high_uid::check,
    dl3047_wget_progress::check,
    dl3048_invalid_label_key::check,
    dl3049_label_missing::check,
    dl3050_label_not_in_schema::check,
    dl3051_label_empty::check,
    dl3052_label_not_url::check,
    dl3053_label_not_rfc3339::check,
    dl3054_label_not_spdx::check,
    dl3055_label_not_git_hash::check,
    dl3056_label_not_semver::check,
    dl3057_healthcheck_missing::check,
    dl3058_label_not_email::check,
    dl3059_consecutive_runs::check,
    dl3060_yarn_cache::check,
    dl3061_instruction_before_from::check,
    dl3062_go_install_unpinned::check,
    dl3063_reserved_stage_name::check,
    dl3064_secret_in_env_or_arg::check,
    dl3065_redundant_target_platform::check,
    dl3066_non_numeric_user::check,
    dl3067_copy_whole_filesystem::check,
    dl4000_maintainer_deprecated::check,
    dl4001_wget_and_curl::check,
    dl4003_multiple_cmd::check,
    dl4004_multiple_entrypoint::check,
    dl4005_default_shell_relinked::check,
    dl4006_pipe_without_pipefail::check,
];
