import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { endpoints, type EndpointName } from '../api/endpoints.ts';
import { bridgeOpenApiCommand, bridgeOpenApiFile, bridgeOpenApiText } from './write-openapi.ts';

describe('config/bridge-openapi.json', () => {
  const text = bridgeOpenApiText();

  it('is what the endpoint table generates', () => {
    const committed = readFileSync(bridgeOpenApiFile, 'utf8');
    expect(committed, `config/bridge-openapi.json is out of step with the endpoint table: run ${bridgeOpenApiCommand}`).toBe(text);
  });

  it('has each endpoint once, at its method and path, with its access, and every $ref resolves', () => {
    const document = JSON.parse(text) as {
      paths: Record<string, Record<string, { operationId: string; 'x-access': string }>>;
      components: { schemas: Record<string, unknown>; responses: Record<string, unknown> };
    };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, ...operation })),
    );
    expect(operations.map((operation) => operation.operationId).sort()).toEqual(Object.keys(endpoints).sort());
    for (const operation of operations) {
      const endpoint = endpoints[operation.operationId as EndpointName];
      expect(`${operation.method.toUpperCase()} ${operation.path}`).toBe(`${endpoint.method} ${endpoint.path.replace(/:(\w+)/g, '{$1}')}`);
      expect(operation['x-access']).toBe(endpoint.access);
    }
    for (const [, kind, name] of text.matchAll(/"\$ref": "#\/components\/(schemas|responses)\/([^"]+)"/g)) {
      expect(document.components[kind as 'schemas' | 'responses'][name!], `${kind}/${name}`).toBeDefined();
    }
  });
});
