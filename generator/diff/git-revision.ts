// Reads a file as committed at a git revision. git is run directly with an argument list, never
// through a shell, so a revision name or a path is only ever an argument.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { error, SpecmillError } from '../core/diagnostics.js';

const MAX_SPEC_BYTES = 256 * 1024 * 1024;

function git(root: string, args: readonly string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: MAX_SPEC_BYTES });
}

/** The commit a revision names; a SpecmillError when it names none (or this is no git repository). */
export function resolveRevision(root: string, revision: string): string {
  // A revision starting with "-" would be read as an option by git.
  if (revision === '' || revision.startsWith('-') || /[\0\n]/.test(revision)) throw new SpecmillError(error(`--base ${JSON.stringify(revision)}: expected a git revision such as HEAD or origin/main`));
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]).trim();
  } catch {
    throw new SpecmillError(error(`--base ${revision}: not a commit of a git repository at ${root}`));
  }
}

/** The file's text at a commit, or undefined when the commit does not have it. */
export function readAtCommit(root: string, commit: string, file: string): string | undefined {
  const relative = path.relative(root, file).split(path.sep).join('/');
  const spec = `${commit}:./${relative}`;
  try {
    git(root, ['cat-file', '-e', spec]);
  } catch {
    return undefined;
  }
  return git(root, ['show', spec]);
}
