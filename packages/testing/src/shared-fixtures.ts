/**
 * Third-party real-world data lives beside the project in `../shared/fixtures/` (CI has it, a
 * newcomer's clone does not). The test server exposes it at `/__shared-fixtures/` when present.
 * Conformance tests call `sharedFixtures()` and skip, with a printed notice, when it is absent.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export interface SharedFixtures {
  available: boolean;
  /** File paths relative to `../shared/fixtures/`. */
  files: string[];
  /** URL of a shared file on the test server. */
  url(path: string): string;
}

export async function sharedFixtures(folder: string): Promise<SharedFixtures> {
  const answer = await executeServerCommand<{ available: boolean; files: string[] }, { folder: string }>('citopia-shared-fixtures', { folder });
  const result = answer ?? { available: false, files: [] };
  if (!result.available) {
    console.log(`NOTICE: ../shared/fixtures/${folder} is absent; the conformance tests on real third-party files are skipped.`);
  }
  return { ...result, url: (path) => `/__shared-fixtures/${path}` };
}
