import { useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { hrefFor } from '../../shared/router';
import { useCase } from '../../db';
import { useT } from '../../i18n';
import { MapEditor } from './editor/MapEditor';
import { installWorkerLayout } from './editor/layoutWorker';
import { useMapEditor } from './editor/useMapEditor';
import { exportJson, exportPdf, exportPng, exportSvg, type ExportMeta } from './export/exporters';
import { messages } from './messages';
import './mindmap.css';

installWorkerLayout();

/** The map editor screen: route { name: 'map', caseId, mapId }. */
export default function MapView({ route }: { route: { caseId: string; mapId: string } }) {
  const t = useT(messages);
  const editor = useMapEditor(route.mapId);
  const theCase = useCase(route.caseId);
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const { load, history, save } = editor;

  if (load.status === 'loading' || (load.status === 'ready' && !history))
    return (
      <p className="loading" aria-busy="true">
        {t('loading')}
      </p>
    );
  if (load.status === 'missing') return <p className="error-text mm-message">{t('notFound')}</p>;
  if (load.status === 'corrupt') return <p className="error-text mm-message">{t('corrupt')}</p>;
  if (!history) return null;

  const meta: ExportMeta = {
    mapName: load.record.name,
    caseNumber: theCase?.number ?? '',
    caseName: theCase?.name ?? '',
  };
  const onExport = async (kind: 'png' | 'svg' | 'pdf-A4' | 'pdf-A3' | 'json') => {
    setExportError(null);
    setExporting(true);
    try {
      if (kind === 'json') exportJson(history.present, meta);
      if (kind === 'svg') await exportSvg(history.present, meta);
      if (kind === 'png') await exportPng(history.present, meta);
      if (kind === 'pdf-A4' || kind === 'pdf-A3')
        await exportPdf(history.present, meta, kind === 'pdf-A4' ? 'A4' : 'A3');
    } catch (e) {
      setExportError(t('exportFailed', { detail: (e as Error).message }));
    } finally {
      setExporting(false);
    }
  };

  return (
    <section className="mm-view" aria-labelledby="mm-title">
      <header className="mm-header">
        <a href={hrefFor({ name: 'case', caseId: route.caseId, tab: 'maps' })}>{t('back')}</a>
        <h1 id="mm-title">{load.record.name}</h1>
        {theCase && (
          <span className="mm-case">
            {theCase.number} — {theCase.name}
          </span>
        )}
        <span className={`mm-save mm-save-${save.kind}`} role="status" aria-live="polite">
          {save.kind === 'error' ? t('saveFailed', { detail: save.message }) : exporting ? '…' : t(save.kind)}
        </span>
        {exportError && (
          <span className="error-text" role="alert">
            {exportError}
          </span>
        )}
      </header>
      <ReactFlowProvider>
        <MapEditor
          caseId={route.caseId}
          mapId={route.mapId}
          model={history.present}
          canUndo={history.past.length > 0}
          canRedo={history.future.length > 0}
          commit={editor.commit}
          undo={editor.undo}
          redo={editor.redo}
          onExport={(k) => void onExport(k)}
        />
      </ReactFlowProvider>
    </section>
  );
}
