import type { ExhibitSource } from '@hoso/domain';
import { optionalComponent } from './optionalFeature';

/** The courtroom engineer's "Thêm vào trình chiếu" button (renders nothing until it exists). */
export const AddToPresentationButton = optionalComponent<{ caseId: string; exhibit: ExhibitSource }>(
  '../features/courtroom/PresentationsTab.tsx',
  'AddToPresentationButton',
  () => null,
);
