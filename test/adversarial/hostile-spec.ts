// A spec with hostile strings in every position a spec can put text (see hostile-names.test.ts).

export const SET = "globalThis.__specmillPwned = 'pwned'";
/** Strings that try to leave an identifier, a string literal, a comment or a line. */
export const HOSTILE = [
  `x: string; } export const pwned = (${SET}); interface Z { y`,
  `*/ ${SET}; /*`,
  `\n${SET}; //`,
  `\r${SET}; //`,
  `\u2028${SET}; //`,
  `\u2029${SET}; //`,
  `'); ${SET}; ('`,
  `"); ${SET}; ("`,
  `\`); ${SET}; (\``,
  `\${${SET}}`,
  `</script><script>${SET}</script>`,
  `\u202e${SET}\u200b`,
  `@internal ${SET}`,
];
export const PROTOTYPE = ['constructor', 'prototype', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'toString', 'then'];

export function hostileSpec(): object {
  const properties: Record<string, object> = {};
  [...HOSTILE, ...PROTOTYPE, '@context', 'a-b', '123', ''].forEach((name, i) => {
    Object.defineProperty(properties, name, {
      value: { type: 'string', description: HOSTILE[i % HOSTILE.length], enum: [HOSTILE[i % HOSTILE.length], 'plain'], default: HOSTILE[(i + 1) % HOSTILE.length] },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  });
  const schemas: Record<string, object> = {
    Thing: { type: 'object', description: HOSTILE.join(' | '), required: ['constructor', 'hasOwnProperty'], properties, 'x-enum-descriptions': HOSTILE },
    ApiError: { type: 'object', properties: { shadow: { type: 'string' } } },
    Order: { type: 'object', properties: { a: { type: 'string' } } },
    order: { type: 'object', properties: { b: { type: 'string' } } },
    then: { type: 'string' },
    constructor: { type: 'object', properties: { prototype: { type: 'string' } } },
    valueOf: { type: 'object', properties: { hasOwnProperty: { type: 'string' } }, required: ['hasOwnProperty'] },
    Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } }, parent: { $ref: '#/components/schemas/Node' } } },
  };
  HOSTILE.forEach((name, i) => {
    schemas[`Pwn${i}${name}`] = { type: 'object', description: name, properties: { [name]: { type: 'integer' } } };
  });
  const responses = (i: number) => ({
    '200': {
      description: HOSTILE[i % HOSTILE.length],
      headers: { [`X-${HOSTILE[i % HOSTILE.length]}`]: { description: HOSTILE[i % HOSTILE.length], schema: { type: 'string' } } },
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
    },
    '4XX': { description: HOSTILE[(i + 1) % HOSTILE.length], 'x-error-codes': HOSTILE, content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } },
    default: { description: HOSTILE[(i + 2) % HOSTILE.length] },
  });
  const paths: Record<string, object> = {};
  HOSTILE.forEach((text, i) => {
    paths[`/things/{id}/${encodeURIComponent(text)}/${i}`] = {
      [i % 2 === 0 ? 'get' : 'post']: {
        operationId: i === 0 ? 'then' : i === 1 ? 'isError' : text,
        summary: text,
        description: HOSTILE.join('\n'),
        tags: [text],
        parameters: [
          { name: 'id', in: 'path', required: true, description: text, schema: { type: 'string' } },
          { name: text, in: 'query', description: text, schema: { type: 'array', items: { type: 'string', enum: [text] } } },
          { name: `X-${i}-${text}`, in: 'header', schema: { type: 'string' } },
          { name: `c${i}${text}`, in: 'cookie', schema: { type: 'string' } },
          { name: '__proto__', in: 'query', schema: { type: 'string' } },
        ],
        ...(i % 2 === 1 ? { requestBody: { description: text, required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } } : {}),
        responses: responses(i),
        security: [{ [text]: [] }, { key: [] }],
      },
    };
  });
  paths['/orders'] = {
    get: {
      operationId: 'get-order',
      responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Order' } }, next: { type: 'string' } } } } } } },
      'x-pagination': { style: 'cursor', items: '/items', cursorParam: HOSTILE[0], nextCursor: '/next' },
    },
    post: { operationId: 'getOrder', responses: { '201': { description: 'ok' } } },
  };
  const securitySchemes: Record<string, object> = { key: { type: 'apiKey', in: 'header', name: HOSTILE[1], description: HOSTILE[2] } };
  HOSTILE.forEach((text) => {
    securitySchemes[text] = { type: 'http', scheme: 'bearer', description: text };
  });
  return {
    openapi: '3.1.0',
    info: { title: HOSTILE.join(' '), version: HOSTILE[0], description: HOSTILE.join('\n') },
    servers: [{ url: 'https://{host}/v1', description: HOSTILE[1], variables: { host: { default: 'api.example.test', enum: ['api.example.test', HOSTILE[2]!], description: HOSTILE[3] } } }],
    tags: HOSTILE.map((name) => ({ name, description: name })),
    paths,
    components: { schemas, securitySchemes },
  };
}

