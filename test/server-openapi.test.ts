import { describe, expect, test } from 'vitest';
import { createTestApp, sharedRuntime, withServer } from './server-helpers.js';

type OpenApi = {
  openapi: string;
  paths: Record<string, Record<string, { security?: unknown; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown>; securitySchemes?: unknown };
};

/** `GET /api/sources/:file` → `get /api/sources/{file}` */
const operationOf = (method: string, path: string) => `${method.toLowerCase()} ${path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`;

describe('GET /openapi.json', () => {
  test('describes exactly the routes the app has', async () => {
    const { app } = await createTestApp();
    const doc = (await (await app.request('/openapi.json')).json()) as OpenApi;
    expect(doc.openapi).toBe('3.1.0');
    const routed = new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => operationOf(r.method, r.path)));
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`)),
    );
    expect([...routed].sort()).toEqual([...documented].sort());
  });

  test('every $ref points at a component schema, and the ask schemas carry the limits', async () => {
    const { app } = await createTestApp();
    const doc = (await (await app.request('/openapi.json')).json()) as OpenApi;
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const name of refs) expect(doc.components.schemas).toHaveProperty(name);
    expect(doc.components.schemas.AskRequest).toMatchObject({
      required: ['question'],
      properties: { question: { maxLength: 2000 }, topK: { minimum: 1, maximum: 20, default: 5 } },
    });
    expect(JSON.stringify(doc)).not.toContain('$schema');
  });

  test('declares bearer auth on /api routes only when an API key is configured', async () => {
    const runtime = await sharedRuntime();
    const { app } = await createTestApp({ config: withServer(runtime.config, { apiKey: 'k' }) });
    const doc = (await (await app.request('/openapi.json')).json()) as OpenApi;
    expect(doc.components.securitySchemes).toEqual({ bearerAuth: { type: 'http', scheme: 'bearer' } });
    expect(doc.paths['/api/ask'].post.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/health'].get.security).toBeUndefined();
    expect(JSON.stringify(doc)).not.toContain('"k"');
    const open = (await (await (await createTestApp()).app.request('/openapi.json')).json()) as OpenApi;
    expect(open.paths['/api/ask'].post.security).toBeUndefined();
  });
});
