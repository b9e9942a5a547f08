import { useEffect, useState } from 'react';
import type { EncryptionState } from '@hoso/contracts';
import { getBridge } from '../../bridge';
import { defineMessages, useT } from '../../i18n';
import { hostErrorText } from '../../shared/hostErrors';
import { showToast } from '../../shared/toast';

const messages = defineMessages({
  vi: {
    person: 'Người sử dụng',
    userName: 'Họ tên (ghi vào nhật ký cùng tài khoản máy tính)',
    save: 'Lưu',
    saved: 'Đã lưu họ tên.',
    encryption: 'Mã hóa dữ liệu',
    on: 'Bản gốc, ảnh trang, kết quả nhận dạng và tệp xuất trong thư mục dữ liệu được mã hóa (AES-256-GCM).',
    off: 'Dữ liệu trong thư mục dữ liệu chưa được mã hóa. Bật mã hóa: mọi tệp được mã hóa ngay (có tiến độ); mỗi lần khởi động sẽ hỏi mật khẩu. Mất mật khẩu là mất dữ liệu.',
    passphrase: 'Mật khẩu mới (ít nhất 8 ký tự)',
    confirm: 'Nhập lại mật khẩu',
    mismatch: 'Hai mật khẩu không giống nhau.',
    enable: 'Bật mã hóa',
    progress: 'Đang mã hóa: {done}/{total} tệp ({mb} MB)…',
    enabled: 'Đã bật mã hóa dữ liệu.',
  },
  en: {
    person: 'User',
    userName: 'Full name (recorded in the audit log with the OS account)',
    save: 'Save',
    saved: 'Name saved.',
    encryption: 'Data encryption',
    on: 'Originals, page images, OCR results and exports in the data folder are encrypted (AES-256-GCM).',
    off: 'The data folder is not encrypted. Switching on encrypts every file now (with progress); each start then asks for the passphrase. A lost passphrase means lost data.',
    passphrase: 'New passphrase (at least 8 characters)',
    confirm: 'Repeat the passphrase',
    mismatch: 'The two passphrases differ.',
    enable: 'Switch encryption on',
    progress: 'Encrypting: {done}/{total} files ({mb} MB)…',
    enabled: 'Data encryption is on.',
  },
});

/** Cài đặt: the name recorded in the nhật ký, and switching encryption at rest on. */
export function CustodySettings() {
  const t = useT(messages);
  const [userName, setUserName] = useState('');
  const [state, setState] = useState<EncryptionState | null>(null);
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void getBridge()
      .getUserName()
      .then((r) => r.ok && setUserName((typed) => typed || r.value));
    void getBridge()
      .encryptionStatus()
      .then((r) => r.ok && setState(r.value));
    return getBridge().subscribe((event) => {
      if (event.type === 'encryption-progress') setState(event.state);
    });
  }, []);
  return (
    <>
      <fieldset className="panel">
        <legend>{t('person')}</legend>
        <form
          className="form-row"
          onSubmit={(e) => {
            e.preventDefault();
            void getBridge()
              .setUserName({ userName })
              .then((r) =>
                showToast(
                  r.ok
                    ? { tone: 'ok', text: t('saved') }
                    : { tone: 'error', text: hostErrorText(r.error, '') },
                ),
              );
          }}
        >
          <label className="grow">
            <span>{t('userName')}</span>
            <input value={userName} maxLength={200} onChange={(e) => setUserName(e.target.value)} />
          </label>
          <button type="submit" className="primary">
            {t('save')}
          </button>
        </form>
      </fieldset>
      {state && (
        <fieldset className="panel">
          <legend>{t('encryption')}</legend>
          <p className="muted">{state.encryption === 'on' ? t('on') : t('off')}</p>
          {state.progress && (
            <p role="status">
              {t('progress', {
                done: state.progress.filesDone,
                total: state.progress.filesTotal,
                mb: (state.progress.bytesDone / 1048576).toFixed(1),
              })}
            </p>
          )}
          {state.encryption === 'plain' && (
            <form
              className="stack"
              onSubmit={(e) => {
                e.preventDefault();
                if (pass !== again) {
                  showToast({ tone: 'error', text: t('mismatch') });
                  return;
                }
                setBusy(true);
                void getBridge()
                  .enableEncryption({ passphrase: pass.normalize('NFC') })
                  .then((r) => {
                    setBusy(false);
                    if (r.ok) {
                      setState(r.value);
                      setPass('');
                      setAgain('');
                      showToast({ tone: 'ok', text: t('enabled') });
                    } else showToast({ tone: 'error', text: hostErrorText(r.error, '') });
                  });
              }}
            >
              <label>
                <span>{t('passphrase')}</span>
                <input
                  type="password"
                  autoComplete="new-password"
                  value={pass}
                  onChange={(e) => setPass(e.target.value)}
                />
              </label>
              <label>
                <span>{t('confirm')}</span>
                <input
                  type="password"
                  autoComplete="new-password"
                  value={again}
                  onChange={(e) => setAgain(e.target.value)}
                />
              </label>
              <div>
                <button type="submit" className="primary" disabled={busy || pass.length < 8}>
                  {t('enable')}
                </button>
              </div>
            </form>
          )}
        </fieldset>
      )}
    </>
  );
}
