/** The part of the Frictionless JS library (`datapackage`, v1) the standards test uses; it ships no types. */
declare module 'datapackage' {
  export class Package {
    static load(descriptor: object | string, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
    getResource(name: string): Resource;
  }
  export class Resource {
    readonly headers: string[] | null;
    read(options?: { keyed?: boolean; limit?: number; cast?: boolean }): Promise<unknown[]>;
  }
}
