// Diagnostics: what every stage reports, located in the page it came from, and the error that
// carries them out of a failed run. Formatted as `file:line:col: severity: message` everywhere.

export type Severity = 'error' | 'warning';

export interface SourceLocation {
  /** Path of the page or spec, relative to the working directory when possible. */
  file: string;
  /** 1-based line; pages are often a single line, so the column matters too. */
  line?: number;
  /** 1-based column. */
  column?: number;
  /** JSON pointer inside an embedded document, when known. */
  pointer?: string;
}

export interface Diagnostic {
  severity: Severity;
  message: string;
  location?: SourceLocation;
}

export class SpecmillError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[] | Diagnostic) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list.map(formatDiagnostic).join('\n'));
    this.name = 'SpecmillError';
    this.diagnostics = list;
  }
}

export function formatLocation(location: SourceLocation): string {
  let text = location.file;
  if (location.line !== undefined) {
    text += `:${location.line}`;
    if (location.column !== undefined) text += `:${location.column}`;
  }
  return text;
}

/**
 * Spec text quoted in a message must not drive the terminal that shows it: control characters
 * (ANSI escapes, CR), line separators and bidi overrides are written as `\uXXXX`.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.location ? `${formatLocation(diagnostic.location)}: ` : '';
  const pointer = diagnostic.location?.pointer ? ` (at ${diagnostic.location.pointer})` : '';
  return terminalSafe(`${where}${diagnostic.severity}: ${diagnostic.message}${pointer}`);
}

export function error(message: string, location?: SourceLocation): Diagnostic {
  return location ? { severity: 'error', message, location } : { severity: 'error', message };
}

export function warning(message: string, location?: SourceLocation): Diagnostic {
  return location ? { severity: 'warning', message, location } : { severity: 'warning', message };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** 1-based line and column of a character offset in a text. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
