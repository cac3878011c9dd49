// The screen-reader transcripts for the auditors' report: every reviewed phrase log kept in
// packages/<pkg>/test/transcripts/<task>.<locale>[.<browser>].txt (see docs/accessibility.md),
// grouped by component, task and locale. Read from the files, so every component's walks appear.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCALES = ['fr', 'de', 'it', 'en', 'ar'];
/** Map.groupBy, which Node 20 does not have. */
const groupBy = (items, key) => {
  const groups = new Map();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
};
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** [{ pkg, task, locale, browser, lines }] sorted by component, task, locale (fr de it en ar). */
export function readTranscripts(root = 'packages') {
  const out = [];
  for (const pkg of readdirSync(root).sort()) {
    const dir = join(root, pkg, 'test', 'transcripts');
    // The test machinery's own probe is not a component.
    if (pkg === 'testing' || !existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      const match = /^([a-z0-9-]+)\.([a-z]{2})(?:\.([a-z]+))?\.txt$/.exec(file);
      if (!match) continue;
      const [, task, locale, browser] = match;
      out.push({ pkg, task, locale, browser: browser ?? 'all', lines: readFileSync(join(dir, file), 'utf8').replace(/\n$/, '').split('\n') });
    }
  }
  const rank = (l) => (LOCALES.includes(l) ? LOCALES.indexOf(l) : LOCALES.length);
  return out.sort((a, b) => a.pkg.localeCompare(b.pkg) || a.task.localeCompare(b.task) || rank(a.locale) - rank(b.locale) || a.browser.localeCompare(b.browser));
}

/** The report's section: one block per component, one per task, each locale's transcript folded. */
export function transcriptsHtml(transcripts) {
  if (!transcripts.length) return '<h2>Screen-reader transcripts</h2><p>No transcripts found.</p>';
  const byPkg = groupBy(transcripts, (t) => t.pkg);
  const blocks = [...byPkg].map(([pkg, list]) => {
    const byTask = groupBy(list, (t) => t.task);
    const tasks = [...byTask]
      .map(([task, items]) => {
        const locales = items
          .map((t) => {
            const lang = t.locale === 'ar' ? ' dir="rtl"' : '';
            const label = `${t.locale}${t.browser === 'all' ? '' : ` (${t.browser})`}, ${t.lines.length} phrases`;
            return `<details><summary>${esc(label)}</summary><ol lang="${esc(t.locale)}"${lang}>${t.lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ol></details>`;
          })
          .join('\n');
        return `<h4>${esc(task)}</h4>\n${locales}`;
      })
      .join('\n');
    return `<h3>${esc(pkg)}</h3>\n${tasks}`;
  });
  return `<h2>Screen-reader transcripts</h2>
<p>What a person hears on each main task, walked with a virtual screen reader (@guidepup/virtual-screen-reader over the flat tree, real key presses) and kept as reviewed files in <code>packages/&lt;component&gt;/test/transcripts/</code>. A test fails when a name, role, state, announcement or language in them changes. Lines starting <code>polite:</code> or <code>assertive:</code> are live-region announcements; <code>[lang=xx]</code> marks a phrase spoken in another language than the page's (<code>[lang=ar+en]</code>: in two). This is a simulation: see each component's accessibility statement for what still needs NVDA, JAWS, VoiceOver or Orca.</p>
${blocks.join('\n')}`;
}
