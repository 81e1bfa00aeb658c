import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqliteBinding } from './database.js';

describe('sqliteBinding: which better-sqlite3 build this Node loads', () => {
  const version = JSON.parse(fs.readFileSync(path.resolve('node_modules/better-sqlite3/package.json'), 'utf8')).version as string;

  it('takes the one OPEN_SEOUL_SQLITE_BINDING names', () => {
    expect(sqliteBinding({ OPEN_SEOUL_SQLITE_BINDING: '/opt/b/better_sqlite3.node' }, '/usr/bin/node')).toBe('/opt/b/better_sqlite3.node');
  });

  it('finds a build of the installed version beside a second Node, and none beside a Node without one', () => {
    const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'node-prefix-'));
    try {
      const execPath = path.join(prefix, 'bin', 'node');
      expect(sqliteBinding({}, execPath)).toBeUndefined();
      const other = path.join(prefix, 'lib', 'better-sqlite3', '0.0.1', 'better_sqlite3.node'); // another version: not ours
      fs.mkdirSync(path.dirname(other), { recursive: true });
      fs.writeFileSync(other, '');
      expect(sqliteBinding({}, execPath)).toBeUndefined();
      const ours = path.join(prefix, 'lib', 'better-sqlite3', version, 'better_sqlite3.node');
      fs.mkdirSync(path.dirname(ours), { recursive: true });
      fs.writeFileSync(ours, '');
      expect(sqliteBinding({}, execPath)).toBe(ours);
    } finally {
      fs.rmSync(prefix, { recursive: true, force: true });
    }
  });
});
