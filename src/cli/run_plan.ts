// Everything a run is asked to do, from its flags, the environment and its profile: the
// effective configuration with the source of each value, the expected failures read and
// checked, the CA read once, and the formats split into ours and cucumber's.
import { readFileSync } from "node:fs";
import {
  type ExpectedFailure,
  type FlagValues,
  loadExpectedFailures,
  loadProfile,
  ProfileError,
  type RunConfig,
  resolveConfig,
  type SettingSource,
} from "../profile/index.ts";

export interface RunPlan {
  config: RunConfig;
  sources: Record<keyof RunConfig, SettingSource>;
  profile?: { file: string; source: "flag" | "environment" };
  expectedFailures: ExpectedFailure[];
  /** Where the expected failures came from: a file, or the profile's inline list. */
  expectedFailuresFrom?: string;
  caPem?: string;
  /** The MTProto target's RSA public key, read once (PEM text). */
  rsaPem?: string;
  tags?: string;
  name?: string;
  markdown: boolean;
  /** Cucumber's own formatters, as given. */
  cucumberFormats: string[];
}

export function planRun(flags: FlagValues, env: NodeJS.ProcessEnv): RunPlan {
  const given = typeof flags.profile === "string" ? flags.profile : undefined;
  const file = given ?? (env.CONFORMANCE_PROFILE || undefined);
  const profile = file ? loadProfile(file, env) : undefined;
  const { config, sources } = resolveConfig(flags, env, profile);
  const list = config.expectedFailures;
  const expectedFailures = typeof list === "string" ? loadExpectedFailures(list, env) : (list ?? []);
  let caPem: string | undefined;
  if (config.ca !== undefined) {
    try {
      caPem = readFileSync(config.ca, "utf8");
    } catch (error) {
      throw new ProfileError(
        `the CA file ${config.ca} cannot be read (${(error as NodeJS.ErrnoException).code})`,
      );
    }
    if (!caPem.includes("-----BEGIN CERTIFICATE-----"))
      throw new ProfileError(`the CA file ${config.ca} holds no PEM certificate`);
  }
  let rsaPem: string | undefined;
  if (config.rsaKey !== undefined) {
    try {
      rsaPem = readFileSync(config.rsaKey, "utf8");
    } catch (error) {
      throw new ProfileError(
        `the RSA key file ${config.rsaKey} cannot be read (${(error as NodeJS.ErrnoException).code})`,
      );
    }
    if (!/-----BEGIN (RSA )?PUBLIC KEY-----/.test(rsaPem))
      throw new ProfileError(`the RSA key file ${config.rsaKey} holds no PEM public key`);
  }
  const text = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : undefined);
  const tags = text(flags.tags);
  const name = text(flags.name);
  return {
    config,
    sources,
    ...(file ? { profile: { file, source: given ? "flag" : "environment" } } : {}),
    expectedFailures,
    ...(list !== undefined ? { expectedFailuresFrom: typeof list === "string" ? list : "the profile" } : {}),
    ...(caPem !== undefined ? { caPem } : {}),
    ...(rsaPem !== undefined ? { rsaPem } : {}),
    ...(tags ? { tags } : {}),
    ...(name ? { name } : {}),
    markdown: config.formats.includes("markdown"),
    cucumberFormats: config.formats.filter((f) => f !== "markdown"),
  };
}
