import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The slowest test files first, so two workers finish together (longest-processing-time-first). vitest orders
 * by the durations of earlier runs when it has them, but CI starts from a clean clone with no cache: there it fell
 * back to file size and a long file could start last, keeping one worker busy ~45 s after the other was done.
 * The heavy folders start local stacks, child processes or CDK synthesis; within a weight vitest's order stays.
 */
const WEIGHT: [RegExp, number][] = [
  [/\/test\/reliability\//, 100],
  [/\/test\/bench\//, 80],
  [/\/test\/e2e\/local-stack/, 70],
  [/\/test\/infra\//, 60],
  [/\/test\/cli\//, 50],
  [/\/test\/e2e\//, 40],
  [/\/test\/browser\//, 40],
  [/\/test\/contract\//, 30],
];

const weight = (file: string) => WEIGHT.find(([re]) => re.test(file))?.[1] ?? 0;

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted].sort((a, b) => weight(b.moduleId) - weight(a.moduleId));
  }
}
