import { describe, expect, it } from 'vitest';
import {
  aggregateEntities,
  citesCharge,
  extractPage,
  findEntities,
  pageWordsFromText,
  parseVietnameseNumber,
  type Entity,
} from '@hoso/entities';

const read = (text: string, doc = 'd1') => aggregateEntities(extractPage(pageWordsFromText(text, 'p1', doc)));
const values = (es: Entity[], kind: string) => es.filter((e) => e.kind === kind).map((e) => e.normalized);
const person = (es: Entity[], name: string) => es.find((e) => e.kind === 'person' && e.normalized === name);

describe('people', () => {
  it('reads names of many peoples with their roles, without titles or ranks', () => {
    const es = read(
      [
        "Điều tra viên: Trung tá Lê Văn Hùng; bị can Ksor Y Phúc đến nhà chị Rơ Mah H'Nhi (bị hại).",
        "Người làm chứng: anh Y Bih Mlô, chị H'Hen Niê. Kiểm sát viên Thạch Sô Phal có mặt.",
        'Họ và tên: Kim Thị Sà Rết        Sinh năm: 1989',
      ].join('\n'),
    );
    expect(person(es, 'Lê Văn Hùng')?.role).toBe('Điều tra viên');
    expect(person(es, 'Ksor Y Phúc')?.role).toBe('bị can');
    expect(person(es, "Rơ Mah H'Nhi")?.role).toBe('bị hại');
    expect(person(es, 'Y Bih Mlô')?.role).toBe('người làm chứng');
    expect(person(es, "H'Hen Niê")?.role).toBe('người làm chứng'); // a list shares its role
    expect(person(es, 'Thạch Sô Phal')?.role).toBe('Kiểm sát viên');
    expect(person(es, 'Kim Thị Sà Rết')).toBeDefined();
    // Nothing with a title or a form label glued on.
    expect(values(es, 'person').some((n) => /Trung|tá|Sinh|Chị/.test(n))).toBe(false);
  });

  it('links a short form to the full name of the same document only', () => {
    const one = read('Bị can Ma Văn Khánh lừa chị Nông Thị Hoa. Tin lời Khánh, chị Hoa chuyển tiền.');
    expect(person(one, 'Ma Văn Khánh')?.occurrences).toHaveLength(2);
    expect(person(one, 'Nông Thị Hoa')?.occurrences).toHaveLength(2);
    const mentions = [
      ...extractPage(pageWordsFromText('Bị can Ma Văn Khánh khai.', 'p1', 'doc-a')),
      ...extractPage(pageWordsFromText('Khánh không có mặt.', 'p2', 'doc-b')),
    ];
    expect(person(aggregateEntities(mentions), 'Ma Văn Khánh')?.occurrences).toHaveLength(1);
  });

  it('does not take places, streets or headings for people', () => {
    const es = read(
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTrú tại số 25 đường Lê Lợi, Thành phố Hồ Chí Minh; quê ở Hà Nội.\nVIỆN TRƯỞNG VIỆN KIỂM SÁT',
    );
    expect(values(es, 'person')).toEqual([]);
  });

  it('merges a spelling that lost diacritics, keeps different names apart', () => {
    const es = read(
      'Bị can Nguyễn Văn Hùng khai. Bị can Nguyễn Văn Hùng ký. Nguyên Văn Hùng đã ký. Ông Nguyễn Văn Hưng có mặt.',
    );
    expect(person(es, 'Nguyễn Văn Hùng')?.occurrences).toHaveLength(3);
    expect(person(es, 'Nguyễn Văn Hưng')).toBeDefined();
  });

  it('takes the role from the signature block above the name', () => {
    const page = {
      pageId: 'p1',
      documentId: 'd1',
      words: [
        { text: 'KIỂM', box: [100, 100, 180, 130], line: 1 },
        { text: 'SÁT', box: [190, 100, 240, 130], line: 1 },
        { text: 'VIÊN', box: [250, 100, 310, 130], line: 1 },
        { text: 'ĐIỀU', box: [700, 100, 770, 130], line: 2 },
        { text: 'TRA', box: [780, 100, 830, 130], line: 2 },
        { text: 'VIÊN', box: [840, 100, 900, 130], line: 2 },
        { text: 'Lò', box: [100, 300, 140, 330], line: 3 },
        { text: 'Thị', box: [150, 300, 200, 330], line: 3 },
        { text: 'Hà', box: [210, 300, 250, 330], line: 3 },
        { text: 'Vàng', box: [700, 300, 770, 330], line: 4 },
        { text: 'Seo', box: [780, 300, 830, 330], line: 4 },
        { text: 'Lử', box: [840, 300, 880, 330], line: 4 },
      ] as { text: string; box: [number, number, number, number]; line: number }[],
    };
    const es = aggregateEntities(extractPage(page));
    expect(person(es, 'Lò Thị Hà')?.role).toBe('Kiểm sát viên');
    expect(person(es, 'Vàng Seo Lử')?.role).toBe('Điều tra viên');
    // The box is the union of the name's words.
    expect(person(es, 'Vàng Seo Lử')?.occurrences[0].box).toEqual([700, 300, 880, 330]);
  });
});

