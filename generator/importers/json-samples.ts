// `json-samples`: developer-portal pages that show bodies as JSON samples instead of schemas
// (`Returns X of type(s) application/json` + a sample), flattened or not. Read by the page model
// like every text page; the profile says what such portals mean: the bodies they name are schemas
// (one component per shape), the curl sample's `{api_host}` is a server variable, and the
// credential headers OpenAPI ignores as parameters are the security scheme.
import type { Page } from './importer.js';
import { profileImporter } from './page/run-profile.js';

const TYPE_LINE = /\S\s+of\s+type\(s\)\s+[\w.+-]+\/[\w.+*-]+/;
const RETURNS_LINE = /(?<!\S)Returns\s+\S+\s+of\s+type\(s\)/;
const NO_BODY = /Operation\s+does(?:n['’]t|\s+not)\s+return\s+any\s+data\s+structure/;
const METHOD_URL = /(?<!\S)(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(?:https?:\/\/|\/)\S*/;
const PORTAL_WORDS = /Show\s+optional\s+properties|This\s+(?:request\s+|response\s+)?body\s+class\s+contains|Code\s+Samples|Response\s+Headers/;

/** `X of type(s) media/type` lines, `Operation doesn't return any data structure`, the method above its URL. */
function evidence(page: Page): number {
  const text = page.text;
  const typed = TYPE_LINE.test(text);
  const noBody = NO_BODY.test(text);
  if (!typed && !noBody) return 0;
  let score = 0.5;
  if (RETURNS_LINE.test(text) || noBody) score += 0.2;
  if (METHOD_URL.test(text)) score += 0.2;
  if (PORTAL_WORDS.test(text)) score += 0.05;
  return Math.round(score * 100) / 100;
}

export const jsonSamplesImporter = profileImporter({
  name: 'json-samples',
  description: 'a developer-portal page with JSON samples instead of schemas (`Returns X of type(s) application/json`), flattened or not',
  evidence,
  options: { keywordSentences: 'move', securitySections: 'read', requiredBody: 'stated', bodyComponents: true, serverVariables: true, credentialHeaders: 'security' },
});
