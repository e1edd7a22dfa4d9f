/** S3 document store and Step Functions workflow adapters against aws-sdk-client-mock. */
import { createHash } from 'node:crypto';
import {
  CopyObjectCommand,
  GetObjectCommand,
  ListObjectVersionsCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  DescribeExecutionCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { S3DocumentStore } from '../../functions/adapters/s3-document-store.ts';
import { SfnWorkflow } from '../../functions/adapters/sfn-workflow.ts';
import { DocumentNotFoundError, TaskGoneError, TransientError } from '../../functions/core/errors.ts';

const s3 = mockClient(S3Client);
const sfn = mockClient(SFNClient);
const store = new S3DocumentStore(new S3Client({ region: 'ap-southeast-3' }), 'bucket');
const workflow = new SfnWorkflow(
  new SFNClient({ region: 'ap-southeast-3' }),
  'arn:aws:states:ap-southeast-3:1:stateMachine:sm',
);

beforeEach(() => {
  s3.reset();
  sfn.reset();
});

describe('S3DocumentStore', () => {
  it('put returns the new versionId and refuses a bucket without versioning', async () => {
    s3.on(PutObjectCommand).resolvesOnce({ VersionId: 'v1' }).resolvesOnce({});
    expect(
      await store.put({ key: 'laporan/a.pdf', body: new Uint8Array([1]), contentType: 'application/pdf' }),
    ).toEqual({ versionId: 'v1' });
    await expect(
      store.put({ key: 'laporan/a.pdf', body: new Uint8Array([1]), contentType: 'application/pdf' }),
    ).rejects.toThrow(/versioning/);
  });

  it('a locked put sends its own SHA-256 (S3 refuses an Object Lock PUT without a checksum)', async () => {
    s3.on(PutObjectCommand).resolves({ VersionId: 'v1' });
    const retainUntil = '2036-01-01T00:00:00.000Z';
    await store.put({
      key: 'arsip/a.pdf',
      body: new TextEncoder().encode('abc'),
      contentType: 'application/pdf',
      retainUntil,
    });
    expect(s3.commandCalls(PutObjectCommand)[0]?.args[0].input).toMatchObject({
      ObjectLockMode: 'GOVERNANCE',
      ObjectLockRetainUntilDate: new Date(retainUntil),
      ChecksumAlgorithm: 'SHA256',
      // sha256("abc"), base64
      ChecksumSHA256: 'ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=',
    });
  });

  it('get reads exactly the version asked for', async () => {
    s3.on(GetObjectCommand).resolves({
      Body: { transformToByteArray: async () => new TextEncoder().encode('abc') } as never,
      ContentType: 'text/csv',
      Metadata: { a: 'b' },
    });
    const doc = await store.get('masuk/x.csv', 'v7');
    expect(Buffer.from(doc.body).toString()).toBe('abc');
    expect(s3.commandCalls(GetObjectCommand)[0]?.args[0].input).toEqual({
      Bucket: 'bucket',
      Key: 'masuk/x.csv',
      VersionId: 'v7',
    });
  });

  it('maps a missing object to DocumentNotFoundError', async () => {
    s3.on(GetObjectCommand).rejects(new NoSuchKey({ message: 'no', $metadata: {} }));
    await expect(store.get('masuk/x.csv', 'v1')).rejects.toBeInstanceOf(DocumentNotFoundError);
  });

  it('copy names the exact source version', async () => {
    s3.on(CopyObjectCommand).resolves({ VersionId: 'v9' });
    await store.copy({ key: 'laporan/a b.pdf', versionId: 'v1' }, 'arsip/a.pdf');
    expect(s3.commandCalls(CopyObjectCommand)[0]?.args[0].input.CopySource).toBe(
      'bucket/laporan/a%20b.pdf?versionId=v1',
    );
  });
});

describe('S3DocumentStore for the audit', () => {
  it('sends the checksum on every Object Lock PUT itself (S3 refuses a locked PUT without one)', async () => {
    s3.on(PutObjectCommand).resolves({ VersionId: 'v1' });
    const body = new TextEncoder().encode('{"seq":1}');
    await store.put({
      key: 'audit/r/00000001.json',
      body,
      contentType: 'application/json',
      retainUntil: '2036-01-01T00:00:00.000Z',
    });
    await store.put({ key: 'laporan/a.pdf', body, contentType: 'application/pdf' });
    const [locked, plain] = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
    expect(locked).toMatchObject({ ObjectLockMode: 'GOVERNANCE', ChecksumAlgorithm: 'SHA256' });
    expect(locked?.ObjectLockRetainUntilDate).toEqual(new Date('2036-01-01T00:00:00.000Z'));
    expect(plain?.ObjectLockMode).toBeUndefined();
  });

  it('hashes one exact version from the streamed body', async () => {
    async function* chunks() {
      yield new TextEncoder().encode('ab');
      yield new TextEncoder().encode('c');
    }
    s3.on(GetObjectCommand).resolves({ Body: chunks() as never });
    expect(await store.sha256('masuk/x.csv', 'v3')).toBe(createHash('sha256').update('abc').digest('hex'));
    expect(s3.commandCalls(GetObjectCommand)[0]?.args[0].input).toEqual({
      Bucket: 'bucket',
      Key: 'masuk/x.csv',
      VersionId: 'v3',
    });
    s3.on(GetObjectCommand).rejects(Object.assign(new Error('no'), { name: 'NoSuchVersion' }));
    await expect(store.sha256('masuk/x.csv', 'v4')).rejects.toBeInstanceOf(DocumentNotFoundError);
  });

  it('lists every key under a prefix across pages, including keys behind a delete marker', async () => {
    s3.on(ListObjectVersionsCommand)
      .resolvesOnce({
        Versions: [
          { Key: 'audit/r/00000001.json', VersionId: 'a' },
          { Key: 'audit/r/00000001.json', VersionId: 'b' },
        ],
        DeleteMarkers: [{ Key: 'audit/r/00000004.json', VersionId: 'd' }],
        IsTruncated: true,
        NextKeyMarker: 'audit/r/00000001.json',
        NextVersionIdMarker: 'b',
      })
      .resolvesOnce({ Versions: [{ Key: 'audit/r/00000004.json', VersionId: 'c' }], IsTruncated: false });
    expect(await store.listKeys('audit/r/')).toEqual(['audit/r/00000001.json', 'audit/r/00000004.json']);
    expect(s3.commandCalls(ListObjectVersionsCommand)[1]?.args[0].input).toMatchObject({
      Prefix: 'audit/r/',
      KeyMarker: 'audit/r/00000001.json',
    });
  });
});

describe('SfnWorkflow', () => {
  it('start maps ExecutionAlreadyExists to alreadyStarted', async () => {
    sfn.on(StartExecutionCommand).rejects(Object.assign(new Error('exists'), { name: 'ExecutionAlreadyExists' }));
    expect(await workflow.start('n1', {})).toEqual({
      executionArn: 'arn:aws:states:ap-southeast-3:1:execution:sm:n1',
      alreadyStarted: true,
    });
  });

  it('sendSuccess maps a consumed token to TaskGoneError and throttling to TransientError', async () => {
    sfn
      .on(SendTaskSuccessCommand)
      .rejectsOnce(Object.assign(new Error('x'), { name: 'TaskTimedOut' }))
      .rejectsOnce(Object.assign(new Error('x'), { name: 'ThrottlingException' }));
    await expect(workflow.sendSuccess('t', {})).rejects.toBeInstanceOf(TaskGoneError);
    await expect(workflow.sendSuccess('t', {})).rejects.toBeInstanceOf(TransientError);
  });

  it('executionStatus answers DescribeExecution; an unknown execution is undefined, throttling TransientError', async () => {
    const arn = 'arn:aws:states:ap-southeast-3:1:execution:sm:n1';
    sfn
      .on(DescribeExecutionCommand, { executionArn: arn })
      .resolvesOnce({ status: 'RUNNING' })
      .rejectsOnce(Object.assign(new Error('x'), { name: 'ExecutionDoesNotExist' }))
      .rejectsOnce(Object.assign(new Error('x'), { name: 'ThrottlingException' }));
    expect(await workflow.executionStatus(arn)).toBe('RUNNING');
    expect(await workflow.executionStatus(arn)).toBeUndefined();
    await expect(workflow.executionStatus(arn)).rejects.toBeInstanceOf(TransientError);
  });
});
