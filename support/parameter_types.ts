// Parameter types of the step language. A typo in a feature then fails as an undefined step,
// never as a wrong check. Each lists every value it accepts (see `tl-conformance steps`).
import { defineParameterType } from "@cucumber/cucumber";
import {
  ADDRESSING_METHODS,
  BAD_INPUTS,
  SEND_KINDS,
  type SendKind,
  sendKindOfPhrase,
} from "../src/session/index.ts";
import type { Layer } from "../src/tl/index.ts";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

defineParameterType({ name: "role", regexp: /[A-E]/, transformer: (s: string) => s });
defineParameterType({
  name: "layer",
  regexp: /[123]/,
  transformer: (s: string): Layer => Number(s) as Layer,
});
defineParameterType({
  name: "send",
  regexp: new RegExp(
    (Object.keys(SEND_KINDS) as SendKind[])
      .map((k) => escapeRegExp(SEND_KINDS[k].phrase))
      .sort((a, b) => b.length - a.length)
      .join("|"),
  ),
  transformer: (s: string): SendKind => sendKindOfPhrase(s),
});
defineParameterType({
  name: "forward_method",
  regexp: /messages\.forwardMessages|messages\.forwardMessage/,
  transformer: (s: string): SendKind => (s === "messages.forwardMessage" ? "forward" : "forwards"),
});
defineParameterType({
  name: "delete_method",
  regexp: /contacts\.deleteContacts|contacts\.deleteContact/,
  transformer: (s: string) => s,
});
defineParameterType({
  name: "user_kind",
  regexp: /userContact|userRequest|userForeign/,
  transformer: (s: string) => s,
});
defineParameterType({
  name: "my_link",
  regexp: /myLinkEmpty|myLinkContact|myLinkRequested\(contact=(?:true|false)\)/,
  transformer: (s: string) => s,
});
defineParameterType({
  name: "foreign_link",
  regexp: /foreignLinkUnknown|foreignLinkMutual|foreignLinkRequested\(has_phone=(?:true|false)\)/,
  transformer: (s: string) => s,
});
defineParameterType({
  name: "addressing_method",
  regexp: new RegExp(
    [...ADDRESSING_METHODS]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join("|"),
  ),
  transformer: (s: string) => s,
});
defineParameterType({
  name: "bad_input",
  regexp: new RegExp(
    [...BAD_INPUTS]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join("|"),
  ),
  transformer: (s: string) => s,
});
