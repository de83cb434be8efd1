// A failed check is chai's AssertionError with actual and expected (what cucumber's formatters
// diff), named for its requirement: the design card's "chai" point, held by a test.
import assert from "node:assert/strict";
import { test } from "node:test";
import { AssertionError } from "chai";
import { check, expectFor, RequirementFailure } from "../../src/session/index.ts";

const detail = { subject: "B's view of A (users.getUsers)", expected: "userRequest", actual: "userForeign" };

test("a failed check is a chai AssertionError carrying actual, expected and the requirement", () => {
  const failure = new RequirementFailure("S1-REVEAL", { ...detail, pointer: "/users/0/_" });
  assert.ok(failure instanceof AssertionError, "not chai's AssertionError");
  assert.equal(failure.name, "RequirementFailure");
  const props = failure as unknown as { actual: string; expected: string; showDiff: boolean };
  assert.equal(props.actual, "userForeign");
  assert.equal(props.expected, "userRequest");
  assert.equal(props.showDiff, true);
  const lines = failure.message.split("\n");
  assert.match(
    lines[0] ?? "",
    /^S1-REVEAL: B's view of A \(users\.getUsers\): expected userRequest, got userForeign at \/users\/0\/_$/,
  );
  assert.match(failure.message, /\n {2}Requirement: \(MUST\) /);
  assert.deepEqual(failure.toAttachment(), { requirement: "S1-REVEAL", ...detail, pointer: "/users/0/_" });
});

test("check throws only when its condition fails", () => {
  check(true, "S1-REVEAL", detail);
  assert.throws(() => check(false, "S1-REVEAL", detail), RequirementFailure);
});

test("expectFor turns chai's own failure into the requirement's, and lets other errors through", () => {
  expectFor("S2-FOREIGN", { subject: "A's view of B" }, "userForeign", (it) => it.to.equal("userForeign"));
  assert.throws(
    () =>
      expectFor("S2-FOREIGN", { subject: "A's view of B" }, "userContact", (it) =>
        it.to.equal("userForeign"),
      ),
    (error: unknown) => {
      assert.ok(error instanceof RequirementFailure);
      assert.equal(error.requirementId, "S2-FOREIGN");
      assert.equal(error.detail.actual, '"userContact"');
      assert.equal(error.detail.expected, '"userForeign"');
      return true;
    },
  );
  const own = new TypeError("not an assertion");
  assert.throws(
    () =>
      expectFor("S2-FOREIGN", { subject: "A's view of B" }, 1, () => {
        throw own;
      }),
    (error: unknown) => error === own,
  );
});
