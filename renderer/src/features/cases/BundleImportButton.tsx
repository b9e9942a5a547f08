import { useRef, useState } from 'react';
import { describeDbError, importCaseData } from '../../db';
import { getBridge } from '../../bridge';
import { navigate } from '../../shared/router';
import { getLocale, useT } from '../../i18n';
import { hostErrorText } from '../../shared/hostErrors';
import { showToast } from '../../shared/toast';
import { PassphraseDialog } from '../custody/PassphraseDialog';
import { caseMessages } from './messages';

/**
 * Restores a case from a .hoso bundle: the host verifies every original's hash and stores them,
 * then the data layer writes the records in one transaction (a copy when the case exists here).
 */
export function BundleImportButton() {
  const t = useT(caseMessages);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<{ prompt: string; resolve: (v: string | null) => void } | null>(null);
  const askPassphrase = (prompt: string) =>
    new Promise<string | null>((resolve) => setAsking({ prompt, resolve }));

  async function run(file: File) {
    setBusy(true);
    try {
      const bytes = await file.arrayBuffer();
      let r = await getBridge().importBundle(bytes);
      // An encrypted bundle: ask for its passphrase until it is right or the user gives up.
      while (!r.ok && (r.error.code === 'PASSPHRASE_REQUIRED' || r.error.code === 'WRONG_PASSPHRASE')) {
        const passphrase = await askPassphrase(
          r.error.code === 'WRONG_PASSPHRASE' ? t('bundleWrongPassphrase') : t('bundleNeedsPassphrase'),
        );
        if (!passphrase) return;
        r = await getBridge().importBundle(bytes, { passphrase });
      }
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
      {asking && (
        <PassphraseDialog
          prompt={asking.prompt}
          labels={{ ok: t('bundleOpen'), cancel: t('bundleCancel'), field: t('bundlePassphrase') }}
          onDone={(value) => {
            setAsking(null);
            asking.resolve(value);
          }}
        />
      )}
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
