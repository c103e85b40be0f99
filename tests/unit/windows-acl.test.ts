import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { icaclsOwnerOnlyArgs, onOwnerOnlyFailure, restrictWindowsFolder, windowsAccount } from '../../db/connection';

describe('the data folder on Windows: an ACL for the current user alone', () => {
  it('icacls removes the inherited entries and grants the user full control, inherited by files and subfolders', () => {
    expect(icaclsOwnerOnlyArgs('C:\\Users\\Семёнова\\AppData\\Roaming\\socdesk', 'OFFICE\\semenova')).toEqual([
      'C:\\Users\\Семёнова\\AppData\\Roaming\\socdesk',
      '/inheritance:r',
      '/grant:r',
      'OFFICE\\semenova:(OI)(CI)F',
    ]);
  });

  it('names the account with its domain (or computer) when Windows gives one', () => {
    expect(windowsAccount({ USERDOMAIN: 'USZN-SURGUT' }, 'priem1')).toBe('USZN-SURGUT\\priem1');
    expect(windowsAccount({}, 'priem1')).toBe('priem1');
  });

  it('runs once per folder, not for a folder below one already restricted, and a failure is reported, never thrown', () => {
    const dir = mkdtempSync(join(tmpdir(), 'socdesk-acl-'));
    try {
      const runs: string[][] = [];
      restrictWindowsFolder(dir, (args) => runs.push(args));
      restrictWindowsFolder(dir, (args) => runs.push(args));
      restrictWindowsFolder(join(dir, 'logs'), (args) => runs.push(args));
      expect(runs).toHaveLength(1);
      expect(runs[0]!.slice(1)).toEqual(['/inheritance:r', '/grant:r', `${windowsAccount()}:(OI)(CI)F`]);

      const reported: string[] = [];
      onOwnerOnlyFailure((d, e) => reported.push(`${d}: ${(e as Error).message}`));
      const other = join(tmpdir(), `socdesk-acl-usb-${process.pid}`);
      expect(() =>
        restrictWindowsFolder(other, () => {
          throw new Error('icacls: this drive keeps no permissions');
        }),
      ).not.toThrow();
      expect(reported).toEqual([`${other}: icacls: this drive keeps no permissions`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
