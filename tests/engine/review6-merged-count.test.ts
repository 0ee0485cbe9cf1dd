/**
 * review6: d306561 caps a window whose every count sits in a sentence naming other places only. A report
 * of the asked province after the 2025 merger names the province it absorbed in the count's sentence
 * ("Sau khi hợp nhất với Thái Bình, toàn Đảng bộ có 245.000 đảng viên"): its own count is demoted.
 * Before d306561: high with 245.000; main: low.
 */
import { expect, it } from 'vitest';
import { useCorpusEngine } from '../helpers/index-fixture.js';

const REPORT = [
  'Đại hội Đảng bộ tỉnh Hưng Yên lần thứ I, nhiệm kỳ 2025-2030',
  'Ngày 10 tháng 10 năm 2025.',
  '',
  'Sáng 10/10/2025, Đảng bộ tỉnh Hưng Yên khai mạc Đại hội đại biểu lần thứ I, nhiệm kỳ 2025-2030.',
  '',
  'Sau khi hợp nhất với Thái Bình, toàn Đảng bộ có 245.000 đảng viên sinh hoạt tại 3.900 tổ chức cơ sở đảng.',
].join('\n');

const engine = useCorpusEngine({ 'hung-yen.txt': REPORT });

it('a count beside the province a report of the asked one absorbed is still the asked province\'s', async () => {
  const a = await engine().ask('Hưng Yên có bao nhiêu đảng viên?');
  expect(a.answered).toBe(true);
  expect(a.results[0]!.quote).toContain('245.000');
});
