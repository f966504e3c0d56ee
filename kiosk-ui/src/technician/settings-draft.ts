/**
 * The technician's settings form as flat fields ("kiosk.siteName", "devices.id-reader.path" …) and
 * the site override it becomes. Only these fields are editable on screen; everything else in the
 * site file is kept as it is. The bridge validates with the start-up schema before anything is written.
 */

/** How a field is edited and what type its value has in the site file. */
export type FieldKind =
  /** typed on the kiosk keyboard; `keyboard` says which modes, `symbols` adds : / . - _ keys (URLs) */
  | { kind: 'text'; keyboard: ReadonlyArray<'pinyin' | 'latin' | 'digits'>; maxLength: number; symbols?: boolean }
  /** whole seconds on the numeric keypad */
  | { kind: 'seconds'; maxLength: number }
  | { kind: 'toggle' }
  /** several of a fixed list (the languages): stored as an array */
  | { kind: 'languages' }
  /** one of the serial ports the OS sees */
  | { kind: 'port' }
  /** one of the line speeds the schema allows */
  | { kind: 'baud' }
  /** one of the queues the kiosk's CUPS has */
  | { kind: 'cups-queue' };

export const baudRates = ['9600', '19200', '38400', '57600', '115200'] as const;

/** The fields every kiosk has, in screen order. */
export const fixedFields: ReadonlyArray<{ field: string } & FieldKind> = [
  { field: 'kiosk.siteName', kind: 'text', keyboard: ['pinyin', 'latin', 'digits'], maxLength: 60 },
  { field: 'kiosk.helpPhone', kind: 'text', keyboard: ['digits'], maxLength: 20 },
  { field: 'session.idleTimeoutSeconds', kind: 'seconds', maxLength: 4 },
  { field: 'session.countdownSeconds', kind: 'seconds', maxLength: 3 },
  { field: 'technician.inactivityTimeoutSeconds', kind: 'seconds', maxLength: 4 },
  { field: 'kiosk.languages', kind: 'languages' },
  { field: 'fleet.mqtt.enabled', kind: 'toggle' },
  { field: 'fleet.mqtt.url', kind: 'text', keyboard: ['latin', 'digits'], maxLength: 120, symbols: true },
];

export type Draft = Record<string, string>;

function get(source: unknown, path: string[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
    source,
  );
}

/** The per-device fields this kiosk's config has: a serial path, a baud rate, a CUPS queue. */
export function deviceFields(effective: Record<string, unknown>): Array<{ field: string } & FieldKind> {
  const devices = (effective.devices ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(devices).flatMap(([id, device]) => [
    ...(typeof device.path === 'string' ? [{ field: `devices.${id}.path`, kind: 'port' as const }] : []),
    ...(typeof device.baudRate === 'number' ? [{ field: `devices.${id}.baudRate`, kind: 'baud' as const }] : []),
    ...(typeof device.queue === 'string' ? [{ field: `devices.${id}.queue`, kind: 'cups-queue' as const }] : []),
  ]);
}

/** The kind of a field of the draft (fixed or per device), by its name. */
export function kindOf(field: string): FieldKind['kind'] {
  const fixed = fixedFields.find((candidate) => candidate.field === field);
  if (fixed) return fixed.kind;
  if (field.endsWith('.path')) return 'port';
  if (field.endsWith('.baudRate')) return 'baud';
  if (field.endsWith('.queue')) return 'cups-queue';
  return 'text';
}

/**
 * The form's starting values from the effective config. `allLanguages` fills the language field
 * when the config offers every language (no kiosk.languages), so the form shows what the screen does.
 */
export function draftFrom(effective: Record<string, unknown>, allLanguages: readonly string[] = []): Draft {
  const draft: Draft = {};
  for (const { field, kind } of [...fixedFields, ...deviceFields(effective)]) {
    const value = get(effective, field.split('.'));
    if (kind === 'languages') draft[field] = (Array.isArray(value) ? (value as string[]) : allLanguages).join(',');
    else if (kind === 'toggle') draft[field] = value === true ? 'true' : 'false';
    else draft[field] = value === undefined || value === null ? '' : String(value);
  }
  return draft;
}

/** The draft value as the site file holds it: numbers as numbers, switches as booleans, lists as arrays. */
function typed(field: string, raw: string): unknown {
  switch (kindOf(field)) {
    case 'seconds':
    case 'baud':
      return /^\d+$/.test(raw) ? Number(raw) : raw;
    case 'toggle':
      return raw === 'true';
    case 'languages':
      return raw.split(',').filter(Boolean);
    default:
      return raw;
  }
}

/**
 * The site override with the draft's values set into it (a copy; `site` is not changed). With the
 * `baseline` the form started from, only the fields the technician changed are written: a field left
 * alone keeps following config/default.json (e.g. languages added to a later build).
 */
export function overrideFrom(site: Record<string, unknown>, draft: Draft, baseline: Draft = {}): Record<string, unknown> {
  const result = structuredClone(site);
  for (const [field, raw] of Object.entries(draft)) {
    if (baseline[field] === raw) continue;
    const path = field.split('.');
    let node = result;
    for (const key of path.slice(0, -1)) {
      if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[path.at(-1)!] = typed(field, raw);
  }
  return result;
}

/** Turns one language on or off in the draft's comma list; zh-CN, the start language, stays on. */
export function toggleLanguage(list: string, tag: string): string {
  const tags = list.split(',').filter(Boolean);
  if (tag === 'zh-CN') return tags.join(',');
  return (tags.includes(tag) ? tags.filter((candidate) => candidate !== tag) : [...tags, tag]).join(',');
}
