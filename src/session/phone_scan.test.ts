// PRIVACY's scan: a phone in any usual writing, anywhere in a value; a contact card exempt only
// for the digits really sent.
import assert from "node:assert/strict";
import { test } from "node:test";
import { findPhone, PhoneMatcher } from "./phone_scan.ts";

const phone = "9996612345";
const matcher = new PhoneMatcher([phone]);
const none = () => false;

test("finds the phone in the usual writings, and not where its digits are only scattered", () => {
  for (const written of [
    "9996612345",
    "+9996612345",
    "+999 66 1 2345",
    "999-661-2345",
    "(999) 661.2345",
    "999\u00a066\u20131 23 45",
    "[999]6612345",
    "tel 999/66/12345",
  ]) {
    assert.equal(matcher.find(`call ${written} now`), phone, written);
  }
  assert.equal(matcher.find("99966 then later 12345"), undefined);
  assert.equal(matcher.find("999661234"), undefined, "one digit short");
  assert.equal(matcher.find(""), undefined);
});

test("searches every string, number and key of a value, also decoded escapes", () => {
  const body = JSON.parse('{"users":[{"_":"userForeign","last_name":"\\u0039\\u0039\\u0039 66 1 2345"}]}');
  assert.deepEqual(findPhone(body, matcher, none), { phone, pointer: "/users/0/last_name" });
  assert.equal(findPhone({ n: 9996612345 }, matcher, none)?.pointer, "/n");
  assert.equal(findPhone({ "x 999-661-2345": 1 }, matcher, none)?.pointer, "/x 999-661-2345");
  assert.equal(findPhone({ a: ["nothing here"] }, matcher, none), undefined);
});

test("a contact card's phone_number is exempt only for the digits really sent", () => {
  const card = {
    media: {
      _: "messageMediaContact",
      phone_number: "+999 66 1 2345",
      first_name: "",
      last_name: "",
      user_id: 1,
    },
  };
  assert.equal(
    findPhone(card, matcher, (digits) => digits === phone),
    undefined,
  );
  assert.equal(findPhone(card, matcher, none)?.pointer, "/media/phone_number");
  const elsewhere = { media: { _: "messageMediaGeo", phone_number: phone } };
  assert.equal(
    findPhone(elsewhere, matcher, () => true)?.pointer,
    "/media/phone_number",
    "only a card is exempt",
  );
});
