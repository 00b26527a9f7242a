// Turns emitted structures into text: ts-morph prints each structure straight to text
// (./format-code.ts then formats it).
import type { InterfaceDeclarationStructure, MethodSignatureStructure, OptionalKind, PropertySignatureStructure, SourceFileStructure, StatementStructures, StructureKind as Kind } from 'ts-morph';
import type { PrintedPiece } from './printed-piece.js';
import { tsMorph } from './ts-morph-library.js';

const { printStructure: printStructureText, StructureKind } = tsMorph;

/**
 * Prints a structure straight to text. (Creating a ts-morph SourceFile from it would also parse
 * the text back into an AST, which is most of the cost on large clients.)
 */
export function printStructure(_fileName: string, structure: SourceFileStructure): string {
  return printStructureText(structure, { indentNumberOfSpaces: 2, newLine: '\n', useSingleQuote: true });
}

/** Statements ts-morph separates from what precedes them by a blank line (see ./client-parts.ts). */
const BLOCK_KINDS = new Set<Kind>([StructureKind.Interface, StructureKind.Class, StructureKind.Module, StructureKind.Enum, StructureKind.Function]);

/** A run of top-level statements printed alone, and whether its first one wants a blank line before it. */
export function printStatements(statements: StatementStructures[]): PrintedPiece {
  return { text: printStructure('', { kind: StructureKind.SourceFile, statements }), block: printStatementsBlock(statements) };
}

export function printStatementsBlock(statements: readonly StatementStructures[]): boolean {
  const first = statements[0];
  return first !== undefined && BLOCK_KINDS.has(first.kind);
}

/** Interface members printed at their depth (one level in), without the interface around them. */
export function printMembers(members: Pick<InterfaceDeclarationStructure, 'properties' | 'methods'>): string {
  const text = printStructure('', { kind: StructureKind.SourceFile, statements: [{ kind: StructureKind.Interface, name: 'Members', ...members }] });
  // `interface Members {` ... `}` and the file's final line break go.
  return text.slice(text.indexOf('\n') + 1, text.lastIndexOf('\n', text.length - 2));
}

// Printing costs a printer and a writer per call, more than the printing of a small part: parts
// are printed many in one call, with a marker line between them to cut the text apart again.
const mark = (i: number) => `__specmillPart${i}__`;

/** The text after each marker line, up to the next marker line. */
function cutAtMarkers(text: string, count: number, marker: (i: number) => string): string[] {
  const out: string[] = [];
  let from = text.indexOf(marker(0));
  for (let i = 0; i < count; i++) {
    const start = from + marker(i).length;
    const next = i + 1 < count ? text.indexOf(marker(i + 1), start) : text.length;
    const end = i + 1 < count ? text.lastIndexOf('\n', next - 1) + 1 : next;
    out.push(text.slice(start, end));
    from = next;
  }
  return out;
}

/** Runs of statements, each as it prints alone (what printStatements gives), in one printer call. */
export function printStatementRuns(runs: readonly StatementStructures[][]): PrintedPiece[] {
  if (runs.length === 0) return [];
  const statements = runs.flatMap((run, i) => [`// ${mark(i)}`, ...run]);
  const texts = cutAtMarkers(printStructure('', { kind: StructureKind.SourceFile, statements }), runs.length, (i) => `// ${mark(i)}\n`);
  return runs.map((run, i) => {
    const block = printStatementsBlock(run);
    // In the file a block run follows a blank line and a `}` is followed by one; alone, neither.
    const text = block && texts[i]!.startsWith('\n') ? texts[i]!.slice(1) : texts[i]!;
    return { text: text.endsWith('\n\n') ? text.slice(0, -1) : text, block };
  });
}

/** Interface members, each as printMembers prints it alone, in one printer call. */
export function printMemberRuns(members: { properties?: OptionalKind<PropertySignatureStructure>[]; methods?: OptionalKind<MethodSignatureStructure>[] }): string[] {
  const properties = members.properties?.flatMap((p, i) => [{ name: mark(i), type: 'never' }, p]);
  const methods = members.methods?.flatMap((m, i) => [{ name: mark(i) }, m]);
  const count = properties ? members.properties!.length : members.methods!.length;
  if (count === 0) return [];
  const text = `${printMembers(properties ? { properties } : { methods: methods! })}\n`;
  const marker = properties ? (i: number) => `  ${mark(i)}: never;\n` : (i: number) => `  ${mark(i)}();\n`;
  return cutAtMarkers(text, count, marker).map((t) => (t.endsWith('\n') ? t.slice(0, -1) : t));
}
