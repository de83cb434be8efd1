// A target profile from its file: parsed (YAML or JSON), ${ENV} substituted, validated against
// the shipped schema, then the checks a schema cannot make. Relative paths in it are made
// absolute against the profile's folder, so a run from any folder reads the same files.
import { dirname, resolve } from "node:path";
import { checkedOrThrow } from "./checked.ts";
import { headerProblem, targetProblem } from "./checks.ts";
import { checkExpectedFailures } from "./load_expected_failures.ts";
import { DEFAULT_PHONE_RULE, phoneRuleProblem } from "./phones.ts";
import { readDocument } from "./read_document.ts";
import { substituteEnv } from "./substitute_env.ts";
import type { Profile } from "./types.ts";
import { validateDocument } from "./validate_document.ts";

function check(file: string, profile: Profile): void {
  if (profile.target !== undefined) {
    const problem = targetProblem(profile.target);
    checkedOrThrow(file, "/target", problem && `${problem}, got "${profile.target}"`);
  }
  for (const [name, value] of Object.entries(profile.headers ?? {}))
    checkedOrThrow(file, `/headers/${name}`, headerProblem(name, value));
  if (profile.phones)
    checkedOrThrow(file, "/phones", phoneRuleProblem({ ...DEFAULT_PHONE_RULE, ...profile.phones }));
  if (Array.isArray(profile.expectedFailures))
    checkExpectedFailures(profile.expectedFailures, file, "/expectedFailures");
}

function withAbsolutePaths(profile: Profile, dir: string): Profile {
  const at = (path: string) => resolve(dir, path);
  return {
    ...profile,
    ...(profile.tls?.ca ? { tls: { ...profile.tls, ca: at(profile.tls.ca) } } : {}),
    ...(profile.reports ? { reports: at(profile.reports) } : {}),
    ...(profile.mtproto?.rsaKey
      ? { mtproto: { ...profile.mtproto, rsaKey: at(profile.mtproto.rsaKey) } }
      : {}),
    ...(typeof profile.expectedFailures === "string"
      ? { expectedFailures: at(profile.expectedFailures) }
      : {}),
  };
}

export function loadProfile(file: string, env: NodeJS.ProcessEnv): Profile {
  const value = substituteEnv(readDocument(file), env, file);
  const profile = validateDocument<Profile>("profile", value, file);
  check(file, profile);
  return withAbsolutePaths(profile, dirname(resolve(file)));
}
