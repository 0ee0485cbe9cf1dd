/**
 * Short reports of nine provinces written for the place tests (review5): officials whose names hold place
 * syllables (Trần Hà Nam, Nguyễn Văn Vinh), a province named in passing beside another's count (Hưng Yên at
 * Thái Bình's meeting), Trà Vinh beside the city Vinh, a full date, a reason given with "nhờ".
 */
export const TEN_PROVINCES: Readonly<Record<string, string>> = {
  'ninh-binh.txt': [
    'Ninh Bình sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2024',
    'Ngày 10 tháng 7 năm 2024.',
    '',
    'Chiều 9/7, Ban Thường vụ Tỉnh ủy Ninh Bình tổ chức hội nghị sơ kết công tác xây dựng Đảng. Đồng chí Trần Hà Nam, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy trình bày báo cáo.',
    '',
    'Theo báo cáo, Đảng bộ tỉnh Ninh Bình có 89.300 đảng viên, sinh hoạt tại 2.045 chi bộ.',
  ].join('\n'),
  'nghe-an.txt': [
    'Tỉnh ủy Nghệ An tổng kết công tác năm 2023',
    'Ngày 20 tháng 12 năm 2023.',
    '',
    'Sáng 20/12, Tỉnh ủy Nghệ An tổ chức hội nghị tổng kết công tác năm 2023. Phát biểu tại hội nghị, đồng chí Nguyễn Văn Vinh, Phó Bí thư Tỉnh ủy cho biết Đảng bộ tỉnh có 238.500 đảng viên.',
  ].join('\n'),
  'thai-binh.txt': [
    'Thái Bình triển khai nhiệm vụ năm 2024',
    'Ngày 6 tháng 1 năm 2024.',
    '',
    'Tại hội nghị, đoàn công tác của tỉnh Hưng Yên đến dự và chia sẻ kinh nghiệm. Đảng bộ tỉnh Thái Bình có 108.000 đảng viên.',
  ].join('\n'),
  'ha-tinh.txt': [
    'Hà Tĩnh tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 20',
    'Ngày 17 tháng 10 năm 2024.',
    '',
    'Sáng 16/10/2024, Ban Chấp hành Đảng bộ tỉnh Hà Tĩnh tổ chức hội nghị lần thứ 20 để cho ý kiến vào dự thảo văn kiện đại hội. Đồng chí Hoàng Trung Dũng, Bí thư Tỉnh ủy chủ trì hội nghị.',
    '',
    'Đảng bộ tỉnh Hà Tĩnh hiện có 97.500 đảng viên.',
  ].join('\n'),
  'lao-cai.txt': [
    'Lào Cai phát triển du lịch gắn với xây dựng Đảng',
    'Ngày 3 tháng 3 năm 2024.',
    '',
    'Ngày 2/3, Tỉnh ủy Lào Cai tổ chức hội nghị chuyên đề về phát triển du lịch. Bí thư Tỉnh ủy Lào Cai Đặng Xuân Phong chủ trì hội nghị.',
    '',
    'Năm 2023, tỉnh Lào Cai đón 7.200.000 lượt khách du lịch. Đảng bộ tỉnh Lào Cai có 62.800 đảng viên.',
  ].join('\n'),
  'quang-binh.txt': [
    'Quảng Bình tổng kết công tác xây dựng Đảng năm 2023',
    'Ngày 22 tháng 12 năm 2023.',
    '',
    'Năm 2023, Đảng bộ tỉnh Quảng Bình kết nạp 2.310 đảng viên mới.',
  ].join('\n'),
  'quang-ninh.txt': [
    'Quảng Ninh: kinh tế tăng trưởng hai con số',
    'Ngày 5 tháng 1 năm 2024.',
    '',
    'Năm 2023, kinh tế Quảng Ninh tăng trưởng 10,2% nhờ thu hút được nhiều dự án đầu tư lớn và du lịch phục hồi mạnh. Vì vậy, đời sống người dân trong tỉnh tiếp tục được nâng lên.',
    '',
    'Đảng bộ tỉnh Quảng Ninh có 92.000 đảng viên.',
  ].join('\n'),
  'tra-vinh.txt': [
    'Trà Vinh tổng kết công tác xây dựng Đảng năm 2023',
    'Ngày 26 tháng 12 năm 2023.',
    '',
    'Đến nay, Đảng bộ tỉnh Trà Vinh có 41.700 đảng viên.',
  ].join('\n'),
  'nam-dinh.txt': [
    'Nam Định tổng kết năm 2023',
    'Ngày 28 tháng 12 năm 2023.',
    '',
    'Chiều 27/12, Tỉnh ủy Nam Định tổ chức hội nghị lần thứ 18. Đồng chí Phạm Gia Túc, Bí thư Tỉnh ủy Nam Định chủ trì hội nghị.',
    '',
    'Năm 2023, Đảng bộ tỉnh Nam Định có 112.600 đảng viên. Thu ngân sách đạt 5.900 tỷ đồng.',
  ].join('\n'),
};
