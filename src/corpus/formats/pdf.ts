/**
 * PDF files through unpdf (pdf.js, Mozilla's PDF engine, packaged for Node without a worker or
 * canvas; kept in step with pdf.js releases). pdf.js gives positioned text pieces; this module puts
 * them back into lines (top to bottom, left to right), drops running headers, footers and page
 * numbers (lines at the top or bottom of the page that repeat across pages), and joins the lines of
 * one paragraph (a word hyphenated across lines is joined again). Every paragraph keeps the page it
 * starts on (ReadDocument.linePages). A PDF without a text layer (a scan) is refused, never indexed empty.
 */
import { getDocumentProxy } from 'unpdf';
import { normalizeInline, oneLine } from '../../text/normalise.js';
import { ArticleError } from '../errors.js';
import type { FormatMeta, FormatReader, ReadDocument } from './types.js';

/** A line of text on a page, in PDF units (y grows upwards). */
export interface PdfLine {
  text: string;
  page: number;
  x0: number;
  x1: number;
  y: number;
  /** Font size (text height). */
  size: number;
  /** The column the line stands in, on a page set in columns (else the page's text block is measured across pages). */
  column?: { x0: number; x1: number };
}

/** A positioned piece of text, as pdf.js gives it. */
export interface PdfPiece {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Pieces of one page to lines, in reading order: top to bottom, left to right; on a page set in two
 * columns, the full-width lines above them (the headline), then the left column, then the right one,
 * then full-width lines below.
 */
export function piecesToLines(pieces: readonly PdfPiece[], page: number): PdfLine[] {
  const cols = splitColumns(pieces);
  if (!cols) return rowsToLines(pieces, page);
  const top = Math.max(...cols.left.map((p) => p.y), ...cols.right.map((p) => p.y));
  const above = cols.full.filter((p) => p.y > top);
  const below = cols.full.filter((p) => p.y <= top);
  return [...rowsToLines(above, page), ...inColumn(rowsToLines(cols.left, page)), ...inColumn(rowsToLines(cols.right, page)), ...rowsToLines(below, page)];
}

function inColumn(lines: PdfLine[]): PdfLine[] {
  const column = { x0: Math.min(...lines.map((l) => l.x0)), x1: Math.max(...lines.map((l) => l.x1)) };
  for (const l of lines) l.column = column;
  return lines;
}

/** Distinct text rows (baselines, to the point) of some pieces. */
function rowCount(pieces: readonly PdfPiece[]): number {
  return new Set(pieces.map((p) => Math.round(p.y))).size;
}

/**
 * Two columns: a vertical gutter in the middle of the text that (almost) no row crosses, with rows of
 * text on both sides. Counted by rows, not pieces: a PDF that gives one piece per word has small gaps
 * between words everywhere, but no gutter that most rows leave empty.
 */
function splitColumns(pieces: readonly PdfPiece[]): { left: PdfPiece[]; right: PdfPiece[]; full: PdfPiece[] } | null {
  const ps = pieces.filter((p) => p.str.trim() && p.width > 0);
  const rows = rowCount(ps);
  if (rows < 8) return null;
  const minX = Math.min(...ps.map((p) => p.x));
  const maxX = Math.max(...ps.map((p) => p.x + p.width));
  const width = maxX - minX;
  const GUTTER = 4;
  let best: { x: number; crossing: number } | null = null;
  for (let x = minX + width * 0.3; x <= minX + width * 0.7; x += 2) {
    const crossing = rowCount(ps.filter((p) => p.x < x + GUTTER && p.x + p.width > x - GUTTER));
    if (!best || crossing < best.crossing) best = { x, crossing };
  }
  if (!best || best.crossing > rows * 0.15) return null;
  const x = best.x;
  const full = ps.filter((p) => p.x < x + GUTTER && p.x + p.width > x - GUTTER);
  const left = ps.filter((p) => p.x + p.width <= x - GUTTER);
  const right = ps.filter((p) => p.x >= x + GUTTER);
  if (rowCount(left) < 3 || rowCount(right) < 3) return null;
  return { left, right, full };
}

/** Pieces grouped into rows by baseline (top to bottom), each row read left to right. */
function rowsToLines(pieces: readonly PdfPiece[], page: number): PdfLine[] {
  const sorted = pieces.filter((p) => p.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfPiece[][] = [];
  for (const p of sorted) {
    const row = rows[rows.length - 1];
    const tolerance = Math.max(1, Math.min(p.height, row?.[0]?.height ?? p.height) * 0.5);
    if (row && Math.abs(row[0]!.y - p.y) <= tolerance) row.push(p);
    else rows.push([p]);
  }
  const lines: PdfLine[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const p of row) {
      const gap = p.x - end;
      if (text && gap > Math.max(1, p.height * 0.15) && !/\s$/u.test(text) && !/^\s/u.test(p.str)) text += ' ';
      text += p.str;
      end = Math.max(end, p.x + p.width);
    }
    const t = normalizeInline(text);
    if (!t) continue;
    const size = Math.max(...row.map((p) => p.height));
    lines.push({ text: t, page, x0: row[0]!.x, x1: end, y: row[0]!.y, size });
  }
  return lines;
}

/** "3", "- 3 -", "Trang 3", "Page 3 of 9", "3/9". */
const PAGE_NUMBER = /^(?:(?:trang|page|tr\.)\s*)?[-–—]?\s*\d{1,4}\s*(?:(?:\/|of|trên)\s*\d{1,4})?\s*[-–—]?$/iu;
/** Lines at each end of a page looked at for running headers and footers. */
const EDGE_LINES = 2;

/**
 * Drops page numbers and running headers/footers: lines among the first or last EDGE_LINES of a page
 * that are page numbers, or whose text (digits aside) stands at an edge of at least half the pages.
 */
export function dropRunningLines(pages: readonly PdfLine[][]): PdfLine[][] {
  const key = (l: PdfLine): string => l.text.toLowerCase().replace(/\d+/gu, '#');
  const edges = pages.map((lines) => new Set([...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)]));
  const counts = new Map<string, number>();
  for (const edge of edges) for (const k of new Set([...edge].map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  const repeated = pages.length >= 2 ? Math.max(2, Math.ceil(pages.length / 2)) : Infinity;
  return pages.map((lines, i) => lines.filter((l) => !(edges[i]!.has(l) && (PAGE_NUMBER.test(l.text) || (counts.get(key(l)) ?? 0) >= repeated))));
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** A word cut at the end of a line: "xây dựng Đả-" + "ng" (a letter right before the hyphen, a lowercase letter after). */
function joinLines(a: string, b: string): string {
  if (/\p{L}-$/u.test(a) && /^\p{Ll}/u.test(b)) return a.slice(0, -1) + b;
  return `${a} ${b}`;
}

/**
 * Lines (all pages, in order) to paragraphs. A new paragraph starts after a line that ends short of
 * the right margin while starting at the left one (the last line of a paragraph), after a gap larger
 * than the usual line spacing, or where the font size changes. A paragraph running over a page break
 * stays one paragraph. Each paragraph has the page it starts on.
 */
export function linesToParagraphs(pages: readonly PdfLine[][]): Array<{ text: string; page: number }> {
  const all = pages.flat();
  if (all.length === 0) return [];
  const left = median(all.map((l) => l.x0));
  const right = Math.max(...all.map((l) => l.x1));
  const width = Math.max(1, right - Math.min(...all.map((l) => l.x0)));
  const spacings: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const dy = lines[i - 1]!.y - lines[i]!.y;
      if (dy > 0 && Math.abs(lines[i - 1]!.size - lines[i]!.size) < 0.5) spacings.push(dy / lines[i]!.size);
    }
  }
  // Usual spacing, as a multiple of the font size.
  const usual = median(spacings) || 1.2;

  const out: Array<{ text: string; page: number }> = [];
  let prev: PdfLine | null = null;
  for (const line of all) {
    let startsNew = prev === null;
    if (prev && !startsNew) {
      const sameSize = Math.abs(prev.size - line.size) < 0.5;
      const col = prev.column ?? { x0: left, x1: right };
      const atLeft = Math.abs(prev.x0 - col.x0) < Math.max(2, prev.size * 0.5);
      const short = prev.x1 < col.x1 - (prev.column ? prev.column.x1 - prev.column.x0 : width) * 0.1;
      // A page break or a column break (the next column starts higher up) is no gap.
      const sameBlock = prev.page === line.page && prev.column === line.column;
      const gap = sameBlock ? (prev.y - line.y) / line.size : usual;
      startsNew = !sameSize || (atLeft && short) || gap > usual * 1.35 || gap < 0;
    }
    if (startsNew || out.length === 0) out.push({ text: line.text, page: line.page });
    else out[out.length - 1]!.text = joinLines(out[out.length - 1]!.text, line.text);
    prev = line;
  }
  return out;
}

interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

async function openPdf(bytes: Uint8Array) {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) throw new ArticleError('the file is not a PDF (no %PDF header)');
  try {
    // pdf.js takes the buffer over: give it a copy.
    return await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, verbosity: 0 } as never);
  } catch (e) {
    const err = e as Error;
    if (err.name === 'PasswordException') throw new ArticleError('the PDF is protected by a password; save an unprotected copy');
    throw new ArticleError(`the PDF is damaged and cannot be read (${oneLine(err.message ?? String(e), 120)})`);
  }
}

