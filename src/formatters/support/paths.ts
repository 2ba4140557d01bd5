import path from 'node:path';

/**
 * The path CI systems expect (relative to the checkout, forward slashes). Paths outside `cwd`
 * stay relative with `..` segments; absolute only when on another drive.
 */
export function toRelativePath(cwd: string, filePath: string): string {
  const relative = path.relative(cwd, filePath);
  if (path.isAbsolute(relative)) return relative.split(path.sep).join('/');
  return relative.split(path.sep).join('/') || '.';
}

export function isInside(cwd: string, filePath: string): boolean {
  const relative = path.relative(cwd, filePath);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
