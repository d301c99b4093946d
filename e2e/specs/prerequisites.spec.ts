import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * A developer runs `npm test` on a machine that lacks Chromium or a MariaDB server: the first
 * step stops at once and prints the command that installs what is missing. `check` mode keeps
 * the script from installing anything here, as it would when not run as root.
 */
const script = path.resolve(import.meta.dirname, '../../.ci/prerequisites.sh');

function prerequisites(env: Record<string, string>) {
  const result = spawnSync('bash', [script], {
    env: { ...process.env, SLUICE_PREREQUISITES: 'check', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stderr: result.stderr };
}

test('a missing Chromium stops npm test with the command that installs it', () => {
  const { status, stderr } = prerequisites({ CHROMIUM_PATH: '/nonexistent/chromium' });
  expect(status).toBe(1);
  expect(stderr).toContain('Chromium at /nonexistent/chromium');
  expect(stderr).toMatch(/apt-get install -y chromium/);
  expect(stderr).toContain('CHROMIUM_PATH');
});

test('an unreachable MariaDB stops npm test with the commands that install and open it', () => {
  const { status, stderr } = prerequisites({
    SLUICE_TEST_MYSQL_URL: 'mysql://root@127.0.0.1:1/test',
  });
  expect(status).toBe(1);
  expect(stderr).toContain('server at mysql://root@127.0.0.1:1/test');
  expect(stderr).toContain('ECONNREFUSED');
  expect(stderr).toMatch(/apt-get install -y mariadb-server/);
  expect(stderr).toContain('SLUICE_TEST_MYSQL_URL=');
});

test('a password in the test server URL never reaches the log', () => {
  const { status, stderr } = prerequisites({
    SLUICE_TEST_MYSQL_URL: 'mysql://bob:s3cret@127.0.0.1:1/test',
  });
  expect(status).toBe(1);
  expect(stderr).toContain('mysql://bob:***@127.0.0.1:1/test');
  expect(stderr).not.toContain('s3cret');
});

test('with Chromium and MariaDB in place it lets the tests start', () => {
  const { status, stderr } = prerequisites({});
  expect(stderr).toBe('');
  expect(status).toBe(0);
});
