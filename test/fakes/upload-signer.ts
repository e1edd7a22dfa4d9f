import type { PresignedPostRequest, UploadForm, UploadSigner } from '../../functions/ports/upload-signer.ts';

/** Records what it was asked to sign; the form carries the request back as fields (no signature). */
export class CapturingUploadSigner implements UploadSigner {
  readonly requests: PresignedPostRequest[] = [];

  async presignPost(request: PresignedPostRequest): Promise<UploadForm> {
    this.requests.push(request);
    const meta = Object.fromEntries(Object.entries(request.metadata).map(([k, v]) => [`x-amz-meta-${k}`, v]));
    return {
      url: 'https://lapkin-dokumen.s3.example.com/',
      fields: { key: request.key, 'Content-Type': request.contentType, ...meta, Policy: 'ZmFrZQ==' },
    };
  }
}
