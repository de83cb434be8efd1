// Parameter types of the step language. A typo in a feature then fails as an undefined step (or,
// for a method or constructor name, as a check-features problem), never as a wrong check. Each
// regexp is a literal, so an editor's Cucumber extension (which reads the source, not the running
// code) knows every type; src/cli/step_catalogue.test.ts checks the literals list exactly the
// values the session accepts. The comment above each is its description in `tl-conformance steps`.
import { defineParameterType } from "@cucumber/cucumber";
import { type SendKind, sendKindOfPhrase } from "../src/session/index.ts";
import { LAYERS, type Layer, layerSchema } from "../src/tl/index.ts";

const known = (what: string, ok: (name: string) => boolean) => (name: string) => {
  if (!ok(name)) throw new Error(`${name} is not a ${what} of schema/layer1.tl, layer2.tl or layer3.tl`);
  return name;
};
const inSomeLayer = (test: (layer: Layer) => boolean) => LAYERS.some(test);

/** A user of the scenario; each is a fresh account, signed up on first use. */
defineParameterType({ name: "role", regexp: /[A-E]/, transformer: (s: string) => s });

/** The layer a request declares: 1 is a bare call, 2 and 3 wrap it in invokeWithLayer2/3. */
defineParameterType({
  name: "layer",
  regexp: /[123]/,
  transformer: (s: string): Layer => Number(s) as Layer,
});

/** A private message of one send kind (src/session/sends.ts, SEND_KINDS). */
defineParameterType({
  name: "send",
  regexp:
    /messages\.sendMedia with own contact|messages\.sendMedia with a geo point|messages\.forwardMessages|messages\.forwardMessage|messages\.sendMessage/,
  transformer: (s: string): SendKind => sendKindOfPhrase(s),
});

/** A forward of one message (forwardMessage, layer 3 on) or of a list of them (forwardMessages). */
defineParameterType({
  name: "forward_method",
  regexp: /messages\.forwardMessages|messages\.forwardMessage/,
  transformer: (s: string): SendKind => (s === "messages.forwardMessage" ? "forward" : "forwards"),
});

/** How a contact is deleted: one InputUser, or a vector of them. */
defineParameterType({
  name: "delete_method",
  regexp: /contacts\.deleteContacts|contacts\.deleteContact/,
  transformer: (s: string) => s,
});

/** A constructor of User as a viewer may be shown another user. */
defineParameterType({
  name: "user_kind",
  regexp: /userContact|userRequest|userForeign/,
  transformer: (s: string) => s,
});

/** A contacts.MyLink value as the link table writes it. */
defineParameterType({
  name: "my_link",
  regexp: /myLinkEmpty|myLinkContact|myLinkRequested\(contact=(?:true|false)\)/,
  transformer: (s: string) => s,
});

/** A contacts.ForeignLink value as the link table writes it. */
defineParameterType({
  name: "foreign_link",
  regexp: /foreignLinkUnknown|foreignLinkMutual|foreignLinkRequested\(has_phone=(?:true|false)\)/,
  transformer: (s: string) => s,
});

/** A method that names a user or peer (src/session/addressing.ts, ADDRESSING_METHODS). */
defineParameterType({
  name: "addressing_method",
  regexp:
    /messages\.forwardMessages|messages\.forwardMessage|contacts\.deleteContacts|contacts\.deleteContact|messages\.sendMessage|messages\.createChat|messages\.sendMedia|users\.getFullUser|users\.getUsers/,
  transformer: (s: string) => s,
});

/** A way of naming a user the caller may not use (src/session/addressing.ts, BAD_INPUTS). */
defineParameterType({
  name: "bad_input",
  regexp:
    /inputPeerForeign of an unknown user|inputUserForeign of an unknown user|inputPeerForeign with a wrong hash|inputUserForeign with a wrong hash|inputPeerChat of D's chat|inputPeerContact|inputUserContact|inputPeerEmpty|inputUserEmpty/,
  transformer: (s: string) => s,
});

/** A way of writing a call wrong in bytes, on the MTProto wire (src/session/binary_faults.ts, BINARY_FAULTS). */
defineParameterType({
  name: "binary_fault",
  regexp:
    /an unknown constructor id|a constructor in place of the method|its last 4 bytes cut off|4 bytes more at its end|a Bool that is no Bool|a long written as 4 bytes|an unknown layer in invokeWithLayer/,
  transformer: (s: string) => s,
});

/** Any method of the TL schema of layer 1, 2 or 3 (`tl-conformance schema --layer 3` lists them). */
defineParameterType({
  name: "method",
  regexp: /[a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*/,
  transformer: known("method", (name) => inSomeLayer((l) => layerSchema(l).hasMethod(name))),
});

/** Any constructor of the TL schema of layer 1, 2 or 3, or rpc_error. */
defineParameterType({
  name: "tl_constructor",
  regexp: /[a-z][A-Za-z0-9_]*(?:\.[a-z][A-Za-z0-9_]*)?/,
  transformer: known(
    "constructor",
    (name) => name === "rpc_error" || inSomeLayer((l) => layerSchema(l).hasConstructor(name)),
  ),
});

/** A JSON pointer (RFC 6901) into the answer: /users/0/phone, /links/0/my_link/_. */
defineParameterType({ name: "json_pointer", regexp: /\/\S*/, transformer: (s: string) => s });

/** A JSON value: true, false, null, a number, a "string", an object or array; placeholders allowed. */
defineParameterType({
  name: "json",
  regexp: /true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|"(?:[^"\\]|\\.)*"|\{.*\}|\[.*\]/,
  transformer: (s: string) => s,
});