describe('numbers', () => {
  it('normalizes plates, phones, CCCD, accounts and document numbers however OCR spaced them', () => {
    const es = read(
      [
        'Xe ô tô biển số 51K - 888. 12 và xe mô tô 47B1-234.56; số điện thoại 0905 123 456.',
        'CCCD số 066090001234, CMND số 365123456; tài khoản số 1903 6655 4433 21.',
        'Theo Kết luận số 712/KLĐT - PC01 và Quyết định số 19/QĐTN-CSĐT, Nghị định 30/2020/NĐ-CP.',
      ].join('\n'),
    );
    expect(values(es, 'plate').sort()).toEqual(['47B1-234.56', '51K-888.12']);
    expect(values(es, 'phone')).toEqual(['0905123456']);
    expect(values(es, 'id_number').sort()).toEqual(['066090001234', '365123456']);
    expect(values(es, 'bank_account')).toEqual(['19036655443321']);
    expect(values(es, 'doc_number').sort()).toEqual(['19/QĐTN-CSĐT', '30/2020/NĐ-CP', '712/KLĐT-PC01']);
  });

  it('does not read dates, amounts or bare numbers as identifiers', () => {
    const es = read('Ngày 12/3/2024 thu 2.000.000 đồng, cân nặng 1250 gam, năm 1990, số bút lục 127.');
    for (const k of ['plate', 'phone', 'id_number', 'bank_account', 'doc_number'])
      expect(values(es, k)).toEqual([]);
  });

  it('relates the identifiers written after a person to that person', () => {
    const es = read(
      "Bị can Ksor Y Phúc, sinh năm 1990, CCCD số 066090001234, điện thoại 0905123456. Chị Rơ Mah H'Nhi có mặt.",
    );
    expect(person(es, 'Ksor Y Phúc')?.related.sort()).toEqual(['id_number:066090001234', 'phone:0905123456']);
    expect(person(es, "Rơ Mah H'Nhi")?.related).toEqual([]);
  });
});

describe('provisions, money, dates, places', () => {
  it('reads provisions, spreading the code over a list and the points of a clause', () => {
    const es = read(
      'Căn cứ Điều 41, Điều 236 và Điều 243 Bộ luật Tố tụng hình sự; phạm tội theo điểm b, c khoản 2 Điều 251 Bộ luật Hình sự và Điều 174 BLHS.\nĐiều 1. Phê chuẩn.',
    );
    expect(values(es, 'legal_ref').sort()).toEqual(
      [
        'Điều 174 BLHS',
        'Điều 236 BLTTHS',
        'Điều 243 BLTTHS',
        'Điều 41 BLTTHS',
        'điểm b khoản 2 Điều 251 BLHS',
        'điểm c khoản 2 Điều 251 BLHS',
      ].sort(),
    );
    const ref = es.find((e) => e.normalized === 'điểm b khoản 2 Điều 251 BLHS')!;
    expect(citesCharge(ref.provision!, { article: 251, clause: 2 })).toBe(true);
    expect(citesCharge(ref.provision!, { article: 174 })).toBe(false);
  });

  it('normalizes amounts to đồng, in figures and in words', () => {
    const es = read(
      'Chiếm đoạt 2.000.000 đồng (Hai triệu đồng), 50 triệu đồng, 1,5 tỷ đồng và 12.500.000đ; năm 2024 có năm người.',
    );
    expect(values(es, 'money').sort()).toEqual(['12500000', '1500000000', '2000000', '50000000']);
    expect(parseVietnameseNumber('một trăm hai mươi lăm triệu'.split(' '))).toBe(125_000_000);
    expect(parseVietnameseNumber('mười hai triệu năm trăm nghìn'.split(' '))).toBe(12_500_000);
  });

  it('reads dates and times as ISO, with OCR-dropped diacritics', () => {
    const es = read(
      'Hồi 14 giờ 30 phút ngày 12 tháng 3 năm 2024 bắt người; ngay 5 thang 4 nam 2024; ngày 30/01/2024; trong các ngày 14 và 28 tháng 10 năm 2024; tháng 9 năm 2023; ngày 31/02/2024.',
    );
    expect(values(es, 'date').sort()).toEqual(
      ['2023-09', '2024-01-30', '2024-03-12T14:30', '2024-04-05', '2024-10-14', '2024-10-28'].sort(),
    );
    expect(es.find((e) => e.normalized === '2024-03-12T14:30')?.events).toContain('Bắt');
  });

  it('reads administrative places, not "xã hội" or "biên bản"', () => {
    const es = read(
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM. BIÊN BẢN. Tại buôn Ko Tam, xã Ea Tu, thành phố Buôn Ma Thuột, tỉnh Đắk Lắk; phường 7, huyện Cư M'gar.",
    );
    expect(values(es, 'place').sort()).toEqual(
      [
        'buôn Ko Tam',
        "huyện Cư M'gar",
        'phường 7',
        'thành phố Buôn Ma Thuột',
        'tỉnh Đắk Lắk',
        'xã Ea Tu',
      ].sort(),
    );
  });
});

