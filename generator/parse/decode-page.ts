// Reads a page's bytes as text: UTF-8 (a BOM dropped), or UTF-16 when a BOM says so. Bytes that are
// not valid UTF-8 become U+FFFD with a warning at the first one, rather than failing the page.
import { positionOf, warning, type Diagnostic } from '../core/diagnostics.js';

export function decodePage(bytes: Uint8Array, file: string): { text: string; diagnostics: Diagnostic[] } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), diagnostics: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), diagnostics: [] };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), diagnostics: [] };
  } catch {
    const text = new TextDecoder('utf-8').decode(body);
    const at = text.indexOf('\ufffd');
    const where = at === -1 ? { line: 1, column: 1 } : positionOf(text, at);
    return { text, diagnostics: [warning('the page is not valid UTF-8: unreadable bytes became U+FFFD (is it saved in another encoding?)', { file, ...where })] };
  }
}
