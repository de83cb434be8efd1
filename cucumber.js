// cucumber-js configuration. TypeScript steps load through tsx: run cucumber-js with
// `node --import tsx`, as `tl-conformance run` and the npm scripts do.
const common = {
  paths: ["features/**/*.feature"],
  import: ["support/**/*.ts", "steps/**/*.ts"],
  strict: true,
};

export default { ...common, format: ["progress"] };

export const parallel = { ...common, parallel: 2, format: ["progress"] };

export const ci = { ...common, parallel: 2, format: ["summary", "junit:reports/cucumber-junit.xml"] };
