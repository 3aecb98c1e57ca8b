import { ExitCode } from './exit-code';

/**
 * A problem that stops a command before or while it runs (wrong usage, an unreadable file, a rule file
 * that does not load). The message is shown to the user as it is, without a stack trace.
 */
export class CliError extends Error {
  /** The process exit code. */
  readonly exitCode: ExitCode;

  constructor(message: string, exitCode: ExitCode = ExitCode.cannotRun) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** A short description of a Node.js I/O error, e.g. `no such file or directory`. */
export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
