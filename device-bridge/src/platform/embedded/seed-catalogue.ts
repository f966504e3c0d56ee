import type { FormField, ServiceCategory, ServiceItem, ServiceMaterial, ServiceMode } from '../../api/index.ts';

/**
 * The demo service catalogue of the embedded platform: real item names and the shape of a real
 * 办事指南 (legal basis, conditions, materials, steps, time limits, fee, office), written after the
 * Zhejiang/Hangzhou guides. Codes follow the region-department-item-subitem pattern but are demo
 * codes; a deployment takes codes and guides from the platform it connects to.
 */

interface Office {
  department: string;
  office: string;
  address: string;
  phone: string;
}

const hall = '杭州市民中心政务服务大厅';
const hours = '工作日 9:00–12:00，13:30–17:00（周六上午 9:00–12:00 对外开放）；自助区 24 小时';

const offices: Record<ServiceCategory, Office> = {
  'social-insurance': {
    department: '杭州市人力资源和社会保障局',
    office: '杭州市社会保险管理服务中心',
    address: `${hall} B 区 12–18 号窗口（杭州市上城区解放东路 18 号）`,
    phone: '0571-12333',
  },
  'medical-insurance': {
    department: '杭州市医疗保障局',
    office: '杭州市医疗保障服务中心',
    address: `${hall} B 区 20–24 号窗口`,
    phone: '0571-12393',
  },
  'housing-fund': {
    department: '杭州住房公积金管理中心',
    office: '杭州住房公积金管理中心市民中心服务部',
    address: `${hall} C 区 1–8 号窗口`,
    phone: '0571-12329',
  },
  'real-estate': {
    department: '杭州市规划和自然资源局',
    office: '杭州市不动产登记服务中心',
    address: `${hall} D 区 不动产登记专区`,
    phone: '0571-87008000',
  },
  household: {
    department: '杭州市公安局',
    office: '杭州市公安局人口与出入境管理服务中心',
    address: `${hall} A 区 户政窗口 1–6 号`,
    phone: '0571-110',
  },
  tax: {
    department: '国家税务总局杭州市税务局',
    office: '国家税务总局杭州市上城区税务局第一税务所',
    address: `${hall} E 区 办税服务厅`,
    phone: '0571-12366',
  },
  'civil-affairs': {
    department: '杭州市民政局',
    office: '杭州市上城区民政局社会救助和婚姻登记处',
    address: `${hall} F 区 民政窗口`,
    phone: '0571-87026000',
  },
};

const idCard: ServiceMaterial = {
  id: 'id-card',
  name: '居民身份证',
  form: 'original',
  copies: 1,
  format: 'paper-or-electronic',
  source: 'government',
  required: true,
  kioskCapturable: false,
  note: '在自助机上刷身份证即已核验，免提交',
};

function material(id: string, name: string, extra: Partial<ServiceMaterial> = {}): ServiceMaterial {
  return {
    id,
    name,
    form: 'copy',
    copies: 1,
    format: 'paper-or-electronic',
    source: 'applicant',
    required: true,
    kioskCapturable: true,
    ...extra,
  };
}

const phoneField: FormField = { id: 'phone', label: '联系电话', type: 'phone', required: true, maxLength: 20 };

interface ItemSeed {
  code: string;
  name: string;
  category: ServiceCategory;
  kind: 'immediate' | 'promised';
  modes: ServiceMode[];
  legalBasis: string[];
  conditions: string[];
  materials: ServiceMaterial[];
  steps?: string[];
  legalLimitDays: number;
  promisedLimitDays: number;
  fee?: string;
  result: string;
  formFields?: FormField[];
}

const applySteps = ['在自助机刷身份证并核验人脸', '阅读办事指南，填写申请信息', '用高拍仪拍摄所需材料', '提交并取回执', '审核完成后短信通知，按选择的方式领取结果'];
const printSteps = ['在自助机刷身份证并核验人脸', '选择证明类型并预览', '确认打印，取走证明'];
const windowSteps = ['网上或自助机预约办理时段（也可现场取号）', '携带材料到窗口提交', '窗口受理、审核', '领取办理结果'];

