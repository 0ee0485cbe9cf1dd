/**
 * An optional front-matter block at the very start of an article file:
 *
 *   ---
 *   title: Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 9
 *   date: 2024-10-16
 *   url: https://example.vn/bai-viet
 *   source: SGGPO
 *   author: THU HƯỜNG
 *   ---
 *
 * Its values override what is extracted from the text. Only flat `key: value` lines are read (no YAML
 * lists or multi-line values); a `---` block whose lines are not all `key: value` is not front matter
 * and stays part of the text.
 */

export interface FrontMatterFields {
  title?: string;
  date?: string;
  url?: string;
  /** The outlet ("source:" or "outlet:"). */
  source?: string;
  author?: string;
}

export interface FrontMatter {
  fields: FrontMatterFields;
  /** The text after the closing `---`. */
  body: string;
  warnings: string[];
}

const KEY_ALIASES: Record<string, keyof FrontMatterFields> = {
  title: 'title',
  date: 'date',
  url: 'url',
  link: 'url',
  source: 'source',
  outlet: 'source',
  author: 'author',
  byline: 'author',
};

const FENCE = /^---[ \t]*$/;
const MAX_LINES = 60;

function unquote(v: string): string {
  const s = v.trim();
  if (s.length >= 2 && ((s.startsWith('"') && s.endsWith('"')) || (s.startsWith("'") && s.endsWith("'")))) {
    return s.slice(1, -1).trim();
  }
  return s;
}

/**
 * Splits front matter off `text` (already LF line endings, no BOM). Returns null when the text does not
 * start with a front-matter block.
 */
export function parseFrontMatter(text: string): FrontMatter | null {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return null;
  let close = -1;
  for (let i = 1; i < Math.min(lines.length, MAX_LINES + 2); i++) {
    if (FENCE.test(lines[i] ?? '')) {
      close = i;
      break;
    }
  }
  if (close < 0) return null;

  const fields: FrontMatterFields = {};
  const warnings: string[] = [];
  for (const line of lines.slice(1, close)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const m = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/.exec(line);
    // A line that is not `key: value`: this is a "---" separator in the text, not front matter.
    if (!m || m[1] === undefined) return null;
    const key = m[1].toLowerCase();
    const value = unquote(m[2] ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim();
    const field = KEY_ALIASES[key];
    if (!field) {
      warnings.push(`front matter: unknown key "${m[1]}" ignored (known: title, date, url, source, author)`);
      continue;
    }
    if (!value) continue;
    if (field === 'url' && !/^https?:\/\/\S+$/iu.test(value)) {
      warnings.push(`front matter: url "${value}" is not an http(s) address; ignored`);
      continue;
    }
    if (fields[field] !== undefined) warnings.push(`front matter: "${key}" given twice; the last one is used`);
    fields[field] = value;
  }
  if (fields.title === undefined) warnings.push('front matter has no title; the title is taken from the text');
  return { fields, body: lines.slice(close + 1).join('\n'), warnings };
}
