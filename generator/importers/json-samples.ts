// `json-samples`: developer-portal pages that show bodies as JSON samples instead of schemas
// (`Returns X of type(s) application/json` + a sample), flattened or not. Parts in json-samples/.
import { error, type Diagnostic } from '../diagnostics.js';
import type { Importer, ImportResult, Page } from './importer.js';
import { buildFragment } from './json-samples/build-fragment.js';
import { PageIndex } from './json-samples/page-text.js';
import { readPage } from './json-samples/read-page.js';

const TYPE_LINE = /\S\s+of\s+type\(s\)\s+[\w.+-]+\/[\w.+*-]+/;
const RETURNS_LINE = /(?<!\S)Returns\s+\S+\s+of\s+type\(s\)/;
const NO_BODY = /Operation\s+does(?:n['’]t|\s+not)\s+return\s+any\s+data\s+structure/;
const METHOD_URL = /(?<!\S)(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(?:https?:\/\/|\/)\S*/;
const PORTAL_WORDS = /Show\s+optional\s+properties|This\s+(?:request\s+|response\s+)?body\s+class\s+contains|Code\s+Samples|Response\s+Headers/;

export const jsonSamplesImporter: Importer = {
  name: 'json-samples',
  description: 'a developer-portal page with JSON samples instead of schemas (`Returns X of type(s) application/json`), flattened or not',
  detect(page) {
    const text = page.text;
    const typed = TYPE_LINE.test(text);
    const noBody = NO_BODY.test(text);
    if (!typed && !noBody) return 0;
    let score = 0.5;
    if (RETURNS_LINE.test(text) || noBody) score += 0.2;
    if (METHOD_URL.test(text)) score += 0.2;
    if (PORTAL_WORDS.test(text)) score += 0.05;
    return Math.round(score * 100) / 100;
  },
  importPage,
};

function importPage(page: Page): ImportResult {
  const diagnostics: Diagnostic[] = [];
  try {
    const index = new PageIndex(page.text);
    const model = readPage(index, page.path, diagnostics);
    if (!model) {
      diagnostics.push(
        error('expected the operation\'s method and URL (e.g. `POST` then `https://api.example.com/v1/things`)', {
          file: page.path,
          line: 1,
          column: 1,
        }),
      );
      return { diagnostics };
    }
    const fragment = buildFragment(model, { index, file: page.path, diagnostics });
    return { fragment, diagnostics };
  } catch (e) {
    // A bug here must not take the run down; it is reported against the page like bad input.
    diagnostics.push(error(`the json-samples importer failed: ${(e as Error).stack ?? String(e)}`, { file: page.path }));
    return { diagnostics };
  }
}
