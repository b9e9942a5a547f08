import type { HostBridge, HostEvent } from '@hoso/contracts';
import { describeDbError, getSetting } from '../../db';
import { format, getLocale } from '../../i18n';
import { hostErrorText } from '../../shared/hostErrors';
import { showToast } from '../../shared/toast';
import { importStored } from './importFiles';

const text = {
  vi: {
    done: 'Đã quét {pages} trang.',
    blanks:
      'Đã quét {pages} trang; {blanks} trang trắng được để riêng (bấm “Khôi phục” để đưa lại vào hồ sơ).',
  },
  en: {
    done: 'Scanned {pages} pages.',
    blanks: 'Scanned {pages} pages; {blanks} blank pages were set aside (click “Restore” to put one back).',
  },
};

const blanksByScan = new Map<string, number>();

/**
 * Pages from the scanner arrive already stored by the host, one event per page: each is recorded
 * in the volume chosen in the dialog and its OCR queued, as an import. A page the blank-page
 * detector flagged is recorded left out of the dossier (greyed, no folio) until restored. Scans
 * legitimately repeat bytes (two blank backs), so a same-hash page is not a duplicate here.
 */
export async function handleScanEvent(bridge: HostBridge, event: HostEvent): Promise<void> {
  const m = text[getLocale()];
  if (event.type === 'scan-finished') {
    const blanks = blanksByScan.get(event.scanId) ?? 0;
    blanksByScan.delete(event.scanId);
    if (event.error) showToast({ tone: 'error', text: hostErrorText(event.error, event.error.file) });
    else
      showToast({
        tone: 'ok',
        text: format(blanks ? m.blanks : m.done, { pages: event.pages, blanks }),
      });
    return;
  }
  if (event.type !== 'scan-page') return;
  if (event.blank) blanksByScan.set(event.scanId, (blanksByScan.get(event.scanId) ?? 0) + 1);
  try {
    const lang = await getSetting('ocr.lang');
    const r = await importStored(
      bridge,
      event.file,
      { caseId: event.caseId, volumeId: event.volumeId },
      lang,
      async () => true,
      event.blank ? 'blank' : undefined,
    );
    if (typeof r === 'object') showToast({ tone: 'error', text: r.error });
  } catch (e) {
    showToast({ tone: 'error', text: `${event.file.name}: ${describeDbError(e, getLocale())}` });
  }
}
