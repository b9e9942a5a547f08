import { lazy } from 'react';

/**
 * The courtroom engineer's "Thêm vào trình chiếu" button, loaded on demand so the dossier and the
 * viewer do not pull the courtroom bundle up front. It takes evidence refs as the drag payload
 * carries them (regions in OCR-frame pixels) and normalizes them itself.
 */
export const AddToPresentationButton = lazy(() => import('./AddToPresentationButton'));
