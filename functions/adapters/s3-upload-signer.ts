import type { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import type { PresignedPostRequest, UploadForm, UploadSigner } from '../ports/upload-signer.ts';

/**
 * Presigned POST with @aws-sdk/s3-presigned-post: the policy pins the bucket, the exact key, the size range, the
 * content type and every metadata value, so S3 refuses a form whose fields were changed. Locally the client's
 * endpoint is the stack's `/_lokal/s3` (path style), which checks the same policy (infra/local/s3-post.ts).
 */
export class S3UploadSigner implements UploadSigner {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async presignPost(r: PresignedPostRequest): Promise<UploadForm> {
    const meta = Object.fromEntries(Object.entries(r.metadata).map(([k, v]) => [`x-amz-meta-${k}`, v]));
    const fields = { 'Content-Type': r.contentType, ...meta };
    const { url, fields: signed } = await createPresignedPost(this.client, {
      Bucket: this.bucket,
      Key: r.key,
      Conditions: [['content-length-range', 1, r.maxBytes], ...Object.entries(fields).map(([k, v]) => ({ [k]: v }))],
      Fields: fields,
      Expires: r.expiresInSeconds,
    });
    return { url, fields: signed };
  }
}
