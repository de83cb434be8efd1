// Every public schema in the corpus parses, and every written id is the CRC of its text except
// the named exceptions (known_id_exceptions.ts), each of which the corpus really contains.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { checkIds } from "./check_ids.ts";
import { formatId } from "./compute_id.ts";
import { loadLayerTl, loadMtprotoTl, parseTl } from "./index.ts";
import { KNOWN_ID_EXCEPTIONS } from "./known_id_exceptions.ts";

const corpus = fileURLToPath(new URL("../../../shared/tl-corpus/", import.meta.url));
const available = existsSync(corpus);

test("every corpus file parses and its ids match, but for the named exceptions", {
  skip: !available && "shared/tl-corpus is not beside the project",
}, (t) => {
  const met = new Set<string>();
  let total = 0;
  for (const file of readdirSync(corpus)
    .filter((f) => f.endsWith(".tl"))
    .sort()) {
    const check = checkIds(parseTl(readFileSync(join(corpus, file), "utf8"), file));
    total += check.checked;
    for (const m of check.excused) met.add(`${m.combinator.name}${formatId(m.explicitId)}`);
    const unexcused = check.mismatches.map(
      (m) =>
        `${m.combinator.source.line}: ${m.combinator.name} ${formatId(m.explicitId)} != ${formatId(m.combinator.computedId)}`,
    );
    assert.deepEqual(unexcused, [], `${file}: ids that are not the CRC of their text`);
    t.diagnostic(
      `${file}: ${check.declarations} declarations, ${check.checked} ids checked, ${check.excused.length} known exceptions`,
    );
  }
  assert.ok(total > 10_000, `the corpus checks over 10,000 ids (${total})`);
  const unmet = KNOWN_ID_EXCEPTIONS.filter((e) => !e.absentFromCorpus)
    .map((e) => `${e.name}${formatId(e.id)}`)
    .filter((key) => !met.has(key));
  assert.deepEqual(unmet, [], "exceptions no corpus file needs");
});

test("the layer-1 ids are all in the 2013 layer-1 constants list", {
  skip: !available && "shared/tl-corpus is not beside the project",
}, () => {
  const header = readFileSync(join(corpus, "vysheng-tg_5f2080e9_2013-10-13_constants_layer1.h"), "utf8");
  const listed = new Set(
    [...header.matchAll(/#define CODE_\w+ 0x([0-9a-f]+)/g)].map((m) => Number.parseInt(m[1] ?? "", 16)),
  );
  const layer1 = loadLayerTl(1);
  const missing = [...layer1.constructors, ...layer1.functions].filter(
    (c) => c.explicitId !== undefined && !listed.has(c.explicitId),
  );
  assert.deepEqual(
    missing.map((c) => c.name),
    [],
  );
});

test("every line of schema/mtproto.tl is in a public schema, live or commented, by name and id", {
  skip: !available && "shared/tl-corpus is not beside the project",
}, () => {
  const texts = readdirSync(corpus)
    .filter((f) => f.endsWith(".tl"))
    .map((f) => readFileSync(join(corpus, f), "utf8"))
    .join("\n");
  const tl = loadMtprotoTl();
  const missing = [...tl.constructors, ...tl.functions].filter((c) => {
    // `message` has no id anywhere: its whole text must be there.
    if (c.explicitId === undefined) {
      return !texts.includes(
        `${c.name} ${c.params.map((p) => `${p.name}:${p.type}`).join(" ")} = ${c.resultType}`,
      );
    }
    // Ids are written with leading zeros or not (`#05162463`, `#949d9dc`).
    const id = `#0*${c.explicitId.toString(16)}`;
    return !new RegExp(`(^|[\\s/])${c.name.replace(".", "\\.")}${id}\\s`, "im").test(texts);
  });
  assert.deepEqual(
    missing.map((c) => c.name),
    [],
  );
});
