/**
 * An HTML element tree (an article's main content, or a converted Word document) to Markdown lines the
 * cleaner reads (clean.ts, `markdown: true`): one paragraph per line, headings as "# …", photo
 * captions as "![caption](photo)" (the cleaner makes image alt text a caption), a lone image as
 * "![](photo)" (a photo spot), list items as "- item", table rows as "| cell | cell |".
 */
import { parseHTML } from 'linkedom';
import { normalizeInline } from '../../text/normalise.js';

/** The part of a DOM node this module reads (linkedom and browser DOMs both fit). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'BUTTON', 'FORM', 'INPUT', 'SELECT', 'TEXTAREA', 'NAV', 'ASIDE', 'FOOTER']);
const BLOCKS = new Set([
  'TD', 'TH', 'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'BLOCKQUOTE', 'PRE', 'UL', 'OL', 'DL', 'DT', 'DD', 'LI', 'TABLE', 'THEAD', 'TBODY', 'TFOOT',
  'CENTER', 'ADDRESS', 'HR', 'BODY', 'HTML',
]);
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** Markdown lines of the content under `root`. */
export function domToLines(root: DomNode): string[] {
  const lines: string[] = [];
  let inline = '';
  const flush = (): void => {
    const t = normalizeInline(inline);
    inline = '';
    if (t) lines.push(t);
  };

  const textOf = (node: DomNode): string => normalizeInline(inlineText(node));

  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      inline += (node.textContent ?? '').replace(/\s+/gu, ' ');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === 'BR') {
      flush();
      return;
    }
    if (HEADINGS.has(tag)) {
      flush();
      const t = textOf(node);
      if (t) lines.push(`${'#'.repeat(Number(tag[1]))} ${t}`);
      return;
    }
    if (tag === 'FIGURE') {
      flush();
      const caption = findFirst(node, 'FIGCAPTION');
      const t = caption ? textOf(caption) : '';
      if (t) {
        lines.push(`![${t.replace(/[[\]]/gu, '')}](photo)`);
      } else if (findFirst(node, 'IMG')) {
        lines.push('![](photo)');
      }
      // Text inside the figure other than the caption and the image (rare): keep it as paragraphs.
      for (const child of Array.from(node.childNodes)) {
        const name = child.nodeName.toUpperCase();
        if (name !== 'FIGCAPTION' && name !== 'IMG' && name !== 'PICTURE') walk(child);
      }
      flush();
      return;
    }
    if (tag === 'FIGCAPTION') {
      flush();
      const t = textOf(node);
      if (t) lines.push(`![${t.replace(/[[\]]/gu, '')}](photo)`);
      return;
    }
    if (tag === 'IMG' || tag === 'PICTURE') {
      flush();
      lines.push('![](photo)');
      return;
    }
    if (tag === 'TR') {
      flush();
      const cellNodes = Array.from(node.childNodes).filter((c) => c.nodeType === ELEMENT_NODE && /^T[DH]$/u.test(c.nodeName.toUpperCase()));
      // A one-cell row is layout (a framed photo and its caption), not a table of data: read it as blocks.
      if (cellNodes.length <= 1) {
        for (const c of cellNodes) walk(c);
        flush();
        return;
      }
      const cells = cellNodes.map((c) => textOf(c)).filter(Boolean);
      if (cells.length > 0) lines.push(`| ${cells.join(' | ')} |`);
      return;
    }
    if (tag === 'LI') {
      flush();
      const before = lines.length;
      for (const child of Array.from(node.childNodes)) walk(child);
      flush();
      // The item's first line is marked as one; nested blocks inside it follow as lines of their own.
      if (lines.length > before) lines[before] = `- ${lines[before]!.replace(/^(?:#+\s|-\s)/u, '')}`;
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };

  walk(root);
  flush();
  return lines;
}

/** The text of an element with its line breaks as spaces (a heading or a caption is one line). */
function inlineText(node: DomNode): string {
  if (node.nodeType === TEXT_NODE) return node.textContent ?? '';
  if (node.nodeType !== ELEMENT_NODE || SKIP.has(node.nodeName.toUpperCase())) return '';
  return Array.from(node.childNodes)
    .map((c) => (c.nodeName.toUpperCase() === 'BR' ? ' ' : inlineText(c)))
    .join(BLOCKS.has(node.nodeName.toUpperCase()) ? ' ' : '');
}

function findFirst(node: DomNode, tag: string): DomNode | null {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType !== ELEMENT_NODE) continue;
    if (child.nodeName.toUpperCase() === tag) return child;
    const found = findFirst(child, tag);
    if (found) return found;
  }
  return null;
}

/** Markdown lines of an HTML fragment (Readability's content, mammoth's output). */
export function htmlToLines(fragment: string): string[] {
  const doc = parseHTML(`<!doctype html><html><body>${fragment}</body></html>`).document as unknown as { body: DomNode | null };
  return doc.body ? domToLines(doc.body) : [];
}
