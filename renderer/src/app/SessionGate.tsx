import { useEffect, useState, type ReactNode } from 'react';
import { getBridge } from '../bridge';
import { webSessionState } from '../bridge/webBridge';
import { defineMessages, useT } from '../i18n';

const messages = defineMessages({
  vi: {
    title: 'Cần mở đường dẫn có mã truy cập',
    body: 'Vì an toàn của hồ sơ, HoSo ở chế độ trình duyệt chỉ mở cho người đã khởi động nó. Hãy mở đúng đường dẫn mà HoSo in ra trong cửa sổ dòng lệnh khi khởi động (dạng http://127.0.0.1:…/?token=…).',
    hint: 'Nếu đã khởi động lại HoSo, mã truy cập đã đổi: hãy dùng đường dẫn mới.',
    unreachable: 'Không kết nối được với HoSo. Hãy kiểm tra HoSo vẫn đang chạy rồi tải lại trang.',
  },
  en: {
    title: 'Open the link with the access token',
    body: 'To protect the case files, HoSo in a browser opens only for the person who started it. Open the link HoSo printed in its terminal when it started (http://127.0.0.1:…/?token=…).',
    hint: 'If HoSo was restarted, the token changed: use the new link.',
    unreachable: 'HoSo does not answer. Check that it is still running, then reload the page.',
  },
});

/**
 * Browser mode only: the UI loads without the secret, but the host answers nothing without it, so
 * the user is told what to do instead of seeing empty screens and failed imports.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const t = useT(messages);
  const web = getBridge().mode === 'web';
  const [state, setState] = useState<'checking' | 'ok' | 'unauthorized' | 'unreachable'>(
    web ? 'checking' : 'ok',
  );
  useEffect(() => {
    if (web) void webSessionState().then(setState);
  }, [web]);
  if (state === 'ok') return <>{children}</>;
  if (state === 'checking') return <div className="loading" aria-busy="true" />;
  return (
    <main className="page session-gate" role="alert">
      <h1>{t('title')}</h1>
      {state === 'unauthorized' ? (
        <>
          <p>{t('body')}</p>
          <p className="muted">{t('hint')}</p>
        </>
      ) : (
        <p>{t('unreachable')}</p>
      )}
    </main>
  );
}
