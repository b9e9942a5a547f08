import { useEffect, useState } from 'react';
import { getBridge } from '../../bridge';
import { useT } from '../../i18n';
import { setSetting, useSetting } from '../../db';
import { dossierMessages } from './messages';

/** "Nhận tệp từ thư mục quét vào vụ án này": the watched folder feeds one case at a time. */
export function WatchFolderToggle({ caseId }: { caseId: string }) {
  const t = useT(dossierMessages);
  const stored = useSetting('watch.caseId');
  // Shown at once; the stored setting catches up a moment later (and wins when it changes).
  const [pending, setPending] = useState<{ stored: typeof stored; value: string | null } | null>(null);
  const watchCase = pending && pending.stored === stored ? pending.value : stored;
  const [folder, setFolder] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void getBridge()
      .getWatchFolder()
      .then((r) => live && setFolder(r.ok ? r.value : null));
    return () => {
      live = false;
    };
  }, []);
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={watchCase === caseId}
        onChange={(e) => {
          const value = e.target.checked ? caseId : null;
          setPending({ stored, value });
          void setSetting('watch.caseId', value);
        }}
      />
      <span>
        {t('watchThisCase')}
        {folder === null && <span className="muted"> — {t('watchFolderNone')}</span>}
        {folder && <span className="muted"> — {folder}</span>}
      </span>
    </label>
  );
}