describe('search by entity', () => {
  it('finds a plate however it is typed', () => {
    const es = read('Xe biển số 51K-888.12 đậu trước nhà.');
    expect(findEntities(es, '51k 888 12')[0]?.normalized).toBe('51K-888.12');
    expect(findEntities(es, 'xyz')).toEqual([]);
  });
});

describe('organizations', () => {
  it('reads state bodies with their territory, their units, companies and banks', () => {
    const es = read(
      [
        'CÔNG AN HUYỆN KRÔNG PẮC',
        'Phòng Cảnh sát hình sự (PC02) đã chuyển hồ sơ cho Viện kiểm sát nhân dân tỉnh Đắk Lắk.',
        'Cơ quan Cảnh sát điều tra Công an tỉnh Đắk Lắk kết luận: kế toán Công ty TNHH Thương mại Hoàng Long',
        'chuyển tiền vào Ngân hàng TMCP Ngoại thương Việt Nam - Chi nhánh Đắk Lắk.',
      ].join('\n'),
    );
    expect(values(es, 'organization').sort()).toEqual(
      [
        'Công an huyện Krông Pắc',
        'Phòng Cảnh sát hình sự',
        'Viện kiểm sát nhân dân tỉnh Đắk Lắk',
        'Cơ quan Cảnh sát điều tra Công an tỉnh Đắk Lắk',
        'Công ty TNHH Thương mại Hoàng Long',
        'Ngân hàng TMCP Ngoại thương Việt Nam',
      ].sort(),
    );
    // A company's name is not a person; the territory in a body's name is still a place.
    expect(values(es, 'person')).not.toContain('Hoàng Long');
    expect(values(es, 'place')).toContain('tỉnh Đắk Lắk');
    expect(es.find((e) => e.normalized === 'Phòng Cảnh sát hình sự')?.occurrences[0].text).toBe(
      'Phòng Cảnh sát hình sự (PC02)',
    );
  });

  it('does not take a bare "Công an", "Công ty", "Ngân hàng" or a unit without its body for one', () => {
    const es = read(
      [
        'Lực lượng công an xã có mặt. Đề nghị Ngân hàng cung cấp sao kê; kế toán của Công ty, đã khai.',
        'Cơ quan Công an điều tra làm rõ. Phòng làm việc số 3. Đội Cảnh sát giao thông lập biên bản.',
        'CƠ QUAN CẢNH SÁT ĐIỀU TRA',
        'Số: 12/QĐ-CSĐT',
      ].join('\n'),
    );
    expect(values(es, 'organization')).toEqual([]);
  });

  it('merges a heading in capitals with the same body in running text', () => {
    const es = read(
      'VIỆN KIỂM SÁT NHÂN DÂN\nTỈNH GIA LAI\nTruy tố theo Viện kiểm sát nhân dân tỉnh Gia Lai.',
    );
    const orgs = es.filter((e) => e.kind === 'organization');
    expect(orgs).toHaveLength(1);
    expect(orgs[0].occurrences).toHaveLength(2);
  });
});

describe('organizations across a line break', () => {
  it('follows a bank name to the next line, not into the next sentence', () => {
    const es = read(
      'chuyển khoản vào tài khoản tại Ngân hàng\nVietcombank theo yêu cầu.\nKế toán Công ty\nNgười làm chứng khai.',
    );
    expect(values(es, 'organization')).toEqual(['Ngân hàng Vietcombank']);
  });
});
