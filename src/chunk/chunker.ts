/**
 * Article blocks -> chunks. One chunk per body paragraph; headings become the context of the chunks
 * under them; a paragraph longer than the model's window is split at sentence boundaries.
 * Chunk ids hash the article id and the normalised text, so an unchanged paragraph keeps its id
 * (and its embedding) across rebuilds, whatever happens around it.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../corpus/types.js';
import { squash } from '../text/normalise.js';
import { splitSentences, type SentenceSpan } from '../text/sentences.js';

/** Bump when chunk boundaries or ids change: the index builder then re-chunks everything. */
export const CHUNKER_VERSION = 'paragraph-v2';

export interface Chunk {
  id: string;
  articleId: string;
  /** A body paragraph, or a photo caption (indexed apart: it can hold who received what, but is no paragraph). */
  kind: 'paragraph' | 'caption';
  /** 1-based number of the body paragraph(s) this chunk comes from. */
  paragraph: number;
  paragraphEnd: number;
  /** Offsets in Article.text. */
  start: number;
  end: number;
  text: string;
  /** The heading (or short lead-in line) the paragraph sits under, if any. */
  context: string | null;
  /** 1-based page of the paragraph in a paged source (pdf). */
  page?: number;
}

export interface ChunkOptions {
  /**
   * Longest chunk in words. e5 reads 512 tokens; a Vietnamese syllable is one to two
   * sentencepiece tokens, so 300 syllables stay inside the window with room for the prefix.
   */
  maxWords: number;
  /** Body lines shorter than this are not indexed alone: they become the next chunk's context. */
  minWords: number;
  /** Captions shorter than this are not indexed at all. */
  minCaptionWords: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { maxWords: 300, minWords: 5, minCaptionWords: 8 };

export function chunkId(articleId: string, text: string): string {
  return createHash('sha256').update(articleId).update('\0').update(squash(text)).digest('hex').slice(0, 16);
}

/** Runs of non-space characters, as /\S+/g would find them, counted without making them (every block of a build is counted). */
export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** JavaScript's \s: ASCII spaces and line ends, NBSP, the Unicode space separators, line and paragraph separators, BOM. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function chunkArticle(article: Article, options: Partial<ChunkOptions> = {}): Chunk[] {
  const opts = { ...DEFAULT_CHUNK_OPTIONS, ...options };
  const chunks: Chunk[] = [];
  let context: string | null = null;
  let paragraph = 0;
  for (const block of article.blocks) {
    if (block.kind === 'heading') {
      context = block.text;
      continue;
    }
    if (block.kind === 'caption') {
      // Short captions ("Toàn cảnh hội nghị") say nothing; long ones name people and awards.
      if (wordCount(block.text) >= opts.minCaptionWords) {
        chunks.push(withPage({ id: chunkId(article.id, block.text), articleId: article.id, kind: 'caption', paragraph, paragraphEnd: paragraph, start: block.start, end: block.end, text: block.text, context: null }, block.page));
      }
      continue;
    }
    if (block.kind !== 'body') continue;
    paragraph++;
    if (wordCount(block.text) < opts.minWords) {
      context = block.text;
      continue;
    }
    for (const piece of splitLong(block.text, opts.maxWords)) {
      const text = block.text.slice(piece.start, piece.end);
      chunks.push(
        withPage(
          {
            id: chunkId(article.id, text),
            articleId: article.id,
            kind: 'paragraph',
            paragraph,
            paragraphEnd: paragraph,
            start: block.start + piece.start,
            end: block.start + piece.end,
            text,
            context,
          },
          block.page,
        ),
      );
    }
  }
  return dedupeIds(chunks);
}

function withPage(chunk: Chunk, page: number | undefined): Chunk {
  if (page !== undefined) chunk.page = page;
  return chunk;
}

/** Greedy packing of whole sentences into pieces of at most maxWords (a longer sentence is cut at words). */
function splitLong(text: string, maxWords: number): SentenceSpan[] {
  if (wordCount(text) <= maxWords) return [{ start: 0, end: text.length }];
  const units: SentenceSpan[] = [];
  for (const s of splitSentences(text)) {
    if (wordCount(text.slice(s.start, s.end)) <= maxWords) units.push(s);
    else units.push(...splitAtWords(text, s, maxWords));
  }
  const pieces: SentenceSpan[] = [];
  let cur: SentenceSpan | null = null;
  let curWords = 0;
  for (const u of units) {
    const w = wordCount(text.slice(u.start, u.end));
    if (cur && curWords + w <= maxWords) {
      cur.end = u.end;
      curWords += w;
    } else {
      if (cur) pieces.push(cur);
      cur = { start: u.start, end: u.end };
      curWords = w;
    }
  }
  if (cur) pieces.push(cur);
  return pieces;
}

function splitAtWords(text: string, span: SentenceSpan, maxWords: number): SentenceSpan[] {
  const words = [...text.slice(span.start, span.end).matchAll(/\S+/g)];
  const out: SentenceSpan[] = [];
  for (let i = 0; i < words.length; i += maxWords) {
    const first = words[i]!;
    const last = words[Math.min(i + maxWords, words.length) - 1]!;
    out.push({ start: span.start + first.index, end: span.start + last.index + last[0].length });
  }
  return out;
}

/** The same paragraph twice in one article would share an id: number the repeats. */
function dedupeIds(chunks: Chunk[]): Chunk[] {
  const seen = new Map<string, number>();
  for (const c of chunks) {
    const n = seen.get(c.id) ?? 0;
    seen.set(c.id, n + 1);
    if (n > 0) c.id = chunkId(c.articleId, `${c.text}\0${n}`);
  }
  return chunks;
}
