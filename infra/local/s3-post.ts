import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { html } from 'hono/html';
import { UPLOAD_PREFIX } from '../../functions/core/upload-key.ts';
import type { DocumentStore } from '../../functions/ports/document-store.ts';
import { LOCAL_CREDENTIALS } from './dynamodb.ts';

/** The local stack's one bucket (the versioned store under .lapkin/documents). */
export const LOCAL_BUCKET = 'lapkin-local-documents';
/** Where the local stack answers S3 POST uploads (the presigned form's endpoint, path style). */
export const LOCAL_S3_PATH = '/_lokal/s3/';
/** Multipart framing and the form's fields around the file: far less than this. */
const FIELDS_ALLOWANCE = 64 * 1024;
/** Fields S3 never asks the policy about. */
const UNCHECKED = new Set(['policy', 'x-amz-signature', 'file']);

export interface LocalS3PostOptions {
  store: DocumentStore;
  /** The largest object a form may carry (the configured maxFileMB): bounds what this route reads at all. */
  maxObjectBytes: () => number;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  now?: () => Date;
}

type Refusal = { status: 400 | 403 | 404 | 405 | 413; code: string; message: string };

/** An S3 error document, as the browser's upload code reads it (XML, Code and Message). */
async function s3Error(c: Context, r: Refusal) {
  const body = html`<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>${r.code}</Code><Message>${r.message}</Message></Error>`;
  return c.body(String(await body), r.status, { 'content-type': 'application/xml' });
}

const denied = (message: string): Refusal => ({ status: 403, code: 'AccessDenied', message });
const policyFail = (why: string) => denied(`Invalid according to Policy: ${why}`);

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** SigV4 of a POST policy: HMAC-SHA256 of the base64 policy with the key derived for date, region and s3. */
export function policySignature(secret: string, date: string, region: string, policyBase64: string): string {
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), 's3'), 'aws4_request');
  return createHmac('sha256', key).update(policyBase64, 'utf8').digest('hex');
}

function sameText(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y) && a === b;
}

interface Policy {
  expiration?: unknown;
  conditions?: unknown;
}

/**
 * Checks a form the way S3 checks a browser-based upload (POST Object with a SigV4 policy): the signature over
 * the base64 policy, the policy's expiration, every condition (exact match, starts-with, content-length-range)
 * against the fields and the bucket, no field the policy does not name, the file as the last field. Returns the
 * refusal, or undefined when S3 would store the object.
 */
export function checkPostForm(
  fields: Map<string, string>,
  bucket: string,
  fileSize: number,
  opts: { credentials: { accessKeyId: string; secretAccessKey: string }; now: Date },
): Refusal | undefined {
  const policyBase64 = fields.get('policy');
  const signature = fields.get('x-amz-signature');
  const credential = fields.get('x-amz-credential');
  if (!policyBase64 || !signature || !credential || fields.get('x-amz-algorithm') !== 'AWS4-HMAC-SHA256')
    return { status: 400, code: 'InvalidArgument', message: 'POST requires a SigV4 policy, credential and signature' };
  const [accessKey, date, region, service, terminal] = credential.split('/');
  if (accessKey !== opts.credentials.accessKeyId)
    return denied('The AWS Access Key Id you provided does not exist in our records.');
  if (!date || !region || service !== 's3' || terminal !== 'aws4_request')
    return { status: 400, code: 'InvalidArgument', message: 'Invalid credential scope' };
  const expected = policySignature(opts.credentials.secretAccessKey, date, region, policyBase64);
  if (!sameText(expected, signature.toLowerCase()))
    return {
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match the signature you provided.',
    };
  let policy: Policy;
  try {
    policy = JSON.parse(Buffer.from(policyBase64, 'base64').toString('utf8')) as Policy;
  } catch {
    return { status: 400, code: 'InvalidPolicyDocument', message: 'Invalid Policy: Invalid JSON.' };
  }
  const expiration = typeof policy.expiration === 'string' ? Date.parse(policy.expiration) : Number.NaN;
  if (!Number.isFinite(expiration))
    return { status: 400, code: 'InvalidPolicyDocument', message: 'Invalid Policy: Invalid expiration.' };
  if (expiration <= opts.now.getTime()) return policyFail('Policy expired.');
  if (!Array.isArray(policy.conditions))
    return { status: 400, code: 'InvalidPolicyDocument', message: 'Invalid Policy: Invalid conditions.' };
  const fieldValue = (name: string) => (name === 'bucket' ? bucket : fields.get(name));
  const covered = new Set<string>();
  for (const condition of policy.conditions as unknown[]) {
    if (Array.isArray(condition)) {
      const [op, a, b] = condition as [unknown, unknown, unknown];
      const operator = String(op).toLowerCase();
      if (operator === 'content-length-range') {
        if (fileSize < Number(a))
          return {
            status: 400,
            code: 'EntityTooSmall',
            message: 'Your proposed upload is smaller than the minimum allowed size',
          };
        if (fileSize > Number(b))
          return {
            status: 400,
            code: 'EntityTooLarge',
            message: 'Your proposed upload exceeds the maximum allowed size',
          };
        continue;
      }
      const name = String(a).replace(/^\$/, '').toLowerCase();
      const actual = fieldValue(name) ?? '';
      covered.add(name);
      if (operator === 'eq' && actual !== String(b))
        return policyFail(`Policy Condition failed: ["eq", "$${name}", "${String(b)}"]`);
      if (operator === 'starts-with' && !actual.startsWith(String(b)))
        return policyFail(`Policy Condition failed: ["starts-with", "$${name}", "${String(b)}"]`);
      if (operator !== 'eq' && operator !== 'starts-with')
        return {
          status: 400,
          code: 'InvalidPolicyDocument',
          message: `Invalid Policy: Invalid condition ${operator}.`,
        };
    } else if (condition && typeof condition === 'object') {
      for (const [key, value] of Object.entries(condition)) {
        const name = key.toLowerCase();
        covered.add(name);
        if ((fieldValue(name) ?? '') !== String(value))
          return policyFail(`Policy Condition failed: ["eq", "$${name}", "${String(value)}"]`);
      }
    }
  }
  for (const name of fields.keys())
    if (!UNCHECKED.has(name) && !name.startsWith('x-ignore-') && !covered.has(name))
      return policyFail(`Extra input fields: ${name}`);
  return undefined;
}

