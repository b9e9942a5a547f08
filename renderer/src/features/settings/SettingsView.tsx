import { useEffect, useState } from 'react';
import type { OcrEngineChoice, OcrLang, OcrModel } from '@hoso/contracts';
import { getBridge } from '../../bridge';
import { defineMessages, setLocale, useLocale, useT } from '../../i18n';
import { ConfirmDialog } from '../../shared/ConfirmDialog';
import { hostErrorText } from '../../shared/hostErrors';
import { showToast } from '../../shared/toast';
import { CustodySettings } from '../custody/CustodySettings';
import { setSetting, useSetting } from '../../db';
import { OcrServerSettings } from './OcrServerSettings';

const messages = defineMessages({
  vi: {
    title: 'Cài đặt',
    language: 'Ngôn ngữ giao diện',
    ocr: 'Nhận dạng chữ (OCR)',
    ocrLang: 'Ngôn ngữ nhận dạng',
    vie: 'Tiếng Việt',
    vieEng: 'Tiếng Việt + tiếng Anh (tài liệu có đoạn tiếng Anh)',
    ocrHint: 'Áp dụng cho các tệp nhập sau khi thay đổi.',
    ocrEngine: 'Bộ máy nhận dạng',
    engineAuto: 'Tự động (Tesseract cài trên máy nếu có, nhanh hơn)',
    engineNative: 'Tesseract cài trên máy',
    engineWasm: 'Tesseract tích hợp (WebAssembly, chạy mọi nơi)',
    ocrModel: 'Mô hình',
    modelDefault: 'Mặc định (nhanh nếu có sẵn)',
    modelFast: 'Nhanh (tessdata_fast)',
    modelBest: 'Chính xác hơn, chậm hơn (best)',
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
    confirmTitle: 'Theo dõi thư mục này?',
    confirmBody:
      'HoSo sẽ tự động nhập mọi tệp ảnh và PDF xuất hiện trong “{path}” vào vụ án đã chọn. Chỉ chọn thư mục mà phần mềm máy quét lưu tệp vào.',
    confirm: 'Theo dõi thư mục',
    cancel: 'Hủy',
  },
  en: {
    title: 'Settings',
    language: 'Interface language',
    ocr: 'Text recognition (OCR)',
    ocrLang: 'Recognition language',
    vie: 'Vietnamese',
    vieEng: 'Vietnamese + English (documents with English passages)',
    ocrHint: 'Applies to files imported after the change.',
    ocrEngine: 'Recognition engine',
    engineAuto: 'Automatic (the installed Tesseract if any, faster)',
    engineNative: 'Installed Tesseract',
    engineWasm: 'Built-in Tesseract (WebAssembly, runs anywhere)',
    ocrModel: 'Model',
    modelDefault: 'Default (fast where available)',
    modelFast: 'Fast (tessdata_fast)',
    modelBest: 'More accurate, slower (best)',
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
    confirmTitle: 'Watch this folder?',
    confirmBody:
      'HoSo will import every image and PDF that appears in “{path}” into the chosen case. Choose only the folder your scanner software saves into.',
    confirm: 'Watch folder',
    cancel: 'Cancel',
  },
});

export default function SettingsView() {
  const t = useT(messages);
  const locale = useLocale();
  const ocrLang = useSetting('ocr.lang');
  const ocrEngine = useSetting('ocr.engine');
  const ocrModel = useSetting('ocr.model');
  const saved = () => showToast({ tone: 'ok', text: t('saved') });
  const [folder, setFolder] = useState('');
  const [current, setCurrent] = useState<string | null>(null);
  // A new watch folder takes effect only after the user confirms it in a dialog.
  const [asking, setAsking] = useState<string | null>(null);
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
          <label>
            <span>{t('ocrEngine')}</span>
            <select
              value={ocrEngine ?? 'auto'}
              onChange={(e) => void setSetting('ocr.engine', e.target.value as OcrEngineChoice).then(saved)}
            >
              <option value="auto">{t('engineAuto')}</option>
              <option value="native">{t('engineNative')}</option>
              <option value="wasm">{t('engineWasm')}</option>
            </select>
          </label>
          <label>
            <span>{t('ocrModel')}</span>
            <select
              value={ocrModel ?? 'default'}
              onChange={(e) =>
                void setSetting('ocr.model', e.target.value as OcrModel | 'default').then(saved)
              }
            >
              <option value="default">{t('modelDefault')}</option>
              <option value="fast">{t('modelFast')}</option>
              <option value="best">{t('modelBest')}</option>
            </select>
          </label>
          <p className="muted">{t('ocrHint')}</p>
        </div>
      </fieldset>
      <OcrServerSettings />
      <fieldset className="panel">
        <legend>{t('watch')}</legend>
        <p className="muted">{t('watchHint')}</p>
        <form
          className="form-row"
          onSubmit={(e) => {
            e.preventDefault();
            const typed = folder.trim();
            if (!typed) void saveFolder(null);
            else if (typed !== current) setAsking(typed);
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
      <ConfirmDialog
        open={asking !== null}
        title={t('confirmTitle')}
        confirmLabel={t('confirm')}
        cancelLabel={t('cancel')}
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          const path = asking;
          setAsking(null);
          if (path) void saveFolder(path);
        }}
      >
        <p>{t('confirmBody', { path: asking ?? '' })}</p>
      </ConfirmDialog>
      <p className="muted">
        {t('mode', { mode: getBridge().mode === 'web' ? 'web (127.0.0.1)' : 'Electron' })}
      </p>
    </section>
  );
}
