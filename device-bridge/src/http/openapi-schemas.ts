import { z } from 'zod';
import * as api from '../api/index.ts';
import { endpoints, type Endpoint, type EndpointName } from '../api/endpoints.ts';

export type JsonSchema = Record<string, unknown>;
export type EndpointPart = 'params' | 'query' | 'body' | 'response';

const componentRef = (name: string) => `#/components/schemas/${name}`;

/**
 * Every zod schema the api modules export as `fooBarSchema` becomes the component `FooBar`, the name
 * of its inferred type there; a schema exported twice would keep the first name in code-unit order.
 */
function exportedSchemaNames(): Map<z.ZodType, string> {
  const names = new Map<z.ZodType, string>();
  for (const [exportName, value] of Object.entries(api).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!exportName.endsWith('Schema') || !(value instanceof z.ZodType) || names.has(value)) continue;
    const name = exportName.slice(0, -'Schema'.length);
    names.set(value, name[0]!.toUpperCase() + name.slice(1));
  }
  return names;
}

/**
 * The endpoint table's zod schemas as JSON Schema for its OpenAPI document. They are converted in
 * one pass through a registry, so a named schema is a `$ref` wherever it occurs, however deeply
 * nested. A schema the table uses without a name (an endpoint's params object, an inline array) is
 * registered under a working id and taken back out, to be inlined or spread into parameters; only
 * named schemas become components.
 */
export function endpointJsonSchemas() {
  const names = exportedSchemaNames();
  const registry = z.registry<{ id: string }>();
  const inlineIds = new Set<string>();
  const use = (schema: z.ZodType, workingId: string): string => {
    const name = names.get(schema);
    if (name) return name;
    registry.add(schema, { id: workingId });
    inlineIds.add(workingId);
    return workingId;
  };
  // every named schema, so each is a `$ref` wherever the table's schemas nest it; `components`
  // keeps only the ones the document reaches
  for (const [schema, name] of names) registry.add(schema, { id: name });
  const ids = new Map<`${EndpointName}.${EndpointPart}`, string>();
  for (const [name, endpoint] of Object.entries(endpoints) as [EndpointName, Endpoint][]) {
    const parts: [EndpointPart, z.ZodType | undefined][] = [
      ['params', 'params' in endpoint ? endpoint.params : undefined],
      ['query', 'query' in endpoint ? endpoint.query : undefined],
      ['body', 'body' in endpoint ? endpoint.body : undefined],
      ['response', 'schema' in endpoint.response ? endpoint.response.schema : undefined],
    ];
    for (const [part, schema] of parts) if (schema) ids.set(`${name}.${part}`, use(schema, `${name}.${part}`));
  }
  // io input: what a request must look like, and for answers what the router checks them against
  // (it validates the handler's result and sends that result, not the parsed output). No
  // `unrepresentable: 'any'`: a schema JSON Schema cannot express stops the generator instead of
  // quietly becoming {}.
  const converted = z.toJSONSchema(registry, {
    io: 'input',
    uri: componentRef,
  }).schemas as Record<string, JsonSchema>;
  const schemaOf = (id: string): JsonSchema => {
    const { $id: _id, $schema: _dialect, ...schema } = converted[id]!;
    return schema;
  };
  const refOrInline = (id: string): JsonSchema => (inlineIds.has(id) ? schemaOf(id) : { $ref: componentRef(id) });
  return {
    /** the named schemas reached from `value`, directly or through one another, in name order */
    components: (value: unknown) => {
      const reached = new Set<string>();
      const visit = (from: unknown) => {
        for (const [, ref] of JSON.stringify(from).matchAll(/"\$ref":"(#\/components\/schemas\/[^"]+)"/g)) {
          const name = ref!.slice(componentRef('').length);
          if (reached.has(name)) continue;
          if (!(name in converted) || inlineIds.has(name)) throw new Error(`${ref} is not a named schema`);
          reached.add(name);
          visit(schemaOf(name));
        }
      };
      visit(value);
      return Object.fromEntries([...reached].sort().map((name) => [name, schemaOf(name)]));
    },
    errorBody: { $ref: componentRef(names.get(api.errorBodySchema)!) },
    /** the converted schema of one part of an endpoint: a `$ref` for a named one */
    part: (name: EndpointName, part: EndpointPart): JsonSchema | undefined => {
      const id = ids.get(`${name}.${part}`);
      return id === undefined ? undefined : refOrInline(id);
    },
    /** the object schema of params or query itself, to spread into parameters */
    object: (name: EndpointName, part: 'params' | 'query') => {
      const id = ids.get(`${name}.${part}`);
      if (id === undefined) return undefined;
      return (inlineIds.has(id) ? schemaOf(id) : converted[id]) as { properties?: Record<string, JsonSchema>; required?: string[] };
    },
  };
}
