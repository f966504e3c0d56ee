import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { configSchema, type KioskConfig } from './schema.ts';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const defaultConfigFile = resolve(repoRoot, 'config/default.json');

/** A configuration problem, with a message that names the field and what is allowed. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isPlainObject(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Objects merge key by key; anything else in the override replaces the default. An entry that
 * names a different `driver` replaces the default entry whole: the simulator's settings (pageMs,
 * readMs) mean nothing to a real driver, whose strict schema would refuse them.
 */
export function deepMerge(base: Json, override: Json): Json {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  if ('driver' in override && override.driver !== base.driver) return override;
  const merged: Record<string, Json> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    merged[key] = key in base ? deepMerge(base[key] as Json, value) : value;
  }
  return merged;
}

function readJson(file: string, what: string): Json {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${what} ${file} cannot be read: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    throw new ConfigError(`${what} ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  return `${field}: ${issue.message}`;
}

/** Validates a merged configuration object; throws ConfigError naming every bad field. */
export function parseConfig(raw: unknown, source: string): KioskConfig {
  const result = configSchema.safeParse(raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map(describeIssue);
  throw new ConfigError(`invalid configuration (${source}):\n  - ${lines.join('\n  - ')}`);
}

function parsePortVariable(value: string): number {
  if (!/^\d{1,5}$/.test(value)) {
    throw new ConfigError(`KIOSK_PORT: "${value}" is not a port number (1–65535)`);
  }
  return Number(value);
}

/**
 * The kiosk's configuration: config/default.json, then the site file named by KIOSK_CONFIG, then
 * KIOSK_PORT. The bridge refuses to start on any invalid value.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, defaultFile = defaultConfigFile): KioskConfig {
  const defaults = readJson(defaultFile, 'default configuration');
  let merged = defaults;
  const sources = [defaultFile];
  if (env.KIOSK_CONFIG) {
    const siteFile = resolve(env.KIOSK_CONFIG);
    merged = deepMerge(merged, readJson(siteFile, 'KIOSK_CONFIG file'));
    sources.push(siteFile);
  }
  if (isPlainObject(merged)) {
    delete merged.$schema;
    if (env.KIOSK_PORT !== undefined && env.KIOSK_PORT !== '') {
      merged = deepMerge(merged, { server: { port: parsePortVariable(env.KIOSK_PORT) } });
    }
  }
  return parseConfig(merged, sources.join(' + '));
}
