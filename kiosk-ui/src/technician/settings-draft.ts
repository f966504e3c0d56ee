/**
 * The technician's settings form as flat fields ("kiosk.siteName", "devices.id-reader.path" …) and
 * the site override it becomes. Only these fields are editable on screen; everything else in the
 * site file is kept as it is. The bridge validates with the start-up schema before anything is written.
 */
export const textFields = ['kiosk.siteName', 'kiosk.helpPhone', 'session.idleTimeoutSeconds'] as const;
export type TextField = (typeof textFields)[number];
const numericFields: ReadonlySet<string> = new Set(['session.idleTimeoutSeconds']);

export type Draft = Record<string, string>;

function get(source: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), source);
}

/** The form's starting values from the effective config; serial paths only for devices that have one. */
export function draftFrom(effective: Record<string, unknown>): Draft {
  const draft: Draft = {};
  for (const field of textFields) draft[field] = String(get(effective, field.split('.')) ?? '');
  const devices = (effective.devices ?? {}) as Record<string, Record<string, unknown>>;
  for (const [id, device] of Object.entries(devices)) {
    if (typeof device.path === 'string') draft[`devices.${id}.path`] = device.path;
  }
  return draft;
}

/** The site override with the draft's values set into it (a copy; `site` is not changed). */
export function overrideFrom(site: Record<string, unknown>, draft: Draft): Record<string, unknown> {
  const result = structuredClone(site);
  for (const [field, raw] of Object.entries(draft)) {
    const path = field.split('.');
    let node = result;
    for (const key of path.slice(0, -1)) {
      if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    const value = numericFields.has(field) && /^\d+$/.test(raw) ? Number(raw) : raw;
    node[path.at(-1)!] = value;
  }
  return result;
}
