// The effective configuration of a run from flags, the environment and a profile (settings.ts
// says which setting comes from where), with where each value came from, for the report.
import { headerProblem } from "./checks.ts";
import { phoneRuleProblem } from "./phones.ts";
import { type RunConfig, SETTINGS, type Setting, type SettingSource } from "./settings.ts";
import { type Profile, ProfileError } from "./types.ts";

/** Commander's parsed options: strings, true for a flag given without a value, lists for repeatable ones. */
export type FlagValues = Record<string, string | boolean | string[] | undefined>;

export interface ResolvedConfig {
  config: RunConfig;
  sources: Record<keyof RunConfig, SettingSource>;
}

/** --timeout-ms → timeoutMs, as commander names the option. */
export function attributeOf(flag: string): string {
  return flag.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function parsed(s: Setting, text: string, name: string): RunConfig[keyof RunConfig] {
  if (!s.parse) throw new ProfileError(`${name} takes no value`);
  try {
    return s.parse(text);
  } catch (error) {
    throw new ProfileError(`${name} ${(error as Error).message}, got "${text}"`);
  }
}

function headersOf(flags: readonly string[], profile: Record<string, string>): Record<string, string> {
  const merged = new Map(Object.entries(profile).map(([k, v]) => [k.toLowerCase(), [k, v] as const]));
  for (const text of flags) {
    const colon = text.indexOf(":");
    if (colon < 1) throw new ProfileError(`--header must be "Name: value", got "${text}"`);
    const [name, value] = [text.slice(0, colon).trim(), text.slice(colon + 1).trim()];
    const problem = headerProblem(name, value);
    if (problem) throw new ProfileError(`--header ${problem}`);
    merged.set(name.toLowerCase(), [name, value]);
  }
  return Object.fromEntries(merged.values());
}

function resolveOne(
  s: Setting,
  flags: FlagValues,
  env: NodeJS.ProcessEnv,
  profile: Profile | undefined,
): [RunConfig[keyof RunConfig], SettingSource] {
  const flag = flags[attributeOf(s.flag)];
  if (s.key === "headers") {
    const fromProfile = profile?.headers ?? {};
    const given = Array.isArray(flag) ? flag : [];
    const source = given.length > 0 ? "flag" : Object.keys(fromProfile).length > 0 ? "profile" : "default";
    return [headersOf(given, fromProfile), source];
  }
  if (Array.isArray(flag)) return [flag, "flag"];
  if (flag === true) return [parsed(s, "true", s.flag), "flag"];
  if (typeof flag === "string") return [parsed(s, flag, s.flag), "flag"];
  const fromEnv = s.env ? env[s.env] : undefined;
  if (s.env && fromEnv) return [parsed(s, fromEnv, s.env), "environment"];
  const fromProfile = profile && s.fromProfile?.(profile);
  if (fromProfile !== undefined) return [fromProfile, "profile"];
  return [s.fallback, "default"];
}

export function resolveConfig(flags: FlagValues, env: NodeJS.ProcessEnv, profile?: Profile): ResolvedConfig {
  if (flags.serial === true) {
    if (flags.parallel !== undefined) throw new ProfileError("--serial and --parallel contradict each other");
    flags = { ...flags, parallel: "0" };
  }
  const config: Partial<Record<keyof RunConfig, unknown>> = {};
  const sources: Partial<Record<keyof RunConfig, SettingSource>> = {};
  for (const s of SETTINGS) {
    const [value, source] = resolveOne(s, flags, env, profile);
    config[s.key] = value;
    sources[s.key] = source;
  }
  const resolved = config as RunConfig;
  const tcp = resolved.target?.startsWith("tcp:") === true;
  if (tcp && sources.binding === "default") resolved.binding = "mtproto";
  else if (tcp && resolved.binding !== "mtproto")
    throw new ProfileError(
      `--binding ${resolved.binding} cannot reach a tcp:// target (that is --binding mtproto)`,
    );
  else if (resolved.target !== undefined && !tcp && resolved.binding === "mtproto")
    throw new ProfileError(
      "--binding mtproto needs a tcp://HOST:PORT target (or none, for the embedded server)",
    );
  if (resolved.binding === "mtproto" && resolved.target !== undefined && resolved.rsaKey === undefined)
    throw new ProfileError(
      "an MTProto target needs its RSA public key: --rsa-key FILE (or CONFORMANCE_RSA_KEY, mtproto.rsaKey)",
    );
  const problem = phoneRuleProblem({ pattern: resolved.phonePattern, code: resolved.loginCode });
  if (problem) throw new ProfileError(`--phone-pattern/--login-code: ${problem}`);
  return { config: resolved, sources: sources as Record<keyof RunConfig, SettingSource> };
}
