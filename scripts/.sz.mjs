import { gzipSync } from 'node:zlib';
import { minify } from 'terser';
import { readFileSync } from 'node:fs';
for (const f of process.argv.slice(2)) {
  const { code } = await minify(readFileSync(f, 'utf8'), { module: true, ecma: 2022, format: { comments: false } });
  console.log(f.padEnd(70), (gzipSync(code, { level: 9 }).length / 1024).toFixed(2));
}
