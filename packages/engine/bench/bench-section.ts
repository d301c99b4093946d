import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * A part of `docs/benchmarks.md` measured by a benchmark outside this package (the editor in
 * Chromium, the API under concurrent clients) or beside the push-down flows (many stages).
 * Each is written as JSON into `.bench/` at the repository's root by its own script, so that
 * `npm run bench` can run them one after another and the report gathers them at the end.
 */
export interface BenchSection {
  /** Orders the sections in the report; lower first. */
  order: number;
  /** The heading of the section, without the `##`. */
  title: string;
  /** Each target of the issue the section measures, met or not, with the measured figure. */
  verdicts: { met: boolean; text: string }[];
  /** Markdown lines under the heading: tables, what was measured, how to rerun it. */
  lines: string[];
}

/** Where sections are kept between the benchmark scripts of one `npm run bench`. */
export const BENCH_SECTIONS_DIR = resolve(import.meta.dirname, '../../../.bench');

/** Writes one section for the report to pick up; `name` is its file's name. */
export async function writeBenchSection(name: string, section: BenchSection): Promise<void> {
  await mkdir(BENCH_SECTIONS_DIR, { recursive: true });
  await writeFile(
    join(BENCH_SECTIONS_DIR, `${name}.json`),
    `${JSON.stringify(section, null, 2)}\n`,
  );
}

/** Every section written so far, in report order. */
export async function readBenchSections(): Promise<BenchSection[]> {
  const names = await readdir(BENCH_SECTIONS_DIR).catch(() => []);
  const sections = await Promise.all(
    names
      .filter((name) => name.endsWith('.json'))
      .map(
        async (name) =>
          JSON.parse(await readFile(join(BENCH_SECTIONS_DIR, name), 'utf8')) as BenchSection,
      ),
  );
  return sections.sort((a, b) => a.order - b.order);
}
