import type { ProceduralStage } from '@hoso/domain';
import type { Locale } from '../../i18n';

/** Procedural stages in the order a case moves through them. */
export const STAGES: ProceduralStage[] = [
  'khoi-to',
  'dieu-tra',
  'truy-to',
  'xet-xu-so-tham',
  'xet-xu-phuc-tham',
  'thi-hanh-an',
  'dinh-chi',
];

const labels: Record<Locale, Record<ProceduralStage, string>> = {
  vi: {
    'khoi-to': 'Khởi tố',
    'dieu-tra': 'Điều tra',
    'truy-to': 'Truy tố',
    'xet-xu-so-tham': 'Xét xử sơ thẩm',
    'xet-xu-phuc-tham': 'Xét xử phúc thẩm',
    'thi-hanh-an': 'Thi hành án',
    'dinh-chi': 'Đình chỉ / tạm đình chỉ',
  },
  en: {
    'khoi-to': 'Prosecution opened',
    'dieu-tra': 'Investigation',
    'truy-to': 'Indictment',
    'xet-xu-so-tham': 'First-instance trial',
    'xet-xu-phuc-tham': 'Appeal',
    'thi-hanh-an': 'Enforcement',
    'dinh-chi': 'Suspended / dropped',
  },
};

export function stageLabel(stage: ProceduralStage, locale: Locale): string {
  return labels[locale][stage] ?? stage;
}
