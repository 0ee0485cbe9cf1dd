/**
 * A report that writes its counts in words ("ba mươi lăm dự án", "kết nạp mười hai đảng viên"): the count
 * answers "bao nhiêu …?", is underlined, states the "35" a question types, and is the figure a question
 * checks. Reports invented for the test.
 */
import { describe, expect, it } from 'vitest';
import { useCorpusEngine } from '../helpers/index-fixture.js';
import { chatAnswer } from '../helpers/conversations.js';

const XUAN_LOC = [
  '---',
  'title: Huyện ủy Xuân Lộc sơ kết công tác sáu tháng đầu năm 2025',
  'date: 2025-07-10',
  '---',
  'Sáng 10/7/2025, Ban Thường vụ Huyện ủy Xuân Lộc tổ chức hội nghị sơ kết công tác sáu tháng đầu năm 2025. Đồng chí Trần Văn Khánh, Bí thư Huyện ủy chủ trì hội nghị.',
  '',
  'Sáu tháng đầu năm, huyện khởi công ba mươi lăm dự án hạ tầng nông thôn, hoàn thành mười lăm công trình giao thông.',
  '',
  'Công tác xây dựng Đảng được chú trọng: Đảng bộ huyện kết nạp mười hai đảng viên mới, thành lập hai chi bộ tại các doanh nghiệp.',
  '',
  'Hội nghị thống nhất năm giải pháp trọng tâm cho sáu tháng cuối năm, trong đó ưu tiên giải ngân vốn đầu tư công.',
].join('\n');

const TAN_PHU = [
  '---',
  'title: Huyện ủy Tân Phú tổng kết công tác năm 2024',
  'date: 2024-12-22',
  '---',
  'Chiều 22/12/2024, Huyện ủy Tân Phú tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024. Đồng chí Lê Thị Hoa, Bí thư Huyện ủy chủ trì hội nghị.',
  '',
  'Năm 2024, huyện thu hút đầu tư vào các khu công nghiệp, tư tưởng của cán bộ, đảng viên ổn định; một số chi bộ còn hạn chế.',
  '',
  'Năm 2024, Đảng bộ huyện Tân Phú kết nạp 87 đảng viên mới.',
].join('\n');

const engine = useCorpusEngine({ 'xuan-loc.txt': XUAN_LOC, 'tan-phu.txt': TAN_PHU });

describe('a count written in words answers "bao nhiêu …?"', () => {
  it('prints', async () => {
    for (const q of ['Huyện Xuân Lộc khởi công bao nhiêu dự án?', 'Xuân Lộc kết nạp bao nhiêu đảng viên?', 'Xuân Lộc thành lập mấy chi bộ?', 'Xuân Lộc khởi công 35 dự án hạ tầng ở đâu?', 'xuan loc khoi cong bao nhieu du an?', 'Hội nghị Xuân Lộc thống nhất bao nhiêu giải pháp?']) {
      const a = await engine().ask(q);
      console.log(q, a.answered, JSON.stringify(a.results[0]?.quote), JSON.stringify(a.results[0] ? a.results[0].answer?.map((s: any) => a.results[0]!.quote.slice(s.start ?? s[0], s.end ?? s[1])) : null));
    }
    for (const q of ['Xuân Lộc khởi công 35 dự án phải không?']) {
      const a = await chatAnswer(engine(), [q]);
      console.log(q, a.answered, a.interpreted, JSON.stringify(a.results[0]?.quote));
    }
    expect(1).toBe(1);
  });
});
