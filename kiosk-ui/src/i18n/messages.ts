/**
 * The one message catalogue. zh-CN is the source: its keys define `MessageKey`, and every other
 * language must be a `Record<MessageKey, string>`, so tsc refuses a language with a missing key.
 * `{name}` placeholders are filled by `t()`.
 */
const zhCN = {
  'app.title': '通办 · 政务服务自助终端',
  'language.switch': 'English',
  'language.switchLabel': '切换为英文界面',
  'help.button': '找工作人员',
  'help.title': '需要帮助？',
  'help.body': '请举手示意，或到服务台找工作人员，我们会来帮您。',
  'help.phone': '服务电话：{phone}',
  'help.close': '知道了',
  'exit.button': '退出',
  'exit.label': '退出并结束本次办理',
  'footer.site': '{site}',
  'footer.phone': '服务电话 {phone}',

  'attract.title': '请把身份证放在感应区',
  'attract.body': '放好后请不要移动，读卡需要几秒钟',
  'attract.services': '可以办理：打印社会保险缴费证明',
  'attract.printingUnavailable': '打印暂时不可用，可以找工作人员办理',

  'cardReading.title': '正在读取身份证',
  'cardReading.body': '请不要移动身份证',

  'cardRejected.title': '这张身份证不能使用',
  'cardRejected.expired': '身份证已过有效期。请使用有效的身份证，或找工作人员办理。',
  'cardRejected.invalid-number': '身份证号码无法核验。请找工作人员帮助。',
  'cardRejected.unreadable': '没能读出身份证。请取下后重新平放在感应区，不要移动。',
  'cardRejected.done': '好的',

  'greeting.hello': '您好，{name}{salutation}',
  'greeting.male': '先生',
  'greeting.female': '女士',
  'greeting.none': '',
  'greeting.body': '身份已确认，请选择要办理的事项',
  'greeting.continue': '开始办理',

  'menu.title': '请选择要办理的事项',
  'menu.service.social-insurance-contribution': '打印社会保险缴费证明',
  'menu.serviceHint.social-insurance-contribution': '显示您的缴费记录，确认后打印A4证明',
  'menu.printingUnavailable': '打印机暂时不能使用，现在不能打印证明。',
  'menu.stillWorks': '您可以找工作人员办理，或稍后再来。',
  'menu.nothingAvailable': '目前没有可以自助办理的事项。',

  'preview.title': '请核对证明内容',
  'preview.loading': '正在查询您的缴费记录，请稍候',
  'preview.holder': '姓名',
  'preview.idNumber': '身份证号',
  'preview.issuer': '出具单位',
  'preview.pages': '共 {pages} 页',
  'preview.month': '月份',
  'preview.employer': '缴费单位',
  'preview.base': '缴费基数',
  'preview.employerAmount': '单位缴纳',
  'preview.personalAmount': '个人缴纳',
  'preview.status': '状态',
  'preview.status.paid': '已缴',
  'preview.status.owed': '欠缴',
  'preview.empty': '没有查到缴费记录。',
  'preview.moreRows': '还有 {count} 个月的记录，会全部打印在证明上',
  'preview.print': '打印证明',
  'preview.back': '返回',
  'preview.printingUnavailable': '打印机暂时不能使用，现在不能打印。',

  'printing.title': '正在打印',
  'printing.queued': '已提交，准备打印',
  'printing.submitting': '正在提交打印',
  'printing.progress': '正在打印第 {page} 页，共 {pages} 页',
  'printing.pleaseWait': '请稍候，不要离开',
  'printing.held': '打印机需要处理，请找工作人员帮助。处理好后会继续打印。',

  'takeDocument.title': '打印完成',
  'takeDocument.body': '请取走您的证明和身份证',
  'takeDocument.done': '我已取走',

  'rating.title': '请您对本次服务评价',
  'rating.body': '您的评价会帮助我们改进服务',
  'rating.grade.5': '非常满意',
  'rating.grade.4': '满意',
  'rating.grade.3': '基本满意',
  'rating.grade.2': '不满意',
  'rating.grade.1': '非常不满意',
  'rating.skip': '不评价',
  'rating.saving': '正在提交评价',

  'goodbye.title': '谢谢，再见',
  'goodbye.rated': '感谢您的评价。',
  'goodbye.ratingFailed': '评价没有提交成功，您可以找工作人员反映。',
  'goodbye.body': '请带好您的身份证和随身物品',

  'outOfService.title': '暂停服务',
  'outOfService.body': '本机暂时不能识别身份证，请到服务台办理。',
  'outOfService.phone': '咨询电话：{phone}',

  'error.title': '没能完成',
  'error.printer-unavailable': '打印机暂时不能使用。请找工作人员帮助。',
  'error.platform-unavailable': '业务系统暂时连接不上，请稍后再试，或找工作人员办理。',
  'error.record-not-found': '没有查到您的记录，请找工作人员核实。',
  'error.no-session': '办理已结束，请重新放置身份证。',
  'error.unreachable': '本机出现故障，请找工作人员帮助。',
  'error.print-failed': '证明没有打印出来，请找工作人员帮助。',
  'error.generic': '出现了问题，请重试或找工作人员帮助。',
  'error.back': '返回菜单',

  'idle.title': '您还在吗？',
  'idle.body': '{seconds} 秒后将自动退出，保护您的信息',
  'idle.moreTime': '继续办理',

  'announce.screen': '{title}',
} as const;

