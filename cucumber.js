// cucumber-js configuration, so plain `npx cucumber-js` runs the suite in a clone (against the
// embedded reference server unless CONFORMANCE_TARGET is set) with cucumber's own formatters.
// The steps are TypeScript: this process and cucumber's worker processes load them through tsx
// (scripts/register_tsx.js). `tl-conformance run` does not read this file; the built package
// loads dist/ instead.
import { registerTsx } from "./scripts/register_tsx.js";

registerTsx();

// Scenarios written for the other wire do not apply (docs/writing-features.md): the wire is
// MTProto when CONFORMANCE_BINDING=mtproto or the target is tcp://, else TL-JSON.
// The expression is the run command's own (src/profile/wire_tags.ts), loaded once tsx is registered.
const { wireTagExpression } = await import("./src/profile/wire_tags.ts");
const mtproto =
  process.env.CONFORMANCE_BINDING === "mtproto" || (process.env.CONFORMANCE_TARGET ?? "").startsWith("tcp:");
const common = {
  paths: ["features/**/*.feature"],
  import: ["support/**/*.ts", "steps/**/*.ts"],
  strict: true,
  tags: wireTagExpression(mtproto ? "mtproto" : "http-json"),
};

export default { ...common, format: ["progress"] };

export const parallel = { ...common, parallel: 2, format: ["progress"] };

export const ci = { ...common, parallel: 2, format: ["summary", "junit:reports/cucumber-junit.xml"] };
