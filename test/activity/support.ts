// Reading the activity pages in tests: a figure table's rows by its caption, as a reader sees them.
import { textOf } from '../support/workspace.js';

/** The rows of the table captioned `caption` (label → shown count), or undefined when the page has no such table. */
export function tableRows(html: string, caption: string): Record<string, string> | undefined {
  const escaped = caption.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/’/g, '(?:’|&#39;|&rsquo;)');
  const match = new RegExp(`<caption>${escaped}</caption>([\\s\\S]*?)</table>`).exec(html);
  if (!match) return undefined;
  const rows: Record<string, string> = {};
  for (const row of match[1]!.matchAll(/<tr><th scope="row">([\s\S]*?)<\/th><td>([\s\S]*?)<\/td>/g)) rows[textOf(row[1]!).trim()] = textOf(row[2]!).trim();
  return rows;
}

/** Every figure-table caption on the page, in order. */
export const captions = (html: string) => [...html.matchAll(/<caption>([\s\S]*?)<\/caption>/g)].map((m) => textOf(m[1]!).trim());