export type MessageKey = keyof typeof zhCN;
export type Catalogue = Record<MessageKey, string>;

const en: Catalogue = {
  'app.title': 'Tongban · Government self-service kiosk',
  'language.switch': '中文',
  'language.switchLabel': 'Switch to Chinese',
  'help.button': 'Ask staff',
  'help.title': 'Need help?',
  'help.body': 'Raise your hand or go to the service desk. Staff will help you.',
  'help.phone': 'Service phone: {phone}',
  'help.close': 'OK',
  'exit.button': 'Exit',
  'exit.label': 'Exit and end this visit',
  'footer.site': '{site}',
  'footer.phone': 'Service phone {phone}',

  'attract.title': 'Place your ID card on the reader',
  'attract.body': 'Keep it still; reading takes a few seconds',
  'attract.services': 'Available: print a social insurance contribution certificate',
  'attract.printingUnavailable': 'Printing is unavailable now; staff can help you',

  'cardReading.title': 'Reading your ID card',
  'cardReading.body': 'Please do not move the card',

  'cardRejected.title': 'This ID card cannot be used',
  'cardRejected.expired': 'The ID card has expired. Please use a valid card or ask staff.',
  'cardRejected.invalid-number': 'The ID number could not be verified. Please ask staff.',
  'cardRejected.unreadable': 'The card could not be read. Take it off, place it flat again and keep it still.',
  'cardRejected.done': 'OK',

  'greeting.hello': 'Hello, {salutation}{name}',
  'greeting.male': 'Mr ',
  'greeting.female': 'Ms ',
  'greeting.none': '',
  'greeting.body': 'Your identity is confirmed. Please choose a service.',
  'greeting.continue': 'Start',

  'menu.title': 'Choose a service',
  'menu.service.social-insurance-contribution': 'Print social insurance contribution certificate',
  'menu.serviceHint.social-insurance-contribution': 'Shows your contributions; print on A4 after you check them',
  'menu.printingUnavailable': 'The printer is not working now, so certificates cannot be printed.',
  'menu.stillWorks': 'Staff at the service desk can help you, or please come back later.',
  'menu.nothingAvailable': 'No self-service is available right now.',

  'preview.title': 'Please check the certificate',
  'preview.loading': 'Looking up your contributions, please wait',
  'preview.holder': 'Name',
  'preview.idNumber': 'ID number',
  'preview.issuer': 'Issued by',
  'preview.pages': '{pages} page(s)',
  'preview.month': 'Month',
  'preview.employer': 'Employer',
  'preview.base': 'Base',
  'preview.employerAmount': 'Employer paid',
  'preview.personalAmount': 'You paid',
  'preview.status': 'Status',
  'preview.status.paid': 'Paid',
  'preview.status.owed': 'Owed',
  'preview.empty': 'No contributions were found.',
  'preview.moreRows': '{count} more months will all be printed on the certificate',
  'preview.print': 'Print certificate',
  'preview.back': 'Back',
  'preview.printingUnavailable': 'The printer is not working now, so it cannot print.',

  'printing.title': 'Printing',
  'printing.queued': 'Sent, about to print',
  'printing.submitting': 'Sending to the printer',
  'printing.progress': 'Printing page {page} of {pages}',
  'printing.pleaseWait': 'Please wait here',
  'printing.held': 'The printer needs attention. Please ask staff. Printing continues once it is fixed.',

  'takeDocument.title': 'Printing finished',
  'takeDocument.body': 'Please take your certificate and your ID card',
  'takeDocument.done': 'I have them',

  'rating.title': 'How was our service?',
  'rating.body': 'Your rating helps us improve',
  'rating.grade.5': 'Very satisfied',
  'rating.grade.4': 'Satisfied',
  'rating.grade.3': 'Fairly satisfied',
  'rating.grade.2': 'Dissatisfied',
  'rating.grade.1': 'Very dissatisfied',
  'rating.skip': 'Skip',
  'rating.saving': 'Sending your rating',

  'goodbye.title': 'Thank you, goodbye',
  'goodbye.rated': 'Thank you for your rating.',
  'goodbye.ratingFailed': 'Your rating could not be sent; you can tell the staff.',
  'goodbye.body': 'Please take your ID card and belongings',

  'outOfService.title': 'Out of service',
  'outOfService.body': 'This kiosk cannot read ID cards right now. Please go to the service desk.',
  'outOfService.phone': 'Phone: {phone}',

  'error.title': 'Could not finish',
  'error.printer-unavailable': 'The printer is not working now. Please ask staff.',
  'error.platform-unavailable': 'The service system cannot be reached. Try again later or ask staff.',
  'error.record-not-found': 'No record was found for you. Please ask staff.',
  'error.no-session': 'Your visit has ended. Please place your ID card again.',
  'error.unreachable': 'This kiosk has a fault. Please ask staff.',
  'error.print-failed': 'The certificate was not printed. Please ask staff.',
  'error.generic': 'Something went wrong. Try again or ask staff.',
  'error.back': 'Back to menu',

  'idle.title': 'Are you still there?',
  'idle.body': 'Leaving automatically in {seconds} seconds to protect your information',
  'idle.moreTime': 'More time',

  'announce.screen': '{title}',
};

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'zh-CN';

export const catalogues: Record<Language, Catalogue> = { 'zh-CN': zhCN, en };
