// One problem check-features reports: where (file:line:column, 1-based) and what.
export interface Problem {
  uri: string;
  line: number;
  column: number;
  message: string;
}

export const formatProblem = (p: Problem) => `${p.uri}:${p.line}:${p.column}: ${p.message}`;

/** Each problem once, in file and line order. */
export function sortedProblems(problems: readonly Problem[]): Problem[] {
  const unique = new Map(problems.map((p) => [formatProblem(p), p]));
  return [...unique.values()].sort(
    (a, b) => a.uri.localeCompare(b.uri) || a.line - b.line || a.column - b.column,
  );
}
