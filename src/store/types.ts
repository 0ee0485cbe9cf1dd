/**
 * What the bot keeps between updates: a short-lived context per chat (per user in groups) and the
 * feedback users give on answers. Async on purpose: the in-memory store is one implementation, a
 * persistent one (SQLite) can take its place without touching the callers.
 */

import type { TurnContext } from '../engine/conversation.js';

/** Whose context: the chat, and in groups also the user (two members asking at once keep apart). */
export interface ChatKey {
  chatId: number;
  /** Set in groups, absent in private chats (where the chat is the user). */
  userId?: number;
}

/** The key of a chat's context: chat id, plus the user id in groups and supergroups. */
export function chatKey(chatId: number, chatType: string, userId: number | undefined): ChatKey {
  const group = chatType === 'group' || chatType === 'supergroup';
  return group && userId !== undefined ? { chatId, userId } : { chatId };
}

/** The last exchange in a chat, enough to follow up on it. */
export interface ChatContext {
  /** What a follow-up is read against: constraints, measure, person, articles (engine/conversation.ts). */
  turn?: TurnContext;
  /** The question as searched. */
  question: string;
  /** The chunks the answer showed, best first. */
  chunkIds: string[];
  /** The index the answer came from. */
  indexVersion: string;
  /** How many results the user has seen so far. */
  shown: number;
}

export type Vote = 'up' | 'down';

/** A user's vote on one answer. */
export interface FeedbackRecord {
  /** ISO 8601 time of the vote. */
  time: string;
  chatId: number;
  userId: number;
  question: string;
  chunkIds: string[];
  indexVersion: string;
  vote: Vote;
  /** How sure the answer was (absent in older records). */
  confidence?: 'high' | 'low' | 'none';
}

/** One question answered (for /stats): what was asked and how sure the answer was. */
export interface QuestionRecord {
  /** ISO 8601 time of the answer. */
  time: string;
  chatId: number;
  question: string;
  /** The question as searched (a follow-up rewritten in full). */
  interpreted: string;
  confidence: 'high' | 'low' | 'none';
  chunkIds: string[];
  indexVersion: string;
}

/** The question message an answer replied to: its further pages and buttons are read the same way. */
export interface ReadingKey {
  chatId: number;
  /** The id of the user's question message. */
  messageId: number;
}

export interface FeedbackQuery {
  /** Only records at or after this ISO time. */
  since?: string;
  /** At most this many records, the most recent ones. */
  limit?: number;
}

export interface ChatStore {
  /** The context of a chat, or null when there is none or it expired. */
  getContext(key: ChatKey): Promise<ChatContext | null>;
  /** Replaces the context of a chat; it expires after `ttlMs`. */
  setContext(key: ChatKey, context: ChatContext, ttlMs: number): Promise<void>;
  deleteContext(key: ChatKey): Promise<void>;
  /**
   * The question as an answer read it (a follow-up in full, a list, a comparison), kept for `ttlMs` so
   * "next results" and the buttons under that answer read it the same way, after a restart too.
   */
  setReading(key: ReadingKey, question: string, ttlMs: number): Promise<void>;
  getReading(key: ReadingKey): Promise<string | null>;
  appendFeedback(record: FeedbackRecord): Promise<void>;
  /** Feedback records, oldest first. */
  listFeedback(query?: FeedbackQuery): Promise<FeedbackRecord[]>;
  appendQuestion(record: QuestionRecord): Promise<void>;
  /** Question records, oldest first (same query as feedback). */
  listQuestions(query?: FeedbackQuery): Promise<QuestionRecord[]>;
  close(): Promise<void>;
}
