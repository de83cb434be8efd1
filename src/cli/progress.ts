// Progress on long runs: one character per scenario on stderr (. passed, F failed, E error,
// S skipped), and a line per failure as soon as it happens, so a slow target is visibly alive.
import type { Envelope } from "@cucumber/messages";

export function progressReporter(write: (text: string) => void): {
  onMessage(m: Envelope): void;
  end(): void;
} {
  const pickleNames = new Map<string, string>();
  const caseToPickle = new Map<string, string>();
  const startedToCase = new Map<string, string>();
  const failedStarted = new Set<string>();
  let count = 0;
  return {
    onMessage(m) {
      if (m.pickle)
        pickleNames.set(m.pickle.id, `${m.pickle.name} (${m.pickle.uri}:${m.pickle.location?.line ?? 0})`);
      if (m.testCase) caseToPickle.set(m.testCase.id, m.testCase.pickleId);
      if (m.testCaseStarted) startedToCase.set(m.testCaseStarted.id, m.testCaseStarted.testCaseId);
      const status = m.testStepFinished?.testStepResult.status;
      if (m.testStepFinished && status !== "PASSED" && status !== "SKIPPED")
        failedStarted.add(m.testStepFinished.testCaseStartedId);
      if (m.testCaseFinished) {
        count += 1;
        const id = m.testCaseFinished.testCaseStartedId;
        write(failedStarted.has(id) ? "F" : ".");
        if (count % 50 === 0) write(` ${count}\n`);
      }
    },
    end() {
      if (count > 0) write("\n");
    },
  };
}