/** A news report is a few pages; a book-length PDF is not one article (and would take long to read). */
export const MAX_PDF_PAGES = 300;

export async function readPdf(bytes: Uint8Array): Promise<ReadDocument> {
  if (bytes.length === 0) throw new ArticleError('the file is empty');
  const pdf = await openPdf(bytes);
  try {
    if (pdf.numPages > MAX_PDF_PAGES) throw new ArticleError(`the PDF has ${pdf.numPages} pages, over the ${MAX_PDF_PAGES}-page limit for one article; split it into its reports`);
    const pages: PdfLine[][] = [];
    let chars = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      let items: TextItemLike[];
      try {
        const page = await pdf.getPage(n);
        items = (await page.getTextContent()).items as TextItemLike[];
      } catch (e) {
        throw new ArticleError(`the PDF is damaged: page ${n} cannot be read (${oneLine((e as Error).message ?? '', 120)})`);
      }
      const pieces: PdfPiece[] = items
        .filter((it) => typeof it.str === 'string' && Array.isArray(it.transform))
        .map((it) => ({ str: it.str!, x: it.transform![4]!, y: it.transform![5]!, width: it.width ?? 0, height: it.height || Math.abs(it.transform![3]!) || 1 }));
      chars += pieces.reduce((s, p) => s + p.str.replace(/\s/gu, '').length, 0);
      pages.push(piecesToLines(pieces, n));
    }
    if (chars === 0) {
      throw new ArticleError(`the PDF has no text layer (a scan?): ${pdf.numPages} page(s) of images only; run it through OCR first (e.g. ocrmypdf -l vie) and add the result`);
    }
    const paragraphs = linesToParagraphs(dropRunningLines(pages));
    const meta: FormatMeta = {};
    try {
      const info = ((await pdf.getMetadata()).info ?? {}) as Record<string, unknown>;
      const title = typeof info.Title === 'string' ? normalizeInline(info.Title) : '';
      // "Microsoft Word - bao-cao.docx", "untitled": not a headline.
      if (title && !/\.(?:docx?|pdf|odt)$|^untitled$/iu.test(title)) meta.title = title;
      const author = typeof info.Author === 'string' ? normalizeInline(info.Author) : '';
      if (author) meta.author = author;
    } catch {
      // No document info: the text still tells.
    }
    return { text: paragraphs.map((p) => p.text).join('\n'), markdown: false, meta, warnings: [], linePages: paragraphs.map((p) => p.page) };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

export const pdfFormat: FormatReader = {
  name: 'pdf',
  extensions: ['.pdf'],
  read: (bytes) => readPdf(bytes),
};
