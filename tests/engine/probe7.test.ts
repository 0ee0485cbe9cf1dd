/**
 * probe7: a Party office's and a newsroom's conversations over reports written for this test (two
 * provinces, two years of one of them). Each case failed before its fix.
 */
import { describe, expect, it } from 'vitest';
import { readFollowUp, turnOf } from '../../src/engine/conversation.js';
import { useCorpusEngine } from '../helpers/index-fixture.js';
import { QUANG_NGAI_REPORTS } from '../helpers/quang-ngai.js';
import { chatAnswer } from '../helpers/conversations.js';

const REPORTS = QUANG_NGAI_REPORTS;

const engine = useCorpusEngine(REPORTS);

/** The messages of one chat, in turn; the last turn's answer. */
const chat = (...messages: string[]) => chatAnswer(engine(), messages);

describe('comparisons a Party office asks', () => {
  it('in English, "compare the number of party members of A and B": one quote per province', async () => {
    for (const q of ['Compare the number of party members of Quang Ngai and Bac Giang', 'compare party members in Bac Giang and Quang Ngai?']) {
      const a = await chat(q);
      expect(a.answered, q).toBe(true);
      expect(a.results.map((r) => r.article.id).sort(), q).toEqual(['bac-giang-2024', expect.stringMatching(/^quang-ngai-/u)]);
    }
  });

  it('"so sánh số đảng viên A và B" without "của": one quote per province', async () => {
    const a = await chat('so sánh số đảng viên Quảng Ngãi và Bắc Giang');
    expect(a.answered).toBe(true);
    expect(a.results.map((r) => r.article.id).sort()).toEqual(['bac-giang-2024', expect.stringMatching(/^quang-ngai-/u)]);
  });

  it('"A hay B có nhiều đảng viên hơn?": one quote per province', async () => {
    const a = await chat('Quảng Ngãi hay Bắc Giang có nhiều đảng viên hơn?');
    expect(a.confidence).not.toBe('none');
    expect(a.results.map((r) => r.article.id)).toContain('bac-giang-2024');
    expect(a.results.map((r) => r.article.id).some((id) => id.startsWith('quang-ngai-'))).toBe(true);
    // Each side's count, not any passage that names the unit.
    expect(a.interpreted).toBe('Quảng Ngãi có bao nhiêu đảng viên; Bắc Giang có bao nhiêu đảng viên');
    expect(a.results.map((r) => r.quote).join(' ')).toContain('178.300');
  });

  it('"năm 2024 so với 2023": one quote per year, each from the report of that year', async () => {
    for (const q of ['Số đảng viên Quảng Ngãi năm 2024 so với 2023', 'Quảng Ngãi kết nạp bao nhiêu đảng viên năm 2024 so với năm 2023?', 'So sánh số đảng viên Quảng Ngãi năm 2023 và năm 2024']) {
      const a = await chat(q);
      expect(a.confidence, q).not.toBe('none');
      const ids = a.results.map((r) => r.article.id);
      expect(ids, q).toContain('quang-ngai-2024');
      expect(ids, q).toContain('quang-ngai-2023');
      expect(a.interpreted, q).toMatch(/2024.*; .*2023|2023.*; .*2024/u);
    }
  });
});

describe('follow-ups in a conversation', () => {
  it('"còn năm ngoái?" after a question about 2024 asks about 2023', async () => {
    const a = await chat('Quảng Ngãi có bao nhiêu đảng viên năm 2024?', 'còn năm ngoái?');
    expect(a.interpreted).toBe('Quảng Ngãi có bao nhiêu đảng viên năm 2023?');
    expect(a.answered).toBe(true);
    expect(a.results[0]!.quote).toContain('110.900');
  });

  it('a bare "ai chủ trì?" keeps the province and year the chat was about', async () => {
    for (const follow of ['ai chủ trì?', 'ai chu tri?']) {
      const a = await chat('Quảng Ngãi có bao nhiêu đảng viên năm 2023?', follow);
      expect(a.interpreted, follow).toContain('Quảng Ngãi');
      expect(a.answered, follow).toBe(true);
      expect(a.results[0]!.quote, follow).toContain('Đặng Minh Châu');
    }
    // Typed without marks: "bao nhieu" asks as "bao nhiêu" does.
    for (const follow of ['kết nạp bao nhiêu?', 'ket nap bao nhieu?']) {
      const a = await chat('Quảng Ngãi có bao nhiêu đảng viên năm 2023?', follow);
      expect(a.interpreted, follow).toContain('Quảng Ngãi');
      expect(a.results[0]!.quote, follow).toContain('2.350');
    }
  });

  it('"chi tiết hơn" shows more of the articles the last answer quoted, not what it already showed', async () => {
    const first = await chat('Quảng Ngãi có bao nhiêu đảng viên năm 2024?');
    const more = await chat('Quảng Ngãi có bao nhiêu đảng viên năm 2024?', 'chi tiết hơn');
    expect(more.confidence).not.toBe('none');
    expect(more.results.length).toBeGreaterThan(0);
    expect(more.results.every((r) => r.article.id === 'quang-ngai-2024')).toBe(true);
    expect(more.results.map((r) => r.chunkId)).not.toContain(first.results[0]!.chunkId);
  });

  it('a "cảm ơn" between two questions keeps the chat\'s subject for the next follow-up', async () => {
    const a = await chat('Quảng Ngãi có bao nhiêu đảng viên năm 2024?', 'cảm ơn bot nhé', 'còn năm 2023?');
    expect(a.interpreted).toBe('Quảng Ngãi có bao nhiêu đảng viên năm 2023?');
    expect(a.results[0]!.quote).toContain('110.900');
  });
});

describe('a place typed without marks is replaced by the follow-up\'s', () => {
  const turn = (q: string) => turnOf(q, { chunkIds: [], articleIds: [], quotes: [] });
  it('in Vietnamese typed without diacritics and in English', () => {
    expect(readFollowUp('còn Bắc Giang?', turn('bi thu tinh uy Quang Ngai la ai?')).question).toBe('bi thu tinh uy Bắc Giang la ai?');
    expect(readFollowUp('what about Bac Giang?', turn('who chaired the meeting in Quang Ngai?')).question).toBe('who chaired the meeting in Bắc Giang?');
    expect(readFollowUp('còn Bắc Giang?', turn('Dang bo tinh Quang Ngai co bao nhieu dang vien?')).question).toBe('Dang bo Bắc Giang co bao nhieu dang vien?');
  });
});
