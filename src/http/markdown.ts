/**
 * Markdown written by users (summaries, descriptions) turned into HTML that is safe to print
 * unescaped: marked renders it (raw HTML in the source is treated as text-to-be-sanitised), then
 * sanitize-html keeps only a small set of tags and http(s)/mailto links. No script, no event
 * handler attribute, no javascript: or data: URL survives.
 */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: true, async: false });

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'del', 'a', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'title', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // Headings inside a record sit under the page's own h1/h2.
  transformTags: {
    h1: 'h3',
    h2: 'h4',
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer' }),
  },
  disallowedTagsMode: 'discard',
};

export function renderMarkdown(source: string): string {
  if (source.trim() === '') return '';
  const html = marked.parse(source) as string;
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}
