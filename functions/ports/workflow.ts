/** Step Functions' execution statuses (DescribeExecution). */
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';

/** The running SOP: Step Functions on AWS, the local engine locally. */
export interface Workflow {
  /** Starts an execution; `alreadyStarted` when one with this name exists (a duplicate event). */
  start(name: string, input: unknown): Promise<{ executionArn: string; alreadyStarted: boolean }>;
  /**
   * Resumes a waiting task. Throws TaskGoneError when the token no longer belongs to a waiting task — which
   * includes a task this very output already resumed (a retry after a lost answer): "gone" is not "not applied".
   */
  sendSuccess(taskToken: string, output: unknown): Promise<void>;
  /** Where the execution is (DescribeExecution); undefined when no such execution exists. */
  executionStatus(executionArn: string): Promise<ExecutionStatus | undefined>;
}
