// cucumber matches every step's text against the step definitions with cucumber-expressions'
// TreeRegexp, which reads each capture group's position from the `indices` of a match. It gets them
// through the regexp-match-indices package, whose check for the native `d` flag tests a regular
// expression without the flag, so it always falls back to rewriting each definition's regular
// expression with regexp-tree, once per expression and process. That cost ~50–100 ms of CPU in
// each of a remote run's 16 worker processes, and 86 ms in the coordinator (docs/performance.md).
//
// Node has had the `d` flag since 16, so TreeRegexp's match is given the native one here: the same
// positions, as the standard defines them. The replacement is checked against the original on
// sample expressions first, and left out when they differ or cucumber's internals are not as
// expected, so a later cucumber can only lose the speed, never change a match.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

interface GroupBuilder {
  build(match: RegExpExecArray, nextGroupIndex: () => number): unknown;
}

export interface TreeRegexpInstance {
  regexp: RegExp;
  groupBuilder: GroupBuilder;
  match(text: string): unknown;
}

export type TreeRegexpClass = {
  new (regexp: RegExp | string): TreeRegexpInstance;
  prototype: TreeRegexpInstance;
};

const withIndices = new WeakMap<RegExp, RegExp>();
/** TreeRegexp's own match, once replaced (for the test that compares both on every step). */
let replaced: TreeRegexpInstance["match"] | undefined;

export function nativeMatch(this: TreeRegexpInstance, text: string): unknown {
  let regexp = withIndices.get(this.regexp);
  if (regexp === undefined) {
    const flags = this.regexp.flags.includes("d") ? this.regexp.flags : `${this.regexp.flags}d`;
    regexp = new RegExp(this.regexp.source, flags);
    withIndices.set(this.regexp, regexp);
  }
  regexp.lastIndex = this.regexp.lastIndex;
  const match = regexp.exec(text);
  this.regexp.lastIndex = regexp.lastIndex;
  if (!match) return null;
  let groupIndex = 0;
  return this.groupBuilder.build(match, () => groupIndex++);
}

// Nested, optional, non-capturing and look-around groups, an unmatched group, and no match.
const SAMPLES: readonly [RegExp, string][] = [
  [/^(A|B) has ([A-E])'s number in (contacts|the address book)$/, "A has B's number in contacts"],
  [/^((\w+) (?:and|or) (\w+))?(?= met) met in a chat made by ([A-E])$/, "A and B met in a chat made by C"],
  [
    /^(?:the answer is )?rpc_error (-?\d+) (\w+)(?: or (\w+))?$/,
    "the answer is rpc_error 400 PEER_ID_INVALID",
  ],
  [/^(a)(b)?$/, "a"],
  [/^x$/, "y"],
];

export function treeRegexpOfCucumber(): TreeRegexpClass | undefined {
  const fromHere = createRequire(import.meta.url);
  const fromCucumber = createRequire(fromHere.resolve("@cucumber/cucumber"));
  const expressions = fromCucumber.resolve("@cucumber/cucumber-expressions");
  const loaded = fromCucumber(join(dirname(expressions), "TreeRegexp.js")) as { default?: unknown };
  const TreeRegexp = loaded.default as TreeRegexpClass | undefined;
  return typeof TreeRegexp?.prototype?.match === "function" ? TreeRegexp : undefined;
}

/** Gives cucumber's step matching the native `d` flag; false when it was left as it is. */
export function useNativeMatchIndices(): boolean {
  let TreeRegexp: TreeRegexpClass | undefined;
  try {
    TreeRegexp = treeRegexpOfCucumber();
  } catch {
    return false;
  }
  if (!TreeRegexp) return false;
  const original = TreeRegexp.prototype.match;
  if (original === nativeMatch) return true;
  try {
    for (const [regexp, text] of SAMPLES) {
      const tree = new TreeRegexp(regexp);
      const expected = JSON.stringify(original.call(tree, text));
      if (JSON.stringify(nativeMatch.call(tree, text)) !== expected) return false;
    }
  } catch {
    return false;
  }
  replaced = original;
  TreeRegexp.prototype.match = nativeMatch;
  return true;
}

/** cucumber's own TreeRegexp match, when useNativeMatchIndices replaced it. */
export function replacedMatch(): TreeRegexpInstance["match"] | undefined {
  return replaced;
}
