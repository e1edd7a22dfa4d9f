import type { LambdaHandler } from './lambda-runtime.ts';

/**
 * The same handler modules the CDK app deploys, loaded after the local environment is set (the container
 * reads it on first use). Keys are the ASL substitution names.
 */
export async function loadHandlers() {
  const [intake, assemble, requestDecision, requestRevision, archive, recordFailure, decide, clock] = await Promise.all(
    [
      import('../../functions/handlers/intake.ts'),
      import('../../functions/handlers/assemble.ts'),
      import('../../functions/handlers/request-decision.ts'),
      import('../../functions/handlers/request-revision.ts'),
      import('../../functions/handlers/archive.ts'),
      import('../../functions/handlers/record-failure.ts'),
      import('../../functions/handlers/decide.ts'),
      import('../../functions/handlers/mutu-baku-clock.ts'),
    ],
  );
  const h = (m: { handler: unknown }) => m.handler as LambdaHandler;
  return {
    intake: h(intake),
    decide: h(decide),
    mutuBakuClock: h(clock),
    tasks: {
      AssembleFunctionArn: h(assemble),
      RequestDecisionFunctionArn: h(requestDecision),
      RequestRevisionFunctionArn: h(requestRevision),
      ArchiveFunctionArn: h(archive),
      RecordFailureFunctionArn: h(recordFailure),
    } as Record<string, LambdaHandler>,
  };
}
