/**
 * Vietnamese provinces and cities: the 63 provinces of 2008–2025 (the 34 of the 2025 merger keep 34
 * of these names), main provincial cities and towns, Hanoi's and Ho Chi Minh City's best-known
 * districts, and the short forms newsrooms use. Each entry: one place, its forms (the first is the
 * name shown). Used to read a question's place as a constraint; learned names come from the corpus.
 * Towns whose names are everyday words (La Gi / "là gì", Bình Minh / "dawn") are left out.
 */
export const PLACES: readonly (readonly string[])[] = [
  // Centrally governed cities
  ['Hà Nội', 'thủ đô Hà Nội', 'Hanoi'],
  ['Hồ Chí Minh', 'Thành phố Hồ Chí Minh', 'TP Hồ Chí Minh', 'TPHCM', 'TP.HCM', 'TP HCM', 'HCM', 'Sài Gòn', 'HCMC', 'Ho Chi Minh City', 'Saigon'],
  ['Hải Phòng'],
  ['Đà Nẵng'],
  ['Cần Thơ'],
  ['Huế', 'Thừa Thiên Huế', 'Thừa Thiên - Huế', 'TT-Huế', 'TT Huế', 'TP Huế'],
  // Provinces (63-province list, 2008–2025)
  ['An Giang'], ['Bà Rịa - Vũng Tàu', 'Bà Rịa Vũng Tàu', 'BR-VT'], ['Bắc Giang'], ['Bắc Kạn', 'Bắc Cạn'], ['Bạc Liêu'], ['Bắc Ninh'],
  ['Bến Tre'], ['Bình Định'], ['Bình Dương'], ['Bình Phước'], ['Bình Thuận'], ['Cà Mau'], ['Cao Bằng'], ['Đắk Lắk', 'Đắc Lắc', 'Daklak'],
  ['Đắk Nông', 'Đắc Nông'], ['Điện Biên'], ['Đồng Nai'], ['Đồng Tháp'], ['Gia Lai'], ['Hà Giang'], ['Hà Nam'], ['Hà Tĩnh'],
  ['Hải Dương'], ['Hậu Giang'], ['Hòa Bình'], ['Hưng Yên'], ['Khánh Hòa'], ['Kiên Giang'], ['Kon Tum'], ['Lai Châu'], ['Lâm Đồng'],
  ['Lạng Sơn'], ['Lào Cai'], ['Long An'], ['Nam Định'], ['Nghệ An'], ['Ninh Bình'], ['Ninh Thuận'], ['Phú Thọ'], ['Phú Yên'],
  ['Quảng Bình'], ['Quảng Nam'], ['Quảng Ngãi'], ['Quảng Ninh'], ['Quảng Trị'], ['Sóc Trăng'], ['Sơn La'], ['Tây Ninh'],
  ['Thái Bình'], ['Thái Nguyên'], ['Thanh Hóa'], ['Tiền Giang'], ['Trà Vinh'], ['Tuyên Quang'], ['Vĩnh Long'], ['Vĩnh Phúc'],
  ['Yên Bái'],
  // Provincial cities and towns
  ['Đông Hà'], ['Vinh'], ['Nha Trang'], ['Đà Lạt'], ['Vũng Tàu'], ['Biên Hòa'], ['Thủ Dầu Một'], ['Buôn Ma Thuột'], ['Pleiku'],
  ['Quy Nhơn'], ['Hạ Long'], ['Cẩm Phả'], ['Móng Cái'], ['Uông Bí'], ['Việt Trì'], ['Sơn Tây'], ['Hà Đông'], ['Thủ Đức'],
  ['Rạch Giá'], ['Long Xuyên'], ['Châu Đốc'], ['Mỹ Tho'], ['Tân An'], ['Cao Lãnh'], ['Sa Đéc'], ['Vị Thanh'], ['Phan Thiết'],
  ['Phan Rang - Tháp Chàm', 'Phan Rang'], ['Tuy Hòa'], ['Tam Kỳ'], ['Hội An'], ['Đồng Hới'], ['Sầm Sơn'], ['Sa Pa', 'Sapa'],
  ['Điện Biên Phủ'], ['Từ Sơn'], ['Chí Linh'], ['Phủ Lý'], ['Tam Điệp'], ['Vĩnh Yên'], ['Phúc Yên'], ['Sông Công'], ['Gia Nghĩa'],
  ['Bảo Lộc'], ['Đồng Xoài'], ['Long Khánh'], ['Bà Rịa'], ['Ngã Bảy'], ['Phú Quốc'], ['Hà Tiên'], ['Dĩ An'], ['Thuận An'],
  ['Cam Ranh'], ['Hồng Ngự'], ['Kiến Tường'], ['Gò Công'], ['Quảng Yên'], ['Đông Triều'], ['Bỉm Sơn'], ['Nghi Sơn'], ['Cửa Lò'],
  ['Hoàng Mai'], ['Thái Hòa'], ['Hồng Lĩnh'], ['Kỳ Anh'], ['Ba Đồn'], ['Hương Thủy'], ['Hương Trà'],
  ['Điện Bàn'], ['Đức Phổ'], ['An Nhơn'], ['Hoài Nhơn'], ['Sông Cầu'], ['Ninh Hòa'], ['Buôn Hồ'], ['An Khê'], ['Ayun Pa'],
  ['Chơn Thành'], ['Bình Long'], ['Phước Long'], ['Trảng Bàng'], ['Hòa Thành'], ['Bến Cát'], ['Tân Uyên'], ['Phú Mỹ'],
  ['Vĩnh Châu'], ['Giá Rai'], ['Long Mỹ'], ['Tân Châu'],
  // Districts of the two largest cities, often named in reports
  ['Ba Đình'], ['Hoàn Kiếm'], ['Đống Đa'], ['Cầu Giấy'], ['Hai Bà Trưng'], ['Tây Hồ'], ['Thanh Xuân'], ['Long Biên'],
  ['Nam Từ Liêm'], ['Bắc Từ Liêm'], ['Gia Lâm'], ['Đông Anh'], ['Sóc Sơn'], ['Bình Thạnh'], ['Gò Vấp'], ['Phú Nhuận'],
  ['Tân Bình'], ['Tân Phú'], ['Bình Tân'], ['Củ Chi'], ['Hóc Môn'], ['Nhà Bè'], ['Cần Giờ'], ['Bình Chánh'],
  // Countries and regions a report may name
  ['Việt Nam'], ['Trung Quốc'], ['Hoa Kỳ', 'Mỹ'], ['Nhật Bản'], ['Hàn Quốc'], ['Lào'], ['Campuchia'], ['Thái Lan'],
];

/**
 * Forms that are also a person's name ("tư tưởng Hồ Chí Minh"): a report's text names the place with
 * them only after a place word, which the place's other forms ("Thành phố Hồ Chí Minh") already hold.
 */
export const PERSON_NAMED_FORMS: readonly string[] = ['Hồ Chí Minh'];

/** Words that, before a one-syllable name ("Vinh", "Huế"), show that it is a place. */
export const PLACE_MARKERS: readonly string[] = ['thành phố', 'tp', 'tỉnh', 'thị xã', 'tx', 'quận', 'huyện', 'ủy', 'ở', 'tại', 'về'];
