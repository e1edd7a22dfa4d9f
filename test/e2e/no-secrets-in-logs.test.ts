/**
 * A whole `lapkin demo` run with every log at DEBUG, in a child process: no line of its output may carry a task
 * token or a decision-link signature. Tokens are read back from the decision records, signatures from the mails
 * MailDev stored; the local token format also has a fixed prefix that must never be printed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { DynamoDbReportRepository } from '../../functions/adapters/dynamodb-report-repository.ts';
import { LOCAL_CREDENTIALS, startLocalDynamoDb } from '../../infra/local/dynamodb.ts';
import { ROOT } from '../fakes/deps.ts';

describe('logs of a whole demo run', () => {
  it('contain no task token and no link signature', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lapkin-logs-'));
    const stateDir = join(dir, 'state');
    const cdk = JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8'));
    cdk.context.lapkin.local.stateDir = stateDir;
    writeFileSync(join(dir, 'cdk.json'), JSON.stringify(cdk));
    const output = await new Promise<{ code: number | null; text: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'infra/cli/main.ts'), 'demo', '--clock-speed', '20000'],
        {
          env: {
            ...process.env,
            LAPKIN_CONFIG_FILE: join(dir, 'cdk.json'),
            LAPKIN_LOG_LEVEL: 'DEBUG',
            POWERTOOLS_LOG_LEVEL: 'DEBUG',
            // Even an operator switching on event logging must not get tokens into the logs.
            POWERTOOLS_LOGGER_LOG_EVENT: 'true',
          },
        },
      );
      let text = '';
      child.stdout.on('data', (d) => {
        text += d;
      });
      child.stderr.on('data', (d) => {
        text += d;
      });
      child.on('close', (code) => resolve({ code, text }));
    });
    expect(output.code, output.text.slice(-2000)).toBe(0);
    // The run really logged (Powertools at DEBUG: every info line of every handler), so an empty output cannot pass this test.
    expect(output.text).toContain('"level":"INFO"');

    const signatures = readdirSync(join(stateDir, 'mail'))
      .filter((f) => f.endsWith('.eml'))
      .flatMap((f) =>
        [
          ...readFileSync(join(stateDir, 'mail', f), 'utf8')
            .replace(/=\r?\n/g, '')
            .matchAll(/[?&](?:amp;)?s=([A-Za-z0-9_-]{43})/g),
        ].map((m) => m[1] as string),
      );
    expect(signatures.length).toBeGreaterThanOrEqual(5);

    // The archived PDFs print the portal's address (verification link and QR code) and so do the mails: it must be
    // the one `npm start` on this state serves afterwards — the address the demo's last lines name — not a
    // temporary port of the demo's own stack.
    const printed = /the page answers while `npm start` runs: (http:\/\/[^/\s]+)\/verifikasi\//.exec(output.text)?.[1];
    expect(printed).toBeDefined();
    const mailed = new Set(
      readdirSync(join(stateDir, 'mail'))
        .filter((f) => f.endsWith('.eml'))
        .flatMap((f) => [
          ...readFileSync(join(stateDir, 'mail', f), 'utf8')
            .replace(/=\r?\n/g, '')
            .matchAll(/(http:\/\/[^/\s"]+)\/keputusan\//g),
        ])
        .map((m) => m[1]),
    );
    expect([...mailed]).toEqual([printed]);
    const lastPorts = JSON.parse(readFileSync(join(stateDir, 'last-ports.json'), 'utf8')) as { http: number };
    expect(new URL(printed as string).port).toBe(String(lastPorts.http));

    const db = await startLocalDynamoDb(join(stateDir, 'dynamodb'), 0, 'lapkin-local');
    const tokens: string[] = [];
    try {
      const repo = new DynamoDbReportRepository(
        DynamoDBDocumentClient.from(
          new DynamoDBClient({ endpoint: db.endpoint, region: 'local', credentials: LOCAL_CREDENTIALS }),
        ),
        'lapkin-local',
      );
      for (const e of await repo.events('karawaci-2026-TW1')) {
        const id = e.detail?.decisionId;
        if (typeof id === 'string') tokens.push((await repo.getDecision(id))?.taskToken ?? '');
      }
    } finally {
      await db.stop();
    }
    expect(tokens.filter(Boolean).length).toBeGreaterThanOrEqual(5);
    expect(output.text).not.toContain('lapkin-local-token-');
    for (const t of tokens) expect(output.text).not.toContain(t);
    for (const s of signatures) expect(output.text).not.toContain(s);
  }, 120_000);
});
