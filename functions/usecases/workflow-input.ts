import type { LapkinConfig } from '../core/config.ts';
import { mutuBakuSeconds } from '../core/mutu-baku.ts';

/**
 * The execution input. The Mutu Baku of each human wait travels with it, because ASL TimeoutSecondsPath reads
 * it from the state data: the standard stays configuration, not a number frozen into the definition.
 */
export function workflowInput(config: LapkinConfig, reportId: string, source: { key: string; versionId: string }) {
  return {
    reportId,
    source,
    mutuBaku: {
      verifySeconds: mutuBakuSeconds(config, 'verify'),
      ratifySeconds: mutuBakuSeconds(config, 'ratify'),
      revisionSeconds: mutuBakuSeconds(config, 'revision'),
    },
  };
}
