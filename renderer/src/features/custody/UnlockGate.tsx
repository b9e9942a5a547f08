import { useEffect, useState, type ReactNode } from 'react';
import type { EncryptionState } from '@hoso/contracts';
import { getBridge } from '../../bridge';
import { defineMessages, useT } from '../../i18n';
import { hostErrorText } from '../../shared/hostErrors';
import './custody.css';

const messages = defineMessages({
  vi: {
    title: 'Dữ liệu HoSo đã được mã hóa',
    hint: 'Nhập mật khẩu để mở hồ sơ trên máy này. Nếu nhập sai, không có gì bị thay đổi.',
    passphrase: 'Mật khẩu',
    unlock: 'Mở khóa',
    working: 'Đang mở khóa…',
    migrating: 'Lần mã hóa trước bị gián đoạn; mở khóa sẽ hoàn tất việc mã hóa ({done}/{total} tệp).',
  },
  en: {
    title: 'HoSo data is encrypted',
    hint: 'Enter the passphrase to open the dossiers on this computer. A wrong one changes nothing.',
    passphrase: 'Passphrase',
    unlock: 'Unlock',
    working: 'Unlocking…',
    migrating: 'The last encryption run was interrupted; unlocking finishes it ({done}/{total} files).',
  },
});

/**
 * The first screen of an encrypted data folder: until the host is unlocked it refuses every case
 * route, so nothing else of the app renders. Plain folders pass straight through.
 */
export function UnlockGate({ children }: { children: ReactNode }) {
  const t = useT(messages);
  const [state, setState] = useState<EncryptionState | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void getBridge()
      .encryptionStatus()
      // An older host without the command, or none reachable: let the app show its own errors.
      .then((r) => setState(r.ok ? r.value : { encryption: 'plain', locked: false }));
    return getBridge().subscribe((event) => {
      if (event.type === 'encryption-progress') setState(event.state);
    });
  }, []);
  if (!state) return <div className="loading" aria-busy="true" />;
  if (!state.locked) return <>{children}</>;
  return (
    <main className="unlock-screen" aria-labelledby="unlock-title">
      <h1 id="unlock-title">{t('title')}</h1>
      <p className="muted">{t('hint')}</p>
      {state.encryption === 'migrating' && state.progress && (
        <p className="muted">
          {t('migrating', { done: state.progress.filesDone, total: state.progress.filesTotal })}
        </p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void getBridge()
            .unlock({ passphrase: passphrase.normalize('NFC') })
            .then((r) => {
              setBusy(false);
              if (r.ok) {
                setPassphrase('');
                setState(r.value);
              } else setError(hostErrorText(r.error, ''));
            });
        }}
      >
        <label>
          <span>{t('passphrase')}</span>
          <input
            type="password"
            autoFocus
            autoComplete="current-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </label>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={!passphrase || busy}>
          {busy ? t('working') : t('unlock')}
        </button>
      </form>
    </main>
  );
}