const seeds: ItemSeed[] = [
  // 社会保障
  {
    code: '330100-JD-00127-001', name: '社会保险参保缴费证明打印', category: 'social-insurance', kind: 'immediate', modes: ['print'],
    legalBasis: ['《中华人民共和国社会保险法》第七十四条', '《社会保险个人权益记录管理办法》（人力资源和社会保障部令第14号）第十五条'],
    conditions: ['在本市参加社会保险的个人'], materials: [idCard], steps: printSteps, legalLimitDays: 0, promisedLimitDays: 0,
    result: '社会保险参保缴费证明（带验证码和二维码，可在线核验）',
  },
  {
    code: '330100-JD-00131-000', name: '灵活就业人员参保登记', category: 'social-insurance', kind: 'immediate', modes: ['apply'],
    legalBasis: ['《中华人民共和国社会保险法》第十条、第二十三条', '《社会保险费征缴暂行条例》第七条'],
    conditions: ['具有本市户籍或持本市居住证', '法定劳动年龄内的无雇工个体工商户、未在用人单位参保的非全日制从业人员及其他灵活就业人员'],
    materials: [idCard], legalLimitDays: 15, promisedLimitDays: 1,
    result: '参保登记结果，短信告知', formFields: [phoneField, { id: 'startMonth', label: '参保起始月份', type: 'date', required: true }],
  },
  {
    code: '330100-JD-00140-002', name: '职工基本养老保险关系转移接续申请', category: 'social-insurance', kind: 'promised', modes: ['apply'],
    legalBasis: ['《中华人民共和国社会保险法》第十九条', '《城镇企业职工基本养老保险关系转移接续暂行办法》（国办发〔2009〕66号）'],
    conditions: ['跨省、跨统筹地区流动就业并已在新就业地参保的职工'],
    materials: [idCard, material('insurance-record', '原参保地出具的参保缴费凭证', { form: 'original', kioskCapturable: true })],
    legalLimitDays: 45, promisedLimitDays: 15,
    result: '转移接续完成通知', formFields: [phoneField, { id: 'fromRegion', label: '原参保地（省市）', type: 'text', required: true, maxLength: 40 }],
  },
  {
    code: '330100-JD-00152-000', name: '失业保险金申领', category: 'social-insurance', kind: 'promised', modes: ['apply'],
    legalBasis: ['《中华人民共和国社会保险法》第四十五条', '《失业保险条例》第十四条', '《失业保险金申领发放办法》'],
    conditions: ['失业前用人单位和本人已经缴纳失业保险费满一年', '非因本人意愿中断就业', '已经进行失业登记，并有求职要求'],
    materials: [idCard, material('termination', '解除或终止劳动合同证明', { form: 'copy' }), material('bank-card', '本人社会保障卡或银行卡', { kioskCapturable: true })],
    legalLimitDays: 20, promisedLimitDays: 5,
    result: '失业保险金按月发放至社会保障卡金融账户',
    formFields: [phoneField, { id: 'lastEmployer', label: '最后工作单位', type: 'text', required: true, maxLength: 60 }],
  },
  {
    code: '330100-JD-00133-000', name: '城乡居民基本养老保险参保登记', category: 'social-insurance', kind: 'immediate', modes: ['apply'],
    legalBasis: ['《中华人民共和国社会保险法》第二十条', '《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）'],
    conditions: ['年满16周岁（不含在校学生）', '非国家机关和事业单位工作人员', '不属于职工基本养老保险制度覆盖范围的本市户籍居民'],
    materials: [idCard, material('household-register', '户口簿本人页', { kioskCapturable: true })],
    legalLimitDays: 15, promisedLimitDays: 0,
    result: '参保登记结果', formFields: [phoneField, { id: 'grade', label: '缴费档次', type: 'choice', required: true, options: ['300元', '500元', '1000元', '2000元', '3000元'] }],
  },
  {
    code: '330100-JD-00160-000', name: '养老保险待遇领取资格认证', category: 'social-insurance', kind: 'immediate', modes: ['guide-only'],
    legalBasis: ['《人力资源社会保障部办公厅关于全面取消社会保险待遇资格集中认证的通知》（人社厅发〔2018〕107号）'],
    conditions: ['在本市领取基本养老保险待遇的人员'], materials: [idCard],
    steps: ['登录浙里办“社保待遇资格认证”或到社区服务中心', '人脸识别完成认证', '认证结果实时生效'],
    legalLimitDays: 0, promisedLimitDays: 0, result: '认证结果实时生效，每年一次',
  },
  // 医疗保障
  {
    code: '330100-YB-00210-000', name: '城乡居民基本医疗保险参保登记', category: 'medical-insurance', kind: 'immediate', modes: ['apply'],
    legalBasis: ['《中华人民共和国社会保险法》第二十五条', '《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）'],
    conditions: ['本市户籍或持本市居住证的、未参加职工医保的城乡居民'],
    materials: [idCard, material('household-register', '户口簿或居住证', { kioskCapturable: true })],
    legalLimitDays: 15, promisedLimitDays: 0, result: '参保登记结果，次年1月1日起享受待遇', formFields: [phoneField],
  },
  {
    code: '330100-YB-00221-001', name: '异地就医备案（长期居住）', category: 'medical-insurance', kind: 'immediate', modes: ['apply'],
    legalBasis: ['《国家医保局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》（医保发〔2022〕22号）'],
    conditions: ['本市参保人员跨省长期居住（异地安置、异地长期居住）'],
    materials: [idCard, material('residence-promise', '个人承诺书', { form: 'original', kioskCapturable: true, note: '可在自助机上按模板填写后拍摄' })],
    legalLimitDays: 5, promisedLimitDays: 0, result: '备案成功即可在就医地直接结算',
    formFields: [phoneField, { id: 'destination', label: '就医地（省市）', type: 'text', required: true, maxLength: 40 }, { id: 'startDate', label: '备案开始日期', type: 'date', required: true }],
  },
  {
    code: '330100-YB-00230-000', name: '门诊慢特病待遇认定', category: 'medical-insurance', kind: 'promised', modes: ['apply'],
    legalBasis: ['《浙江省医疗保障局关于规范门诊慢特病保障管理的通知》'],
    conditions: ['本市基本医疗保险参保人员', '经二级及以上定点医疗机构确诊患有规定病种'],
    materials: [idCard, material('diagnosis', '病历资料、检查报告及诊断证明', { form: 'copy', copies: 1 })],
    legalLimitDays: 20, promisedLimitDays: 10, result: '认定结果短信通知，自认定次日起享受待遇',
    formFields: [phoneField, { id: 'disease', label: '申请病种', type: 'choice', required: true, options: ['高血压', '糖尿病', '恶性肿瘤门诊治疗', '慢性肾功能衰竭透析', '器官移植抗排异'] }],
  },
  {
    code: '330100-YB-00240-000', name: '医疗保险关系转移接续', category: 'medical-insurance', kind: 'promised', modes: ['apply'],
    legalBasis: ['《中华人民共和国社会保险法》第三十二条', '《流动就业人员基本医疗保障关系转移接续暂行办法》（人社部发〔2009〕191号）'],
    conditions: ['跨统筹地区流动就业，已在转入地参保'],
    materials: [idCard, material('insurance-record', '参保凭证', { form: 'original' })],
    legalLimitDays: 45, promisedLimitDays: 15, result: '转移完成通知', formFields: [phoneField],
  },
  {
    code: '330100-YB-00250-000', name: '医疗保险参保缴费凭证查询', category: 'medical-insurance', kind: 'immediate', modes: ['guide-only'],
    legalBasis: ['《医疗保障基金使用监督管理条例》第十二条'], conditions: ['本市医疗保险参保人员'], materials: [idCard],
    steps: ['登录浙里办或到医保窗口', '查询参保缴费信息', '如需书面凭证可在窗口打印'], legalLimitDays: 0, promisedLimitDays: 0, result: '参保缴费信息',
  },
  // 住房公积金
  {
    code: '330100-GJ-00301-000', name: '住房公积金缴存证明打印', category: 'housing-fund', kind: 'immediate', modes: ['print'],
    legalBasis: ['《住房公积金管理条例》第十三条、第三十三条'], conditions: ['在本中心缴存住房公积金的职工'], materials: [idCard],
    steps: printSteps, legalLimitDays: 0, promisedLimitDays: 0, result: '住房公积金缴存证明（带验证码）',
  },
  {
    code: '330100-GJ-00312-001', name: '住房公积金提取（无房租赁）', category: 'housing-fund', kind: 'immediate', modes: ['apply'],
    legalBasis: ['《住房公积金管理条例》第二十四条', '《住房城乡建设部 财政部 人民银行关于放宽提取住房公积金支付房租条件的通知》（建金〔2015〕19号）'],
    conditions: ['本人及配偶在本市无自有住房且租房自住', '连续足额缴存住房公积金满3个月'],
    materials: [idCard, material('lease', '房屋租赁合同或租赁备案证明', { required: false, note: '在本市住房租赁监管平台已备案的免提交' })],
    legalLimitDays: 3, promisedLimitDays: 1, result: '提取资金转入本人银行账户',
    formFields: [phoneField, { id: 'bankAccount', label: '收款银行卡号', type: 'number', required: true, maxLength: 25 }],
  },
  {
    code: '330100-GJ-00320-000', name: '住房公积金个人住房贷款申请', category: 'housing-fund', kind: 'promised', modes: ['appointment'],
    legalBasis: ['《住房公积金管理条例》第二十六条', '《杭州住房公积金个人住房贷款管理办法》'],
    conditions: ['连续足额缴存住房公积金6个月以上', '购买、建造、翻建、大修自住住房', '具有较稳定的经济收入和偿还贷款能力'],
    materials: [idCard, material('purchase-contract', '购房合同', { form: 'original-and-copy' }), material('marriage', '婚姻状况证明', { source: 'shared', required: false, note: '可通过数据共享获取' }), material('income', '收入证明', { form: 'original' })],
    steps: windowSteps, legalLimitDays: 15, promisedLimitDays: 5, result: '贷款审批结果及借款合同',
  },
  {
    code: '330100-GJ-00330-000', name: '住房公积金个人账户转移', category: 'housing-fund', kind: 'promised', modes: ['apply'],
    legalBasis: ['《住房公积金管理条例》第十四条', '《全国住房公积金异地转移接续业务操作规程》'],
    conditions: ['职工在异地重新就业并已在转入地开户缴存'], materials: [idCard],
    legalLimitDays: 10, promisedLimitDays: 3, result: '转移完成通知', formFields: [phoneField, { id: 'fromCenter', label: '转出地公积金中心', type: 'text', required: true, maxLength: 60 }],
  },
  {
    code: '330100-GJ-00340-000', name: '住房公积金贷款还款明细查询', category: 'housing-fund', kind: 'immediate', modes: ['guide-only'],
    legalBasis: ['《住房公积金管理条例》第三十二条'], conditions: ['有住房公积金贷款的借款人'], materials: [idCard],
    steps: ['登录浙里办“公积金”或到公积金窗口', '查询还款明细', '如需打印到窗口办理'], legalLimitDays: 0, promisedLimitDays: 0, result: '贷款还款明细',
  },
  // 不动产登记
  {
    code: '330100-BD-00401-000', name: '不动产登记资料查询（有房无房证明）', category: 'real-estate', kind: 'immediate', modes: ['print'],
    legalBasis: ['《不动产登记暂行条例》第二十七条', '《不动产登记资料查询暂行办法》（国土资源部令第80号）'],
    conditions: ['权利人或利害关系人查询本人名下不动产登记结果'], materials: [idCard],
    steps: printSteps, legalLimitDays: 0, promisedLimitDays: 0, result: '不动产登记结果查询证明（带验证码）',
  },
  {
    code: '330100-BD-00410-000', name: '不动产抵押权注销登记', category: 'real-estate', kind: 'promised', modes: ['appointment'],
    legalBasis: ['《中华人民共和国民法典》第三百九十三条', '《不动产登记暂行条例实施细则》第七十四条'],
    conditions: ['主债权消灭、抵押权已经实现、抵押权人放弃抵押权等'],
    materials: [idCard, material('certificate', '不动产登记证明（抵押）', { form: 'original', kioskCapturable: false }), material('release', '抵押权消灭的材料', { form: 'original' })],
    steps: windowSteps, legalLimitDays: 30, promisedLimitDays: 1, result: '注销登记完成，可在线查询',
  },
  {
    code: '330100-BD-00420-000', name: '国有建设用地使用权及房屋所有权转移登记（二手房买卖）', category: 'real-estate', kind: 'promised', modes: ['appointment'],
    legalBasis: ['《中华人民共和国民法典》第二百零九条', '《不动产登记暂行条例》第十四条', '《不动产登记暂行条例实施细则》第三十八条'],
    conditions: ['买卖双方已签订存量房买卖合同', '房屋无查封、无异议登记'],
    materials: [idCard, material('contract', '存量房买卖合同', { form: 'original', copies: 2 }), material('property-cert', '不动产权证书', { form: 'original', kioskCapturable: false }), material('tax-receipt', '完税凭证', { source: 'shared', note: '税务数据共享，免提交' })],
    steps: windowSteps, legalLimitDays: 30, promisedLimitDays: 3, fee: '住宅 80 元/件；工本费 10 元/本（小微企业免收）', result: '不动产权证书（可选邮寄）',
  },
  {
    code: '330100-BD-00430-000', name: '不动产登记进度查询', category: 'real-estate', kind: 'immediate', modes: ['guide-only'],
    legalBasis: ['《不动产登记暂行条例》第二十条'], conditions: ['已申请不动产登记的申请人'], materials: [idCard],
    steps: ['凭受理回执上的业务号在浙里办或窗口查询'], legalLimitDays: 0, promisedLimitDays: 0, result: '登记进度',
  },
  // 户籍
  {
    code: '330100-HJ-00501-000', name: '居民身份证换领', category: 'household', kind: 'promised', modes: ['appointment'],
    legalBasis: ['《中华人民共和国居民身份证法》第五条、第十一条'], conditions: ['居民身份证有效期满或即将期满（3个月内）', '登记项目变更或证件严重损坏'],
    materials: [idCard, material('photo', '符合标准的数字相片（可现场采集）', { required: false, kioskCapturable: false })],
    steps: windowSteps, legalLimitDays: 60, promisedLimitDays: 20, fee: '工本费 20 元（换领）；邮寄费用自理', result: '居民身份证（自取或邮寄）',
  },
  {
    code: '330100-HJ-00510-002', name: '户口迁入（投靠配偶）', category: 'household', kind: 'promised', modes: ['appointment'],
    legalBasis: ['《中华人民共和国户口登记条例》第十条', '《杭州市户口迁移管理规定》'],
    conditions: ['与本市户籍居民依法登记结婚满规定年限', '在本市有合法稳定住所'],
    materials: [idCard, material('marriage-cert', '结婚证', { form: 'original-and-copy' }), material('household-register', '双方户口簿', { form: 'original' }), material('housing', '住房证明', { source: 'shared', required: false })],
    steps: windowSteps, legalLimitDays: 20, promisedLimitDays: 7, result: '准予迁入证明或户口登记',
  },
  {
    code: '330100-HJ-00520-000', name: '出生登记', category: 'household', kind: 'immediate', modes: ['appointment'],
    legalBasis: ['《中华人民共和国户口登记条例》第七条'], conditions: ['婴儿出生后一个月内，由户主、亲属、抚养人或邻居申报'],
    materials: [idCard, material('birth-cert', '出生医学证明', { form: 'original', kioskCapturable: false }), material('household-register', '父母户口簿', { form: 'original' }), material('marriage-cert', '父母结婚证', { required: false })],
    steps: windowSteps, legalLimitDays: 0, promisedLimitDays: 0, result: '户口簿登记出生人员',
  },
  {
    code: '330100-HJ-00530-000', name: '居住证申领', category: 'household', kind: 'promised', modes: ['apply'],
    legalBasis: ['《居住证暂行条例》第二条、第九条', '《浙江省流动人口居住登记条例》'],
    conditions: ['离开常住户口所在地，在本市居住半年以上', '符合有合法稳定就业、合法稳定住所、连续就读条件之一'],
    materials: [idCard, material('housing', '合法稳定住所证明（租赁合同或产权证明）'), material('employment', '就业或就读证明', { required: false })],
    legalLimitDays: 15, promisedLimitDays: 7, result: '浙江省居住证（到派出所领取或邮寄）',
    formFields: [phoneField, { id: 'address', label: '现居住地址', type: 'text', required: true, maxLength: 80 }],
  },
  {
    code: '330100-HJ-00540-000', name: '户籍证明打印（户籍信息查询证明）', category: 'household', kind: 'immediate', modes: ['print'],
    legalBasis: ['《中华人民共和国户口登记条例》', '《公安部关于规范派出所出具证明工作的意见》'],
    conditions: ['本市户籍人员本人查询'], materials: [idCard], steps: printSteps, legalLimitDays: 0, promisedLimitDays: 0, result: '户籍证明（带验证码）',
  },
  // 税务
  {
    code: '330100-SW-00601-000', name: '个人所得税纳税记录开具', category: 'tax', kind: 'immediate', modes: ['print'],
    legalBasis: ['《国家税务总局关于将个人所得税〈税收完税证明〉（文书式）调整为〈纳税记录〉有关事项的公告》（2018年第55号）'],
    conditions: ['在中国境内负有个人所得税纳税义务的个人'], materials: [idCard], steps: printSteps, legalLimitDays: 0, promisedLimitDays: 0,
    result: '个人所得税纳税记录（带验证码，可在税务网站验证）',
  },
  {
    code: '330100-SW-00610-000', name: '个人所得税综合所得年度汇算', category: 'tax', kind: 'immediate', modes: ['guide-only', 'appointment'],
    legalBasis: ['《中华人民共和国个人所得税法》第十一条', '《国家税务总局关于办理个人所得税综合所得汇算清缴事项的公告》'],
    conditions: ['取得综合所得且需要补税或申请退税的居民个人'], materials: [idCard, material('bank-card', '本人境内银行账户', { required: false, kioskCapturable: false })],
    steps: ['每年3月1日至6月30日通过个人所得税 App 办理', '需帮助时预约办税服务厅'], legalLimitDays: 0, promisedLimitDays: 0, result: '汇算结果，退税到账',
  },
  {
    code: '330100-SW-00620-000', name: '代开增值税普通发票（自然人）', category: 'tax', kind: 'immediate', modes: ['appointment'],
    legalBasis: ['《中华人民共和国发票管理办法》第十六条', '《国家税务总局关于发布〈税务机关代开增值税专用发票管理办法〉的公告》'],
    conditions: ['临时取得应税收入需要开具发票的自然人'], materials: [idCard, material('contract', '合同或收入证明', { form: 'copy' })],
    steps: windowSteps, legalLimitDays: 0, promisedLimitDays: 0, result: '增值税普通发票',
  },
  {
    code: '330100-SW-00630-000', name: '车船税缴纳', category: 'tax', kind: 'immediate', modes: ['guide-only'],
    legalBasis: ['《中华人民共和国车船税法》第八条、第十一条'], conditions: ['在中国境内车辆、船舶的所有人或者管理人'], materials: [idCard],
    steps: ['投保交强险时由保险机构代收代缴', '未代收的到办税服务厅缴纳'], legalLimitDays: 0, promisedLimitDays: 0, fee: '按车辆排量适用税额', result: '完税凭证',
  },
  // 民政
  {
    code: '330100-MZ-00701-000', name: '婚姻登记记录证明打印', category: 'civil-affairs', kind: 'immediate', modes: ['print'],
    legalBasis: ['《婚姻登记条例》', '《民政部关于进一步规范婚姻登记档案查询工作的通知》'], conditions: ['当事人本人查询本人婚姻登记记录'],
    materials: [idCard], steps: printSteps, legalLimitDays: 0, promisedLimitDays: 0, result: '婚姻登记记录证明（带验证码）',
  },
  {
    code: '330100-MZ-00710-000', name: '内地居民结婚登记', category: 'civil-affairs', kind: 'immediate', modes: ['appointment'],
    legalBasis: ['《中华人民共和国民法典》第一千零四十九条', '《婚姻登记条例》第四条、第五条'],
    conditions: ['男年满22周岁、女年满20周岁', '双方自愿', '双方均无配偶，无禁止结婚的亲属关系'],
    materials: [idCard, material('photo', '双方近期半身免冠合影照片', { form: 'original', copies: 3, kioskCapturable: false })],
    steps: windowSteps, legalLimitDays: 0, promisedLimitDays: 0, fee: '不收费', result: '结婚证',
  },
  {
    code: '330100-MZ-00720-000', name: '最低生活保障申请', category: 'civil-affairs', kind: 'promised', modes: ['apply'],
    legalBasis: ['《社会救助暂行办法》第九条至第十一条', '《浙江省最低生活保障办法》'],
    conditions: ['共同生活的家庭成员人均收入低于当地最低生活保障标准', '家庭财产状况符合规定'],
    materials: [idCard, material('household-register', '户口簿', { form: 'copy' }), material('income', '家庭成员收入情况说明', { form: 'original' }), material('authorization', '家庭经济状况核对授权书', { form: 'original', note: '全体成年家庭成员签字' })],
    legalLimitDays: 30, promisedLimitDays: 20, result: '审核确认结果，公示无异议后发放',
    formFields: [phoneField, { id: 'householdSize', label: '共同生活家庭人数', type: 'number', required: true, maxLength: 2 }],
  },
  {
    code: '330100-MZ-00730-000', name: '高龄津贴申领', category: 'civil-affairs', kind: 'promised', modes: ['apply'],
    legalBasis: ['《中华人民共和国老年人权益保障法》第三十三条', '《浙江省老年人优待办法》'],
    conditions: ['本市户籍、年满80周岁的老年人'], materials: [idCard, material('bank-card', '本人银行卡', { kioskCapturable: true })],
    legalLimitDays: 20, promisedLimitDays: 10, result: '津贴按月发放', formFields: [phoneField],
  },
  {
    code: '330100-MZ-00740-000', name: '困难残疾人生活补贴和重度残疾人护理补贴申请', category: 'civil-affairs', kind: 'promised', modes: ['apply'],
    legalBasis: ['《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）'],
    conditions: ['持有第二代中华人民共和国残疾人证', '低保家庭中的残疾人（生活补贴）或残疾等级为一、二级（护理补贴）'],
    materials: [idCard, material('disability-cert', '残疾人证', { form: 'original-and-copy' })],
    legalLimitDays: 30, promisedLimitDays: 15, result: '补贴按月发放', formFields: [phoneField],
  },
];

