// Prints what cucumber's support code library holds once the given modules are imported: step
// definitions (pattern and kind), hooks and parameter types. Plain JavaScript, run by node on the
// compiled package, one process per import list (ES modules register their steps once a process).
import { loadConfiguration, loadSupport } from "@cucumber/cucumber/api";

const imports = process.argv.slice(2);
const environment = { cwd: process.cwd(), env: process.env };
const { runConfiguration } = await loadConfiguration(
  { file: false, provided: { paths: ["features/**/*.feature"], import: imports } },
  environment,
);
const library = await loadSupport(runConfiguration, environment);
const hookCount = (name) => library[name].length;
process.stdout.write(
  JSON.stringify({
    steps: library.stepDefinitions.map((d) => `${d.keyword} ${String(d.pattern)}`),
    hooks: {
      beforeTestCase: hookCount("beforeTestCaseHookDefinitions"),
      afterTestCase: hookCount("afterTestCaseHookDefinitions"),
      beforeTestRun: hookCount("beforeTestRunHookDefinitions"),
      afterTestRun: hookCount("afterTestRunHookDefinitions"),
      beforeTestStep: hookCount("beforeTestStepHookDefinitions"),
      afterTestStep: hookCount("afterTestStepHookDefinitions"),
    },
    parameterTypes: [...library.parameterTypeRegistry.parameterTypes].map((t) => t.name).sort(),
    // cucumber's own allows every scenario and takes no arguments; the suite's takes two.
    parallelCanAssignArity: library.parallelCanAssign.length,
  }),
);
