import {
  DescribeExecutionCommand,
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { TaskGoneError, TransientError } from '../core/errors.ts';
import type { ExecutionStatus, Workflow } from '../ports/workflow.ts';

const GONE = new Set(['TaskDoesNotExist', 'TaskTimedOut', 'InvalidToken']);
const TRANSIENT = new Set(['ThrottlingException', 'ServiceUnavailable', 'InternalServerError', 'TimeoutError']);

/** Step Functions through the SDK; the same class talks to the local engine by endpoint. */
export class SfnWorkflow implements Workflow {
  constructor(
    private readonly sfn: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  async start(name: string, input: unknown) {
    try {
      const out = await this.sfn.send(
        new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name, input: JSON.stringify(input) }),
      );
      return { executionArn: out.executionArn ?? '', alreadyStarted: false };
    } catch (err) {
      if ((err as Error).name !== 'ExecutionAlreadyExists') throw classify(err);
      // A repeated event for the same upload: the execution of that name is the one we want.
      return {
        executionArn: `${this.stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`,
        alreadyStarted: true,
      };
    }
  }

  async sendSuccess(taskToken: string, output: unknown) {
    try {
      await this.sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
    } catch (err) {
      throw classify(err);
    }
  }

  async executionStatus(executionArn: string): Promise<ExecutionStatus | undefined> {
    try {
      const out = await this.sfn.send(new DescribeExecutionCommand({ executionArn }));
      return out.status as ExecutionStatus | undefined;
    } catch (err) {
      if ((err as Error).name === 'ExecutionDoesNotExist') return undefined;
      throw classify(err);
    }
  }
}

function classify(err: unknown): Error {
  const name = (err as Error)?.name ?? '';
  if (GONE.has(name)) return new TaskGoneError(`task no longer waiting (${name})`);
  if (TRANSIENT.has(name) || (err as { $retryable?: unknown }).$retryable) {
    return new TransientError(`Step Functions unavailable (${name})`);
  }
  return err as Error;
}
