// better-sqlite3 is a native module: built for Node it runs the tests, browser
// mode and the benchmark; rebuilt for Electron (`npm start` does that) it runs
// the desktop app. This puts the Node build back when the Electron one is there.
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  const Database = require('better-sqlite3');
  new Database(':memory:').close();
} catch (e) {
  if (!/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(String(e && e.message))) throw e;
  console.log('better-sqlite3 was built for Electron; rebuilding it for Node…');
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
}
