/**
 * One measured MariaDB benchmark run in a process of its own, so its peak RSS is the run's:
 * `node --import tsx bench/mariadb-run.ts '<RunRequest as JSON>'` prints a RunMeasure as JSON.
 */
import type { RunRequest } from './mariadb-flows';
import { measureSide } from './mariadb-side';

const request = JSON.parse(process.argv[2] ?? '') as RunRequest;
process.stdout.write(JSON.stringify(await measureSide(request)));
