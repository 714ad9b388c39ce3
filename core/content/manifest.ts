/**
 * The package manifest (every file's size and SHA-256) and its Ed25519 signature: how the
 * kiosk knows a package is whole and, once a key is installed, who made it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import type { ContentProblem } from './problem-codes.ts';

/** `manifest.json` at the package root. */
export const MANIFEST_FILE = 'manifest.json';
/** `signature.json` at the package root, signing the exact bytes of the manifest. */
export const SIGNATURE_FILE = 'signature.json';

/** What `manifest.json` must hold: the package's version and every file with its size and SHA-256, so nothing can be added, dropped or changed unseen. */
export const ManifestSchema = z.object({
  manifestVersion: z.literal(1),
  package: z.object({ id: z.string(), version: z.string() }),
  files: z.array(z.object({ path: z.string(), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
/** A manifest as read and checked. */
export type Manifest = z.infer<typeof ManifestSchema>;

/** What `signature.json` must hold: which key signed the manifest, and the Ed25519 signature over its exact bytes. */
export const SignatureSchema = z.object({
  algorithm: z.literal('ed25519'),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  signature: z.string().min(1),
});
/** A signature file as read and checked. */
export type Signature = z.infer<typeof SignatureSchema>;

/** SHA-256 of a file, hex. */
export async function hashFile(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** Builds the manifest of a package folder's files (manifest and signature excluded). */
export async function buildManifest(root: string, files: Iterable<string>, pkg: { id: string; version: string }): Promise<Manifest> {
  const list = [...files].filter((f) => f !== MANIFEST_FILE && f !== SIGNATURE_FILE).sort();
  const entries = [];
  for (const rel of list) {
    const full = path.join(root, ...rel.split('/'));
    entries.push({ path: rel, size: (await fsp.stat(full)).size, sha256: await hashFile(full) });
  }
  return { manifestVersion: 1, package: pkg, files: entries };
}

/** The key id of a public key: the first 16 hex digits of the SHA-256 of its DER form. */
export function keyId(publicKey: crypto.KeyObject): string {
  return crypto
    .createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** A new Ed25519 key pair, as PEM texts. */
export function generateKeyPair(): { privateKeyPem: string; publicKeyPem: string; keyId: string } {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: keyId(publicKey),
  };
}

/** Signs the exact bytes of a manifest. */
export function signManifest(manifestBytes: Uint8Array, privateKeyPem: string): Signature {
  const privateKey = crypto.createPrivateKey(privateKeyPem);
  const publicKey = crypto.createPublicKey(privateKey);
  return { algorithm: 'ed25519', keyId: keyId(publicKey), signature: crypto.sign(null, manifestBytes, privateKey).toString('base64') };
}

/** Why a signature does not hold for the manifest bytes under any of `publicKeysPem`, or undefined when it holds. */
export function checkSignature(
  manifestBytes: Uint8Array,
  signature: Signature,
  publicKeysPem: readonly string[],
): ContentProblem | undefined {
  const keys = publicKeysPem.map((pem) => crypto.createPublicKey(pem));
  const key = keys.find((k) => keyId(k) === signature.keyId);
  if (!key) return { code: 'untrusted-key', keyId: signature.keyId };
  const bytes = Buffer.from(signature.signature, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signature.signature) || bytes.length !== 64) return { code: 'not-ed25519' };
  const ok = crypto.verify(null, manifestBytes, key, bytes);
  return ok ? undefined : { code: 'signature-mismatch' };
}
