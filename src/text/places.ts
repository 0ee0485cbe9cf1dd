/**
 * Vietnamese provinces and cities: the 63 provinces of 2008–2025 (the 34 of the 2025 merger keep 34
 * of these names), main provincial cities and towns, Hanoi's and Ho Chi Minh City's best-known
 * districts, and the short forms newsrooms use. Each entry: one place, its forms (the first is the
 * name shown). Used to read a question's place as a constraint; learned names come from the corpus.
 * Towns whose names are everyday words (La Gi / "là gì", Bình Minh / "dawn") are left out.
 */
const PROVINCE_FORMS: readonly (readonly string[])[] = [
  // Centrally governed cities
  ['Hà Nội', 'thủ đô Hà Nội', 'Hanoi'],
  ['Hồ Chí Minh', 'Thành phố Hồ Chí Minh', 'TP Hồ Chí Minh', 'TPHCM', 'TP.HCM', 'TP HCM', 'HCM', 'Sài Gòn', 'HCMC', 'Ho Chi Minh City', 'Saigon'],
  ['Hải Phòng'],
  ['Đà Nẵng'],
  ['Cần Thơ'],
  ['Huế', 'Thừa Thiên Huế', 'Thừa Thiên - Huế', 'TT-Huế', 'TT Huế', 'TP Huế'],
  // Provinces (63-province list, 2008–2025)
  ['An Giang'], ['Bà Rịa - Vũng Tàu', 'Bà Rịa Vũng Tàu', 'BR-VT', 'BRVT'], ['Bắc Giang'], ['Bắc Kạn', 'Bắc Cạn'], ['Bạc Liêu'], ['Bắc Ninh'],
  ['Bến Tre'], ['Bình Định'], ['Bình Dương'], ['Bình Phước'], ['Bình Thuận'], ['Cà Mau'], ['Cao Bằng'], ['Đắk Lắk', 'Đắc Lắc', 'Daklak'],
  ['Đắk Nông', 'Đắc Nông'], ['Điện Biên'], ['Đồng Nai'], ['Đồng Tháp'], ['Gia Lai'], ['Hà Giang'], ['Hà Nam'], ['Hà Tĩnh'],
  ['Hải Dương'], ['Hậu Giang'], ['Hòa Bình'], ['Hưng Yên'], ['Khánh Hòa'], ['Kiên Giang'], ['Kon Tum'], ['Lai Châu'], ['Lâm Đồng'],
  ['Lạng Sơn'], ['Lào Cai'], ['Long An'], ['Nam Định'], ['Nghệ An'], ['Ninh Bình'], ['Ninh Thuận'], ['Phú Thọ'], ['Phú Yên'],
  ['Quảng Bình'], ['Quảng Nam'], ['Quảng Ngãi'], ['Quảng Ninh'], ['Quảng Trị'], ['Sóc Trăng'], ['Sơn La'], ['Tây Ninh'],
  ['Thái Bình'], ['Thái Nguyên'], ['Thanh Hóa'], ['Tiền Giang'], ['Trà Vinh'], ['Tuyên Quang'], ['Vĩnh Long'], ['Vĩnh Phúc'],
  ['Yên Bái'],
];

/** The 63 provinces and centrally governed cities of 2008–2025, by their names shown. */
export const PROVINCES: readonly string[] = PROVINCE_FORMS.map((forms) => forms[0]!);

