/** Core diagnostics → LSP diagnostics. */
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { PolicyDiagnostic, Severity } from './core';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(d: PolicyDiagnostic, uri: string): Diagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'policy-lint',
    message: d.message,
    relatedInformation: d.related.map((r) => ({ location: { uri, range: r.range }, message: r.message })),
    data: d.data,
  };
}
