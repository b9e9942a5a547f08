import { useEffect, useState } from 'react';
import { getBridge } from '../../bridge';
import { defineMessages, useT } from '../../i18n';
import { showToast } from '../../shared/toast';

const messages = defineMessages({
  vi: {
    legend: 'Máy chủ nhận dạng',
    hint: 'Gửi việc nhận dạng chữ của máy này tới trung tâm số hóa (Redis của trung tâm, nơi các máy chạy “hoso worker”). Để trống để nhận dạng ngay trên máy này. Tiến độ vẫn hiện như thường.',
    url: 'Địa chỉ Redis',
    placeholder: 'Ví dụ: rediss://:matkhau@10.0.0.5:6380',
    save: 'Lưu',
    local: 'Nhận dạng trên máy này',
    saved: 'Các tệp nhập sau sẽ được nhận dạng tại “{url}”.',
    cleared: 'Các tệp nhập sau sẽ được nhận dạng trên máy này.',
    bad: 'Địa chỉ không hợp lệ: cần dạng redis://MÁY:CỔNG hoặc rediss://MÁY:CỔNG (có mã hóa TLS).',
  },
  en: {
    legend: 'Recognition server',
    hint: 'Send this machine’s OCR jobs to the digitization centre (its Redis, where machines run “hoso worker”). Leave empty to recognize on this machine. Progress shows as usual.',
    url: 'Redis URL',
    placeholder: 'e.g. rediss://:password@10.0.0.5:6380',
    save: 'Save',
    local: 'Recognize on this machine',
    saved: 'Files imported from now on are recognized at “{url}”.',
    cleared: 'Files imported from now on are recognized on this machine.',
    bad: 'Not a valid address: use redis://HOST:PORT or rediss://HOST:PORT (TLS).',
  },
});

/** Cài đặt → Máy chủ nhận dạng: where the host's OCR jobs run (see main/src/services/ocr-engine.ts). */
export function OcrServerSettings() {
  const t = useT(messages);
  const [url, setUrl] = useState('');
  const [current, setCurrent] = useState<string | null>(null);
  useEffect(() => {
    void getBridge()
      .getOcrServer()
      .then((r) => {
        if (r.ok) {
          setCurrent(r.value);
          setUrl((typed) => typed || (r.value ?? ''));
        }
      });
  }, []);

  async function save(next: string | null) {
    const r = await getBridge().setOcrServer({ url: next });
    if (!r.ok) {
      showToast({ tone: 'error', text: t('bad') });
      return;
    }
    setCurrent(r.value);
    setUrl(r.value ?? '');
    showToast({ tone: 'ok', text: r.value ? t('saved', { url: r.value }) : t('cleared') });
  }

  return (
    <fieldset className="panel">
      <legend>{t('legend')}</legend>
      <p className="muted">{t('hint')}</p>
      <form
        className="form-row"
        onSubmit={(e) => {
          e.preventDefault();
          const typed = url.trim();
          // The masked URL shown back is not a new address: saving it unchanged does nothing.
          if (typed === (current ?? '')) return;
          void save(typed || null);
        }}
      >
        <label className="grow">
          <span>{t('url')}</span>
          <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder={t('placeholder')} />
        </label>
        <button type="submit" className="primary">
          {t('save')}
        </button>
        {current && (
          <button type="button" onClick={() => void save(null)}>
            {t('local')}
          </button>
        )}
      </form>
    </fieldset>
  );
}
