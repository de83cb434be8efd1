// The effective configuration as the report header records it: every setting with the value
// that took effect and where it came from, secrets redacted (extra header values, credentials
// in the target URL), the CA as its path, the expected failures as their source and count.
import { REDACTED, redactUrlCredentials } from "../client/index.ts";
import type { ConfigurationEntry } from "../report/index.ts";
import type { RunPlan } from "./run_plan.ts";

function shown(key: string, value: unknown, plan: RunPlan): unknown {
  if (key === "headers") return Object.fromEntries(Object.keys(value as object).map((k) => [k, REDACTED]));
  if (key === "target")
    return typeof value === "string" ? redactUrlCredentials(value) : "embedded reference server";
  if (key === "expectedFailures")
    return value === undefined
      ? "none"
      : `${plan.expectedFailures.length} entries from ${plan.expectedFailuresFrom}`;
  return value ?? null;
}

export function describeConfiguration(plan: RunPlan, workers: number): Record<string, ConfigurationEntry> {
  const entries: Record<string, ConfigurationEntry> = {};
  if (plan.profile) entries.profile = { value: plan.profile.file, source: plan.profile.source };
  for (const [key, value] of Object.entries(plan.config)) {
    const source = plan.sources[key as keyof typeof plan.sources];
    entries[key] = { value: shown(key, value, plan), source };
  }
  const parallel = entries.parallel;
  if (parallel && plan.config.parallel === "auto") parallel.value = `auto (${workers})`;
  if (plan.tags) entries.tags = { value: plan.tags, source: "flag" };
  if (plan.name) entries.name = { value: plan.name, source: "flag" };
  return entries;
}
