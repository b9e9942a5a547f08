import type { RedactionPreset } from '@hoso/text';
import { REDACTION_PRESETS } from '@hoso/text';
import { useState } from 'react';
import { defineMessages, useT } from '../../i18n';
import type { ExportRedactions } from './useExportRedactions';
import { FormField } from '../../shared/FormField';

const messages = defineMessages({
  vi: {
    heading: 'Che thông tin khi xuất (biên tập thật)',
    hint: 'Vùng bị che được tô đen trên ảnh và xoá khỏi lớp chữ của bản xuất; bản gốc trong kho không thay đổi.',
    phrases: 'Cụm từ cần che (mỗi dòng một cụm, không phân biệt dấu)',
    cccd: 'Số CCCD/CMND',
    phone: 'Số điện thoại',
    plate: 'Biển kiểm soát',
    dob: 'Ngày sinh',
    courtroom: 'Dùng cả các vùng che đã vẽ trong Trình chiếu',
    find: 'Tìm để xem lại',
    finding: 'Đang tìm…',
    none: 'Không tìm thấy gì để che.',
    review: 'Xem lại từng kết quả ({n}); bỏ chọn những chỗ không cần che:',
    page: 'BL {folio}',
    pageIndex: 'Trang {n}',
  },
  en: {
    heading: 'Redact on export (true redaction)',
    hint: 'Redacted areas are painted black in the image and removed from the text layer of the export; the stored originals never change.',
    phrases: 'Phrases to redact (one per line, diacritics ignored)',
    cccd: 'ID numbers (CCCD/CMND)',
    phone: 'Phone numbers',
    plate: 'Vehicle plates',
    dob: 'Dates of birth',
    courtroom: 'Also use the redaction boxes drawn in courtroom mode',
    find: 'Find and review',
    finding: 'Searching…',
    none: 'Nothing found to redact.',
    review: 'Review each hit ({n}); untick those that need no redaction:',
    page: 'BL {folio}',
    pageIndex: 'Page {n}',
  },
});

const PRESET_KEYS: Record<RedactionPreset, 'cccd' | 'phone' | 'plate' | 'dob'> = {
  cccd: 'cccd',
  phone: 'phone',
  plate: 'plate',
  dob: 'dob',
};

/** Rules, the review list of their hits (accept/reject each) and the courtroom boxes option. */
export function ExportRedactionSection(props: { redactions: ExportRedactions; disabled: boolean }) {
  const t = useT(messages);
  const r = props.redactions;
  const [finding, setFinding] = useState(false);
  const find = async () => {
    setFinding(true);
    try {
      await r.find();
    } finally {
      setFinding(false);
    }
  };
  return (
    <fieldset className="export-redaction-rules">
      <legend>{t('heading')}</legend>
      <p className="muted">{t('hint')}</p>
      <FormField label={t('phrases')}>
        <textarea rows={2} value={r.phrases} onChange={(e) => r.setPhrases(e.target.value)} />
      </FormField>
      <div className="check-row">
        {REDACTION_PRESETS.map((preset) => (
          <label className="check" key={preset}>
            <input
              type="checkbox"
              checked={r.presets.includes(preset)}
              onChange={() => r.togglePreset(preset)}
            />
            <span>{t(PRESET_KEYS[preset])}</span>
          </label>
        ))}
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={r.useCourtroom}
          onChange={(e) => r.setUseCourtroom(e.target.checked)}
        />
        <span>{t('courtroom')}</span>
      </label>
      <div className="dialog-actions start">
        <button type="button" onClick={() => void find()} disabled={props.disabled || finding || !r.hasRules}>
          {finding ? t('finding') : t('find')}
        </button>
      </div>
      {r.hits && r.hits.length === 0 && <p className="muted">{t('none')}</p>}
      {r.hits && r.hits.length > 0 && (
        <div className="redaction-review">
          <p>{t('review', { n: r.hits.length })}</p>
          <ul aria-label={t('heading')}>
            {r.hits.map((h) => (
              <li key={h.key}>
                <label className="check">
                  <input type="checkbox" checked={r.isAccepted(h.key)} onChange={() => r.toggleHit(h.key)} />
                  <span>
                    <strong>
                      {h.folio ? t('page', { folio: h.folio }) : t('pageIndex', { n: h.pageIndex + 1 })}
                    </strong>{' '}
                    <mark>{h.hit.text}</mark>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}
