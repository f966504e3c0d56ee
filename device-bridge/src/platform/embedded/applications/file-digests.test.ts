import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateSchemaPart } from '../../../store/schema-parts.ts';
import { sha256Hex } from '../at-rest.ts';
import { migrateServiceTables, serviceMigrations } from '../service-schema.ts';
import { fillFileDigests } from './file-digests.ts';

describe('file digests after the services part reached version 2', () => {
  it('gives a file stored under version 1 its SHA-256 and size, keeping its bytes', () => {
    const db = new Database(':memory:');
    try {
      // a platform file as the first build left it: services at version 1, a file with its bytes only
      migrateSchemaPart(db, 'services', serviceMigrations.slice(0, 1));
      db.prepare(
        `INSERT INTO service_items (code, name, category, initials, department, kind, modes, guide, sort_order)
         VALUES ('330100-HJ-00530-000', '居住证申领', 'household', 'jzzsl', '杭州市公安局', 'promised', '[]', '{}', 0)`,
      ).run();
      db.prepare(
        `INSERT INTO applications (platform_number, item_code, id_number, name, form, delivery, channel, office, submitted_at, accepted_at,
           auto_progress)
         VALUES ('330120261123000001', '330100-HJ-00530-000', 'x', 'y', '{}', 'collect', 'kiosk', 'office', 'then', 'then', 1)`,
      ).run();
      const pdf = Buffer.from('%PDF-1.4\n% a scanned lease\n%%EOF\n');
      db.prepare(
        "INSERT INTO application_files (platform_number, material_id, file_name, pdf) VALUES ('330120261123000001', 'housing', 'h.pdf', ?)",
      ).run(pdf);

      migrateServiceTables(db);
      fillFileDigests(db);

      expect(db.prepare('SELECT material_id, pdf, sha256, size FROM application_files').all()).toEqual([
        { material_id: 'housing', pdf, sha256: sha256Hex(pdf), size: pdf.length },
      ]);
    } finally {
      db.close();
    }
  });
});
