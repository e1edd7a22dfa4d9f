/** Versioned document storage: S3 with bucket versioning on AWS, a versioned folder locally. */
export interface StoredDocument {
  key: string;
  versionId: string;
  body: Uint8Array;
  contentType: string;
  metadata: Record<string, string>;
}

export interface DocumentVersion {
  key: string;
  versionId: string;
  size: number;
  lastModified: string;
  isLatest: boolean;
}

export interface DocumentStore {
  /** Writes a new version; returns its versionId. Earlier versions are kept. */
  put(input: {
    key: string;
    body: Uint8Array;
    contentType: string;
    metadata?: Record<string, string>;
    /**
     * Write-once protection until this time (S3 Object Lock, governance mode); used for the archive and the audit
     * checkpoints. Every locked write goes through this one path.
     */
    retainUntil?: string;
  }): Promise<{ versionId: string }>;
  /**
   * Reads one exact version. Throws DocumentNotFoundError when it does not exist, and DocumentTooLargeError
   * (before reading the body) when it is larger than `maxBytes`.
   */
  get(key: string, versionId: string, opts?: { maxBytes?: number }): Promise<StoredDocument>;
  /** Copies one exact version to another key, returning the new versionId. */
  copy(from: { key: string; versionId: string }, toKey: string): Promise<{ versionId: string }>;
  listVersions(key: string): Promise<DocumentVersion[]>;
  /** Every key under a prefix that has a stored version (the audit finds its checkpoints with it). */
  listKeys(prefix: string): Promise<string[]>;
  /**
   * SHA-256 (hex) of one exact version, read as a stream so that hashing an upload of any size holds only a
   * chunk in memory. Throws DocumentNotFoundError when the version does not exist.
   */
  sha256(key: string, versionId: string): Promise<string>;
  /** A time-limited download link for one exact version (never logged). */
  downloadUrl(key: string, versionId: string, expiresInSeconds: number): Promise<string>;
}
