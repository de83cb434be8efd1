// Where each node of a Gherkin document is, by id: a pickle names its scenario, steps, tags and
// example row only by ast node id, and check-features reports the line and column of the node.
import type { GherkinDocument, Location, Scenario, Step } from "@cucumber/messages";

export interface NodeIndex {
  location(id: string | undefined): Location | undefined;
  step(id: string | undefined): Step | undefined;
}

export function indexDocument(document: GherkinDocument | undefined): NodeIndex {
  const locations = new Map<string, Location>();
  const steps = new Map<string, Step>();
  const addSteps = (list: readonly Step[]) => {
    for (const step of list) {
      locations.set(step.id, step.location);
      steps.set(step.id, step);
    }
  };
  const addScenario = (scenario: Scenario) => {
    locations.set(scenario.id, scenario.location);
    for (const tag of scenario.tags) locations.set(tag.id, tag.location);
    addSteps(scenario.steps);
    for (const examples of scenario.examples) {
      for (const tag of examples.tags) locations.set(tag.id, tag.location);
      for (const row of examples.tableBody) locations.set(row.id, row.location);
    }
  };
  const feature = document?.feature;
  for (const tag of feature?.tags ?? []) locations.set(tag.id, tag.location);
  for (const child of feature?.children ?? []) {
    if (child.background) addSteps(child.background.steps);
    if (child.scenario) addScenario(child.scenario);
    for (const inner of child.rule?.children ?? []) {
      if (inner.background) addSteps(inner.background.steps);
      if (inner.scenario) addScenario(inner.scenario);
    }
    for (const tag of child.rule?.tags ?? []) locations.set(tag.id, tag.location);
  }
  return {
    location: (id) => (id === undefined ? undefined : locations.get(id)),
    step: (id) => (id === undefined ? undefined : steps.get(id)),
  };
}
