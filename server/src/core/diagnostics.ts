/** A finding turned into a diagnostic: exact offsets and line/character positions, one message. */
import type { Range } from './text/lineIndex';
import type { Message, Severity } from './rules/types';

export interface RelatedDiagnostic {
  readonly start: number;
  readonly end: number;
  readonly range: Range;
  readonly message: string;
}

export interface PolicyDiagnostic {
  readonly code: string;
  readonly severity: Severity;
  /** The message in the requested locale. */
  readonly message: string;
  /** Both languages, for adapters that switch locale without re-linting. */
  readonly messages: Message;
  readonly start: number;
  readonly end: number;
  readonly range: Range;
  readonly related: readonly RelatedDiagnostic[];
  readonly data?: Readonly<Record<string, unknown>>;
}

export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export interface Logger {
  error(message: string): void;
}
