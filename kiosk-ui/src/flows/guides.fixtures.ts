import type { CatalogueResponse, ServiceItem } from '@tongban/device-bridge/api';

// Deterministic catalogue data for the guide journey's tests, shaped like the embedded platform's.

export const guideItem: ServiceItem = {
  code: '330000-SB-001',
  name: '社会保险参保缴费证明打印',
  category: 'social-insurance',
  initials: 'shbxcbjfzmdy',
  department: '测试市社会保险事业管理中心',
  kind: 'immediate',
  modes: ['print', 'guide-only'],
  guide: {
    legalBasis: ['《中华人民共和国社会保险法》'],
    conditions: ['本市参保人员'],
    materials: [
      {
        id: 'id-card',
        name: '居民身份证',
        form: 'original',
        copies: 1,
        format: 'paper',
        source: 'applicant',
        required: true,
        kioskCapturable: false,
      },
    ],
    steps: ['刷身份证', '选择证明', '打印'],
    legalLimitDays: 0,
    promisedLimitDays: 0,
    fee: '',
    office: '测试市政务服务中心',
    address: '测试路1号',
    hours: '工作日 9:00-17:00',
    phone: '0571-12345',
    result: '社会保险参保缴费证明',
    formFields: [],
  },
};

export const catalogue: CatalogueResponse = {
  items: [
    {
      code: guideItem.code,
      name: guideItem.name,
      category: guideItem.category,
      initials: guideItem.initials,
      department: guideItem.department,
      kind: guideItem.kind,
      modes: guideItem.modes,
    },
  ],
  categories: [{ category: 'social-insurance', title: '社会保障', count: 1 }],
};
