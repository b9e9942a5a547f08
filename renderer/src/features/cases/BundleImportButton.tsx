import { useRef, useState } from 'react';
import { describeDbError, importCaseData } from '../../db';
import { getBridge } from '../../bridge';
import { navigate } from '../../shared/router';
import { getLocale, useT } from '../../i18n';
import { hostErrorText } from '../../shared/hostErrors';
import { showToast } from '../../shared/toast';
import { caseMessages } from './messages';

/**
 * Restores a case from a .hoso bundle: the host verifies every original's hash and stores them,
 * then the data layer writes the records in one transaction (a copy when the case exists here).
 */
export function BundleImportButton() {
  const t = useT(caseMessages);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  async function run(file: File) {
    setBusy(true);
    try {
      const r = await getBridge().importBundle(await file.arrayBuffer());
      if (!r.ok) {
        showToast({ tone: 'error', text: hostErrorText(r.error, file.name) });
        return;
      }
      const result = await importCaseData(r.value.caseData);
      showToast({
        tone: 'ok',
        text: t(result.renamedIds ? 'bundleCopied' : 'bundleImported', { n: result.pages }),
      });
      navigate({ name: 'case', caseId: result.caseId });
    } catch (e) {
      showToast({ tone: 'error', text: `${file.name}: ${describeDbError(e, getLocale())}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" onClick={() => input.current?.click()} disabled={busy}>
        {busy ? t('bundleWorking') : t('importBundle')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".hoso,application/zip"
        hidden
        data-testid="bundle-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void run(file);
        }}
      />
    </>
  );
}
