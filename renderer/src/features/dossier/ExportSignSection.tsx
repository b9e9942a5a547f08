import { useState } from 'react';
import { defineMessages, useT } from '../../i18n';
import { FormField } from '../../shared/FormField';

const messages = defineMessages({
  vi: {
    heading: 'Ký số bản xuất (PAdES)',
    enable: 'Ký số tệp PDF xuất ra bằng chứng thư số (.p12/.pfx)',
    file: 'Tệp chứng thư số',
    password: 'Mật khẩu chứng thư',
    reason: 'Lý do ký',
    reasonDefault: 'Sao y bản chính',
    location: 'Nơi ký',
    visible: 'Hiện khối chữ ký trên trang cuối',
    tooLarge: 'Tệp chứng thư quá lớn; hãy chọn tệp .p12/.pfx.',
    hint: 'Mật khẩu chỉ dùng cho lần ký này, không được lưu lại.',
  },
  en: {
    heading: 'Sign the export (PAdES)',
    enable: 'Sign the exported PDF with a certificate (.p12/.pfx)',
    file: 'Certificate file',
    password: 'Certificate password',
    reason: 'Reason',
    reasonDefault: 'Certified true copy',
    location: 'Location',
    visible: 'Show a signature block on the last page',
    tooLarge: 'The certificate file is too large; choose a .p12/.pfx file.',
    hint: 'The password is used for this signature only and never stored.',
  },
});

export interface ExportSignature {
  p12Base64: string;
  password: string;
  reason?: string;
  location?: string;
  visible: boolean;
}

/** The certificate, password and signature details; `onChange(null)` while signing is off or incomplete. */
export function ExportSignSection(props: { onChange: (sign: ExportSignature | null) => void }) {
  const t = useT(messages);
  const [enabled, setEnabled] = useState(false);
  const [p12, setP12] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [reason, setReason] = useState(() => t('reasonDefault'));
  const [location, setLocation] = useState('');
  const [visible, setVisible] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const report = (
    next: Partial<{
      enabled: boolean;
      p12: string | null;
      password: string;
      reason: string;
      location: string;
      visible: boolean;
    }>,
  ) => {
    const s = { enabled, p12, password, reason, location, visible, ...next };
    props.onChange(
      s.enabled && s.p12
        ? {
            p12Base64: s.p12,
            password: s.password,
            reason: s.reason.trim() || undefined,
            location: s.location.trim() || undefined,
            visible: s.visible,
          }
        : null,
    );
  };

  const pickFile = async (file: File | undefined) => {
    setError(null);
    if (!file) return;
    if (file.size > 256 * 1024) {
      setError(t('tooLarge'));
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    const base64 = btoa(binary);
    setP12(base64);
    report({ p12: base64 });
  };

  return (
    <fieldset className="export-sign">
      <legend>{t('heading')}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(e) => {
            setEnabled(e.target.checked);
            report({ enabled: e.target.checked });
          }}
        />
        <span>{t('enable')}</span>
      </label>
      {enabled && (
        <div className="stack">
          <FormField label={t('file')}>
            <input
              type="file"
              accept=".p12,.pfx,application/x-pkcs12"
              onChange={(e) => void pickFile(e.target.files?.[0])}
            />
          </FormField>
          <FormField label={t('password')}>
            <input
              type="password"
              autoComplete="off"
              value={password}
              onChange={(e) => {
                setPassword(e.target.value);
                report({ password: e.target.value });
              }}
            />
          </FormField>
          <FormField label={t('reason')}>
            <input
              value={reason}
              onChange={(e) => (setReason(e.target.value), report({ reason: e.target.value }))}
            />
          </FormField>
          <FormField label={t('location')}>
            <input
              value={location}
              onChange={(e) => (setLocation(e.target.value), report({ location: e.target.value }))}
            />
          </FormField>
          <label className="check">
            <input
              type="checkbox"
              checked={visible}
              onChange={(e) => (setVisible(e.target.checked), report({ visible: e.target.checked }))}
            />
            <span>{t('visible')}</span>
          </label>
          <p className="muted">{t('hint')}</p>
          {error && <p className="error-text">{error}</p>}
        </div>
      )}
    </fieldset>
  );
}
