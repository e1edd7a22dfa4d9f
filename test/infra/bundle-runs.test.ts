/**
 * The Lambda bundle of `assemble`, built with the CDK app's own esbuild settings (infra/constructs/bundling.ts),
 * run in a fresh Node process against dynalite and the local store: proves the bundle loads outside the
 * repository and really renders the PDF and XLSX (the embedded DejaVu fonts and import.meta shim included). The AWS SDK
 * is inside the bundle — the version the tests ran, not whatever the Lambda runtime ships — so the process gets no
 * NODE_PATH and could not find one elsewhere (the bundle lies outside the repository).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { DynamoDbReportRepository } from '../../functions/adapters/dynamodb-report-repository.ts';
import { LocalDocumentStore } from '../../functions/adapters/local-document-store.ts';
import { systemClock } from '../../functions/ports/clock.ts';
import { ReportLedger } from '../../functions/usecases/report-ledger.ts';
import { afterBundlingCommands, esbuildOptions } from '../../infra/constructs/bundling.ts';
import { LOCAL_CREDENTIALS, startLocalDynamoDb } from '../../infra/local/dynamodb.ts';
import { ROOT, testConfig } from '../fakes/deps.ts';

const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const stop of stops) await stop();
});

describe('assemble bundle', () => {
  it('loads in a fresh process and renders the report from an upload', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lapkin-bundle-'));
    const out = join(dir, 'bundle');
    const { metafile } = await build({ ...esbuildOptions('assemble', out), metafile: true });
    for (const cmd of afterBundlingCommands(out)) execFileSync('sh', ['-c', cmd]);
    // No @aws-sdk/* import left to the runtime (the bundle's text names some in error messages: ask esbuild).
    const fromOutside = Object.values(metafile.outputs)
      .flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path))
      .filter((path) => path.startsWith('@aws-sdk/'));
    expect(fromOutside).toEqual([]);

    const db = await startLocalDynamoDb(join(dir, 'db'), 0, 'lapkin-bundle');
    stops.push(db.stop);
    const repo = new DynamoDbReportRepository(
      DynamoDBDocumentClient.from(
        new DynamoDBClient({ endpoint: db.endpoint, region: 'local', credentials: LOCAL_CREDENTIALS }),
        {
          marshallOptions: { removeUndefinedValues: true },
        },
      ),
      'lapkin-bundle',
    );
    const store = new LocalDocumentStore(join(dir, 'docs'), { baseUrl: 'http://127.0.0.1:9', secret: 'x'.repeat(32) });
    const key = 'masuk/karawaci/2026/TW1/data.csv';
    const { versionId } = await store.put({
      key,
      body: readFileSync(join(ROOT, 'infra/local/sample/kinerja-tw1-awal.csv')),
      contentType: 'text/csv',
    });
    const now = new Date().toISOString();
    await new ReportLedger(repo, systemClock).create(
      {
        reportId: 'karawaci-2026-TW1',
        unit: 'karawaci',
        tahun: 2026,
        periode: 'TW1',
        status: 'DITERIMA',
        step: 'assemble',
        revision: 0,
        source: { key, versionId },
        createdAt: now,
        updatedAt: now,
      },
      { action: 'DITERIMA', actor: { name: 'lapkin', role: 'SISTEM' } },
    );

    const configFile = join(out, 'lapkin-config.json');
    writeFileSync(configFile, JSON.stringify({ context: { lapkin: testConfig() } }));
    const script = `require('./index.js').handler(${JSON.stringify({ reportId: 'karawaci-2026-TW1', source: { key, versionId } })}, { functionName: 'assemble', awsRequestId: 'r1', getRemainingTimeInMillis: () => 60000 }).then((r) => process.stdout.write(JSON.stringify(r)), (e) => { console.error(e); process.exit(1); });`;
    // Asynchronously: dynalite answers from this very process.
    const run = await promisify(execFile)(process.execPath, ['-e', script], {
      cwd: out,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        // As deployed: the configuration is a file in the bundle (lapkin-function.ts), not an environment variable.
        LAPKIN_CONFIG_FILE: configFile,
        TABLE_NAME: 'lapkin-bundle',
        DYNAMODB_ENDPOINT: db.endpoint,
        DOCUMENT_STORE: 'local',
        LOCAL_STORE_DIR: join(dir, 'docs'),
        SIGNING_SECRET: 'x'.repeat(32),
        AWS_REGION: 'local',
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        POWERTOOLS_LOG_LEVEL: 'SILENT',
        POWERTOOLS_METRICS_DISABLED: 'true',
        NODE_NO_WARNINGS: '1',
      },
    });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as {
      valid: boolean;
      revision: number;
      report: { pdf: { key: string; versionId: string } };
    };
    expect(result).toMatchObject({ valid: true, revision: 1 });
    const pdf = await store.get(result.report.pdf.key, result.report.pdf.versionId);
    expect(Buffer.from(pdf.body.subarray(0, 5)).toString()).toBe('%PDF-');
    // The bundle found its fonts/ directory: the TTFs are embedded, Helvetica is not referenced.
    const pdfBytes = Buffer.from(pdf.body).toString('latin1');
    expect(pdfBytes).toContain('/FontFile2');
    expect(pdfBytes).not.toContain('Helvetica');
    expect((await repo.get('karawaci-2026-TW1'))?.status).toBe('DISUSUN');
  }, 120_000);
});
