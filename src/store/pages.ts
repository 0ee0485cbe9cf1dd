/**
 * The ranked list an answer's further pages come from, kept per question message in memory. "Kết quả
 * tiếp" must continue the list the user saw the first page of: asked again after the index changed (an
 * upload between two pages), the same offset would repeat a result of page 1 or skip one.
 */
import type { Answer } from '../answer/types.js';
import type { ReadingKey } from './types.js';

/**
 * Lists kept at once, the oldest dropped first: a list holds a few pages of quotes (some KB), and
 * an older answer's button then says plainly that its list is gone once the index has changed.
 */
const MAX_KEPT_LISTS = 500;

/** What is kept of an answer for its further pages: the results after the first page, ranks as shown. */
export interface KeptList {
  /** The answer the results belong to (its notices, confidence, total and index version). */
  answer: Answer;
  /** The rank offset the kept results start at (page 1's size). */
  from: number;
}

export class PageLists {
  private readonly lists = new Map<string, KeptList>();

  constructor(private readonly max = MAX_KEPT_LISTS) {}

  set(key: ReadingKey, list: KeptList): void {
    const k = `${key.chatId}/${key.messageId}`;
    this.lists.delete(k); // re-inserted last: the map stays in insertion (age) order
    while (this.lists.size >= this.max) this.lists.delete(this.lists.keys().next().value!);
    this.lists.set(k, list);
  }

  get(key: ReadingKey): KeptList | null {
    return this.lists.get(`${key.chatId}/${key.messageId}`) ?? null;
  }

  get size(): number {
    return this.lists.size;
  }
}
