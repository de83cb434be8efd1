// Parameter types of the step language: {role} A|B|C, {layer} 1|2|3, {user_kind}, {my_link},
// {foreign_link}. A typo in a feature then fails as an undefined step, never as a wrong check.
import { defineParameterType } from "@cucumber/cucumber";
import type { Layer } from "../src/tl/index.ts";

defineParameterType({ name: "role", regexp: /[ABC]/, transformer: (s: string) => s });
defineParameterType({
  name: "layer",
  regexp: /[123]/,
  transformer: (s: string): Layer => Number(s) as Layer,
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
