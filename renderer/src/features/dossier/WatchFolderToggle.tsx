import { useEffect, useState } from 'react';
import { getBridge } from '../../bridge';
import { useT } from '../../i18n';
import { setSetting, useSetting } from '../settings/appSettings';
import { dossierMessages } from './messages';

/** "Nhận tệp từ thư mục quét vào vụ án này": the watched folder feeds one case at a time. */
export function WatchFolderToggle({ caseId }: { caseId: string }) {
  const t = useT(dossierMessages);
  const watchCase = useSetting('watch.caseId');
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
        onChange={(e) => void setSetting('watch.caseId', e.target.checked ? caseId : null)}
      />
      <span>
        {t('watchThisCase')}
        {folder === null && <span className="muted"> — {t('watchFolderNone')}</span>}
        {folder && <span className="muted"> — {folder}</span>}
      </span>
    </label>
  );
}