function toItem(seed: ItemSeed, initials: (name: string) => string): ServiceItem {
  const office = offices[seed.category];
  return {
    code: seed.code,
    name: seed.name,
    category: seed.category,
    initials: initials(seed.name),
    department: office.department,
    kind: seed.kind,
    modes: seed.modes,
    guide: {
      legalBasis: seed.legalBasis,
      conditions: seed.conditions,
      materials: seed.materials,
      steps: seed.steps ?? (seed.modes.includes('apply') ? applySteps : windowSteps),
      legalLimitDays: seed.legalLimitDays,
      promisedLimitDays: seed.promisedLimitDays,
      fee: seed.fee ?? '不收费',
      office: office.office,
      address: office.address,
      hours,
      phone: office.phone,
      result: seed.result,
      formFields: seed.formFields ?? [],
    },
  };
}

/** The standard codes of the demo catalogue: lets a start skip seeding when every item is stored. */
export function catalogueSeedCodes(): string[] {
  return seeds.map((seed) => seed.code);
}

/** The catalogue, with pinyin initials computed by the caller's function (pinyin-pro in production). */
export function catalogueSeed(initials: (name: string) => string): ServiceItem[] {
  return seeds.map((seed) => toItem(seed, initials));
}

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

export { offices as categoryOffices };
