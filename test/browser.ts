// A real browser for the report's tests: Debian's Chromium (or CHROMIUM=path) driven by
// puppeteer-core. Chromium is a system package, not an npm one, so a machine without it skips
// these tests with the reason printed; under FOLIO_REQUIRE_CONSUMERS=1 (.ci/run, which installs
// it) a missing Chromium is a failing test instead, as for the other independent consumers.
import { existsSync } from 'node:fs';
import { expect, it } from 'vitest';

/** Chromium's path, or undefined (with a printed reason, or a failing test under CI). Call it
 * while tests are being collected. */
export function optionalChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  const reason = `Chromium is not installed (looked for ${candidates.join(', ')}), so the report is not opened in a browser; install it with \`apt-get install chromium\` or set CHROMIUM`;
  if (process.env.FOLIO_REQUIRE_CONSUMERS === '1') {
    it('has Chromium installed (FOLIO_REQUIRE_CONSUMERS=1)', () => {
      expect.fail(reason);
    });
  } else {
    console.log(`skipped: ${reason}`);
  }
  return undefined;
}
