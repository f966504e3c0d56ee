import type { ServiceCategory } from '../../api/index.ts';

/** The one hall the embedded platform books appointments and gives queue numbers for. */
export const hallId = 'HZ-SMZX';
export const hallName = '杭州市民中心政务服务大厅';

/** windows per category in the demo hall */
export const windowsOf: Record<ServiceCategory, string[]> = {
  'social-insurance': ['B12', 'B13'],
  'medical-insurance': ['B20'],
  'housing-fund': ['C01', 'C02'],
  'real-estate': ['D01', 'D02'],
  household: ['A01', 'A02'],
  tax: ['E01'],
  'civil-affairs': ['F01'],
};

/** Each category's ticket letter at the hall's queue machine. */
export const queuePrefixes: Record<ServiceCategory, string> = {
  'social-insurance': 'A',
  'medical-insurance': 'B',
  'housing-fund': 'C',
  'real-estate': 'D',
  household: 'E',
  tax: 'F',
  'civil-affairs': 'G',
};
