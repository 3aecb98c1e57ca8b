import { fstatSync, lstatSync, readlinkSync, realpathSync, type Stats, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { CliError } from './cli-error';
import { type CliIo, filePath } from './io';

/**
 * A file a command names, as the user would recognise it in a message: how the command calls it
 * (`the input`, `--rules`, `--output`) and the path as given. `-` is standard input (or output).
 */
export interface NamedFile {
  readonly role: string;
  readonly path: string | undefined;
}

/** What a command reads and what it writes, to check before it opens anything for writing. */
export interface FilePlan {
  /** Files read, rule files included; `-` (or an absent path where stdin is the default) is standard input. */
  readonly reads: readonly NamedFile[];
  /** Files written (standard output is added by `refuseToOverwriteInputs` itself). */
  readonly writes: readonly NamedFile[];
  /** Whether an absent input path means standard input (recommend's `[input]`). */
  readonly stdinByDefault?: boolean;
}

/** Where a name leads: a file that exists (device and inode), or the place one would be created. */
type Target =
  | { readonly exists: true; readonly dev: number; readonly ino: number; readonly regular: boolean }
  | { readonly exists: false; readonly at: string };

/** How many symbolic links are followed to find where a missing file would be created (as Linux: 40). */
const MAX_LINKS = 40;

function fromStats(stats: Stats): Target {
  return { exists: true, dev: stats.dev, ino: stats.ino, regular: stats.isFile() };
}

/**
 * Where `path` leads, through symbolic links (`stat`, not `lstat`): two names of one file, `./x` and
 * `x`, a link and its target or two hard links, lead to the same device and inode. For a name that does
 * not exist yet, the canonical path a write would create, dangling links followed.
 */
function targetOf(path: string): Target | undefined {
  let current = path;
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    try {
      return fromStats(statSync(current));
    } catch {
      // Missing, or a dangling link: follow the link by hand to where a write would create the file.
    }
    let link: string | undefined;
    try {
      link = lstatSync(current).isSymbolicLink() ? readlinkSync(current) : undefined;
    } catch {
      link = undefined;
    }
    if (link === undefined) return { exists: false, at: canonicalParent(current) };
    current = resolve(dirname(current), link);
  }
  return undefined; // a loop of links: opening it fails with its own error
}

function canonicalParent(path: string): string {
  try {
    return resolve(realpathSync(dirname(path)), basename(path));
  } catch {
    return path; // no such directory: writing there fails with its own error
  }
}

function sameTarget(a: Target | undefined, b: Target | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  if (a.exists && b.exists) return a.dev === b.dev && a.ino === b.ino && a.regular;
  return !a.exists && !b.exists && a.at === b.at;
}

/** A standard stream's target when it is a regular file (a redirect, `< file` or `>> file`). */
function streamTarget(fd: number | undefined): Target | undefined {
  if (fd === undefined) return undefined;
  try {
    const stats = fstatSync(fd);
    return stats.isFile() ? fromStats(stats) : undefined;
  } catch {
    return undefined;
  }
}

interface Resolved {
  readonly file: NamedFile;
  readonly target: Target | undefined;
}

function resolveReads(io: CliIo, plan: FilePlan): Resolved[] {
  return plan.reads.flatMap((file): Resolved[] => {
    const stdin = file.path === '-' || (file.path === undefined && plan.stdinByDefault === true);
    if (stdin)
      // Named as a stream, as standard output is: "the input standard input" read as a slip.
      return [{ file: { role: 'standard input', path: undefined }, target: streamTarget(io.stdin.fd) }];
    return file.path === undefined ? [] : [{ file, target: targetOf(filePath(io, file.path)) }];
  });
}

function resolveWrites(io: CliIo, plan: FilePlan): Resolved[] {
  const named = plan.writes.flatMap((file): Resolved[] =>
    file.path === undefined ? [] : [{ file, target: targetOf(filePath(io, file.path)) }],
  );
  const stdout = { role: 'standard output', path: undefined };
  return [...named, { file: stdout, target: streamTarget(io.stdout.fd) }];
}

const describe = (file: NamedFile) => (file.path === undefined ? file.role : `${file.role} ${file.path}`);

/**
 * Refuses (exit 2) a command that would write over one of its own inputs — an output, errors or report
 * file, or standard output redirected to a file, that is the input, a rule file or any other file the
 * command reads, by whatever name: the same path, `./x` for `x`, a symbolic or hard link — and two
 * outputs that are one file. Run it before anything is opened for writing: opening an output truncates
 * it, and appending to the file being read never ends.
 *
 * Only regular files are compared: a terminal or `/dev/null` on both sides destroys nothing.
 */
export function refuseToOverwriteInputs(io: CliIo, plan: FilePlan): void {
  const reads = resolveReads(io, plan);
  const writes = resolveWrites(io, plan);
  for (const write of writes) {
    const read = reads.find((r) => sameTarget(r.target, write.target));
    if (read) {
      throw new CliError(
        `${describe(write.file)} is the same file as ${describe(read.file)}: writing it would destroy ` +
          `what the command reads; write to another file`,
      );
    }
  }
  for (const [i, write] of writes.entries()) {
    const other = writes.slice(i + 1).find((w) => sameTarget(w.target, write.target));
    if (other) {
      throw new CliError(
        `${describe(write.file)} and ${describe(other.file)} are the same file: each would write over the ` +
          `other; give them different files`,
      );
    }
  }
}
