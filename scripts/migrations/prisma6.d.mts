// Types for prisma6.mjs (used by test/store).
export declare const root: string;
export declare const schemaPath: string;
export declare const migrationsDir: string;
export interface Scratch {
  dir: string;
  schemaCopy(from?: string, name?: string): string;
  cleanup(): void;
}
export declare function scratch(): Scratch;
export declare function runPrisma6(args: string[], opts?: { pgliteDir?: string }): Promise<{ code: number; stdout: string; stderr: string }>;
export declare function diffMigrationsToSchema(opts?: { migrations?: string; schema?: string }): Promise<string>;
export declare function schemaSql(opts?: { schema?: string }): Promise<string>;
export declare function diffPgliteToSchema(pgliteDir: string, opts?: { schema?: string }): Promise<string>;
