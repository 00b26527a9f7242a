// Error codes a response's description names, listed on the response.
import { describe, expect, it } from 'vitest';
import { addErrorCodes } from '../../../generator/importers/page/error-codes.js';
import type { JsonObject } from '../../../generator/core/openapi-types.js';

describe('error codes', () => {
  it('lists each code a description names once, in page order', () => {
    const operation: JsonObject = {
      responses: {
        '401': { description: '- Not yours. (code: `extensions.unauthorised`)\n- No user. (code: `extensions.no_user_id`) (code: `extensions.unauthorised`)' },
        '404': { description: 'Not found. (code: extensions.not_found)' },
        '200': { description: 'OK (code is optional)' },
      },
    };
    addErrorCodes(operation);
    expect(operation.responses).toEqual({
      '401': expect.objectContaining({ 'x-error-codes': ['extensions.unauthorised', 'extensions.no_user_id'] }),
      '404': expect.objectContaining({ 'x-error-codes': ['extensions.not_found'] }),
      '200': { description: 'OK (code is optional)' },
    });
  });
});
