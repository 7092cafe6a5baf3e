// Copies an interview-coach binary into server/ so that `npm run package` ships it in the .vsix.
// usage: npm run bundle-server [-- PATH]   (default: the workspace's target/release binary)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const exe = process.platform === 'win32' ? 'interview-coach.exe' : 'interview-coach';
const src = path.resolve(process.argv[2] ?? path.join(here, '..', '..', '..', 'target', 'release', exe));
if (!fs.existsSync(src)) {
  console.error(`no binary at ${src}: run \`cargo build --release -p interview-coach\` first, or pass its path`);
  process.exit(1);
}
const dest = path.join(here, '..', 'server', exe);
fs.mkdirSync(path.dirname(dest), { recursive: true });
fs.copyFileSync(src, dest);
fs.chmodSync(dest, 0o755);
console.log(`bundled ${src} as ${path.relative(process.cwd(), dest)}`);
