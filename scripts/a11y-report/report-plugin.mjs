// Collects the results sent by report.test.ts and writes reports/a11y/report.json and report.html.
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { readTranscripts, transcriptsHtml } from './transcripts.mjs';

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const wcag = (tags) => tags.filter((t) => /^wcag\d{3,}$/.test(t)).map((t) => t.replace(/^wcag(\d)(\d)(\d+)$/, '$1.$2.$3'));

export function a11yReportPlugin() {
  const runs = [];
  return {
    name: 'citopia-a11y-report',
    executeCommand({ command, payload }) {
      if (command !== 'a11y-report-result') return undefined;
      runs.push(payload);
      return true;
    },
    serverStop() {
      mkdirSync('reports/a11y', { recursive: true });
      const axeVersion = JSON.parse(readFileSync('node_modules/axe-core/package.json', 'utf8')).version;
      const rules = new Map();
      for (const run of runs) for (const kind of ['passes', 'incomplete', 'violations']) for (const r of run[kind] ?? []) rules.set(r.id, { id: r.id, help: r.help, helpUrl: r.helpUrl, wcag: wcag(r.tags) });
      const totals = { states: runs.length, violations: 0, incomplete: 0, passes: 0, errors: runs.filter((r) => r.error).length };
      for (const run of runs) for (const k of ['violations', 'incomplete', 'passes']) totals[k] += (run[k] ?? []).reduce((n, r) => n + r.nodes.length, 0);
      const transcripts = readTranscripts();
      const report = { generated: new Date().toISOString(), axe: axeVersion, standard: 'WCAG 2.0/2.1/2.2 level A and AA rules (axe tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22a, wcag22aa)', totals, rules: [...rules.values()], runs, transcripts };
      writeFileSync('reports/a11y/report.json', JSON.stringify(report, null, 2));
      const rows = runs
        .map((r) => `<tr><td>${esc(r.tag)}</td><td>${esc(r.title ?? r.fixture)}</td><td>${esc(r.lang)}</td><td>${esc(r.scheme)}</td><td>${r.error ? `error: ${esc(r.error)}` : (r.passes ?? []).length}</td><td>${(r.incomplete ?? []).map((i) => `<details><summary>${esc(i.id)} (${i.nodes.length})</summary>${esc(i.help)}; WCAG ${esc(wcag(i.tags).join(', '))}</details>`).join('')}</td><td class="${(r.violations ?? []).length ? 'bad' : 'ok'}">${(r.violations ?? []).map((v) => `<details open><summary>${esc(v.id)}</summary>${esc(v.help)}; WCAG ${esc(wcag(v.tags).join(', '))}<ul>${v.nodes.map((n) => `<li><code>${esc(JSON.stringify(n.target))}</code> ${esc(n.summary)}</li>`).join('')}</ul></details>`).join('') || '0'}</td></tr>`)
        .join('\n');
      const ruleRows = [...rules.values()].sort((a, b) => a.id.localeCompare(b.id)).map((r) => `<tr><td><a href="${esc(r.helpUrl)}">${esc(r.id)}</a></td><td>${esc(r.help)}</td><td>${esc(r.wcag.join(', '))}</td></tr>`).join('\n');
      writeFileSync(
        'reports/a11y/report.html',
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Citopia accessibility report</title>
<style>body{font-family:system-ui,sans-serif;margin:1rem;line-height:1.5}table{border-collapse:collapse;inline-size:100%}td,th{border:1px solid #767676;padding:.25rem .5rem;text-align:start;vertical-align:top}.bad{background:#fde2e1}.ok{background:#e3f6e6}</style></head><body>
<h1>Citopia accessibility report</h1>
<p>Generated ${esc(report.generated)} with axe-core ${esc(axeVersion)} in Chromium: ${esc(report.standard)}.</p>
<p><strong>${totals.states}</strong> states (fixture × locale × colour scheme), <strong>${totals.violations}</strong> violations, <strong>${totals.incomplete}</strong> items for manual review, <strong>${totals.passes}</strong> passing checks, <strong>${totals.errors}</strong> states that failed to render.</p>
<p>axe judges only part of WCAG. For the rest, see the checklists in <code>docs/a11y-checklists/</code>, to be ticked by a person.</p>
<h2>Rules run</h2><table><thead><tr><th>Rule</th><th>What it checks</th><th>WCAG criteria</th></tr></thead><tbody>${ruleRows}</tbody></table>
<h2>Results by state</h2><table><thead><tr><th>Component</th><th>Fixture</th><th>Locale</th><th>Scheme</th><th>Passing rules</th><th>Manual review</th><th>Violations</th></tr></thead><tbody>${rows}</tbody></table>
${transcriptsHtml(transcripts)}
</body></html>`,
      );
      console.log(`\naccessibility report: ${totals.states} states, ${totals.violations} violations, ${totals.incomplete} for manual review, ${transcripts.length} screen-reader transcripts -> reports/a11y/report.html, report.json`);
    },
  };
}
