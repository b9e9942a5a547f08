import type { CaseFacts } from '@hoso/mindmap';

/** The fixture case (corpus: 05-cao-trang), as the case record holds it. */
export const FACTS: CaseFacts = {
  number: '45/CT-VKSKV3',
  name: 'Ma Văn Khánh lừa đảo chiếm đoạt tài sản',
  charges: [{ article: 174, clause: 2, point: 'c', name: 'Lừa đảo chiếm đoạt tài sản' }],
  defendants: [{ name: 'Ma Văn Khánh', birthYear: 1990, role: 'bi-can' }],
  keyDates: [
    { label: 'Truy tố (Cáo trạng 45/CT-VKSKV3)', date: '2025-06-09' },
    { label: 'Kết luận điều tra 38/KLĐT-CSĐT', date: '2025-05-26' },
  ],
};

export function seqIds(prefix = 'id'): () => string {
  let i = 0;
  return () => `${prefix}${++i}`;
}
