import * as path from 'node:path';

/** Repository root, from out/test/helpers (compiled) or test/helpers (source). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', __dirname.includes(`${path.sep}out${path.sep}`) ? '..' : '');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
