// The system tools (not npm packages) that the test commands need, found the one way every
// script finds them: an explicit path in the environment, else the tool's name on PATH. The
// preflight (scripts/preflight.mjs), the test runners' configs and the benches all ask here, so
// "found by the preflight" and "used by the tests" cannot disagree.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Every tool, what needs it, and the Debian package that brings it. */
export const SYSTEM_TOOLS = {
  chromium: {
    command: 'chromium',
    env: 'CHROME_PATH',
    debian: 'chromium',
    neededBy: 'the browser tests in Chromium, the end-to-end test of the demo page and the benches',
  },
  firefox: {
    command: 'firefox-esr',
    env: 'FIREFOX_PATH',
    debian: 'firefox-esr',
    neededBy: 'the browser tests in Firefox ESR',
  },
  reuse: {
    command: 'reuse',
    env: undefined, // `npm run reuse` calls it by name
    debian: 'reuse',
    neededBy: 'the licence check (REUSE)',
  },
};

function isExecutableFile(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The first executable `command` on `path` (a PATH string), or undefined. */
export function whichCommand(command, path = process.env.PATH ?? '') {
  for (const dir of path.split(delimiter)) {
    if (dir && isExecutableFile(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

/**
 * Where a tool is: its `$ENV` (CHROME_PATH, FIREFOX_PATH) when set (it must then be an executable file), else its command on
 * PATH; undefined when neither. `env` defaults to the process's environment.
 */
export function findTool(name, env = process.env) {
  const tool = SYSTEM_TOOLS[name];
  const explicit = tool.env && env[tool.env];
  if (explicit) return isExecutableFile(explicit) ? explicit : undefined;
  return whichCommand(tool.command, env.PATH ?? '');
}

/** The browser a launcher should start; a missing one still gives the usual path, for its error. */
export function browserPath(name) {
  return findTool(name) ?? process.env[SYSTEM_TOOLS[name].env] ?? `/usr/bin/${SYSTEM_TOOLS[name].command}`;
}
