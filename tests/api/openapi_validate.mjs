// openapi_validate.mjs: api/openapi.json checked by an OpenAPI validator
// from npm (@readme/openapi-parser: the OpenAPI 3.1 schema and its own
// rules: path parameters declared, unique operationIds, $refs resolved).
// tests/unit/test_http.c holds the same file against the router; this
// checks the description as such. A deliberately broken copy must be
// refused, so a validator that accepts anything would fail here.
//
//   node tests/api/openapi_validate.mjs [api/openapi.json]
//
// Closes with "openapi: N passed, N failed".
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileErrors, dereference, validate } from '@readme/openapi-parser';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const file = resolve(process.argv[2] ?? join(root, 'api/openapi.json'));
const text = readFileSync(file, 'utf8');
const fresh = () => JSON.parse(text); // the parser may change what it gets

let passed = 0;
let failed = 0;
async function test(name, fn) {
  try {
    await fn();
    passed++;
  } catch (e) {
    failed++;
    console.log(`FAIL: ${name}\n  ${String(e.message).split('\n').slice(0, 12).join('\n  ')}`);
  }
}
function expect(cond, msg) {
  if (!cond) throw new Error(msg);
}

await test('the description is OpenAPI 3.1', () => {
  const v = fresh().openapi;
  expect(typeof v === 'string' && v.startsWith('3.1.'), `openapi: ${v}`);
});

await test('valid against the OpenAPI 3.1 schema and the validator rules', async () => {
  const res = await validate(fresh());
  expect(res.valid, compileErrors(res));
  if (res.warnings?.length) console.log(`  warnings: ${JSON.stringify(res.warnings).slice(0, 400)}`);
});

await test('every $ref resolves', async () => {
  const api = await dereference(fresh());
  expect(!JSON.stringify(api, (k, v) => (k === '$ref' ? undefined : v)).includes('"$ref"'), 'a $ref left');
});

await test('every operation answers 200 and its errors are problem+json', async () => {
  const api = await dereference(fresh());
  const bad = [];
  for (const [path, item] of Object.entries(api.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'put', 'post', 'delete', 'patch', 'head', 'options'].includes(method)) continue;
      const r = op.responses ?? {};
      if (!r['200'] && !r['201'] && !r['204']) bad.push(`${method} ${path}: no success answer`);
      for (const [code, resp] of Object.entries(r)) {
        if (/^[45]/.test(code) && !resp.content?.['application/problem+json'])
          bad.push(`${method} ${path} ${code}: not application/problem+json`);
      }
    }
  }
  expect(bad.length === 0, bad.join('\n'));
});

await test('a broken description is refused (the validator validates)', async () => {
  const api = fresh();
  const [path] = Object.keys(api.paths);
  api.paths[path].get.responses = 'none'; // responses must be an object
  api.paths['/api/x/{id}'] = { get: { responses: { 200: { description: 'x' } } } }; // {id} undeclared
  const res = await validate(api);
  expect(!res.valid, 'the broken copy was accepted');
});

console.log(`openapi: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
