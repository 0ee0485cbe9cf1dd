/**
 * A large synthetic corpus made of the project's own text, for the benchmark: deterministic for a seed.
 *
 * Paragraphs and sentences come from the seed reports (`corpus/*.txt`) and the XQuAD-vi documents
 * (`tests/fixtures/xquad_vi/docs/*.txt`), cleaned by the real corpus reader. Each synthetic article looks
 * like a real one: a headline, a date line, 15-35 paragraphs (some kept whole, some recombined from
 * sentences of several sources, some with their numbers changed) and a byline.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { splitSentences } from '../text/sentences.js';
import { formatFor } from '../corpus/formats/registry.js';
import { parseArticle } from '../corpus/read.js';
import { Rng } from '../text/random.js';

/** Folders of source text, relative to the project root (never anything outside the project). */
export const SOURCE_DIRS = ['corpus', 'tests/fixtures/xquad_vi/docs'] as const;

export interface SourceText {
  /** Body paragraphs of at least 8 words. */
  paragraphs: string[];
  /** Sentences of those paragraphs (at least 5 words). */
  sentences: string[];
  titles: string[];
}

export async function loadSourceText(root: string): Promise<SourceText> {
  const paragraphs: string[] = [];
  const sentences: string[] = [];
  const titles: string[] = [];
  for (const rel of SOURCE_DIRS) {
    const dir = path.join(root, rel);
    const names = (await fs.readdir(dir)).filter((n) => formatFor(n) !== null).sort();
    for (const name of names) {
      const article = parseArticle(await fs.readFile(path.join(dir, name)), name);
      if (article.title) titles.push(article.title);
      for (const b of article.blocks) {
        if (b.kind !== 'body' || words(b.text) < 8) continue;
        paragraphs.push(b.text);
        for (const s of splitSentences(b.text)) {
          const text = b.text.slice(s.start, s.end);
          if (words(text) >= 5) sentences.push(text);
        }
      }
    }
  }
  if (paragraphs.length === 0) throw new Error(`No source paragraphs found in ${SOURCE_DIRS.join(', ')}`);
  return { paragraphs, sentences, titles };
}

function words(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const GIVEN = ['Minh Anh', 'Thu Hà', 'Quốc Bảo', 'Thanh Tùng', 'Hải Yến', 'Đức Thắng', 'Ngọc Lan', 'Văn Hùng', 'Thái Hùng', 'Mai Phương', 'Trọng Nghĩa', 'Hồng Nhung'];

export interface GeneratedArticle {
  /** File name (the article id is its stem). */
  file: string;
  title: string;
  /** Body paragraphs, in order. */
  paragraphs: string[];
  text: string;
}

export class ArticleFactory {
  private readonly rng: Rng;
  private serial = 0;

  constructor(
    private readonly src: SourceText,
    seed: number,
  ) {
    this.rng = new Rng(seed);
  }

  /** One paragraph: a source paragraph, or 2-5 sentences recombined, sometimes with other numbers. */
  paragraph(): string {
    const r = this.rng;
    let text: string;
    if (r.chance(0.35)) {
      text = r.pick(this.src.paragraphs);
    } else {
      const n = r.int(2, 5);
      const parts: string[] = [];
      // A run of consecutive sentences reads like prose; an odd one in the middle mixes sources.
      const i = r.int(0, this.src.sentences.length - 1);
      for (let k = 0; k < n; k++) {
        parts.push(r.chance(0.25) ? r.pick(this.src.sentences) : this.src.sentences[(i + k) % this.src.sentences.length]!);
      }
      text = parts.join(' ');
    }
    if (r.chance(0.3)) text = text.replace(/\d+/gu, (d) => String(r.int(d.length === 1 ? 1 : 10 ** (d.length - 1), 10 ** d.length - 1)));
    return text;
  }

  /** A headline: 7-14 words of a source sentence (or a source title), capitalised, no final stop. */
  title(first: string): string {
    const r = this.rng;
    const base = r.chance(0.3) && this.src.titles.length > 0 ? r.pick(this.src.titles) : r.chance(0.5) ? first : r.pick(this.src.sentences);
    const w = base.split(/\s+/u).filter(Boolean);
    const start = w.length > 14 ? r.int(0, Math.min(4, w.length - 14)) : 0;
    const t = w.slice(start, start + r.int(7, 14)).join(' ').replace(/[\s.,;:!?…"“”'‘’()-]+$/u, '');
    return t.charAt(0).toLocaleUpperCase('vi') + t.slice(1);
  }

  article(paragraphCount?: number): GeneratedArticle {
    const r = this.rng;
    const n = paragraphCount ?? r.int(15, 35);
    const paragraphs: string[] = [];
    for (let i = 0; i < n; i++) paragraphs.push(this.paragraph());
    const title = this.title(paragraphs[0]!);
    const date = `Ngày ${r.int(1, 28)} tháng ${r.int(1, 12)} năm ${r.int(2015, 2024)}.`;
    const byline = `${r.pick(FAMILY)} ${r.pick(GIVEN)}`;
    const text = `${title}\n${date}\n\n${paragraphs.join('\n\n')}\n\n${byline}\n`;
    const file = `${String(this.serial++).padStart(5, '0')}_${r.hex(16)}.txt`;
    return { file, title, paragraphs, text };
  }
}

export interface GeneratedCorpus {
  dir: string;
  articles: GeneratedArticle[];
  bytes: number;
  factory: ArticleFactory;
}

/** Writes `count` synthetic articles into `dir` (created; must be empty or missing). */
export async function generateCorpus(opts: { root: string; dir: string; articles: number; seed: number; source?: SourceText }): Promise<GeneratedCorpus> {
  const src = opts.source ?? (await loadSourceText(opts.root));
  const factory = new ArticleFactory(src, opts.seed);
  await fs.mkdir(opts.dir, { recursive: true });
  const articles: GeneratedArticle[] = [];
  let bytes = 0;
  for (let i = 0; i < opts.articles; i++) {
    const a = factory.article();
    articles.push(a);
    bytes += Buffer.byteLength(a.text);
    await fs.writeFile(path.join(opts.dir, a.file), a.text);
  }
  return { dir: opts.dir, articles, bytes, factory };
}
