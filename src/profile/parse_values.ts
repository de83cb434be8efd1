// Text from a flag or an environment variable to a setting's value. Each parser throws a plain
// Error whose message completes "NAME <message>, got "<text>"".
import type { Layer } from "../tl/index.ts";
import { targetProblem } from "./checks.ts";
import { OPTIONAL_FEATURE_NAMES, type OptionalFeature } from "./needs.ts";

export function integerIn(min: number, max: number): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (!/^\d+$/.test(text.trim()) || value < min || value > max)
      throw new Error(`must be an integer from ${min} to ${max}`);
    return value;
  };
}

export function oneOf<T extends string>(values: readonly T[]): (text: string) => T {
  return (text) => {
    const found = values.find((v) => v === text);
    if (found === undefined) throw new Error(`must be one of ${values.join(", ")}`);
    return found;
  };
}

export function yesNo(text: string): boolean {
  if (/^(1|true|yes)$/i.test(text)) return true;
  if (/^(0|false|no)$/i.test(text)) return false;
  throw new Error("must be true or false (1/0, yes/no)");
}

export function targetUrl(text: string): string {
  const problem = targetProblem(text);
  if (problem) throw new Error(problem);
  return text;
}

export function plainText(text: string): string {
  if (text.length === 0) throw new Error("must not be empty");
  return text;
}

/** "1,2,3" or "1-3"; layer 1 is in every claim (the bare calls every scenario makes). */
export function layerList(text: string): Layer[] {
  const range = /^([1-3])-([1-3])$/.exec(text.trim());
  const numbers = range
    ? Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => Number(range[1]) + i)
    : text.split(",").map((part) => integerIn(1, 3)(part.trim()));
  if (!numbers.includes(1)) throw new Error("must include layer 1");
  return [...new Set(numbers)].sort() as Layer[];
}

/** Optional features by name, comma-separated; "none" for none. */
export function featureList(text: string): OptionalFeature[] {
  if (text.trim() === "none") return [];
  return text.split(",").map((part) => oneOf(OPTIONAL_FEATURE_NAMES)(part.trim()));
}

export function workers(text: string): number | "auto" {
  return text === "auto" ? "auto" : integerIn(0, 32)(text);
}
