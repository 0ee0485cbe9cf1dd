export { chatKey, type ChatContext, type ChatKey, type ChatStore, type FeedbackQuery, type FeedbackRecord, type Vote } from './types.js';
export { MemoryStore, type MemoryStoreOptions } from './memory.js';
