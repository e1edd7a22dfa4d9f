import type { Powertools } from '../../functions/commons/powertools.ts';
import { makeHandler as archive } from '../../functions/handlers/archive.ts';
import { makeHandler as assemble } from '../../functions/handlers/assemble.ts';
import { makeHandler as intake } from '../../functions/handlers/intake.ts';
import { makeHandler as mutuBakuClock } from '../../functions/handlers/mutu-baku-clock.ts';
import { makeHandler as recordFailure } from '../../functions/handlers/record-failure.ts';
import { makeHandler as requestDecision } from '../../functions/handlers/request-decision.ts';
import { makeHandler as requestRevision } from '../../functions/handlers/request-revision.ts';
import type { Deps } from '../../functions/usecases/deps.ts';
import type { LambdaHandler } from './lambda-runtime.ts';

/**
 * The same handler modules the CDK app deploys, each built for one local stack from its own dependencies and
 * Powertools (on AWS the modules' `handler` export uses the runtime's). Keys are the ASL substitution names.
 */
export function makeHandlers(deps: () => Deps, tools: Powertools) {
  const h = (make: (d: () => Deps, t: Powertools) => unknown) => make(deps, tools) as LambdaHandler;
  return {
    intake: h(intake),
    mutuBakuClock: h(mutuBakuClock),
    tasks: {
      AssembleFunctionArn: h(assemble),
      RequestDecisionFunctionArn: h(requestDecision),
      RequestRevisionFunctionArn: h(requestRevision),
      ArchiveFunctionArn: h(archive),
      RecordFailureFunctionArn: h(recordFailure),
    } as Record<string, LambdaHandler>,
  };
}
