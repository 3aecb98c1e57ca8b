import { version } from '../../package.json';

/**
 * The version of redress, as package.json gives it: inlined by the build, read from the file when
 * run from source. Every recommendation carries it (`redressVersion`).
 */
export const REDRESS_VERSION: string = version;
