import type { SourceChannel } from '../../types/customers'

export type CustomerColumn = 'name' | 'phone' | 'partnerName' | 'weddingDate' | 'birthday' | 'source' | 'tags' | 'notes'

/** Header names old studio systems and Excel sheets use, Chinese and English, for each customer field. */
const HEADER_ALIASES: Record<CustomerColumn, string[]> = {
  name: ['姓名', '客户姓名', '客户名称', '客户', '名字', 'name', 'customer', 'customer name', 'full name'],
  phone: ['手机', '手机号', '手机号码', '电话', '联系电话', '联系方式', 'phone', 'mobile', 'phone number', 'tel', 'cell'],
  partnerName: ['伴侣', '伴侣姓名', '配偶', '另一半', '新郎', '新娘', 'partner', 'partner name', 'spouse'],
  weddingDate: ['婚期', '结婚日期', '婚礼日期', 'wedding date', 'wedding'],
  birthday: ['生日', '出生日期', 'birthday', 'date of birth', 'dob'],
  source: ['来源', '渠道', '客户来源', '来源渠道', 'source', 'channel', 'source channel'],
  tags: ['标签', '客户标签', 'tags', 'tag', 'labels'],
  notes: ['备注', '说明', '客户备注', 'notes', 'note', 'remarks', 'comment'],
}

/** The Chinese headers an export writes; the importer reads them back. */
export const EXPORT_HEADERS: Record<CustomerColumn, string> = {
  name: '姓名',
  phone: '手机号',
  partnerName: '伴侣姓名',
  weddingDate: '婚期',
  birthday: '生日',
  source: '来源',
  tags: '标签',
  notes: '备注',
}

const normaliseHeader = (h: string) => h.normalize('NFKC').trim().toLowerCase().replace(/[\s_]+/g, ' ')

/** Which file column feeds which customer field. Unknown headers are ignored (and reported). */
export function mapHeaders(headers: string[]): { columns: Map<number, CustomerColumn>; unknown: string[] } {
  const columns = new Map<number, CustomerColumn>()
  const unknown: string[] = []
  headers.forEach((header, index) => {
    const wanted = normaliseHeader(header)
    const field = (Object.keys(HEADER_ALIASES) as CustomerColumn[]).find((f) => HEADER_ALIASES[f].some((a) => normaliseHeader(a) === wanted))
    if (field && ![...columns.values()].includes(field)) columns.set(index, field)
    else if (wanted) unknown.push(header)
  })
  return { columns, unknown }
}

const SOURCE_NAMES: Record<string, SourceChannel> = {
  大众点评: 'dianping',
  点评: 'dianping',
  dianping: 'dianping',
  小红书: 'xiaohongshu',
  红书: 'xiaohongshu',
  xiaohongshu: 'xiaohongshu',
  抖音: 'douyin',
  douyin: 'douyin',
  微信: 'wechat',
  公众号: 'wechat',
  小程序: 'wechat',
  wechat: 'wechat',
  转介绍: 'referral',
  介绍: 'referral',
  老客介绍: 'referral',
  referral: 'referral',
  到店: 'walk_in',
  自然到店: 'walk_in',
  进店: 'walk_in',
  'walk in': 'walk_in',
  walk_in: 'walk_in',
  美团: 'meituan',
  meituan: 'meituan',
  其他: 'other',
  其它: 'other',
  other: 'other',
}

export const SOURCE_LABELS: Record<SourceChannel, string> = {
  dianping: '大众点评',
  xiaohongshu: '小红书',
  douyin: '抖音',
  wechat: '微信',
  referral: '转介绍',
  walk_in: '到店',
  meituan: '美团',
  other: '其他',
}

export function parseSource(value: string): SourceChannel | undefined {
  return SOURCE_NAMES[normaliseHeader(value)]
}

/** Dates as people type them in Excel: 2027-05-20, 2027/5/20, 2027.5.20, 2027年5月20日, 20270520. */
export function parseDate(value: string): string | undefined {
  const v = value.trim()
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(v)
  if (!m) return undefined
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined
  return date.toISOString().slice(0, 10)
}

export const splitTags = (value: string) =>
  [...new Set(value.split(/[,，;；、|/]/).map((t) => t.trim()).filter(Boolean))]
