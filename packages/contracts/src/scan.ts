import { z } from 'zod';

/** Scanning straight from a scanner (issue 15): the host drives the device, pages arrive stored. */
export const ScannerDeviceSchema = z.object({
  id: z.string(),
  vendor: z.string(),
  model: z.string(),
  type: z.string(),
});
export type ScannerDeviceInfo = z.infer<typeof ScannerDeviceSchema>;

export const ScanRequestSchema = z.object({
  /** For the audit log and for the renderer to route the pages (the host keeps no dossier). */
  caseId: z.string().min(1).max(200),
  /** Echoed in each `scan-page` event: the volume the renderer records the page in. */
  volumeId: z.string().min(1).max(200),
  device: z.string().min(1).max(200),
  source: z.enum(['flatbed', 'adf', 'duplex']),
  mode: z.enum(['color', 'gray', 'lineart']),
  dpi: z.number().int().min(75).max(1200),
  maxPages: z.number().int().min(1).max(10_000).optional(),
});
export type ScanRequest = z.infer<typeof ScanRequestSchema>;

export const ScanIdSchema = z.string().regex(/^scan-[0-9a-z-]{1,60}$/);
