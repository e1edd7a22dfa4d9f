/** The running SOP: Step Functions on AWS, the local engine locally. */
export interface Workflow {
  /** Starts an execution; `alreadyStarted` when one with this name exists (a duplicate event). */
  start(name: string, input: unknown): Promise<{ executionArn: string; alreadyStarted: boolean }>;
  /** Resumes a waiting task. Throws TaskGoneError when the token is no longer valid. */
  sendSuccess(taskToken: string, output: unknown): Promise<void>;
}
