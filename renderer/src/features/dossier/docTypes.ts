import type { DocumentType } from '@hoso/domain';
import type { Translate } from '../../i18n';
import type { dossierMessages } from './messages';

type Key = Parameters<Translate<keyof typeof dossierMessages.vi>>[0];

export const DOC_TYPES: { type: DocumentType; key: Key }[] = [
  { type: 'quyet-dinh', key: 'typeQuyetDinh' },
  { type: 'lenh', key: 'typeLenh' },
  { type: 'bien-ban', key: 'typeBienBan' },
  { type: 'loi-khai', key: 'typeLoiKhai' },
  { type: 'ket-luan', key: 'typeKetLuan' },
  { type: 'cao-trang', key: 'typeCaoTrang' },
  { type: 'ban-an', key: 'typeBanAn' },
  { type: 'thong-bao', key: 'typeThongBao' },
  { type: 'cong-van', key: 'typeCongVan' },
  { type: 'don', key: 'typeDon' },
  { type: 'anh', key: 'typeAnh' },
  { type: 'khac', key: 'typeKhac' },
];

export function docTypeKey(type: DocumentType): Key {
  return DOC_TYPES.find((d) => d.type === type)?.key ?? 'typeKhac';
}
