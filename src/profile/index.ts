// Target profiles: the schema, loading (YAML or JSON, ${ENV}, ajv), the settings with their
// precedence (flags > environment > profile > defaults), claims, phones, expected failures.
export { headerProblem, requirementProblem, targetProblem } from "./checks.ts";
export { loadExpectedFailures } from "./load_expected_failures.ts";
export { loadProfile } from "./load_profile.ts";
export * from "./needs.ts";
export { DEFAULT_PHONE_RULE, drawTestPhone, type PhoneRule, phoneRuleProblem } from "./phones.ts";
export { EXPECTED_FAILURES_SCHEMA, PROFILE_SCHEMA } from "./profile_schema.ts";
export { attributeOf, type FlagValues, type ResolvedConfig, resolveConfig } from "./resolve_config.ts";
export { type RunConfig, SETTINGS, type Setting, type SettingSource } from "./settings.ts";
export { type ExpectedFailure, type Profile, ProfileError, type TranscriptsMode } from "./types.ts";
export * from "./wire_tags.ts";
export type { WorldParameters } from "./world_parameters.ts";
