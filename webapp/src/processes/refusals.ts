import { ApiError } from '../api/problem';

/**
 * Why the server (or the check before deploying) refuses a model file: the file, the element the problem is in
 * (its id, or the nearest ancestor's; null for the file as a whole) and the reason. The server sends these as the
 * `refusals` member of its `model-refused` problem, which the OpenAPI document types only as an extension member,
 * so they are read (and checked) here.
 */
export interface Refusal {
  file: string | null;
  elementId: string | null;
  reason: string;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

/** The refusals of a failed deployment, or null when the error is not a `model-refused` problem. */
export function refusalsOf(error: unknown): Refusal[] | null {
  if (!(error instanceof ApiError) || error.kind !== 'model-refused') return null;
  const raw = (error.problem as Record<string, unknown>).refusals;
  const list = Array.isArray(raw) ? raw : [];
  const refusals = list.flatMap((item): Refusal[] => {
    if (!item || typeof item !== 'object') return [];
    const { file, elementId, reason } = item as Record<string, unknown>;
    return [{ file: text(file), elementId: text(elementId), reason: text(reason) ?? 'Refused.' }];
  });
  return refusals.length > 0 ? refusals : [{ file: null, elementId: null, reason: error.message }];
}

/** The refusals that concern the file being edited (those naming no file concern every file). */
export function refusalsForFile(refusals: Refusal[], fileName: string): Refusal[] {
  return refusals.filter((r) => r.file === null || r.file === fileName);
}

/** The services of a bpmn-js canvas that marking needs (duck-typed, so the mapping is tested without a canvas). */
export interface MarkingServices {
  canvas: { addMarker(id: string, marker: string): void; removeMarker(id: string, marker: string): void };
  overlays: {
    add(id: string, type: string, overlay: { position: { bottom?: number; left?: number; top?: number; right?: number }; html: HTMLElement }): string;
    remove(filter: { type: string }): void;
  };
  elementRegistry: { get(id: string): unknown };
}

export const REFUSAL_MARKER = 'sf-refused';
export const REFUSAL_OVERLAY = 'sf-refusal';

/**
 * Puts each refusal on its element: a marker (red outline) and an overlay with the reason under it. Earlier marks
 * are removed first. Returns the refusals that name no element on the canvas (shown only in the panel).
 */
export function markRefusals(services: MarkingServices, refusals: Refusal[], previous: string[]): Refusal[] {
  const { canvas, overlays, elementRegistry } = services;
  for (const id of previous) {
    if (elementRegistry.get(id)) canvas.removeMarker(id, REFUSAL_MARKER);
  }
  overlays.remove({ type: REFUSAL_OVERLAY });
  const unplaced: Refusal[] = [];
  const reasonsById = new Map<string, string[]>();
  for (const refusal of refusals) {
    if (!refusal.elementId || !elementRegistry.get(refusal.elementId)) {
      unplaced.push(refusal);
      continue;
    }
    reasonsById.set(refusal.elementId, [...(reasonsById.get(refusal.elementId) ?? []), refusal.reason]);
  }
  for (const [id, reasons] of reasonsById) {
    canvas.addMarker(id, REFUSAL_MARKER);
    const html = document.createElement('div');
    html.className = REFUSAL_OVERLAY;
    html.setAttribute('role', 'note');
    html.textContent = reasons.join(' ');
    overlays.add(id, REFUSAL_OVERLAY, { position: { bottom: -6, left: 0 }, html });
  }
  previous.splice(0, previous.length, ...reasonsById.keys());
  return unplaced;
}
