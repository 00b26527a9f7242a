// Types of ./compile-cache.mjs for the TypeScript that imports it (the CLI, the tests).
export declare const COMPILE_CACHE_DIR: string;
export declare function enableCompileCache(dir?: string, options?: { preferNode?: boolean }): void;
export declare function flushCompileCache(): void;
export declare function compileCacheStats(): { used: number; compiled: number };
