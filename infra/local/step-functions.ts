import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { StateMachine } from 'aws-local-stepfunctions';
import { invokeLambda, type LambdaHandler } from './lambda-runtime.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type AslState = { Type: string; Resource?: string; Parameters?: { FunctionName?: string } };
type Asl = { StartAt: string; States: Record<string, AslState> };

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';

interface ExecutionRecord {
  name: string;
  executionArn: string;
  input: Json;
  status: ExecutionStatus;
  startDate: string;
  stopDate?: string;
  output?: Json;
  error?: string;
  cause?: string;
  /** The state being run and its input: where a restarted engine picks the execution up again. */
  current?: { state: string; input: Json };
  /** The task token of the current human wait, so a restarted engine resumes it with the same token. */
  wait?: { state: string; token: string };
  transitions: number;
}

export interface TransitionNotice {
  executionArn: string;
  executionName: string;
  state: string;
  type: 'entered' | 'succeeded' | 'failed';
  input?: Json;
  error?: string;
}

class ApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The local Step Functions: runs the one ASL file with aws-local-stepfunctions, binds every Task to the same
 * handler module the CDK app deploys (by its ${…Arn} substitution), and answers the SFN JSON protocol the
 * handlers speak through @aws-sdk/client-sfn (StartExecution, SendTaskSuccess/Failure, DescribeExecution,
 * ListExecutions, StopExecution). The library has no task tokens of its own, so waits are a token → promise
 * registry here. Each execution is journaled under <dir>; after a restart a RUNNING execution resumes at the
 * state it was in, with the same task token, so links already emailed keep working.
 */
export class LocalStepFunctions {
  readonly stateMachineArn: string;
  private readonly definition: Asl;
  private readonly machines = new Map<string, StateMachine>();
  private readonly executions = new Map<string, ExecutionRecord>();
  private readonly waits = new Map<string, { resolve: (v: Json) => void; reject: (e: Error) => void; arn: string }>();
  private readonly aborts = new Map<string, () => void>();
  private readonly running = new Set<Promise<unknown>>();
  private server?: Server;
  private stopping = false;

  constructor(
    private readonly opts: {
      aslText: string;
      dir: string;
      handlers: Record<string, LambdaHandler>;
      name?: string;
      /** > 1 shortens every human wait's TimeoutSeconds (the Mutu Baku) so a demo or test sees it pass. */
      clockSpeed?: number;
      /** Tests only: the pause before each retry, in ms, instead of the ASL's backoff. */
      retryDelayMs?: number;
      /** Tests only: TimeoutSeconds per state name, to see a machine step time out without waiting minutes. */
      timeoutOverrides?: Record<string, number>;
      onTransition?: (n: TransitionNotice) => void;
    },
  ) {
    this.stateMachineArn = `arn:aws:states:local:000000000000:stateMachine:${opts.name ?? 'lapkin-pelaporan-kinerja'}`;
    // Substitutions become placeholder ARNs; the real binding is by state name below.
    const text = opts.aslText.replace(
      /\$\{(\w+)\}/g,
      (_m, v: string) => `arn:aws:lambda:local:000000000000:function:${v}`,
    );
    this.definition = JSON.parse(text) as Asl;
    for (const [name, seconds] of Object.entries(opts.timeoutOverrides ?? {})) {
      const state = this.definition.States[name] as (AslState & { TimeoutSeconds?: number }) | undefined;
      if (state) state.TimeoutSeconds = seconds;
    }
    const speed = opts.clockSpeed ?? 1;
    if (speed > 1) {
      for (const state of Object.values(this.definition.States) as (AslState & { TimeoutSeconds?: number })[]) {
        if (state.Resource?.endsWith('.waitForTaskToken') && state.TimeoutSeconds) {
          state.TimeoutSeconds = Math.max(1, Math.round(state.TimeoutSeconds / speed));
        }
      }
    }
  }

  private machine(startAt: string): StateMachine {
    let m = this.machines.get(startAt);
    if (!m) {
      m = new StateMachine({ ...this.definition, StartAt: startAt } as never, {
        validationOptions: { checkPaths: true },
      });
      this.machines.set(startAt, m);
    }
    return m;
  }

