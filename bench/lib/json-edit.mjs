// Edits a JSON file's text in place, as a person would in an editor: one value replaced, or one
// member added, with every other byte (and so every other line and column) left where it was.
// Re-serializing the whole document instead would move every source position specmill records.

/** Offsets `[start, end)` of the value at `path` (keys and array indexes) in JSON `text`. */
export function locate(text, path) {
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const string = () => {
    const start = i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i));
  };
  const skip = () => {
    space();
    const c = text[i];
    if (c === '"') return void string();
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) return void i++;
      for (;;) {
        if (c === '{') {
          space();
          string();
          space();
          i++; // ':'
        }
        skip();
        space();
        if (text[i++] === close) return;
      }
    }
    while (i < text.length && !',}] \t\n\r'.includes(text[i])) i++;
  };
  for (const key of path) {
    space();
    const open = text[i];
    i++;
    for (let index = 0; ; index++) {
      space();
      if (text[i] === '}' || text[i] === ']') throw new Error(`bench: no ${key} in the JSON`);
      let name = index;
      if (open === '{') {
        name = string();
        space();
        i++; // ':'
      }
      space();
      if (String(name) === String(key)) break;
      skip();
      space();
      if (text[i++] !== ',') throw new Error(`bench: no ${key} in the JSON`);
    }
  }
  space();
  const start = i;
  skip();
  return { start, end: i };
}

/** Replaces the value at `path` with `value`. */
export function replaceValue(text, path, value) {
  const { start, end } = locate(text, path);
  return text.slice(0, start) + JSON.stringify(value) + text.slice(end);
}

/**
 * Adds `name: value` as the last member of the object at `path`, laid out like the member before
 * it (on lines of its own in a pretty-printed file, inline in a minified one).
 */
export function addMember(text, path, name, value) {
  const { end } = locate(text, path);
  const close = end - 1;
  let before = close;
  while (' \t\n\r'.includes(text[before - 1])) before--;
  const gap = text.slice(before, close);
  const indent = /\n([ \t]*)$/.exec(gap)?.[1];
  const member = indent === undefined ? `,${JSON.stringify(name)}:${JSON.stringify(value)}` : `,\n${indent}  ${JSON.stringify(name)}: ${JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}  `)}`;
  return text.slice(0, before) + member + text.slice(before);
}
