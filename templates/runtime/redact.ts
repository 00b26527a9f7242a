// Takes secrets out of everything the runtime shows (error messages, `ApiError.url`, causes). One
// rule for every URL: scheme, host, port and path stay; userinfo becomes `…@`; each query parameter
// keeps its name and loses its value (`?api_key=…&page=…`), a parameter without `=` is `…` whole
// (it may be a bare token); the fragment is `#…`. Control characters are escaped, so no message
// can carry a NUL or break a log line.

const HIDDEN = '…';

/** `https://u:p@a.test/x?key=s&page=2#t` -> `https://…@a.test/x?key=…&page=…#…`. */
export function redactUrl(url: string): string {
  const hash = url.indexOf('#');
  let rest = hash === -1 ? url : url.slice(0, hash);
  const q = rest.indexOf('?');
  const query = q === -1 ? '' : `?${redactQuery(rest.slice(q + 1))}`;
  if (q !== -1) rest = rest.slice(0, q);
  // The authority ends at the first / ? # or \; its userinfo at the last @ before that.
  rest = rest.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#\\]*@/i, `$1${HIDDEN}@`);
  return escapeControls(rest) + query + (hash === -1 ? '' : `#${HIDDEN}`);
}

function redactQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return pair === '' ? '' : HIDDEN;
      return `${escapeControls(pair.slice(0, eq))}=${HIDDEN}`;
    })
    .join('&');
}

/**
 * Free text from elsewhere (fetch's error messages): every URL redacted as above, a query string
 * without a URL too, and quoted text replaced by `"…"`, since fetch quotes the header values it
 * rejects.
 */
export function redactText(text: string): string {
  return escapeControls(
    text
      .replace(/"[^"]*"/g, `"${HIDDEN}"`)
      .replace(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]*/gi, (url) => keepTrailing(url, redactUrl))
      .replace(/\?[^\s"'<>#]+/g, (query) => keepTrailing(query, (q) => `?${redactQuery(q.slice(1))}`)),
  );
}

/** Sentence punctuation after a URL (`…/x?k=v: failed`) is the text's, not the URL's. */
function keepTrailing(match: string, redact: (text: string) => string): string {
  const end = /[.,:;!)\]]*$/.exec(match)!.index;
  return redact(match.slice(0, end)) + match.slice(end);
}

function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
