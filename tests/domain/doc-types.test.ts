import { describe, expect, it } from 'vitest';
import { detectMetadata } from '@hoso/domain';

/**
 * The document types of a procuracy dossier, read from OCR-like first pages that are not in the
 * corpus: headers in either column order, missing or swapped diacritics, l/1 for I, 0 for O.
 * When no type is known the title is still the paper's own first heading (issue 9: a "THÔNG BÁO
 * RÚT KINH NGHIỆM" became "Khác" titled with its file name).
 */
const header = (title: string[], issuer = 'VIỆN KIỂM SÁT NHÂN DÂN TỈNH GIA LAI', no = 'Số: 12/TB-VKS') => [
  issuer,
  no,
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Gia Lai, ngày 05 tháng 8 năm 2025',
  ...title,
  'Căn cứ Bộ luật Tố tụng hình sự năm 2015;',
  'Xét thấy việc kiểm sát giải quyết vụ án còn thiếu sót.',
];

const cases: Array<[string, string[], string, string]> = [
  ['thông báo', header(['THÔNG BÁO RÚT KINH NGHIỆM']), 'thong-bao', 'Thông báo rút kinh nghiệm'],
  [
    'thông báo without diacritics',
    header(['THONG BAO RUT KINH NGHIEM']),
    'thong-bao',
    'Thong bao rut kinh nghiem',
  ],
  [
    'kết luận điều tra',
    header(['BẢN KẾT LUẬN ĐIỀU TRA', 'VỤ ÁN HÌNH SỰ ĐỀ NGHỊ TRUY TỐ']),
    'ket-luan',
    'Bản kết luận điều tra vụ án hình sự đề nghị truy tố',
  ],
  [
    'kết luận giám định, tone marks swapped',
    header(['KÊT LUẠN GIÁM ĐINH']),
    'ket-luan',
    'Kêt luạn giám đinh',
  ],
  [
    'quyết định khởi tố vụ án',
    header(['QUYẾT ĐỊNH', 'KHỞI TỐ VỤ ÁN HÌNH SỰ']),
    'quyet-dinh',
    'Quyết định khởi tố vụ án hình sự',
  ],
  [
    'quyết định truy nã, l for I',
    header(['QUYẾT ĐlNH TRUY NÃ BỊ CAN']),
    'quyet-dinh',
    'Quyết đlnh truy nã bị can',
  ],
  [
    'quyết định tạm giam, merged words',
    header(['QUYẾTĐỊNH PHÊ CHUẨN LỆNH TẠM GIAM']),
    'quyet-dinh',
    'Quyếtđịnh phê chuẩn lệnh tạm giam',
  ],
  [
    'biên bản khám nghiệm hiện trường',
    header(['BIÊN BẢN KHÁM NGHIỆM HIỆN TRƯỜNG']),
    'bien-ban',
    'Biên bản khám nghiệm hiện trường',
  ],
  [
    'biên bản thu giữ, 1 for I',
    header(['B1ÊN BẢN THU GIỮ VẬT CHỨNG']),
    'bien-ban',
    'B1ên bản thu giữ vật chứng',
  ],
  ['biên bản lời khai', header(['BIÊN BẢN LỜI KHAI']), 'loi-khai', 'Biên bản lời khai'],
  ['biên bản hỏi cung', header(['BIEN BAN HOI CUNG BI CAN']), 'loi-khai', 'Bien ban hoi cung bi can'],
  ['cáo trạng', header(['CÁO TRẠNG']), 'cao-trang', 'Cáo trạng'],
  [
    'bản án',
    header(['BẢN ÁN 27/2025/HS-ST'], 'TÒA ÁN NHÂN DÂN TỈNH GIA LAI', 'Bản án số: 27/2025/HS-ST'),
    'ban-an',
    'Bản án 27/2025/hs-st',
  ],
  [
    'lệnh bắt bị can để tạm giam',
    header(['LỆNH BẮT BỊ CAN ĐỂ TẠM GIAM']),
    'lenh',
    'Lệnh bắt bị can để tạm giam',
  ],
  ['lệnh, 0 for O in the next word', header(['LỆNH KHÁM XÉT CHỖ Ở']), 'lenh', 'Lệnh khám xét chỗ ở'],
  [
    'đơn tố giác',
    [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ĐƠN TỐ GIÁC TỘI PHẠM',
      'Kính gửi: Cơ quan Cảnh sát điều tra',
    ],
    'don',
    'Đơn tố giác tội phạm',
  ],
  ['công văn', header(['CÔNG VĂN']), 'cong-van', 'Công văn'],
];

describe('document types of a procuracy dossier (OCR-like text)', () => {
  it.each(cases)('%s', (_name, lines, type, title) => {
    const found = detectMetadata(lines);
    expect(found.type).toBe(type);
    expect(found.title).toBe(title);
  });

  it('a công văn without a title line: the type stays unknown, the title is its "V/v" line', () => {
    const found = detectMetadata([
      'VIỆN KIỂM SÁT NHÂN DÂN TỈNH GIA LAI',
      'Số: 310/VKS-P1',
      'V/v: đề nghị cung cấp tài liệu',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Gia Lai, ngày 02 tháng 9 năm 2025',
      'Kính gửi: Cơ quan Cảnh sát điều tra Công an tỉnh Gia Lai',
    ]);
    expect(found.title).toBe('V/v đề nghị cung cấp tài liệu');
  });

  it('no known type: the title is the first heading after the header, never empty', () => {
    const found = detectMetadata(header(['TỜ TRÌNH', 'VỀ VIỆC ĐỀ NGHỊ GIA HẠN ĐIỀU TRA']));
    expect(found.type).toBeUndefined();
    expect(found.title).toBe('Tờ trình');
    // Without any capitalized heading: the first line of text after the header.
    const plain = detectMetadata(['Số: 7/GM', 'Hà Nội, ngày 1 tháng 2 năm 2025', 'Giấy mời họp liên ngành']);
    expect(plain.title).toBe('Giấy mời họp liên ngành');
  });
});
