// The heavy independent consumers (the SARIF multitool is about 100 MB) are not devDependencies,
// so `npm install` on a fresh clone stays small. `npm run consumers` installs them at pinned
// versions; .ci/run does so and sets FOLIO_REQUIRE_CONSUMERS=1, under which a missing consumer
// fails instead of skipping, so CI never passes without them.
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';

const require = createRequire(import.meta.url);

/** The module `name` exports, or undefined (with a printed reason) when it is not installed.
 * Call it while tests are being collected: under FOLIO_REQUIRE_CONSUMERS=1 a missing consumer
 * registers a failing test in the caller's describe block. */
export function optionalConsumer<T>(name: string, readsWhat: string): T | undefined {
  try {
    return require(name) as T;
  } catch (e) {
    if ((e as { code?: string }).code !== 'MODULE_NOT_FOUND') throw e;
  }
  const reason = `${name} is not installed, so ${readsWhat} is not read by it; install it with \`npm run consumers\``;
  if (process.env.FOLIO_REQUIRE_CONSUMERS === '1') {
    it(`has ${name} installed (FOLIO_REQUIRE_CONSUMERS=1)`, () => {
      expect.fail(reason);
    });
  } else {
    console.log(`skipped: ${reason}`);
  }
  return undefined;
}
