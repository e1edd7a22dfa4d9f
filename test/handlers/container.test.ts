/** The container builds only what a function is granted: a function without a bucket never needs BUCKET_NAME. */
import { describe, expect, it } from 'vitest';
import { buildDeps } from '../../functions/commons/container.ts';
import { testConfig } from '../fakes/deps.ts';

const base = { LAPKIN_CONFIG: JSON.stringify(testConfig()), TABLE_NAME: 't', AWS_REGION: 'ap-southeast-3' };

describe('buildDeps', () => {
  it('builds without a bucket and names the missing variable only when the store is used', () => {
    const deps = buildDeps({ ...base } as NodeJS.ProcessEnv);
    expect(deps.repo).toBeDefined();
    expect(() => deps.store).toThrow('environment variable BUCKET_NAME is not set');
  });

  it('uses S3 when a bucket is bound (its client loaded on first use) and the local store when told so', async () => {
    const { mockClient } = await import('aws-sdk-client-mock');
    const { S3Client, PutObjectCommand } = await import('@aws-sdk/client-s3');
    const s3 = mockClient(S3Client);
    s3.on(PutObjectCommand).resolves({ VersionId: 'v-1' });
    const s3Store = buildDeps({ ...base, BUCKET_NAME: 'b' } as NodeJS.ProcessEnv).store;
    expect(
      await s3Store.put({ key: 'laporan/x.pdf', body: new Uint8Array([1]), contentType: 'application/pdf' }),
    ).toEqual({ versionId: 'v-1' });
    expect(s3.commandCalls(PutObjectCommand)[0]?.args[0].input).toMatchObject({ Bucket: 'b', Key: 'laporan/x.pdf' });
    s3.restore();
    const local = buildDeps({
      ...base,
      DOCUMENT_STORE: 'local',
      LOCAL_STORE_DIR: '/tmp/x',
      SIGNING_SECRET: 's',
    } as NodeJS.ProcessEnv);
    expect(local.store.constructor.name).toBe('LocalDocumentStore');
  });

  it('refuses to start without its table', () => {
    expect(() => buildDeps({ LAPKIN_CONFIG: base.LAPKIN_CONFIG } as NodeJS.ProcessEnv)).toThrow('TABLE_NAME');
  });
});

describe('SES mail', () => {
  it('sends through SESv2 with the configuration set on every message', async () => {
    const { mockClient } = await import('aws-sdk-client-mock');
    const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');
    const ses = mockClient(SESv2Client);
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    const deps = buildDeps({ ...base, SES_CONFIGURATION_SET: 'lapkin' } as NodeJS.ProcessEnv);
    await deps.mailer.send({ to: ['camat@example.go.id'], subject: 'Uji', text: 'isi', html: '<p>isi</p>' });
    const input = ses.commandCalls(SendEmailCommand)[0]?.args[0].input;
    expect(input?.ConfigurationSetName).toBe('lapkin');
    expect(input?.Destination?.ToAddresses).toEqual(['camat@example.go.id']);
    expect(input?.FromEmailAddress).toContain('lapkin@example.go.id');
    ses.restore();
  });
});
