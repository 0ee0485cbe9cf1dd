/**
 * Markup pasted into a question (HTML from a web page, Markdown from another chat) is noise for the
 * search: tags, scripts, entities and emphasis marks are taken out, the words they wrap are kept.
 */
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (m, e: string) => {
    const lower = e.toLowerCase();
    if (lower in NAMED_ENTITIES) return NAMED_ENTITIES[lower]!;
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : lower.startsWith('#') ? parseInt(lower.slice(1), 10) : NaN;
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** The text a reader sees: HTML tags and their script/style bodies removed, entities decoded, Markdown marks dropped. */
export function stripMarkup(text: string): string {
  return decodeEntities(
    text
      .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/giu, ' ')
      .replace(/<\/?[a-z][^>]*>/giu, ' ')
      .replace(/<!--[\s\S]*?-->/gu, ' '),
  )
    .replace(/!?\[([^\]]*)\]\([^)]*\)/gu, '$1') // [text](url), ![alt](src)
    .replace(/(\*\*|__|~~|`+)/gu, ' ')
    .replace(/(^|\s)[*_#>]+(?=\S)/gu, '$1')
    .replace(/(\S)[*_]+(?=\s|$|[?.!,])/gu, '$1')
    .replace(/\s+/gu, ' ')
    .trim();
}
