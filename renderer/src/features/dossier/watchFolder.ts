import type { HostBridge, HostEvent } from '@hoso/contracts';
import { describeDbError, findPagesByFileHash, listVolumes } from '../../db';
import { format, getLocale } from '../../i18n';
import { hostErrorText } from '../../shared/hostErrors';
import { showToast } from '../../shared/toast';
import { getSetting } from '../settings/appSettings';
import { importStored } from './importFiles';

const text = {
  vi: {
    imported: 'Đã nhập “{name}” từ thư mục quét.',
    duplicate: '“{name}” trong thư mục quét đã có trong hồ sơ nên được bỏ qua.',
    noCase:
      'Có tệp mới “{name}” trong thư mục quét nhưng chưa chọn vụ án nhận tệp (mở vụ án, tích “Nhận tệp từ thư mục quét”).',
  },
  en: {
    imported: 'Imported “{name}” from the watched folder.',
    duplicate: '“{name}” in the watched folder is already in the dossier; skipped.',
    noCase:
      'New file “{name}” in the watched folder, but no case receives it (open a case and tick “Receive files…”).',
  },
};

/**
 * Files the scanner saved into the watched folder arrive already stored by the host; they go to
 * the case the user chose, into its first volume. Duplicates are skipped (no one to ask).
 */
export async function handleWatchEvent(bridge: HostBridge, event: HostEvent): Promise<void> {
  const m = text[getLocale()];
  if (event.type === 'watch-folder-error') {
    showToast({ tone: 'error', text: hostErrorText(event.error, event.path) });
    return;
  }
  if (event.type !== 'watch-folder-file') return;
  const name = event.file.name;
  const caseId = await getSetting('watch.caseId');
  if (!caseId) {
    showToast({ tone: 'info', text: format(m.noCase, { name }), timeoutMs: 10_000 });
    return;
  }
  try {
    const volumes = await listVolumes(caseId);
    if (!volumes[0]) return;
    if ((await findPagesByFileHash(caseId, event.file.hash)).length > 0) {
      showToast({ tone: 'info', text: format(m.duplicate, { name }) });
      return;
    }
    const lang = await getSetting('ocr.lang');
    const r = await importStored(
      bridge,
      event.file,
      { caseId, volumeId: volumes[0].id },
      lang,
      async () => false,
    );
    if (r === 'imported') showToast({ tone: 'ok', text: format(m.imported, { name }) });
    else if (typeof r === 'object') showToast({ tone: 'error', text: r.error });
  } catch (e) {
    showToast({ tone: 'error', text: `${name}: ${describeDbError(e, getLocale())}` });
  }
}
