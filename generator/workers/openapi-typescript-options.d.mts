// Types of ./openapi-typescript-options.mjs for the TypeScript that reads it (the tests).
export declare const OPENAPI_TS_OPTIONS: Readonly<Record<string, boolean>>;
