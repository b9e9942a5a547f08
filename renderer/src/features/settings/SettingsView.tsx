import { useEffect, useState } from 'react';
import type { OcrLang } from '@hoso/contracts';
import { getBridge } from '../../bridge';
import { defineMessages, setLocale, useLocale, useT } from '../../i18n';
import { hostErrorText } from '../../shared/hostErrors';
import { showToast } from '../../shared/toast';
import { CustodySettings } from '../custody/CustodySettings';
import { setSetting, useSetting } from './appSettings';

const messages = defineMessages({
  vi: {
    title: 'Cài đặt',
    language: 'Ngôn ngữ giao diện',
    ocr: 'Nhận dạng chữ (OCR)',
    ocrLang: 'Ngôn ngữ nhận dạng',
    vie: 'Tiếng Việt',
    vieEng: 'Tiếng Việt + tiếng Anh (tài liệu có đoạn tiếng Anh)',
    ocrHint: 'Áp dụng cho các tệp nhập sau khi thay đổi.',
    watch: 'Thư mục quét',
    watchHint:
      'Mọi tệp ảnh hoặc PDF mà phần mềm máy quét lưu vào thư mục này sẽ được tự động nhập vào vụ án đã chọn (trong thẻ Hồ sơ của vụ án).',
    watchPath: 'Đường dẫn thư mục',
    watchPlaceholder: 'Ví dụ: C:\\Scan hoặc /home/ksv/scan',
    save: 'Lưu',
    stop: 'Ngừng theo dõi',
    watchSaved: 'Đang theo dõi thư mục “{path}”.',
    watchStopped: 'Đã ngừng theo dõi thư mục quét.',
    saved: 'Đã lưu cài đặt.',
    mode: 'Chế độ chạy: {mode}',
  },
  en: {
    title: 'Settings',
    language: 'Interface language',
    ocr: 'Text recognition (OCR)',
    ocrLang: 'Recognition language',
    vie: 'Vietnamese',
    vieEng: 'Vietnamese + English (documents with English passages)',
    ocrHint: 'Applies to files imported after the change.',
    watch: 'Watched folder',
    watchHint:
      'Every image or PDF the scanner software saves into this folder is imported into the chosen case (in the case’s Dossier tab).',
    watchPath: 'Folder path',
    watchPlaceholder: 'e.g. C:\\Scan or /home/me/scan',
    save: 'Save',
    stop: 'Stop watching',
    watchSaved: 'Watching “{path}”.',
    watchStopped: 'The watched folder is off.',
    saved: 'Settings saved.',
    mode: 'Running as: {mode}',
  },
});

export default function SettingsView() {
  const t = useT(messages);
  const locale = useLocale();
  const ocrLang = useSetting('ocr.lang');
  const [folder, setFolder] = useState('');
  const [current, setCurrent] = useState<string | null>(null);
  useEffect(() => {
    void getBridge()
      .getWatchFolder()
      .then((r) => {
        if (r.ok) {
          setCurrent(r.value);
          // Never overwrite what the user started typing before the host answered.
          setFolder((typed) => typed || (r.value ?? ''));
        }
      });
  }, []);

  async function saveFolder(path: string | null) {
    const r = await getBridge().setWatchFolder({ path });
    if (!r.ok) {
      showToast({ tone: 'error', text: hostErrorText(r.error, path ?? '') });
      return;
    }
    setCurrent(r.value);
    setFolder(r.value ?? '');
    showToast({ tone: 'ok', text: r.value ? t('watchSaved', { path: r.value }) : t('watchStopped') });
  }

  return (
    <section className="page settings-view" aria-labelledby="settings-title">
      <div className="page-head">
        <h1 id="settings-title">{t('title')}</h1>
      </div>
      <div className="panel stack">
        <label>
          <span>{t('language')}</span>
          <select value={locale} onChange={(e) => setLocale(e.target.value === 'en' ? 'en' : 'vi')}>
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </label>
      </div>
      <fieldset className="panel">
        <legend>{t('ocr')}</legend>
        <div className="stack">
          <label>
            <span>{t('ocrLang')}</span>
            <select
              value={ocrLang ?? 'vie'}
              onChange={(e) => {
                void setSetting('ocr.lang', e.target.value as OcrLang).then(() =>
                  showToast({ tone: 'ok', text: t('saved') }),
                );
              }}
            >
              <option value="vie">{t('vie')}</option>
              <option value="vie+eng">{t('vieEng')}</option>
            </select>
          </label>
          <p className="muted">{t('ocrHint')}</p>
        </div>
      </fieldset>
      <fieldset className="panel">
        <legend>{t('watch')}</legend>
        <p className="muted">{t('watchHint')}</p>
        <form
          className="form-row"
          onSubmit={(e) => {
            e.preventDefault();
            void saveFolder(folder.trim() || null);
          }}
        >
          <label className="grow">
            <span>{t('watchPath')}</span>
            <input
              value={folder}
              onChange={(e) => setFolder(e.target.value)}
              placeholder={t('watchPlaceholder')}
            />
          </label>
          <button type="submit" className="primary">
            {t('save')}
          </button>
          {current && (
            <button type="button" onClick={() => void saveFolder(null)}>
              {t('stop')}
            </button>
          )}
        </form>
      </fieldset>
      <CustodySettings />
      <p className="muted">
        {t('mode', { mode: getBridge().mode === 'web' ? 'web (127.0.0.1)' : 'Electron' })}
      </p>
    </section>
  );
}
