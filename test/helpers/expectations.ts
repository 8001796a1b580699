/**
 * Inline expectation markers in fixtures (as markdownlint does), so a fixture documents its rule:
 *
 *   city: 苏州市            # expect: schema "苏州市"
 *   # expect+2: cap-text-mismatch[warning] "500万元"
 *   text: |
 *     对……给予最高500万元奖励。
 *
 * `expect` refers to its own line, `expect+N` to N lines below (for lines inside block scalars,
 * where a comment cannot go). A quoted text must equal the diagnostic's source range exactly;
 * `[severity]` must equal its severity. Several expectations on one line are separated by `;`.
 * A fixture may start with `# fixture-config: {JSON}` to lint with a config.
 */
export interface Expectation {
  readonly line: number; // 0-based
  readonly code: string;
  readonly severity?: string;
  readonly text?: string;
}

const MARKER = /#\s*expect(?:\+(\d+))?:\s*(.+)$/;
const ITEM = /^([a-z-]+)(?:\[([a-z]+)\])?(?:\s+"((?:[^"\\]|\\.)*)")?$/;

export function readExpectations(text: string): Expectation[] {
  const result: Expectation[] = [];
  text.split(/\r?\n/).forEach((lineText, line) => {
    const match = MARKER.exec(lineText);
    if (!match) return;
    const target = line + (match[1] ? Number(match[1]) : 0);
    for (const item of match[2].split(';')) {
      const parsed = ITEM.exec(item.trim());
      if (!parsed) throw new Error(`bad expectation on line ${line + 1}: '${item.trim()}'`);
      result.push({ line: target, code: parsed[1], severity: parsed[2], text: parsed[3]?.replace(/\\(.)/g, '$1') });
    }
  });
  return result;
}

export function readFixtureConfig(text: string): Record<string, unknown> | undefined {
  const match = /^#\s*fixture-config:\s*(\{.*\})\s*$/m.exec(text);
  return match ? (JSON.parse(match[1]) as Record<string, unknown>) : undefined;
}

/** Renders expectations and actual diagnostics the same way so a failing test shows a readable diff. */
export function describeExpectation(e: Expectation): string {
  return `${e.line + 1}: ${e.code}${e.severity ? `[${e.severity}]` : ''}${e.text !== undefined ? ` "${e.text}"` : ''}`;
}