export const PLACES: readonly (readonly string[])[] = [
  ...PROVINCE_FORMS,
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

/**
 * The province (of the 63 before the 2025 merger) each city, town and district of PLACES lies in, by
 * its name shown. Left out, as a name two places share: Tân Châu (An Giang's town, Tây Ninh's district),
 * Tân Phú and Bình Tân (Hồ Chí Minh's districts, also Đồng Nai's and Vĩnh Long's), Tân Uyên (Bình
 * Dương, Lai Châu), Hoàng Mai (Nghệ An's town, Hà Nội's district), Phước Long (Bình Phước, Bạc Liêu),
 * Sơn Tây (Hà Nội's town, Quảng Ngãi's district), Thuận An (Bình Dương's city, a town of Huế).
 */
export const PROVINCE_OF: Readonly<Record<string, string>> = {
  'Đông Hà': 'Quảng Trị', Vinh: 'Nghệ An', 'Nha Trang': 'Khánh Hòa', 'Đà Lạt': 'Lâm Đồng', 'Vũng Tàu': 'Bà Rịa - Vũng Tàu',
  'Biên Hòa': 'Đồng Nai', 'Thủ Dầu Một': 'Bình Dương', 'Buôn Ma Thuột': 'Đắk Lắk', Pleiku: 'Gia Lai', 'Quy Nhơn': 'Bình Định',
  'Hạ Long': 'Quảng Ninh', 'Cẩm Phả': 'Quảng Ninh', 'Móng Cái': 'Quảng Ninh', 'Uông Bí': 'Quảng Ninh', 'Quảng Yên': 'Quảng Ninh',
  'Đông Triều': 'Quảng Ninh', 'Việt Trì': 'Phú Thọ', 'Hà Đông': 'Hà Nội', 'Thủ Đức': 'Hồ Chí Minh', 'Rạch Giá': 'Kiên Giang',
  'Phú Quốc': 'Kiên Giang', 'Hà Tiên': 'Kiên Giang', 'Long Xuyên': 'An Giang', 'Châu Đốc': 'An Giang', 'Mỹ Tho': 'Tiền Giang',
  'Gò Công': 'Tiền Giang', 'Tân An': 'Long An', 'Kiến Tường': 'Long An', 'Cao Lãnh': 'Đồng Tháp', 'Sa Đéc': 'Đồng Tháp',
  'Hồng Ngự': 'Đồng Tháp', 'Vị Thanh': 'Hậu Giang', 'Ngã Bảy': 'Hậu Giang', 'Long Mỹ': 'Hậu Giang', 'Phan Thiết': 'Bình Thuận',
  'Phan Rang - Tháp Chàm': 'Ninh Thuận', 'Tuy Hòa': 'Phú Yên', 'Sông Cầu': 'Phú Yên', 'Tam Kỳ': 'Quảng Nam', 'Hội An': 'Quảng Nam',
  'Điện Bàn': 'Quảng Nam', 'Đồng Hới': 'Quảng Bình', 'Ba Đồn': 'Quảng Bình', 'Sầm Sơn': 'Thanh Hóa', 'Bỉm Sơn': 'Thanh Hóa',
  'Nghi Sơn': 'Thanh Hóa', 'Sa Pa': 'Lào Cai', 'Điện Biên Phủ': 'Điện Biên', 'Từ Sơn': 'Bắc Ninh', 'Chí Linh': 'Hải Dương',
  'Phủ Lý': 'Hà Nam', 'Tam Điệp': 'Ninh Bình', 'Vĩnh Yên': 'Vĩnh Phúc', 'Phúc Yên': 'Vĩnh Phúc', 'Sông Công': 'Thái Nguyên',
  'Gia Nghĩa': 'Đắk Nông', 'Bảo Lộc': 'Lâm Đồng', 'Đồng Xoài': 'Bình Phước', 'Chơn Thành': 'Bình Phước', 'Bình Long': 'Bình Phước',
  'Long Khánh': 'Đồng Nai', 'Bà Rịa': 'Bà Rịa - Vũng Tàu', 'Phú Mỹ': 'Bà Rịa - Vũng Tàu', 'Dĩ An': 'Bình Dương', 'Bến Cát': 'Bình Dương',
  'Cam Ranh': 'Khánh Hòa', 'Ninh Hòa': 'Khánh Hòa', 'Cửa Lò': 'Nghệ An', 'Thái Hòa': 'Nghệ An', 'Hồng Lĩnh': 'Hà Tĩnh', 'Kỳ Anh': 'Hà Tĩnh',
  'Hương Thủy': 'Huế', 'Hương Trà': 'Huế', 'Đức Phổ': 'Quảng Ngãi', 'An Nhơn': 'Bình Định', 'Hoài Nhơn': 'Bình Định', 'Buôn Hồ': 'Đắk Lắk',
  'An Khê': 'Gia Lai', 'Ayun Pa': 'Gia Lai', 'Trảng Bàng': 'Tây Ninh', 'Hòa Thành': 'Tây Ninh', 'Vĩnh Châu': 'Sóc Trăng', 'Giá Rai': 'Bạc Liêu',
  'Ba Đình': 'Hà Nội', 'Hoàn Kiếm': 'Hà Nội', 'Đống Đa': 'Hà Nội', 'Cầu Giấy': 'Hà Nội', 'Hai Bà Trưng': 'Hà Nội', 'Tây Hồ': 'Hà Nội',
  'Thanh Xuân': 'Hà Nội', 'Long Biên': 'Hà Nội', 'Nam Từ Liêm': 'Hà Nội', 'Bắc Từ Liêm': 'Hà Nội', 'Gia Lâm': 'Hà Nội', 'Đông Anh': 'Hà Nội',
  'Sóc Sơn': 'Hà Nội', 'Bình Thạnh': 'Hồ Chí Minh', 'Gò Vấp': 'Hồ Chí Minh', 'Phú Nhuận': 'Hồ Chí Minh', 'Tân Bình': 'Hồ Chí Minh',
  'Củ Chi': 'Hồ Chí Minh', 'Hóc Môn': 'Hồ Chí Minh', 'Nhà Bè': 'Hồ Chí Minh', 'Cần Giờ': 'Hồ Chí Minh', 'Bình Chánh': 'Hồ Chí Minh',
};

/**
 * The 2025 merger (Resolution 202/2025/QH15, in force 1 July 2025): each of the 63 provinces that was
 * merged into another, by name, and the province it is part of since. The other 34 kept their names and
 * took these in; 11 of them took in none.
 */
export const MERGED_INTO: Readonly<Record<string, string>> = {
  'Hà Giang': 'Tuyên Quang', 'Yên Bái': 'Lào Cai', 'Bắc Kạn': 'Thái Nguyên', 'Vĩnh Phúc': 'Phú Thọ', 'Hòa Bình': 'Phú Thọ',
  'Bắc Giang': 'Bắc Ninh', 'Thái Bình': 'Hưng Yên', 'Hải Dương': 'Hải Phòng', 'Hà Nam': 'Ninh Bình', 'Nam Định': 'Ninh Bình',
  'Quảng Bình': 'Quảng Trị', 'Quảng Nam': 'Đà Nẵng', 'Kon Tum': 'Quảng Ngãi', 'Bình Định': 'Gia Lai', 'Ninh Thuận': 'Khánh Hòa',
  'Đắk Nông': 'Lâm Đồng', 'Bình Thuận': 'Lâm Đồng', 'Phú Yên': 'Đắk Lắk', 'Bình Dương': 'Hồ Chí Minh', 'Bà Rịa - Vũng Tàu': 'Hồ Chí Minh',
  'Bình Phước': 'Đồng Nai', 'Long An': 'Tây Ninh', 'Sóc Trăng': 'Cần Thơ', 'Hậu Giang': 'Cần Thơ', 'Bến Tre': 'Vĩnh Long',
  'Trà Vinh': 'Vĩnh Long', 'Tiền Giang': 'Đồng Tháp', 'Bạc Liêu': 'Cà Mau', 'Kiên Giang': 'An Giang',
};

/** The six cities governed by the centre after the merger: "thành phố", the others "tỉnh". */
export const CENTRAL_CITIES: readonly string[] = ['Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế'];