  private taskBindings(record: ExecutionRecord, resumeToken?: string) {
    const bindings: Record<string, (input: Json) => Promise<Json>> = {};
    for (const [stateName, state] of Object.entries(this.definition.States)) {
      if (state.Type !== 'Task') continue;
      const fnName = state.Parameters?.FunctionName?.split(':function:')[1];
      const handler = fnName ? this.opts.handlers[fnName] : undefined;
      if (!fnName || !handler) throw new Error(`local Step Functions: no handler bound for Task ${stateName}`);
      const waits = state.Resource?.endsWith('.waitForTaskToken') ?? false;
      bindings[stateName] = async (input: Json) => {
        const payload = (input as { Payload?: Json }).Payload ?? null;
        if (!waits) {
          const result = await invokeLambda(fnName, handler, payload);
          return { StatusCode: 200, ExecutedVersion: '$LATEST', Payload: (result ?? null) as Json };
        }
        const token = (payload as { taskToken?: string }).taskToken;
        if (!token) throw new Error(`Task ${stateName} has no taskToken in its payload`);
        const timeoutMs = ((state as { TimeoutSeconds?: number }).TimeoutSeconds ?? 60) * 1000;
        const waited = new Promise<Json>((resolve, reject) => {
          // A token is valid exactly as long as its wait: once the state times out, SendTaskSuccess on it
          // fails with TaskTimedOut, as on AWS.
          const timer = setTimeout(() => {
            this.waits.delete(token);
            const err = new Error('task timed out');
            err.name = 'States.Timeout';
            reject(err);
          }, timeoutMs);
          this.waits.set(token, {
            resolve: (v) => {
              clearTimeout(timer);
              if (record.wait?.token === token) delete record.wait;
              resolve(v);
            },
            reject: (e) => {
              clearTimeout(timer);
              reject(e);
            },
            arn: record.executionArn,
          });
        });
        record.wait = { state: stateName, token };
        await this.save(record);
        try {
          await invokeLambda(fnName, handler, payload);
        } catch (err) {
          this.waits.delete(token);
          throw err;
        }
        return waited;
      };
    }
    // The first token of a resumed execution is the one journaled before the restart.
    let pending = resumeToken;
    const context = {
      Execution: { Id: record.executionArn, Name: record.name, StartTime: record.startDate },
      StateMachine: { Id: this.stateMachineArn, Name: this.stateMachineArn.split(':').pop() },
      Task: {
        get Token() {
          if (pending) {
            const t = pending;
            pending = undefined;
            return t;
          }
          return `lapkin-local-token-${randomBytes(24).toString('base64url')}`;
        },
      },
    };
    return { bindings, context };
  }

  private run(record: ExecutionRecord, startAt: string, input: Json, resumeToken?: string) {
    const { bindings, context } = this.taskBindings(record, resumeToken);
    const execution = this.machine(startAt).run(input as never, {
      overrides: {
        taskResourceLocalHandlers: bindings as never,
        ...(this.opts.retryDelayMs !== undefined
          ? { retryIntervalOverrides: this.retryOverrides(this.opts.retryDelayMs) }
          : {}),
      },
      context: context as never,
      noThrowOnAbort: true,
    });
    this.aborts.set(record.executionArn, execution.abort);
    const follow = (async () => {
      for await (const ev of execution.eventLogs) {
        if (ev.type === 'StateEntered') {
          record.current = { state: ev.state.name, input: ev.state.input as Json };
          record.transitions++;
          await this.save(record);
          this.opts.onTransition?.({
            executionArn: record.executionArn,
            executionName: record.name,
            state: ev.state.name,
            type: 'entered',
            input: ev.state.input as Json,
          });
        }
      }
    })();
    const done = (async () => {
      try {
        const output = await execution.result;
        if (this.stopping) return;
        if (record.status === 'RUNNING') {
          record.status = output === null && this.isAborted(record) ? 'ABORTED' : 'SUCCEEDED';
          record.output = output as Json;
        }
      } catch (err) {
        if (this.stopping) return;
        // The library wraps the final error in an ExecutionError; report the ASL's own error and cause.
        let e = err as Error & { cause?: unknown };
        if (e.name === 'ExecutionError' && e.cause instanceof Error) e = e.cause as Error & { cause?: unknown };
        record.status = 'FAILED';
        record.error = e.name;
        record.cause = typeof e.cause === 'string' ? e.cause : e.message;
      }
      record.stopDate = new Date().toISOString();
      delete record.current;
      delete record.wait;
      await follow.catch(() => undefined);
      await this.save(record);
      this.aborts.delete(record.executionArn);
      this.opts.onTransition?.({
        executionArn: record.executionArn,
        executionName: record.name,
        state: record.status,
        type: record.status === 'SUCCEEDED' ? 'succeeded' : 'failed',
        input: record.input,
        error: record.error,
      });
    })();
    this.running.add(done);
    done.finally(() => this.running.delete(done));
  }

