import { z } from 'zod';
import { configSchema } from './schema.ts';

/**
 * The JSON Schema of the merged configuration, generated from the zod schema so editors can check
 * config files while a technician writes them (a site override names only the fields it changes).
 * A test keeps config/kiosk-config.schema.json in step with the zod schema.
 */
export function configJsonSchema(): object {
  const schema = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { ...schema, title: 'Tongban kiosk configuration', properties: { $schema: { type: 'string' }, ...(schema.properties as object) } };
}
