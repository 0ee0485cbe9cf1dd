/**
 * Data of the dense calibration (band.ts): questions no meeting report answers, and names to swap
 * into questions the corpus does answer. Written for this project; chat style, some without diacritics.
 * A change here changes every band: bump BAND_METHOD in band.ts so that indexes measure theirs again.
 */

/** Questions about anything but party and council meetings: weather, sport, food, prices, stars, health, tech, travel… */
export const OFF_TOPIC_QUESTIONS: readonly string[] = [
  // weather
  'Thời tiết Hà Nội ngày mai thế nào?',
  'Cuối tuần này Sài Gòn có mưa không?',
  'bao gio thi het nom am vay',
  'Cơn bão số 3 năm nay đổ bộ vào đâu?',
  'Nhiệt độ Đà Lạt tháng 12 khoảng bao nhiêu độ?',
  'hom nay co nang nong khong ban',
  // sport
  'Ai vô địch World Cup 2022?',
  'Tối nay đội tuyển Việt Nam đá với ai?',
  'Messi đã giành bao nhiêu Quả bóng vàng?',
  'ket qua tran Man Utd vs Liverpool dem qua',
  'Giải Ngoại hạng Anh mùa này đội nào đang dẫn đầu?',
  'Làm sao để chạy bộ 10 km không bị đau gối?',
  'Nguyễn Thị Ánh Viên bơi nội dung nào giỏi nhất?',
  // food and recipes
  'Công thức nấu phở bò Hà Nội như thế nào?',
  'Cách làm bánh flan không bị rỗ?',
  'Luộc trứng lòng đào mất mấy phút?',
  'cach uop thit nuong cho mem',
  'Quán bún chả nào ngon ở quận Hoàn Kiếm?',
  'Ăn sầu riêng có được uống bia không?',
  'Nấu chè đậu xanh cần những nguyên liệu gì?',
  // prices and money
  'Giá vàng SJC hôm nay là bao nhiêu?',
  'Tỷ giá đô la Mỹ ở ngân hàng Vietcombank hôm nay?',
  'gia xang ron 95 tuan nay tang hay giam',
  'iPhone 16 Pro Max giá bao nhiêu tiền?',
  'Lãi suất gửi tiết kiệm 12 tháng ngân hàng nào cao nhất?',
  'Giá Bitcoin bây giờ là bao nhiêu?',
  'Mua căn hộ chung cư ở Thủ Đức hết khoảng bao nhiêu?',
  // celebrities and entertainment
  'Sơn Tùng M-TP ra bài hát mới tên là gì?',
  'ca si nao hat bai Hoa no khong mau',
  'Phim Mai của Trấn Thành thu bao nhiêu tỷ?',
  'Taylor Swift có đến Việt Nam biểu diễn không?',
  'Hoa hậu Việt Nam năm nay là ai?',
  'Tối nay trên VTV3 chiếu phim gì?',
  // health and medicine
  'Uống thuốc hạ sốt paracetamol bao lâu một lần?',
  'Bị đau dạ dày nên ăn gì?',
  'tre bi sot phat ban co nguy hiem khong',
  'Tiêm vắc xin cúm có tác dụng phụ gì?',
  'Làm sao để ngủ ngon hơn vào ban đêm?',
  'Mỗi ngày nên uống bao nhiêu lít nước?',
  'Triệu chứng sốt xuất huyết là gì?',
  // technology
  'Cách cài đặt Zalo trên máy tính?',
  'Điện thoại Samsung bị nóng máy phải làm sao?',
  'wifi nha toi cham qua phai lam sao',
  'ChatGPT có miễn phí không?',
  'Laptop nào chơi game tốt trong tầm giá 20 triệu?',
  'Làm thế nào để lấy lại mật khẩu Facebook?',
  'Xe điện VinFast VF3 đi được bao nhiêu km một lần sạc?',
  // travel
  'Đi Phú Quốc mùa nào đẹp nhất?',
  'Vé máy bay Hà Nội đi Đà Nẵng bao nhiêu tiền?',
  'Sapa có gì chơi vào mùa đông?',
  'di Da Lat tu Sai Gon bang xe gi re nhat',
  'Làm hộ chiếu mất bao lâu?',
  'Khách sạn nào gần biển Mỹ Khê giá rẻ?',
  'Xin visa du lịch Nhật Bản cần giấy tờ gì?',
  // everyday life, study and work
  'Học tiếng Anh giao tiếp ở đâu tốt?',
  'Điểm chuẩn đại học Bách khoa năm nay bao nhiêu?',
  'Cách chăm sóc cây hoa hồng trong chậu?',
  'Nuôi chó Corgi có khó không?',
  'Tết Nguyên đán năm nay được nghỉ mấy ngày?',
  'lam the nao de tiet kiem tien moi thang',
  'Mua bảo hiểm xe máy online ở đâu?',
  'Cách giặt áo len không bị co?',
  'Sinh năm 1995 hợp màu gì?',
  'Viết CV xin việc thế nào cho ấn tượng?',
  'Đổi bằng lái xe máy cần những giấy tờ gì?',
];

/** Provinces and cities: a name found in a question is swapped for another one from this list. */
export const PLACE_NAMES: readonly string[] = [
  'Hà Nội', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Thừa Thiên Huế', 'Huế', 'Nghệ An', 'Hà Tĩnh', 'Quảng Trị',
  'Quảng Bình', 'Thanh Hóa', 'Nam Định', 'Thái Bình', 'Ninh Bình', 'Hải Dương', 'Hưng Yên', 'Bắc Ninh',
  'Bắc Giang', 'Quảng Ninh', 'Lạng Sơn', 'Cao Bằng', 'Hà Giang', 'Lào Cai', 'Yên Bái', 'Sơn La', 'Điện Biên',
  'Lai Châu', 'Hòa Bình', 'Phú Thọ', 'Vĩnh Phúc', 'Thái Nguyên', 'Tuyên Quang', 'Quảng Nam', 'Quảng Ngãi',
  'Bình Định', 'Phú Yên', 'Khánh Hòa', 'Ninh Thuận', 'Bình Thuận', 'Kon Tum', 'Gia Lai', 'Đắk Lắk', 'Đắk Nông',
  'Lâm Đồng', 'Bình Phước', 'Tây Ninh', 'Bình Dương', 'Đồng Nai', 'Bà Rịa - Vũng Tàu', 'Long An', 'Tiền Giang',
  'Bến Tre', 'Trà Vinh', 'Vĩnh Long', 'Đồng Tháp', 'An Giang', 'Kiên Giang', 'Hậu Giang', 'Sóc Trăng',
  'Bạc Liêu', 'Cà Mau', 'Đông Hà', 'Vinh', 'Nha Trang', 'Đà Lạt', 'Buôn Ma Thuột', 'Hạ Long',
];

/** Names put in place of a capitalised name (a person, an organisation) when a question has no known place. */
export const OTHER_NAMES: readonly string[] = [
  'Nguyễn Văn Hùng', 'Trần Thị Lan', 'Lê Minh Tuấn', 'Phạm Quốc Bảo', 'Hoàng Thị Mai', 'Võ Đức Thắng',
  'Công ty Sông Hồng', 'Hợp tác xã Tân Phú',
];