  private retryOverrides(ms: number): Record<string, number> {
    return Object.fromEntries(Object.keys(this.definition.States).map((name) => [name, ms]));
  }

  private isAborted(record: ExecutionRecord): boolean {
    return record.status === 'ABORTED';
  }

  private file(name: string): string {
    return join(this.opts.dir, `${name}.json`);
  }

  private async save(record: ExecutionRecord): Promise<void> {
    if (this.stopping) return;
    const tmp = `${this.file(record.name)}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(tmp, JSON.stringify(record));
    await rename(tmp, this.file(record.name));
  }

  // ── API ──────────────────────────────────────────────────────────────────────────────────────────────

  async startExecution(req: { stateMachineArn?: string; name?: string; input?: string }) {
    if (req.stateMachineArn !== this.stateMachineArn)
      throw new ApiError('StateMachineDoesNotExist', `unknown state machine ${req.stateMachineArn}`);
    const name = req.name ?? randomBytes(16).toString('hex');
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(name)) throw new ApiError('InvalidName', `invalid execution name ${name}`);
    let input: Json;
    try {
      input = JSON.parse(req.input ?? '{}') as Json;
    } catch {
      throw new ApiError('InvalidExecutionInput', 'input is not JSON');
    }
    const arn = `${this.stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
    const existing = this.executions.get(arn);
    if (existing) {
      // As on AWS: the same name with the same input while running is idempotent, anything else is refused.
      if (existing.status === 'RUNNING' && JSON.stringify(existing.input) === JSON.stringify(input)) {
        return { executionArn: arn, startDate: Date.parse(existing.startDate) / 1000 };
      }
      throw new ApiError('ExecutionAlreadyExists', `execution ${name} already exists`);
    }
    const record: ExecutionRecord = {
      name,
      executionArn: arn,
      input,
      status: 'RUNNING',
      startDate: new Date().toISOString(),
      transitions: 0,
    };
    this.executions.set(arn, record);
    await this.save(record);
    this.run(record, this.definition.StartAt, input);
    return { executionArn: arn, startDate: Date.parse(record.startDate) / 1000 };
  }

  sendTaskSuccess(req: { taskToken?: string; output?: string }) {
    const wait = req.taskToken ? this.waits.get(req.taskToken) : undefined;
    if (!wait || !req.taskToken) throw new ApiError('TaskTimedOut', 'Task Timed Out or does not exist');
    let output: Json;
    try {
      output = JSON.parse(req.output ?? 'null') as Json;
    } catch {
      throw new ApiError('InvalidOutput', 'output is not JSON');
    }
    this.waits.delete(req.taskToken);
    wait.resolve(output);
    return {};
  }

  sendTaskFailure(req: { taskToken?: string; error?: string; cause?: string }) {
    const wait = req.taskToken ? this.waits.get(req.taskToken) : undefined;
    if (!wait || !req.taskToken) throw new ApiError('TaskDoesNotExist', 'Task does not exist anymore');
    this.waits.delete(req.taskToken);
    const err = new Error(req.cause ?? '');
    err.name = req.error ?? 'States.TaskFailed';
    wait.reject(err);
    return {};
  }

  describeExecution(req: { executionArn?: string }) {
    const r = req.executionArn ? this.executions.get(req.executionArn) : undefined;
    if (!r) throw new ApiError('ExecutionDoesNotExist', `execution ${req.executionArn} does not exist`);
    return {
      executionArn: r.executionArn,
      stateMachineArn: this.stateMachineArn,
      name: r.name,
      status: r.status,
      startDate: Date.parse(r.startDate) / 1000,
      ...(r.stopDate ? { stopDate: Date.parse(r.stopDate) / 1000 } : {}),
      input: JSON.stringify(r.input),
      ...(r.output !== undefined ? { output: JSON.stringify(r.output) } : {}),
      ...(r.error ? { error: r.error, cause: r.cause } : {}),
    };
  }

  listExecutions(req: { statusFilter?: ExecutionStatus }) {
    const executions = [...this.executions.values()]
      .filter((r) => !req.statusFilter || r.status === req.statusFilter)
      .sort((a, b) => b.startDate.localeCompare(a.startDate))
      .map((r) => ({
        executionArn: r.executionArn,
        stateMachineArn: this.stateMachineArn,
        name: r.name,
        status: r.status,
        startDate: Date.parse(r.startDate) / 1000,
        ...(r.stopDate ? { stopDate: Date.parse(r.stopDate) / 1000 } : {}),
      }));
    return { executions };
  }

  async stopExecution(req: { executionArn?: string; error?: string; cause?: string }) {
    const r = req.executionArn ? this.executions.get(req.executionArn) : undefined;
    if (!r) throw new ApiError('ExecutionDoesNotExist', `execution ${req.executionArn} does not exist`);
    if (r.status === 'RUNNING') {
      r.status = 'ABORTED';
      r.error = req.error;
      r.cause = req.cause;
      for (const [token, w] of this.waits) if (w.arn === r.executionArn) this.waits.delete(token);
      this.aborts.get(r.executionArn)?.();
      r.stopDate = new Date().toISOString();
      await this.save(r);
    }
    return { stopDate: Date.parse(r.stopDate ?? new Date().toISOString()) / 1000 };
  }

  /** For the console and the CLI: every execution with where it is. */
  list(): ExecutionRecord[] {
    return [...this.executions.values()];
  }

  /** Waits until no execution is running a machine step (all are finished or waiting on a person). */
  async idle(): Promise<void> {
    while (
      this.running.size > 0 &&
      [...this.executions.values()].some((r) => r.status === 'RUNNING' && !(r.wait && this.waits.has(r.wait.token)))
    ) {
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  // ── lifecycle ────────────────────────────────────────────────────────────────────────────────────────

  async start(port: number): Promise<string> {
    await mkdir(this.opts.dir, { recursive: true });
    for (const f of (await readdir(this.opts.dir)).filter((n) => n.endsWith('.json'))) {
      const record = JSON.parse(await readFile(join(this.opts.dir, f), 'utf8')) as ExecutionRecord;
      this.executions.set(record.executionArn, record);
    }
    this.server = createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(port, '127.0.0.1', resolve);
    });
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Resumes every execution that was RUNNING when the previous process stopped. */
  resumeJournaled(): number {
    let resumed = 0;
    for (const record of this.executions.values()) {
      if (record.status !== 'RUNNING') continue;
      const at = record.current?.state ?? this.definition.StartAt;
      const input = record.current ? record.current.input : record.input;
      this.run(record, at, input, record.wait?.state === at ? record.wait.token : undefined);
      resumed++;
    }
    return resumed;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const abort of this.aborts.values()) abort();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections?.();
  }

  private async serve(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const target = String(req.headers['x-amz-target'] ?? '');
    const op = target.split('.').pop() ?? '';
    const send = (status: number, body: unknown, type?: string) => {
      res.writeHead(status, {
        'content-type': 'application/x-amz-json-1.0',
        ...(type ? { 'x-amzn-errortype': type } : {}),
      });
      res.end(JSON.stringify(body));
    };
    try {
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      const ops: Record<string, (b: never) => unknown> = {
        StartExecution: (b) => this.startExecution(b),
        SendTaskSuccess: (b) => this.sendTaskSuccess(b),
        SendTaskFailure: (b) => this.sendTaskFailure(b),
        DescribeExecution: (b) => this.describeExecution(b),
        ListExecutions: (b) => this.listExecutions(b),
        StopExecution: (b) => this.stopExecution(b),
      };
      const fn = ops[op];
      if (!fn) throw new ApiError('UnknownOperationException', `operation ${op} is not supported locally`);
      send(200, await fn(body as never));
    } catch (err) {
      if (err instanceof ApiError) send(400, { __type: err.type, message: err.message }, err.type);
      else send(500, { __type: 'InternalServerError', message: (err as Error).message }, 'InternalServerError');
    }
  }
}
