/**
 * The examples offered by /start, /help and the empty-question hint are questions the serving index
 * answers: the built-in ones are about the seed reports, and another deployment's users who tried them got
 * "not in the reports" (probe7).
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_QUESTIONS, examplesFor } from '../../src/engine/examples.js';
import { renderAnswerPlain } from '../../src/present/render.js';
import { useCorpusEngine, useSeedEngine } from '../helpers/index-fixture.js';

const REPORTS: Readonly<Record<string, string>> = {
  'ha-tinh-2024.txt': [
    '---',
    'title: Hội nghị Ban Chấp hành Đảng bộ tỉnh Hà Tĩnh lần thứ 20',
    'date: 2024-07-10',
    '---',
    'Sáng 10/7/2024, Ban Chấp hành Đảng bộ tỉnh Hà Tĩnh tổ chức Hội nghị lần thứ 20.',
    '',
    'Toàn Đảng bộ tỉnh Hà Tĩnh hiện có 98.300 đảng viên, sinh hoạt tại 860 tổ chức cơ sở đảng.',
  ].join('\n'),
  'ha-tinh-2023.txt': [
    '---',
    'title: Tỉnh ủy Hà Tĩnh tổng kết công tác năm 2023',
    'date: 2023-12-22',
    '---',
    'Ngày 22/12/2023, Tỉnh ủy Hà Tĩnh tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2023.',
    '',
    'Năm 2023, Đảng bộ tỉnh Hà Tĩnh kết nạp 2.100 đảng viên mới.',
  ].join('\n'),
};

describe('example questions', () => {
  const seeds = useSeedEngine();
  const other = useCorpusEngine(REPORTS);

  it('over the seed reports: the built-in examples, each of them answered', async () => {
    const examples = await seeds().examples();
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const q of examples) {
      expect(EXAMPLE_QUESTIONS).toContain(q);
      expect((await seeds().ask(q)).answered).toBe(true);
    }
  });

  it('over other reports: none of the seed questions, the newest titles instead', async () => {
    expect(await other().examples()).toEqual(['Hội nghị Ban Chấp hành Đảng bộ tỉnh Hà Tĩnh lần thứ 20', 'Tỉnh ủy Hà Tĩnh tổng kết công tác năm 2023']);
  });

  it('an empty question carries the index own examples to the hint', async () => {
    const answer = await other().ask('   ');
    const text = renderAnswerPlain(answer, 'vi');
    expect(text).toContain('Hà Tĩnh lần thứ 20');
    expect(text).not.toContain('Hải Phòng');
  });
});

describe('examplesFor', () => {
  it('a question that fails is left out and the list said incomplete, so it is asked again later', async () => {
    let calls = 0;
    const ask = async (q: string) => {
      calls++;
      if (calls === 1) throw new Error('model broke');
      return { answered: q !== EXAMPLE_QUESTIONS[1] } as Awaited<ReturnType<Parameters<typeof examplesFor>[0]>>;
    };
    const r = await examplesFor(ask, []);
    expect(r.complete).toBe(false);
    expect(r.examples).toEqual(EXAMPLE_QUESTIONS.slice(2));
  });
});
