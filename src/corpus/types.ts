/** A date as far as the article tells it: never guessed beyond what the text says. */
export interface ArticleDate {
  /** ISO 8601 as precise as known: "2021-01-09", "2021-01", or null when the year is missing. */
  iso: string | null;
  /** The text the date was read from, e.g. "Ngày 9 tháng 1 năm 2021" or "Chiều 15-10". */
  raw: string;
  precision: 'day' | 'month' | 'year' | 'none';
  /** True when day/month are known but the article never says the year. */
  yearMissing: boolean;
  year?: number;
  month?: number;
  day?: number;
}

/** body: a paragraph to quote; heading: a short title line; caption: a photo caption (context, never quoted). */
export type BlockKind = 'body' | 'heading' | 'caption';

export interface Block {
  kind: BlockKind;
  text: string;
  /** Character offsets of `text` inside Article.text. */
  start: number;
  end: number;
  /** 1-based page the block starts on, for paged formats (pdf). */
  page?: number;
}

export interface Article {
  /** The file stem: `corpus/004_7239dae0792dcdec.txt` -> `004_7239dae0792dcdec`. */
  id: string;
  /** Path relative to the corpus folder. */
  file: string;
  title: string;
  /** The place the report is about when its title names none (from its lead), e.g. "Hải Phòng". */
  subject?: string | null;
  date: ArticleDate | null;
  /** Outlet / source, e.g. "SGGPO", "HPĐT"; null when the article does not say. */
  outlet: string | null;
  author: string | null;
  /** The byline as printed, when it says more than the name: "Thái Hùng (Văn phòng HĐND – UBND thành phố Huế)". */
  byline?: string;
  url: string | null;
  /** The cleaned text: the blocks joined by "\n\n" (offsets refer to it). */
  text: string;
  blocks: Block[];
  /** sha256 (hex) of the raw file bytes; a changed file changes this. */
  contentHash: string;
  /** Things the cleaner noticed (e.g. "front matter has no title"); shown by build-index. */
  warnings: string[];
}

/** A file in corpus/ that could not be read as an article; the rest of the corpus still builds. */
export interface CorpusProblem {
  file: string;
  message: string;
}

export interface CorpusReadResult {
  articles: Article[];
  problems: CorpusProblem[];
}

/** A date candidate noticed by the cleaner. */
export interface DateCandidate {
  raw: string;
  /** head: a dateline under the title; stamp: glued to the lead; body: a dateline elsewhere. */
  where: 'head' | 'stamp' | 'body';
}

/** A block as the cleaner returns it, before layout gives it offsets. */
export interface CleanBlock {
  kind: BlockKind;
  text: string;
  /** 1-based page of the source line, for paged formats (pdf). */
  page?: number;
}

export interface CleanResult {
  blocks: CleanBlock[];
  /** The headline line found at the top, or null (then a title is made from the lead). */
  title: string | null;
  /** Dates seen on datelines and stamps, in page order. */
  dates: DateCandidate[];
  /** Outlet tags: a line such as "SGGPO" under the title, or "(HPĐT)-" opening the lead. */
  outlets: string[];
  /** "Theo TTXVN" / "Nguồn: …" lines at the end. */
  sources: string[];
  /** The byline as printed at the end of the article, or null. */
  byline: string | null;
  /** Everything removed as page chrome, for inspection. */
  dropped: string[];
}
