/**
 * Encrypted files: AES-256-GCM (node:crypto) with a key derived by scrypt.
 * Layout: header (magic "SDBK", format 1, scrypt log2 N, r, p, 16-byte salt,
 * 12-byte IV; the header is the GCM additional data), the ciphertext, the
 * 16-byte authentication tag. A single flipped byte anywhere fails the tag.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt as scryptCb, type BinaryLike, type ScryptOptions } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, fstatSync, openSync, readSync } from 'node:fs';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { OWNER_FILE_MODE } from '../../../db/connection';

const MAGIC = Buffer.from('SDBK');
const HEADER_BYTES = 4 + 1 + 3 + 16 + 12;
const TAG_BYTES = 16;
const SCRYPT = { logN: 15, r: 8, p: 1 };
/** Read size, and how much may wait to be written: reads, the cipher and writes overlap. */
const CHUNK = 1 << 20;
const WRITE_BUFFER = 8 << 20;

export class BackupCryptoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupCryptoError';
  }
}

function scrypt(pass: BinaryLike, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((res, rej) => scryptCb(pass, salt, 32, opts, (e, k) => (e ? rej(e) : res(k))));
}

export function deriveKey(passphrase: string, salt: Buffer, logN = SCRYPT.logN, r = SCRYPT.r, p = SCRYPT.p): Promise<Buffer> {
  return scrypt(passphrase.normalize('NFC'), salt, { N: 2 ** logN, r, p, maxmem: 256 * 1024 * 1024 });
}

/** Encrypts `src` into `dst` (owner-only); returns the SHA-256 of the plain content. */
export async function encryptFile(src: string, dst: string, passphrase: string): Promise<string> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header = Buffer.concat([MAGIC, Buffer.from([1, SCRYPT.logN, SCRYPT.r, SCRYPT.p]), salt, iv]);
  const key = await deriveKey(passphrase, salt);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(header);
  const plainHash = createHash('sha256');
  const out = createWriteStream(dst, { mode: OWNER_FILE_MODE, flags: 'wx', highWaterMark: WRITE_BUFFER });
  out.write(header);
  await pipeline(
    createReadStream(src, { highWaterMark: CHUNK }),
    new Transform({
      writableHighWaterMark: WRITE_BUFFER,
      readableHighWaterMark: WRITE_BUFFER,
      transform(chunk: Buffer, _enc, cb) {
        plainHash.update(chunk);
        cb(null, cipher.update(chunk));
      },
      flush(cb) {
        this.push(cipher.final());
        this.push(cipher.getAuthTag());
        cb();
      },
    }),
    out,
  );
  return plainHash.digest('hex');
}

function readHeader(file: string): { header: Buffer; size: number } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const header = Buffer.alloc(HEADER_BYTES);
    if (size < HEADER_BYTES + TAG_BYTES || readSync(fd, header, 0, HEADER_BYTES, 0) !== HEADER_BYTES || !header.subarray(0, 4).equals(MAGIC) || header[4] !== 1) {
      throw new BackupCryptoError('Файл не является резервной копией Socdesk или повреждён.');
    }
    return { header, size };
  } finally {
    closeSync(fd);
  }
}

/**
 * Decrypts `src` into `dst` (or only authenticates it when `dst` is null);
 * returns the SHA-256 of the plain content (null when only authenticating:
 * a tag that authenticates already proves the content is what was encrypted).
 * Throws BackupCryptoError on a wrong passphrase or any damage; a partial
 * `dst` must then be discarded by the caller.
 */
export async function decryptFile(src: string, dst: string, passphrase: string): Promise<string>;
export async function decryptFile(src: string, dst: null, passphrase: string): Promise<null>;
export async function decryptFile(src: string, dst: string | null, passphrase: string): Promise<string | null> {
  const { header, size } = readHeader(src);
  const key = await deriveKey(passphrase, header.subarray(8, 24), header[5], header[6], header[7]);
  const tag = Buffer.alloc(TAG_BYTES);
  const fd = openSync(src, 'r');
  readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
  closeSync(fd);
  const decipher = createDecipheriv('aes-256-gcm', key, header.subarray(24, 36));
  decipher.setAAD(header);
  decipher.setAuthTag(tag);
  const plainHash = dst ? createHash('sha256') : null;
  const sink = dst
    ? createWriteStream(dst, { mode: OWNER_FILE_MODE, highWaterMark: WRITE_BUFFER })
    : new Writable({
        write(_c, _e, cb) {
          cb();
        },
      });
  try {
    await pipeline(
      createReadStream(src, { start: HEADER_BYTES, end: size - TAG_BYTES - 1, highWaterMark: CHUNK }),
      new Transform({
        writableHighWaterMark: WRITE_BUFFER,
        readableHighWaterMark: WRITE_BUFFER,
        transform(chunk: Buffer, _enc, cb) {
          const plain = decipher.update(chunk);
          plainHash?.update(plain);
          cb(null, plain);
        },
        flush(cb) {
          try {
            this.push(decipher.final());
            cb();
          } catch {
            cb(new BackupCryptoError('Резервная копия повреждена или пароль резервных копий неверен: проверка подлинности не прошла.'));
          }
        },
      }),
      sink,
    );
  } catch (e) {
    if (e instanceof BackupCryptoError) throw e;
    throw new BackupCryptoError('Резервную копию не удалось прочитать.');
  }
  return plainHash ? plainHash.digest('hex') : null;
}
