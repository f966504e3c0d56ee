import type { ApplicationState } from '../../../api/index.ts';
import type { SqliteDatabase } from '../../../store/database.ts';
import { formatChinaIso } from '../../china-time.ts';
import type { ApplicationRepository } from '../applications/application-repository.ts';
import type { AtRest } from '../at-rest.ts';
import type { ItemLookup } from '../catalogue/catalogue.ts';
import type { Counters } from '../counters.ts';
import { dayMs } from '../durations.ts';
import { fixtureCitizen } from '../fixtures.ts';

const seededCounter = 'seeded-history';

const cases: {
  number: string;
  fixture: string;
  code: string;
  channel: 'window' | 'online';
  /** state, days before the first open, note */
  events: [ApplicationState, number, string?][];
}[] = [
  {
    number: '3301000000000101',
    fixture: 'zhang-wei',
    code: '330100-GJ-00312-001',
    channel: 'online',
    events: [
      ['received', 3],
      ['accepted', 3],
      ['in-review', 2],
    ],
  },
  {
    number: '3301000000000102',
    fixture: 'li-na',
    code: '330100-HJ-00530-000',
    channel: 'window',
    events: [
      ['received', 6],
      ['accepted', 6],
      ['in-review', 5],
      ['supplement-needed', 4, '请补充提交劳动合同或社保缴纳证明（就业证明）'],
    ],
  },
  {
    number: '3301000000000103',
    fixture: 'zhao-guilan',
    code: '330100-MZ-00730-000',
    channel: 'window',
    events: [
      ['received', 20],
      ['accepted', 20],
      ['in-review', 18],
      ['approved', 12],
      ['completed', 11],
    ],
  },
];

/**
 * Applications the demo citizens already have at the window or online, so progress shows something
 * the first time: placed relative to the first open, kept as they are afterwards.
 */
export function seedCaseHistory(
  db: SqliteDatabase,
  counters: Counters,
  items: ItemLookup,
  applications: Pick<ApplicationRepository, 'recordPastCase'>,
  now: Date,
  atRest: AtRest,
): void {
  if (counters.value(seededCounter) > 0) return;
  const ago = (days: number) => formatChinaIso(new Date(now.getTime() - days * dayMs));
  db.transaction(() => {
    for (const entry of cases) {
      const { card } = fixtureCitizen(entry.fixture);
      applications.recordPastCase({
        platformNumber: entry.number,
        itemCode: entry.code,
        idNumber: atRest.idNumber(card.idNumber),
        name: atRest.name(card.name),
        form: atRest.sealText('{}', `form:${entry.number}`),
        channel: entry.channel,
        office: items.requireItem(entry.code).guide.office,
        submittedAt: ago(entry.events[0]![1]),
        acceptedAt: ago(entry.events[1]![1]),
        events: entry.events.map(([state, days, note]) => ({ state, at: ago(days), note: note ?? null })),
      });
    }
    counters.next(seededCounter);
  })();
}
