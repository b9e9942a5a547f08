/**
 * Texts of the held-out pages: Vietnamese procedural papers the OCR was never tuned on, with the
 * names of Ê Đê, Gia Rai, Ba Na, Chăm and Khmer people as they appear in dossiers of the Central
 * Highlands and the Mekong delta. All names, numbers and events are fictional. Lines starting with
 * '^' are centred, '>' right-aligned; others are justified paragraphs (wrapped by the renderer).
 */
export interface HeldOutText {
  name: string;
  /** Font file and size: a Times-like serif, a typewriter face, small print. */
  font: string;
  sizePt: number;
  lines: string[];
}

const FREE_SERIF = '/usr/share/fonts/truetype/freefont/FreeSerif.ttf';
const FREE_MONO = '/usr/share/fonts/truetype/freefont/FreeMono.ttf';
const DEJAVU_SERIF = '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf';

/** The names a test checks come out exactly, with both engines. */
export const MINORITY_NAMES = [
  'Ksor Y Phúc',
  'Y Bih',
  "H'Hen Niê",
  "H'Nhi",
  'Rơ Mah',
  'Nay',
  'Siu',
  'Thạch',
  'Danh',
  'Kim Thị Sà Rết',
];

export const HELD_OUT_TEXTS: HeldOutText[] = [
  {
    name: '11-lenh-bat-bi-can',
    font: FREE_SERIF,
    sizePt: 13,
    lines: [
      '^CÔNG AN TỈNH ĐẮK LẮK',
      '^CƠ QUAN CẢNH SÁT ĐIỀU TRA',
      '^Số: 118/LB-CSĐT',
      '',
      '^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      '^Độc lập - Tự do - Hạnh phúc',
      '>Buôn Ma Thuột, ngày 21 tháng 4 năm 2025',
      '',
      '^LỆNH BẮT BỊ CAN ĐỂ TẠM GIAM',
      '',
      'Căn cứ các Điều 113, 119 và 173 Bộ luật Tố tụng hình sự năm 2015;',
      'Căn cứ Quyết định khởi tố bị can số 87/QĐ-CSĐT ngày 19 tháng 4 năm 2025 của Cơ quan Cảnh sát điều tra Công an tỉnh Đắk Lắk đối với Ksor Y Phúc về tội "Cố ý gây thương tích";',
      'Xét thấy bị can Ksor Y Phúc có dấu hiệu bỏ trốn, tiếp tục gây khó khăn cho việc điều tra, truy tố và xét xử.',
      '^RA LỆNH:',
      "Bắt bị can để tạm giam đối với Ksor Y Phúc, sinh ngày 05 tháng 11 năm 1989 tại buôn Ea Kmát, xã Ea Tu, thành phố Buôn Ma Thuột; dân tộc Ê Đê; con ông Y Bih Niê và bà H'Hen Niê.",
      "Người làm chứng trong vụ án gồm bà H'Nhi Êban và ông Y Bih. Thời hạn tạm giam là 02 tháng kể từ ngày bắt. Ksor Y Phúc bị tạm giam tại Trại tạm giam Công an tỉnh Đắk Lắk.",
      'Lệnh này đã được Viện kiểm sát nhân dân tỉnh Đắk Lắk phê chuẩn số 45/VKS-P2 ngày 21 tháng 4 năm 2025.',
      '>THỦ TRƯỞNG',
      '',
      '>Trần Đình Khoa',
    ],
  },
  {
    name: '12-bien-ban-hoi-cung',
    font: FREE_MONO,
    sizePt: 12,
    lines: [
      '^CÔNG AN TỈNH GIA LAI',
      '^Số: 29/BB-HC',
      '',
      '^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      '^Độc lập - Tự do - Hạnh phúc',
      '',
      '^BIÊN BẢN HỎI CUNG BỊ CAN',
      '',
      'Hồi 08 giờ 30 phút ngày 14 tháng 5 năm 2025, tại Trại tạm giam Công an tỉnh Gia Lai, Điều tra viên Nguyễn Hữu Thọ tiến hành hỏi cung bị can Rơ Mah Hyơn, sinh năm 1992, dân tộc Gia Rai, trú tại làng Plei Ơi, xã Ia Băng, huyện Đak Đoa.',
      "Bị can Rơ Mah Hyơn khai: khoảng 21 giờ ngày 02 tháng 5 năm 2025, bị can cùng Nay Blơi và Siu Thắm đến rẫy cà phê của gia đình bà H'Nhi để lấy trộm máy bơm nước. Khi bị phát hiện, Siu Thắm bỏ chạy, còn Nay Blơi dùng gậy đánh anh Ksor Kơ.",
      'Bị can đã đọc lại biên bản, công nhận lời khai đúng và ký tên dưới đây.',
      '',
      'BỊ CAN                    ĐIỀU TRA VIÊN',
      '',
      'Rơ Mah Hyơn               Nguyễn Hữu Thọ',
    ],
  },
  {
    name: '13-ket-luan-dieu-tra',
    font: DEJAVU_SERIF,
    sizePt: 9.5,
    lines: [
      '^CÔNG AN TỈNH SÓC TRĂNG',
      '^Số: 61/KLĐT-CSHS',
      '',
      '^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      '^Độc lập - Tự do - Hạnh phúc',
      '>Sóc Trăng, ngày 09 tháng 6 năm 2025',
      '',
      '^BẢN KẾT LUẬN ĐIỀU TRA VỤ ÁN HÌNH SỰ',
      '^Đề nghị truy tố',
      '',
      'Căn cứ Điều 162 và Điều 232 Bộ luật Tố tụng hình sự năm 2015, Cơ quan Cảnh sát điều tra Công an tỉnh Sóc Trăng kết luận điều tra vụ án "Lừa đảo chiếm đoạt tài sản" xảy ra tại phường 5, thành phố Sóc Trăng như sau.',
      'Khoảng tháng 01 năm 2025, bị can Thạch Sô Phanh, sinh năm 1985, dân tộc Khmer, trú tại ấp Prey Chóp, xã Thạnh Phú, huyện Mỹ Xuyên, đưa ra thông tin gian dối là có khả năng xin việc làm tại Hàn Quốc cho người khác để chiếm đoạt tiền.',
      'Bằng thủ đoạn trên, bị can đã nhận của bà Kim Thị Sà Rết số tiền 120.000.000 đồng, của ông Danh Út số tiền 85.000.000 đồng và của anh Lâm Văn Sươl số tiền 40.000.000 đồng. Tổng số tiền bị can chiếm đoạt là 245.000.000 đồng.',
      'Tại Cơ quan điều tra, bị can Thạch Sô Phanh khai nhận toàn bộ hành vi phạm tội. Lời khai của bị can phù hợp với lời khai của bị hại Kim Thị Sà Rết, Danh Út, người làm chứng Thạch Thị Mỹ Linh và các tài liệu, chứng cứ khác có trong hồ sơ vụ án.',
      'Hành vi của bị can Thạch Sô Phanh đã phạm vào tội "Lừa đảo chiếm đoạt tài sản" theo điểm c khoản 3 Điều 174 Bộ luật Hình sự. Tình tiết giảm nhẹ: bị can thành khẩn khai báo, ăn năn hối cải và đã bồi thường một phần thiệt hại cho bà Kim Thị Sà Rết.',
      'Chuyển hồ sơ vụ án đến Viện kiểm sát nhân dân tỉnh Sóc Trăng đề nghị truy tố bị can Thạch Sô Phanh theo quy định của pháp luật.',
      '>THỦ TRƯỞNG',
      '',
      '>Lê Hoàng Nam',
    ],
  },
];
