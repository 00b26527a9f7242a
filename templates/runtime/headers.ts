// Checks header names and values before anything is sent, so that a header fetch would refuse
// is a RequestError naming the header (never quoting its value, which may be a credential),
// rather than a network error that is retried.
import { RequestError } from './errors.js';

/** RFC 9110 `token`: the characters a field name may have. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** RFC 9110 `field-value`: visible ASCII, space, tab and obs-text (0x80-0xFF); no NUL, CR or LF. */
const FIELD_VALUE = /^[\t\u0020-\u007e\u0080-\u00ff]*$/;

/** Throws a RequestError unless `name: value` is a header HTTP can carry. */
export function checkHeader(name: string, value: string): void {
  if (!TOKEN.test(name)) {
    throw new RequestError(`header name ${JSON.stringify(name.slice(0, 40))} is not an HTTP token (RFC 9110: letters, digits and !#$%&'*+-.^_\`|~ only)`);
  }
  if (!FIELD_VALUE.test(value)) {
    let at = 0;
    while (FIELD_VALUE.test(value[at]!)) at++;
    const code = value.codePointAt(at)!;
    const what = code > 0xff ? 'a character outside Latin-1' : 'a control character';
    throw new RequestError(`header "${name}" has ${what} (U+${code.toString(16).toUpperCase().padStart(4, '0')}) in its value, which HTTP cannot carry (RFC 9110 field-value)`);
  }
}

export function checkHeaders(headers: Readonly<Record<string, string>>): void {
  for (const name of Object.keys(headers)) checkHeader(name, headers[name]!);
}
