import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../devices/testing/manual-clock.ts';
import { PlatformRejection, type SubmitApplication } from '../contract.ts';
import { createEmbeddedPlatform, type EmbeddedPlatform } from './embedded-platform.ts';
import { fixtureCitizen } from './fixtures.ts';

const zhang = fixtureCitizen('zhang-wei').card;
const applicant = { idNumber: zhang.idNumber, name: zhang.name };
/** a scanned page as the kiosk sends it: a PDF, base64 */
const pdfBase64 = Buffer.from('%PDF-1.4\n% a scanned lease\n%%EOF\n').toString('base64');

function application(overrides: Partial<SubmitApplication> = {}): SubmitApplication {
  return {
    idempotencyKey: randomUUID(),
    localNumber: 'K1-20261122-0001',
    itemCode: '330100-HJ-00530-000',
    applicant,
    form: { phone: '13800000000', address: '杭州市西湖区文三路478号' },
    materials: [{ materialId: 'housing', fileName: 'housing.pdf', pdfBase64 }],
    delivery: 'collect',
    submittedAt: '2026-11-22T10:00:00+08:00',
    ...overrides,
  };
}

describe('embedded platform services', () => {
  const open: EmbeddedPlatform[] = [];
  afterEach(() => open.splice(0).forEach((platform) => platform.close()));
  function platformAt(iso = '2026-11-23T02:00:00Z') {
    const clock = createManualClock(new Date(iso));
    const platform = createEmbeddedPlatform({ file: ':memory:', clock, kioskId: 'K1' });
    open.push(platform);
    return { platform, clock };
  }

  it('has at least 30 items across the seven categories, each with a full guide, found by name or pinyin initials', async () => {
    const { platform } = platformAt();
    const items = await platform.listServiceItems({});
    expect(items.length).toBeGreaterThanOrEqual(30);
    expect(new Set(items.map((item) => item.category)).size).toBe(7);
    const byInitials = await platform.listServiceItems({ q: 'gjj' });
    expect(byInitials.map((item) => item.name)).toContain('住房公积金缴存证明打印');
    const byName = await platform.listServiceItems({ q: '居住证' });
    expect(byName.map((item) => item.code)).toEqual(['330100-HJ-00530-000']);
    const guide = (await platform.getServiceItem('330100-HJ-00530-000'))!.guide;
    expect(guide.legalBasis[0]).toContain('居住证暂行条例');
    expect(guide.materials.some((material) => material.kioskCapturable)).toBe(true);
    expect(guide.promisedLimitDays).toBeLessThanOrEqual(guide.legalLimitDays);
  });

  it('stores an application once per idempotency key and refuses the key reused for other content', async () => {
    const { platform } = platformAt();
    const first = application();
    const accepted = await platform.submitApplication(first);
    expect(platform.services.idempotentReplays('K1')).toBe(0);
    expect(await platform.submitApplication(first)).toEqual(accepted);
    expect(platform.services.applicationCount('K1')).toBe(1);
    expect(platform.services.idempotentReplays('K1')).toBe(1);
    await expect(platform.submitApplication({ ...first, form: { phone: '1' } })).rejects.toBeInstanceOf(PlatformRejection);
  });

  it("checks an application against the item's own guide: form fields, materials, PDF bytes", async () => {
    const { platform } = platformAt();
    const refused = (overrides: Partial<SubmitApplication>) =>
      platform.submitApplication(application(overrides)).catch((error: unknown) => error as PlatformRejection);
    expect(await refused({ form: { phone: '13800000000' } })).toMatchObject({
      code: 'bad-request',
      status: 400,
      message: expect.stringMatching(/^form\.address/),
    });
    expect(await refused({ form: { phone: '13800000000', address: 'x', favouriteColour: 'red' } })).toMatchObject({
      message: 'form.favouriteColour: not a field of this item',
    });
    expect(await refused({ materials: [] })).toMatchObject({ code: 'bad-request', message: expect.stringMatching(/^materials\.housing/) });
    expect(await refused({ materials: [{ materialId: 'page', fileName: 'p.pdf', pdfBase64 }] })).toMatchObject({
      message: 'materials.page: not a material of this item',
    });
    expect(
      await refused({
        materials: [{ materialId: 'housing', fileName: 'h.pdf', pdfBase64: Buffer.from('GIF89a not a pdf').toString('base64') }],
      }),
    ).toMatchObject({ message: 'materials.housing: not a PDF' });
    expect(await refused({ itemCode: '330100-XX-99999-000' })).toMatchObject({ code: 'item-not-found', status: 404 });
    expect(platform.services.applicationCount('K1')).toBe(0);
  });

  it('takes a rating only for an item in the catalogue; every certificate type names its print item', async () => {
    const { platform } = platformAt();
    const rating = {
      idempotencyKey: randomUUID(),
      caseNumber: 'SB1',
      itemCode: '330100-JD-00127-001',
      grade: 5,
      indicators: [],
      ratedAt: '2026-11-22T10:00:00+08:00',
      rater: applicant,
    };
    expect((await platform.submitRating(rating)).ratingId).toMatch(/^PJ/);
    await expect(platform.submitRating({ ...rating, idempotencyKey: randomUUID(), itemCode: '330100-XX-99999-000' })).rejects.toMatchObject(
      { code: 'item-not-found' },
    );
    for (const type of await platform.listCertificateTypes()) {
      const item = await platform.getServiceItem(type.serviceCode);
      expect(item?.modes, `${type.type} → ${type.serviceCode}`).toContain('print');
    }
  });

  it('moves an application along its timeline as time passes and lists it for its applicant only', async () => {
    const { platform, clock } = platformAt();
    const { platformNumber } = await platform.submitApplication(application());
    const mine = () => platform.listApplications(applicant).then((list) => list.find((entry) => entry.caseNumber === platformNumber)!);
    expect((await mine()).state).toBe('accepted');
    clock.advance(3 * 3_600_000);
    expect((await mine()).state).toBe('in-review');
    clock.advance(8 * 24 * 3_600_000);
    expect((await mine()).timeline.map((entry) => entry.state)).toEqual(['received', 'accepted', 'in-review', 'approved', 'completed']);
    const li = fixtureCitizen('li-na').card;
    const hers = await platform.listApplications({ idNumber: li.idNumber, name: li.name });
    expect(hers.map((entry) => entry.caseNumber)).not.toContain(platformNumber);
    expect(hers[0]?.state).toBe('supplement-needed');
  });

  it('books a slot until it is full, lists and cancels only my own appointments', async () => {
    const { platform } = platformAt();
    const slots = await platform.listSlots('330100-HJ-00501-000', undefined);
    expect(slots.length).toBeGreaterThan(0);
    const slot = slots.find((candidate) => candidate.remaining === 2)!;
    const li = fixtureCitizen('li-na').card;
    const booked = await platform.bookAppointment({ applicant, slotId: slot.id, itemCode: '330100-HJ-00501-000' });
    await platform.bookAppointment({
      applicant: { idNumber: li.idNumber, name: li.name },
      slotId: slot.id,
      itemCode: '330100-HJ-00501-000',
    });
    const wang = fixtureCitizen('wang-xiaoyu').card;
    await expect(
      platform.bookAppointment({
        applicant: { idNumber: wang.idNumber, name: wang.name },
        slotId: slot.id,
        itemCode: '330100-HJ-00501-000',
      }),
    ).rejects.toMatchObject({ code: 'slot-full' });
    expect((await platform.listAppointments(applicant)).map((entry) => entry.id)).toEqual([booked.id]);
    await expect(platform.cancelAppointment({ idNumber: li.idNumber, name: li.name }, booked.id)).rejects.toMatchObject({
      code: 'appointment-not-found',
    });
    await platform.cancelAppointment(applicant, booked.id);
    expect((await platform.listAppointments(applicant))[0]?.state).toBe('cancelled');
  });

  it('gives queue numbers in order, one per person and category, and the line moves with time', async () => {
    const { platform, clock } = platformAt();
    const li = fixtureCitizen('li-na').card;
    const first = await platform.takeQueueNumber({ applicant, category: 'household' });
    const second = await platform.takeQueueNumber({ applicant: { idNumber: li.idNumber, name: li.name }, category: 'household' });
    expect(first.number).toBe('E001');
    expect(second.number).toBe('E002');
    expect(second.ahead).toBeGreaterThanOrEqual(1);
    await expect(platform.takeQueueNumber({ applicant, category: 'household' })).rejects.toMatchObject({ code: 'queue-ticket-exists' });
    clock.advance(60 * 60_000);
    expect(await platform.queueStatus('E002')).toMatchObject({ ahead: 0, state: 'done' });
  });
});
