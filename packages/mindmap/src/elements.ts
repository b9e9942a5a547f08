/**
 * Elements of the offence (cấu thành tội phạm) for the articles most often charged, so a
 * provision node starts with a checklist the prosecutor ticks against evidence. Any other
 * article gets the four classic elements, to be refined by hand.
 */
const GENERIC = [
  'Khách thể: quan hệ xã hội bị xâm phạm',
  'Mặt khách quan: hành vi, hậu quả, quan hệ nhân quả',
  'Chủ thể: đủ tuổi, có năng lực trách nhiệm hình sự',
  'Mặt chủ quan: lỗi, động cơ, mục đích',
];

const BY_ARTICLE: Record<number, { name: string; elements: string[] }> = {
  134: {
    name: 'Cố ý gây thương tích hoặc gây tổn hại cho sức khỏe của người khác',
    elements: [
      'Hành vi cố ý gây thương tích cho người khác',
      'Tỷ lệ tổn thương cơ thể từ 11% trở lên (hoặc dưới 11% thuộc trường hợp luật định)',
      'Quan hệ nhân quả giữa hành vi và thương tích',
      'Chủ thể: đủ tuổi, có năng lực trách nhiệm hình sự',
      'Lỗi cố ý',
    ],
  },
  168: {
    name: 'Cướp tài sản',
    elements: [
      'Dùng vũ lực, đe dọa dùng vũ lực ngay tức khắc',
      'Làm người bị tấn công lâm vào tình trạng không thể chống cự',
      'Mục đích chiếm đoạt tài sản',
      'Chủ thể: đủ tuổi, có năng lực trách nhiệm hình sự',
      'Lỗi cố ý trực tiếp',
    ],
  },
  173: {
    name: 'Trộm cắp tài sản',
    elements: [
      'Lén lút chiếm đoạt tài sản của người khác',
      'Tài sản trị giá từ 2.000.000 đồng trở lên (hoặc dưới mức đó thuộc trường hợp luật định)',
      'Tài sản thuộc sở hữu, quản lý của người khác',
      'Chủ thể: đủ tuổi, có năng lực trách nhiệm hình sự',
      'Lỗi cố ý trực tiếp, mục đích chiếm đoạt',
    ],
  },
  174: {
    name: 'Lừa đảo chiếm đoạt tài sản',
    elements: [
      'Dùng thủ đoạn gian dối',
      'Bị hại tin là thật và tự nguyện giao tài sản',
      'Chiếm đoạt tài sản trị giá từ 2.000.000 đồng trở lên',
      'Chủ thể: đủ tuổi, có năng lực trách nhiệm hình sự',
      'Lỗi cố ý trực tiếp, ý thức chiếm đoạt có trước khi nhận tài sản',
    ],
  },
  175: {
    name: 'Lạm dụng tín nhiệm chiếm đoạt tài sản',
    elements: [
      'Nhận được tài sản hợp pháp qua hợp đồng vay, mượn, thuê, nhận giữ',
      'Dùng thủ đoạn gian dối hoặc bỏ trốn, hoặc sử dụng vào mục đích bất hợp pháp để chiếm đoạt',
      'Tài sản trị giá từ 4.000.000 đồng trở lên (hoặc luật định)',
      'Chủ thể: đủ tuổi, có năng lực trách nhiệm hình sự',
      'Lỗi cố ý trực tiếp',
    ],
  },
  251: {
    name: 'Mua bán trái phép chất ma túy',
    elements: [
      'Hành vi bán, mua để bán, trao đổi, vận chuyển để bán chất ma túy',
      'Loại và khối lượng chất ma túy (kết luận giám định)',
      'Chủ thể: đủ tuổi, có năng lực trách nhiệm hình sự',
      'Lỗi cố ý',
    ],
  },
};

export function offenceElements(article: number): string[] {
  return BY_ARTICLE[article]?.elements ?? GENERIC;
}

export function offenceName(article: number): string | undefined {
  return BY_ARTICLE[article]?.name;
}
