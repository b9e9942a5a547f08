import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { ScannerDeviceInfo, ScanRequest } from '@hoso/contracts';
import type { Volume } from '@hoso/domain';
import { getBridge } from '../../bridge';
import { defineMessages, useT } from '../../i18n';
import { hostErrorText } from '../../shared/hostErrors';

const scanMessages = defineMessages({
  vi: {
    title: 'Quét tài liệu',
    device: 'Máy quét',
    searching: 'Đang tìm máy quét…',
    noScanner:
      'Không tìm thấy máy quét nào. Hãy bật máy quét, cắm cáp USB (hoặc kết nối cùng mạng), rồi bấm “Tìm lại”.',
    searchAgain: 'Tìm lại',
    volume: 'Vào tập',
    source: 'Nguồn giấy',
    flatbed: 'Mặt kính',
    adf: 'Khay nạp',
    duplex: 'Hai mặt',
    mode: 'Chế độ',
    color: 'Màu',
    gray: 'Xám',
    lineart: 'Đen trắng',
    dpi: 'Độ phân giải (dpi)',
    maxPages: 'Số trang tối đa (để trống: hết khay)',
    blankNote:
      'Trang trắng (mặt sau, tờ phân cách) được để riêng, hiện mờ; bấm “Khôi phục” để đưa lại vào hồ sơ.',
    start: 'Bắt đầu quét',
    starting: 'Đang bắt đầu…',
    cancel: 'Đóng',
  },
  en: {
    title: 'Scan documents',
    device: 'Scanner',
    searching: 'Looking for scanners…',
    noScanner: 'No scanner found. Switch it on, plug it in (or join its network), then search again.',
    searchAgain: 'Search again',
    volume: 'Into volume',
    source: 'Paper source',
    flatbed: 'Flatbed',
    adf: 'Feeder',
    duplex: 'Duplex',
    mode: 'Mode',
    color: 'Colour',
    gray: 'Grey',
    lineart: 'Black & white',
    dpi: 'Resolution (dpi)',
    maxPages: 'Page limit (empty: until the feeder is empty)',
    blankNote:
      'Blank pages (backs, separator sheets) are set aside, greyed; click “Restore” to put one back.',
    start: 'Start scanning',
    starting: 'Starting…',
    cancel: 'Close',
  },
});

type Devices =
  { state: 'loading' } | { state: 'ready'; list: ScannerDeviceInfo[] } | { state: 'error'; text: string };

/**
 * "Quét tài liệu…": the host lists its scanners and runs the scan; the dialog closes once the scan
 * has started, and the pages then arrive in the chosen volume one by one, into one document (renderer/src/sync/inbox.ts).
 */
export function ScanDialog(props: {
  caseId: string;
  volumes: Volume[];
  volumeId?: string;
  onClose: () => void;
}) {
  const t = useT(scanMessages);
  const ref = useRef<HTMLDialogElement>(null);
  const [devices, setDevices] = useState<Devices>({ state: 'loading' });
  const [form, setForm] = useState({
    device: '',
    volumeId: props.volumeId ?? props.volumes[0]?.id ?? '',
    source: 'adf' as ScanRequest['source'],
    mode: 'gray' as ScanRequest['mode'],
    dpi: 300,
    maxPages: '',
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const search = useCallback(async () => {
    setDevices({ state: 'loading' });
    const r = await getBridge().listScanners();
    if (!r.ok) return setDevices({ state: 'error', text: hostErrorText(r.error) });
    setDevices({ state: 'ready', list: r.value });
    setForm((f) => (r.value.some((d) => d.id === f.device) ? f : { ...f, device: r.value[0]?.id ?? '' }));
  }, []);
  useEffect(() => {
    ref.current?.showModal();
    void search();
  }, [search]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const max = Number.parseInt(form.maxPages, 10);
    const r = await getBridge().startScan({
      caseId: props.caseId,
      volumeId: form.volumeId,
      device: form.device,
      source: form.source,
      mode: form.mode,
      dpi: form.dpi,
      ...(max > 0 ? { maxPages: max } : {}),
    });
    setBusy(false);
    if (r.ok) props.onClose();
    else setError(hostErrorText(r.error, form.device));
  }

  const list = devices.state === 'ready' ? devices.list : [];
  return (
    <dialog
      ref={ref}
      className="confirm-dialog scan-dialog"
      aria-labelledby="scan-title"
      onClose={props.onClose}
    >
      <form onSubmit={submit} className="stack">
        <h2 id="scan-title">{t('title')}</h2>
        <div className="form-row">
          <label className="grow">
            <span>{t('device')}</span>
            <select
              value={form.device}
              onChange={(e) => setForm({ ...form, device: e.target.value })}
              disabled={list.length === 0}
            >
              {list.map((d) => (
                <option key={d.id} value={d.id}>
                  {`${d.vendor} ${d.model} (${d.id})`}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void search()}>
            {t('searchAgain')}
          </button>
        </div>
        {devices.state === 'loading' && <p className="muted">{t('searching')}</p>}
        {devices.state === 'ready' && list.length === 0 && <p role="alert">{t('noScanner')}</p>}
        {devices.state === 'error' && <p role="alert">{devices.text}</p>}
        <label>
          <span>{t('volume')}</span>
          <select value={form.volumeId} onChange={(e) => setForm({ ...form, volumeId: e.target.value })}>
            {props.volumes.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </label>
        <RadioRow
          legend={t('source')}
          name="scan-source"
          options={['flatbed', 'adf', 'duplex'] as const}
          value={form.source}
          label={t}
          onChange={(source) => setForm({ ...form, source })}
        />
        <RadioRow
          legend={t('mode')}
          name="scan-mode"
          options={['color', 'gray', 'lineart'] as const}
          value={form.mode}
          label={t}
          onChange={(mode) => setForm({ ...form, mode })}
        />
        <div className="form-row">
          <label>
            <span>{t('dpi')}</span>
            <select value={form.dpi} onChange={(e) => setForm({ ...form, dpi: Number(e.target.value) })}>
              {[150, 200, 300, 400, 600].map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
          <label className="grow">
            <span>{t('maxPages')}</span>
            <input
              inputMode="numeric"
              value={form.maxPages}
              onChange={(e) => setForm({ ...form, maxPages: e.target.value.replace(/\D/g, '') })}
            />
          </label>
        </div>
        <p className="muted">{t('blankNote')}</p>
        {error && <p role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={props.onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !form.device || !form.volumeId}>
            {busy ? t('starting') : t('start')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** One choice among a few, as a row of radio buttons under a legend. */
function RadioRow<T extends string>(props: {
  legend: string;
  name: string;
  options: readonly T[];
  value: T;
  label: (option: T) => string;
  onChange: (option: T) => void;
}) {
  return (
    <fieldset className="form-row">
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o} className="check">
          <input
            type="radio"
            name={props.name}
            checked={props.value === o}
            onChange={() => props.onChange(o)}
          />
          <span>{props.label(o)}</span>
        </label>
      ))}
    </fieldset>
  );
}
