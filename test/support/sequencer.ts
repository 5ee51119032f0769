// The order test files start in: the longest first, whatever their group, so that the last files
// to finish are short ones and both workers stay busy to the end (vitest's own order runs the groups
// one after another by name and, on a clean checkout, the files by size: the 27 s fuzz file then
// started last and ran alone). Files shared in one worker come after the rest, together: a shared
// worker is kept for the next file only when that file is shared too.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { MEASURED_SECONDS } from './durations';

/** A file at least this long starts among the first, even if it would share a worker. */
const LONG_SECONDS = 10;
/** What a file not measured yet is taken to last, by its group. */
const UNMEASURED_SECONDS: Record<string, number> = { browser: 60, isolated: 2, shared: 0.5 };

export class LongestFirst extends BaseSequencer {
  private seconds(spec: TestSpecification): number {
    const file = relative(this.ctx.config.root, spec.moduleId).split('\\').join('/');
    return MEASURED_SECONDS[file] ?? UNMEASURED_SECONDS[spec.project.name] ?? 2;
  }

  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) =>
      spec.project.config.isolate === false && this.seconds(spec) < LONG_SECONDS ? 1 : 0;
    return [...files].sort(
      (a, b) =>
        a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder ||
        rank(a) - rank(b) ||
        this.seconds(b) - this.seconds(a),
    );
  }
}
