import { useState } from 'react';
import { useT } from '../../i18n';
import type { ExhibitRef } from './data/drafts';
import { createPresentation, usePresentations } from '../../db';
import { addRefToPresentation } from './data/presentations';
import { courtroomMessages } from './messages';
import './courtroom.css';

/**
 * "Thêm vào trình chiếu" for the viewer and the mind map: adds the page, region, document or map
 * view to one of the case's presentation lists (creating the first list when there is none).
 */
export function AddToPresentationButton({ caseId, exhibit }: { caseId: string; exhibit: ExhibitRef }) {
  const t = useT(courtroomMessages);
  const lists = usePresentations(caseId);
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  const addTo = async (id: string, name: string) => {
    setOpen(false);
    try {
      const ok = await addRefToPresentation(id, exhibit);
      setStatus(ok ? t('addedTo', { name }) : t('addFailed', { error: '—' }));
    } catch (err) {
      setStatus(t('addFailed', { error: err instanceof Error ? err.message : String(err) }));
    }
  };

  const onClick = async () => {
    if (!lists) return;
    if (lists.length === 0) {
      const record = await createPresentation(caseId, t('newListName', { n: 1 }));
      return addTo(record.id, record.name);
    }
    if (lists.length === 1) return addTo(lists[0].id, lists[0].name);
    setOpen((o) => !o);
  };

  return (
    <span className="pl-addbtn" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button
        type="button"
        aria-haspopup={lists && lists.length > 1 ? 'menu' : undefined}
        aria-expanded={open}
        onClick={() => void onClick()}
      >
        {t('addToList')}
      </button>
      {open && lists && (
        <ul className="pl-menu" role="menu">
          {lists.map((l) => (
            <li key={l.id} role="none">
              <button type="button" role="menuitem" onClick={() => void addTo(l.id, l.name)}>
                {l.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {status && (
        <span className="pl-status" role="status">
          {status}
        </span>
      )}
    </span>
  );
}

export default AddToPresentationButton;
