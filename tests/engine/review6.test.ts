/**
 * review6 (adversarial review of 55f3326..800abf2): failing tests first. Reports of a few provinces
 * written for this review: officials whose names hold place syllables (Trần Hà Nam, Lê Văn Vinh,
 * Nguyễn Thái Bình), provinces named in passing beside a count whose sentence names no place.
 */
import { describe, expect, it } from 'vitest';
import { useCorpusEngine } from '../helpers/index-fixture.js';

const ARTICLES: Record<string, string> = {
  "01_hungyen.txt": "Hội nghị Ban Chấp hành Đảng bộ tỉnh Hưng Yên lần thứ 12\nNgày 16 tháng 10 năm 2024.\n\nSáng 16/10/2024, Ban Chấp hành Đảng bộ tỉnh Hưng Yên tổ chức Hội nghị lần thứ 12 để đánh giá kết quả thực hiện nhiệm vụ 9 tháng đầu năm. Đồng chí Nguyễn Thái Bình, Bí thư Tỉnh ủy Hưng Yên chủ trì hội nghị.\n\nDự hội nghị có đại diện Tỉnh Đoàn Thái Bình và Tỉnh ủy Hà Nam. Toàn Đảng bộ có 120.000 đảng viên, trong 9 tháng đã kết nạp 2.150 đảng viên mới.\n\nĐồng chí Nguyễn Thái Bình nhấn mạnh phải nâng cao chất lượng sinh hoạt chi bộ và học tập, làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
  "02_quangtri.txt": "Tỉnh ủy Quảng Trị sơ kết công tác xây dựng Đảng\nNgày 20 tháng 10 năm 2024.\n\nChiều 20/10/2024, Tỉnh ủy Quảng Trị tổ chức hội nghị sơ kết công tác xây dựng Đảng. Đồng chí Lê Văn Vinh, Phó Bí thư Thường trực Tỉnh ủy trình bày báo cáo.\n\nĐảng bộ tỉnh hiện có 58.300 đảng viên. Các cấp ủy tiếp tục đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.\n\nHội nghị được tổ chức tại Hội trường số 12 đường Lê Lợi, thành phố Đông Hà. Đồng chí Lê Văn Vinh đề nghị tăng cường kiểm tra, giám sát; Chủ tịch Hồ Chí Minh đã dạy phải lấy dân làm gốc.",
  "03_nghean.txt": "Thành ủy Vinh tổng kết năm 2024\nNgày 25 tháng 12 năm 2024.\n\nSáng 25/12/2024, Thành ủy Vinh tổ chức hội nghị tổng kết công tác năm 2024. Đồng chí Trần Hà Nam, Bí thư Thành ủy Vinh chủ trì.\n\nNăm 2024, Đảng bộ thành phố Vinh kết nạp 410 đảng viên mới, nâng tổng số lên 28.000 đảng viên.",
  "04_hanoi.txt": "Quận ủy Hoàn Kiếm triển khai nhiệm vụ năm 2025\nNgày 5 tháng 1 năm 2025.\n\nSáng 5/1/2025, tại trụ sở số 5 phố Lê Duẩn, Hà Nội, Quận ủy Hoàn Kiếm tổ chức hội nghị triển khai nhiệm vụ năm 2025. Đồng chí Hoàng Văn Tám, Bí thư Quận ủy trình bày báo cáo.\n\nĐảng bộ quận Hoàn Kiếm có 15.600 đảng viên, sinh hoạt tại 180 chi bộ.",
};

const engine = useCorpusEngine(ARTICLES);

describe('review6 critical: another province\'s count, another person\'s passage', () => {
  it('a province named in passing is not the subject of a count whose sentence names no place', async () => {
    // Main: high, "Dự hội nghị có đại diện Tỉnh Đoàn Thái Bình và Tỉnh ủy Hà Nam. Toàn Đảng bộ có 120.000
    // đảng viên" (Hưng Yên's count; namesOthersOnly only looks at the count's own sentence).
    for (const q of ['Thái Bình có bao nhiêu đảng viên?', 'Hà Nam có bao nhiêu đảng viên?']) {
      const a = await engine().ask(q);
      expect(a.answered && a.results[0]!.quote.includes('120.000'), q).toBe(false);
    }
  });

  it('a person whose name holds a place ("Trần Hà Nam") is asked about, not the place Hà Nam', async () => {
    // Main: high, the Hưng Yên passage "… Tỉnh ủy Hà Nam …": the question is read as place Hà Nam only.
    for (const q of ['Ông Trần Hà Nam chủ trì hội nghị nào?', 'Ông Trần Hà Nam Chủ Trì Hội Nghị Nào?']) {
      const a = await engine().ask(q);
      if (a.answered) expect(a.results[0]!.quote, q).toContain('Trần Hà Nam');
    }
  });
});

describe('review6 critical: initials with a vowel name no place and constrain nothing', () => {
  it('"NA"/"na" (Nghệ An) and "py" (Phú Yên) opening a counting question are not answered with Hưng Yên\'s count', async () => {
    // Main (and before 55f3326): high, "Toàn Đảng bộ có 120.000 đảng viên" (Hưng Yên): no constraint is
    // read at all, while "HY"/"qn"/"hp" are refused as initials the reports do not state.
    // Lower-case "na" is left out: it is also a slip of "nay", "nào" (placeInitials' STOP_SLIPS), as "kh" of khi.
    for (const q of ['NA có bao nhiêu đảng viên?', 'py có bao nhiêu đảng viên?', 'PY có bao nhiêu đảng viên?']) {
      const a = await engine().ask(q);
      expect(a.answered && a.results[0]!.quote.includes('120.000'), q).toBe(false);
    }
  });
});

describe('review6 critical: Title Case names with a family name outside the common list', () => {
  it('"Ông Hồ Văn Niên Trình Bày Báo Cáo Gì?" (no such official) is not answered with Lê Văn Vinh\'s report', async () => {
    // Main: high, "Đồng chí Lê Văn Vinh, … trình bày báo cáo." titleCaseNames reads a name only after a
    // family name of the common list (isFamilyName(term, true)), which lacks Hồ, Hà, Mai, Đoàn, Lâm, Cao, Đào, Tạ, Tô.
    // Typed in sentence case the same question is refused, as it should be.
    for (const q of ['Ông Hồ Văn Niên Trình Bày Báo Cáo Gì?', 'Đồng Chí Hà Văn Tùng Trình Bày Báo Cáo Gì?']) {
      const a = await engine().ask(q);
      expect(a.answered, q).toBe(false);
    }
  });
});

describe('review6 high: a plain question about an official in the reports', () => {
  it('"Lê Văn Vinh" is a person asked about, not the place Vinh plus a name "Lê Văn"', async () => {
    // Main: refused ("không trả lời"): constraints place Vinh + name "Lê Văn"; the report's "Lê Văn Vinh"
    // states no Vinh since 2856674 (inPersonName), so nothing qualifies.
    for (const q of ['Đồng chí Lê Văn Vinh trình bày báo cáo gì?', 'Đồng Chí Lê Văn Vinh Trình Bày Báo Cáo Gì?']) {
      const a = await engine().ask(q);
      expect(a.answered, q).toBe(true);
      expect(a.results[0]!.quote, q).toContain('Lê Văn Vinh');
    }
  });
});