/**
 * POST /_lokal/s3/:bucket — what S3's browser-based upload (POST Object) is for the local stack: the portal's
 * presigned form (functions/adapters/s3-upload-signer.ts, against `${publicBaseUrl}/_lokal/s3`) posts here from
 * the page, the form is checked like S3 checks it, and the file is stored with its metadata — which emits the
 * bucket event, so intake starts or resumes the report exactly as after an upload on AWS. Uploads only (under
 * masuk/), like the portal's grant on AWS. Answers 204 (or success_action_status 200/201), errors as S3's XML.
 */
export function localS3PostRoutes(o: LocalS3PostOptions) {
  const app = new Hono();
  const credentials = o.credentials ?? LOCAL_CREDENTIALS;
  app.post(
    '/_lokal/s3/:bucket',
    (c, next) =>
      bodyLimit({
        maxSize: o.maxObjectBytes() + FIELDS_ALLOWANCE,
        onError: (cx) =>
          s3Error(cx, {
            status: 400,
            code: 'EntityTooLarge',
            message: 'Your proposed upload exceeds the maximum allowed size',
          }),
      })(c, next),
    async (c) => {
      const bucket = c.req.param('bucket');
      if (bucket !== LOCAL_BUCKET)
        return s3Error(c, { status: 404, code: 'NoSuchBucket', message: 'The specified bucket does not exist' });
      if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data'))
        return s3Error(c, { status: 400, code: 'InvalidArgument', message: 'POST requires multipart/form-data' });
      let form: FormData;
      try {
        form = await c.req.formData();
      } catch {
        return s3Error(c, {
          status: 400,
          code: 'MalformedPOSTRequest',
          message: 'The body of your POST request is not well-formed multipart/form-data.',
        });
      }
      const entries = [...form.entries()];
      const last = entries.at(-1);
      if (last?.[0].toLowerCase() !== 'file' || entries.filter(([n]) => n.toLowerCase() === 'file').length !== 1)
        return s3Error(c, {
          status: 400,
          code: 'InvalidArgument',
          message: 'POST requires exactly one file upload per request, as the last field.',
        });
      const fields = new Map<string, string>();
      for (const [name, value] of entries.slice(0, -1)) {
        if (typeof value !== 'string')
          return s3Error(c, { status: 400, code: 'InvalidArgument', message: `Field ${name} must be text` });
        fields.set(name.toLowerCase(), value);
      }
      const file = last[1];
      const body = typeof file === 'string' ? new TextEncoder().encode(file) : new Uint8Array(await file.arrayBuffer());
      const refusal = checkPostForm(fields, bucket, body.byteLength, { credentials, now: o.now?.() ?? new Date() });
      if (refusal) return s3Error(c, refusal);
      const key = fields.get('key') ?? '';
      if (!key.startsWith(UPLOAD_PREFIX) || key.length > 1024 || key.includes('\0'))
        return s3Error(c, denied('Access Denied'));
      const metadata: Record<string, string> = {};
      for (const [name, value] of fields) if (name.startsWith('x-amz-meta-')) metadata[name.slice(11)] = value;
      const put = await o.store.put({
        key,
        body,
        contentType: fields.get('content-type') ?? 'binary/octet-stream',
        metadata,
      });
      const status = fields.get('success_action_status');
      const headers = { 'x-amz-version-id': put.versionId, location: `/${bucket}/${key}` };
      if (status === '201') {
        const xml = html`<?xml version="1.0" encoding="UTF-8"?>
<PostResponse><Bucket>${bucket}</Bucket><Key>${key}</Key></PostResponse>`;
        return c.body(String(await xml), 201, { ...headers, 'content-type': 'application/xml' });
      }
      return c.body(null, status === '200' ? 200 : 204, headers);
    },
  );
  app.all('/_lokal/s3/:bucket', (c) =>
    s3Error(c, {
      status: 405,
      code: 'MethodNotAllowed',
      message: 'The specified method is not allowed against this resource.',
    }),
  );
  return app;
}
