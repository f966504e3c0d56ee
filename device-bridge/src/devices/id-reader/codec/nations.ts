/** GB 3304-91 names of China's ethnic groups by their two-digit code, as the card stores them. */
const nationNames = [
  '汉', '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜',
  '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣', '黎', '傈僳',
  '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土',
  '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米',
  '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔',
  '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
] as const;

/** The nation's name for a code such as "01", or null for a code GB 3304 does not have. */
export function nationName(code: string): string | null {
  if (code === '97') return '其他';
  if (code === '98') return '外国血统中国籍人士';
  if (!/^\d{2}$/.test(code)) return null;
  return nationNames[Number(code) - 1] ?? null;
}
