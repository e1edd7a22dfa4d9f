/**
 * Signs a browser's direct upload to the bucket: an S3 presigned POST on AWS, the same against the local stack's
 * S3-compatible POST route locally. Every condition is fixed by the caller (the server, from the session): the
 * browser only sends the fields back with its file.
 */
export interface PresignedPostRequest {
  /** The exact object key (no starts-with): the browser cannot choose another. */
  key: string;
  contentType: string;
  /** content-length-range 1..maxBytes. */
  maxBytes: number;
  /** Object metadata, without the `x-amz-meta-` prefix (the adapter adds it). */
  metadata: Record<string, string>;
  expiresInSeconds: number;
}

/** What the page posts: the fields in this order, then the file as the last field `file`. */
export interface UploadForm {
  url: string;
  fields: Record<string, string>;
}

export interface UploadSigner {
  presignPost(request: PresignedPostRequest): Promise<UploadForm>;
}
