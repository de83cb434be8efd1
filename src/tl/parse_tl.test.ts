import assert from "node:assert/strict";
import { test } from "node:test";
import { computeId, normaliseForId, parseTl, TlParseError } from "./index.ts";

test("the README's id checks", () => {
  assert.equal(computeId("boolFalse = Bool"), 0xbc799737);
  assert.equal(computeId("invokeWithLayer3 {X:Type} query:!X = X"), 0xb7475268);
  assert.equal(computeId("vector {t:Type} # [ t ] = Vector t"), 0x1cb5c415);
});

test("normalisation: ?true flags dropped, bytes as string except in Vector<bytes>, generics flattened", () => {
  assert.equal(
    normaliseForId("a#1 flags:# x:flags.0?true y:flags.1?bytes = A;"),
    "a flags:# y:flags.1?string = A",
  );
  assert.equal(
    normaliseForId("a b:bytes c:Vector<bytes> = Vector<A>;"),
    "a b:string c:Vector bytes = Vector A",
  );
});

test("sections, comments, ids, type parameters and anonymous fields", () => {
  const schema = parseTl(
    "// c\nint ? = Int;\nvector#1cb5c415 {t:Type} # [ t ] = Vector t;\n/* block */\n---functions---\nf#5 {X:Type} q:!X n:4*[ int ] = X; // tail\n",
    "t.tl",
  );
  assert.equal(schema.constructors.length, 2);
  const [fn] = schema.functions;
  assert.equal(fn?.name, "f");
  assert.equal(fn?.explicitId, 5);
  assert.deepEqual(fn?.typeParams, [{ name: "X", type: "Type" }]);
  assert.deepEqual(fn?.params, [
    { name: "q", type: "!X" },
    { name: "n", type: "4*[ int ]" },
  ]);
  assert.equal(schema.constructors[0]?.params[0]?.type, "?");
});

test("errors name file, line and column; garbage never hangs", () => {
  assert.throws(
    () => parseTl("ok = A;\nbad line without end", "x.tl"),
    (e: unknown) => e instanceof TlParseError && e.message.startsWith("x.tl:2:1:"),
  );
  assert.throws(() => parseTl("a:b:c = ;", "y.tl"), TlParseError);
  assert.throws(() => parseTl("a x:Vector<int = A;", "z.tl"), /missing '>'/);
  const garbage = "\u0000\u00ff{[(<".repeat(20_000);
  const started = performance.now();
  assert.throws(() => parseTl(garbage, "g.tl"), TlParseError);
  assert.ok(performance.now() - started < 1000);
});
