/** How the CLI shows file paths. */
import * as path from 'node:path';

/** `path.relative` leads out of the base (or, across Windows drives, stays absolute). */
export function isOutside(relative: string): boolean {
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
}

/** Path as the user sees it: relative to the cwd when inside it, forward slashes. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return (isOutside(relative) ? file : relative).split(path.sep).join('/');
}
