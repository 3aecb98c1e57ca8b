/**
 * Joins declaration files into one per entry (`input`: entry name → its .d.ts file), as `<name>.d.ts`
 * and `<name>.d.cts` in `outDir`, with shared chunks; writes nothing and rejects on a flaw rollup reports.
 */
export declare function bundleDeclarations(
  input: Readonly<Record<string, string>>,
  outDir: string,
): Promise<void>;
/**
 * Emits the declarations of the program `configPath` (a tsconfig) names into `outDir`; with `check`,
 * type-checks first. Throws on errors of the tsconfig or, with `check`, of the program.
 */
export declare function emitDeclarations(configPath: string, outDir: string, check: boolean): void;
/** Builds dist/'s type declarations from src/; with `check` (the default), type-checks src/ first. */
export declare function buildDeclarations(options?: { check?: boolean }): Promise<void>;
