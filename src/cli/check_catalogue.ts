// check-features on the step language itself: every step has a description and an example, each
// example runs exactly its own step, and every parameter type of ours says what it accepts. The
// catalogue (`tl-conformance steps`, docs/steps.md) is made of these, so none can be missing.
import type { Problem } from "./problem.ts";
import type { CatalogueEntry, StepCatalogue } from "./step_catalogue.ts";

const KEYWORD = /^(?:Given|When|Then|And|But|\*) /;

function exampleProblem(
  step: CatalogueEntry,
  example: string,
  all: readonly CatalogueEntry[],
): string | undefined {
  if (!KEYWORD.test(example)) return `example "${example}" does not start with Given, When or Then`;
  const text = example.replace(KEYWORD, "");
  const runs = all.filter((d) => d.matches(text));
  if (!runs.includes(step)) return `example "${example}" does not run this step`;
  if (runs.length > 1) return `example "${example}" runs ${runs.length} steps`;
  try {
    step.argumentsOf(text);
  } catch (error) {
    return `example "${example}": ${error instanceof Error ? error.message : String(error)}`;
  }
  return undefined;
}

export function catalogueProblems(catalogue: StepCatalogue): Problem[] {
  const problems: Problem[] = [];
  for (const step of catalogue.steps) {
    const at = { uri: step.uri, line: step.line, column: 1 };
    const hint =
      "write a doc comment above it: /** what it checks or does, then @example <a step using it> */";
    if (!step.description)
      problems.push({ ...at, message: `step "${step.pattern}" has no description: ${hint}` });
    if (step.examples.length === 0)
      problems.push({ ...at, message: `step "${step.pattern}" has no @example: ${hint}` });
    for (const example of step.examples) {
      const problem = exampleProblem(step, example, catalogue.steps);
      if (problem) problems.push({ ...at, message: problem });
    }
  }
  for (const type of catalogue.parameterTypes.values()) {
    if (type.source && !type.description) {
      problems.push({
        ...type.source,
        column: 1,
        message: `parameter type {${type.name}} has no description: write a doc comment above it`,
      });
    }
  }
  return problems;
}
