/**
 * Reports written for the tests of a Party office's questions over two years of one province and one
 * report of another (probe7): Quảng Ngãi in 2023 and 2024, Bắc Giang in 2024. Invented text.
 */
export const QUANG_NGAI_REPORTS: Readonly<Record<string, string>> = {
  'quang-ngai-2024.txt': [
    '---',
    'title: Hội nghị Ban Chấp hành Đảng bộ tỉnh Quảng Ngãi lần thứ 18',
    'date: 2024-07-12',
    'source: Báo Quảng Ngãi',
    '---',
    'Sáng 12/7/2024, Ban Chấp hành Đảng bộ tỉnh Quảng Ngãi tổ chức Hội nghị lần thứ 18 để đánh giá kết quả 6 tháng đầu năm.',
    '',
    'Đồng chí Lê Văn Khoa, Bí thư Tỉnh ủy Quảng Ngãi chủ trì hội nghị.',
    '',
    'Theo báo cáo, toàn Đảng bộ tỉnh Quảng Ngãi hiện có 112.450 đảng viên, sinh hoạt tại 1.024 tổ chức cơ sở đảng. Trong năm 2024, Đảng bộ kết nạp 1.210 đảng viên mới.',
  ].join('\n'),
  'quang-ngai-2023.txt': [
    '---',
    'title: Tỉnh ủy Quảng Ngãi tổng kết công tác năm 2023',
    'date: 2023-12-20',
    'source: Báo Quảng Ngãi',
    '---',
    'Ngày 20/12/2023, Tỉnh ủy Quảng Ngãi tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2023.',
    '',
    'Đồng chí Đặng Minh Châu, Phó Bí thư Thường trực Tỉnh ủy chủ trì hội nghị.',
    '',
    'Năm 2023, toàn Đảng bộ tỉnh Quảng Ngãi có 110.900 đảng viên. Đảng bộ đã kết nạp 2.350 đảng viên mới.',
  ].join('\n'),
  'bac-giang-2024.txt': [
    '---',
    'title: Bắc Giang sơ kết 6 tháng đầu năm 2024',
    'date: 2024-07-15',
    'source: Báo Bắc Giang',
    '---',
    'Chiều 15/7/2024, Ban Thường vụ Tỉnh ủy Bắc Giang tổ chức hội nghị sơ kết công tác 6 tháng đầu năm.',
    '',
    'Đồng chí Phạm Quốc Bảo, Bí thư Tỉnh ủy Bắc Giang chủ trì hội nghị.',
    '',
    'Đảng bộ tỉnh Bắc Giang hiện có 178.300 đảng viên. Sáu tháng đầu năm 2024, toàn tỉnh kết nạp 2.040 đảng viên mới.',
  ].join('\n'),
};
