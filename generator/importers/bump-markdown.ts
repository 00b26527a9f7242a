// `bump-markdown`: an API reference page as Bump.sh exports it ("View as Markdown"), with or without
// its line breaks: `# Title`, `**METHOD /path**`, `## Servers`, `## Parameters`, `## Responses`.
// Read by the page model like every text page; the profile says what Bump writes: keyword sentences
// made from the schema, which leave the descriptions once read.
import { HTTP_METHODS } from '../core/openapi-types.js';
import type { Page } from './importer.js';
import { profileImporter } from './page/run-profile.js';

const FOOTER = /\[Powered by Bump\.sh\]\(https?:\/\/bump\.sh\/?\)/i;
const METHOD_MARK = new RegExp(`(?:^|\\s)\\*\\*(?:${HTTP_METHODS.join('|')})[ \\t]+/[^*\\s]*\\*\\*`, 'i');
const BUMP_SECTIONS = /(?:^|\s)#{2,4}[ \t]+(?:Responses|Parameters|Servers|Authentication methods|Body: [\w.+-]+\/)/;
const PROPERTY_ITEM = /(?:^|\s)- \*\*[^*\n]{1,300}\*\* \(/;

/** Bump's footer, its bold `**METHOD /path**` line, its section titles and `- **name** (type)` items. */
function evidence(page: Page): number {
  const text = page.text;
  const footer = FOOTER.test(text);
  const method = METHOD_MARK.test(text);
  const sections = BUMP_SECTIONS.test(text);
  if (footer && method) return 1;
  if (method && sections) return 0.9;
  if (footer) return 0.8;
  if (method && PROPERTY_ITEM.test(text)) return 0.6;
  return method ? 0.3 : 0;
}

export const bumpMarkdownImporter = profileImporter({
  name: 'bump-markdown',
  description: 'a Bump.sh API reference page exported as Markdown (`**METHOD /path**`, `## Responses`), line breaks optional',
  evidence,
  options: { keywordSentences: 'move', securitySections: 'read', requiredBody: 'stated' },
});
