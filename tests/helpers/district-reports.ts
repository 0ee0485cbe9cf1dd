/**
 * A district report invented for the tests: Đồng Văn, a district the gazetteer does not hold, its name
 * spelt with office words ("đồng" of hội đồng, "văn" of văn phòng).
 */
export const DONG_VAN = [
  '---',
  'title: Huyện ủy Đồng Văn sơ kết quý I năm 2025',
  'date: 2025-03-05',
  '---',
  'Sáng 5/3/2025, Ban Thường vụ Huyện ủy Đồng Văn tổ chức hội nghị sơ kết quý I năm 2025 tại Trung tâm Chính trị huyện.',
  '',
  'Quý I năm 2025, Đảng bộ huyện kết nạp 48 đảng viên mới, đạt 24% chỉ tiêu năm.',
].join('\n');
