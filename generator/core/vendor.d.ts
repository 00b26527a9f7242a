// Types for dependencies that ship none.
declare module 'swagger2openapi' {
  interface ConvertOptions {
    patch?: boolean;
    warnOnly?: boolean;
    resolve?: boolean;
    direct?: boolean;
  }
  function convertObj(schema: object, options: ConvertOptions): Promise<object>;
  const swagger2openapi: { convertObj: typeof convertObj };
  export default swagger2openapi;
}
