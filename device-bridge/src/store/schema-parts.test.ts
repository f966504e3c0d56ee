import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateSchemaPart } from './schema-parts.ts';

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((row) => row.name);
const versions = (db: Database.Database) => db.prepare('SELECT name, version FROM schema_parts ORDER BY name').all();

describe('schema parts', () => {
  const open: Database.Database[] = [];
  afterEach(() => open.splice(0).forEach((db) => db.close()));
  const memory = () => {
    const db = new Database(':memory:');
    open.push(db);
    return db;
  };

  it('applies the migrations in order and records the version in the part row', () => {
    const db = memory();
    migrateSchemaPart(db, 'notes', ['CREATE TABLE notes (id TEXT PRIMARY KEY)', 'ALTER TABLE notes ADD COLUMN body TEXT']);
    expect(tables(db)).toEqual(['notes', 'schema_parts']);
    expect(db.prepare("SELECT name FROM pragma_table_info('notes') ORDER BY cid").all()).toEqual([{ name: 'id' }, { name: 'body' }]);
    expect(versions(db)).toEqual([{ name: 'notes', version: 2 }]);
  });

  it('applies only what was appended since, and leaves user_version and the other parts alone', () => {
    const db = memory();
    db.pragma('user_version = 7');
    migrateSchemaPart(db, 'notes', ['CREATE TABLE notes (id TEXT PRIMARY KEY)']);
    migrateSchemaPart(db, 'tags', ['CREATE TABLE tags (id TEXT PRIMARY KEY)']);
    db.prepare("INSERT INTO notes (id) VALUES ('kept')").run();
    // reopening with one more migration: the first is not run again (it would fail: the table exists)
    migrateSchemaPart(db, 'notes', ['CREATE TABLE notes (id TEXT PRIMARY KEY)', 'ALTER TABLE notes ADD COLUMN body TEXT']);
    expect(db.prepare('SELECT id, body FROM notes').all()).toEqual([{ id: 'kept', body: null }]);
    expect(versions(db)).toEqual([
      { name: 'notes', version: 2 },
      { name: 'tags', version: 1 },
    ]);
    expect(db.pragma('user_version', { simple: true })).toBe(7);
  });

  it('refuses a part written by a newer build, naming its tables', () => {
    const db = memory();
    migrateSchemaPart(db, 'notes', ['CREATE TABLE notes (id TEXT PRIMARY KEY)', 'ALTER TABLE notes ADD COLUMN body TEXT']);
    expect(() => migrateSchemaPart(db, 'notes', ['CREATE TABLE notes (id TEXT PRIMARY KEY)'])).toThrow(
      'notes tables are newer (2) than this build (1)',
    );
    expect(() => migrateSchemaPart(db, 'notes', [], 'the note tables')).toThrow('the note tables are newer (2) than this build (0)');
  });

  it('rolls a failing migration back together with its version, keeping the ones before it', () => {
    const db = memory();
    const broken = ['CREATE TABLE notes (id TEXT PRIMARY KEY)', 'CREATE TABLE tags (id TEXT); ALTER TABLE missing ADD COLUMN x TEXT'];
    expect(() => migrateSchemaPart(db, 'notes', broken)).toThrow(/missing/);
    expect(tables(db)).toEqual(['notes', 'schema_parts']);
    expect(versions(db)).toEqual([{ name: 'notes', version: 1 }]);
  });
});
