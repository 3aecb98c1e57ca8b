import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The order test files start in. First the files that mostly wait for other processes: the browser
 * tests (Chromium is many processes and slows down most when the cores are busy) and the 200,000-line
 * command of the memory test, the longest file. Started late, one of them was the whole tail of the
 * run; started first, the in-process tests fill the cores while they wait. vitest alone would start
 * them first only when the last run's durations say so, and never in a fresh clone (CI), where it
 * starts the largest files first. Then vitest's own order.
 */
const FIRST = [/-browser\.test\.ts$/, /\/cli\/memory\.test\.ts$/];

export default class WaitingFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const first = (file: TestSpecification) => FIRST.some((pattern) => pattern.test(file.moduleId));
    return [...sorted.filter(first), ...sorted.filter((file) => !first(file))];
  }
}
