import { describe, expect, it } from 'vitest';
import { catalogues, languages } from '../i18n/messages.ts';
import { screenNames } from '../flows/screen-names.ts';
import { overlayClips } from './screen-voice.ts';
import { stepNames } from './steps.ts';
import { documentCaptureSteps, faceCheckSteps } from '../camera/camera-steps.ts';

describe('spoken guidance per step', () => {
  it.each(languages)('every step has its own %s text, unlike any other step, screen or overlay', (language) => {
    const catalogue = catalogues[language] as Record<string, string>;
    const textOf = (clip: string) => catalogue[`voice.${clip}`] ?? '';
    const clips = [...screenNames, ...overlayClips, ...stepNames];
    for (const step of stepNames) {
      const text = textOf(step);
      expect(text.trim(), `${language} voice.${step}`).not.toBe('');
      // spoken through a speaker: nothing filled in at run time, so nothing of the citizen
      expect(text, `${language} voice.${step}`).not.toMatch(/\{\w+\}/);
      const sameText = clips.filter((clip) => clip !== step && textOf(clip) === text);
      expect(sameText, `${language} voice.${step} says the same as`).toEqual([]);
    }
  });

  it('the camera screens speak a step of their own in every view, and every camera step is spoken by one', () => {
    const used = new Set<string>([...Object.values(faceCheckSteps), ...Object.values(documentCaptureSteps)]);
    expect([...used].filter((step) => !(stepNames as readonly string[]).includes(step))).toEqual([]);
    const cameraSteps = stepNames.filter((step) => step.startsWith('face-check-') || step.startsWith('document-capture-'));
    expect(cameraSteps.filter((step) => !used.has(step))).toEqual([]);
    // the views that ask something differ from one another (not all one clip)
    expect(
      new Set([faceCheckSteps.choosing, faceCheckSteps.capturing, faceCheckSteps.retry, faceCheckSteps.staffCode, faceCheckSteps.failed])
        .size,
    ).toBe(5);
    expect(new Set([documentCaptureSteps.previewing, documentCaptureSteps.reviewing, documentCaptureSteps.failed]).size).toBe(3);
  });

  it('no step is named like a screen (data-step and data-screen never mix)', () => {
    const screens = new Set<string>(screenNames);
    expect(stepNames.filter((step) => screens.has(step))).toEqual([]);
  });

  it('the first view of a journey speaks about that view, not "follow the screen"', () => {
    expect(catalogues['zh-CN']['voice.apply']).not.toContain('一步一步');
    expect(catalogues.en['voice.apply']).not.toContain('step by step');
    // 办事指南 searches by pinyin initials in both languages
    expect(catalogues['zh-CN']['voice.guides']).toContain('拼音首字母');
    expect(catalogues.en['voice.guides']).toContain('pinyin initials');
  });
});
