import type { DocumentStore } from '../ports/document-store.ts';
import type { Mailer, MailMessage } from '../ports/mailer.ts';

/**
 * Ports whose adapter is built on first use, from a dynamic import: the SES client and nodemailer, the S3 client
 * and its presigner are then loaded only by a function that sends mail or touches the bucket, not at every cold
 * start (decide sends no mail; intake and record-failure have no bucket) — bench P4.
 */
export function once<T>(load: () => Promise<T>): { get(): Promise<T>; loaded(): T | undefined } {
  let pending: Promise<T> | undefined;
  let value: T | undefined;
  return {
    get() {
      pending ??= load().then(
        (v) => {
          value = v;
          return v;
        },
        (err: unknown) => {
          pending = undefined; // a failed load (e.g. a throttled secret) is tried again on the next call
          throw err;
        },
      );
      return pending;
    },
    loaded: () => value,
  };
}

export class LazyMailer implements Mailer {
  private readonly mailer;

  constructor(load: () => Promise<Mailer>) {
    this.mailer = once(load);
  }

  async send(message: MailMessage) {
    return (await this.mailer.get()).send(message);
  }

  /** Closes the transport if one was ever built; never loads one only to close it. */
  close() {
    this.mailer.loaded()?.close?.();
  }
}

export class LazyDocumentStore implements DocumentStore {
  private readonly store;

  constructor(load: () => Promise<DocumentStore>) {
    this.store = once(load);
  }

  async put(input: Parameters<DocumentStore['put']>[0]) {
    return (await this.store.get()).put(input);
  }

  async get(key: string, versionId: string, opts?: { maxBytes?: number }) {
    return (await this.store.get()).get(key, versionId, opts);
  }

  async copy(from: { key: string; versionId: string }, toKey: string) {
    return (await this.store.get()).copy(from, toKey);
  }

  async listVersions(key: string) {
    return (await this.store.get()).listVersions(key);
  }

  async listKeys(prefix: string) {
    return (await this.store.get()).listKeys(prefix);
  }

  async sha256(key: string, versionId: string) {
    return (await this.store.get()).sha256(key, versionId);
  }

  async downloadUrl(key: string, versionId: string, expiresInSeconds: number) {
    return (await this.store.get()).downloadUrl(key, versionId, expiresInSeconds);
  }
}
