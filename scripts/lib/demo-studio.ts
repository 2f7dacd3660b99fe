import type { StaffRole } from '../../types/roles'
import type { AppDeps } from '../../functions/api/implementations'
import { createPackage, createProduct } from '../../functions/catalog/manage-catalog'
import { createStockItem } from '../../functions/inventory/create-stock-item'
import { recordPurchase } from '../../functions/inventory/record-purchase'
import type { RequestContext } from '../../functions/domain/context'
import { addStaff, provisionStudio } from '../../functions/studio/provision-studio'
import { ulid } from 'ulid'
import type { Branch } from '../../types/entities'

export const DEMO_STUDIO_CODE = 'demo'
export const demoPassword = () => process.env.DEMO_PASSWORD ?? 'studio-demo-2026'

/** One account per role; user names are the role codes so they are easy to remember. */
export const demoStaff: { username: string; displayName: string; roles: StaffRole[]; branch: 0 | 1 }[] = [
  { username: 'admin', displayName: '林雅 (管理员)', roles: ['admin'], branch: 0 },
  { username: 'manager', displayName: '陈静 (店长)', roles: ['manager'], branch: 0 },
  { username: 'reception', displayName: '王小美 (门市)', roles: ['reception'], branch: 0 },
  { username: 'photographer', displayName: '张伟 (摄影师)', roles: ['photographer'], branch: 0 },
  { username: 'makeup', displayName: '李娜 (化妆师)', roles: ['makeup'], branch: 0 },
  { username: 'retoucher', displayName: '赵磊 (修图师)', roles: ['retoucher'], branch: 0 },
  { username: 'finance', displayName: '周敏 (财务)', roles: ['finance'], branch: 0 },
  { username: 'manager.xuhui', displayName: '吴刚 (徐汇店长)', roles: ['manager'], branch: 1 },
  { username: 'photographer.senior', displayName: '刘洋 (资深摄影师)', roles: ['photographer'], branch: 0 },
  { username: 'photographer.xuhui', displayName: '孙丽 (摄影师)', roles: ['photographer'], branch: 1 },
  { username: 'makeup.xuhui', displayName: '郑爽 (化妆师)', roles: ['makeup'], branch: 1 },
]

/** Seeds the demo studio (or another with its shape, under another code): two Shanghai branches and one staff account per role. */
export async function seedDemoStudio(deps: AppDeps, log: (line: string) => void = console.log, code = DEMO_STUDIO_CODE) {
  const password = demoPassword()
  const { studio, branches } = await provisionStudio(deps, {
    code,
    name: '光影婚纱摄影',
    branches: [
      { name: '静安旗舰店', address: '上海市静安区南京西路1266号', phone: '021-62880001' },
      { name: '徐汇店', address: '上海市徐汇区衡山路88号', phone: '021-64330002' },
    ],
    admin: { username: 'admin', displayName: demoStaff[0]!.displayName, password },
  })
  log(`  studio ${studio.name} (${studio.code}) with ${branches.length} branches`)
  for (const person of demoStaff.slice(1)) {
    await addStaff(deps, studio.id, { ...person, password, branchId: branches[person.branch]!.id })
  }
  log(`  ${demoStaff.length} staff accounts`)
  const packages = await seedDemoCatalog(deps, studio.id, branches)
  log(`  ${packages} packages`)
  const rooms = await seedDemoSetup(deps, studio.id, branches)
  log(`  opening hours and ${rooms} rooms`)
  return { studio, branches }
}

/** Who works the desk, the books and the retouching at each demo branch (徐汇's manager does all three there). */
export const demoCrews = [
  { desk: 'reception', finance: 'finance', retoucher: 'retoucher' },
  { desk: 'manager.xuhui', finance: 'manager.xuhui', retoucher: 'manager.xuhui' },
]

/** Opening hours (09:30–18:30, Mondays closed at 徐汇), rooms, and a senior photographer who costs more. */
async function seedDemoSetup(deps: AppDeps, studioId: string, branches: Branch[]) {
  const everyDay = (days: string[]) => Object.fromEntries(days.map((d) => [d, [{ from: '09:30', to: '18:30' }]]))
  await deps.scheduling.saveBranchSchedule(studioId, branches[0]!.id, { openingHours: everyDay(['1', '2', '3', '4', '5', '6', '7']), closedDates: [] })
  await deps.scheduling.saveBranchSchedule(studioId, branches[1]!.id, { openingHours: everyDay(['2', '3', '4', '5', '6', '7']), closedDates: [] })
  const rooms = [
    { branch: 0, name: '主棚 A · 纯色背景' },
    { branch: 0, name: '欧式宫廷棚' },
    { branch: 0, name: '森系花园棚' },
    { branch: 1, name: '一号棚' },
    { branch: 1, name: '儿童乐园棚' },
  ]
  for (const room of rooms) await deps.scheduling.saveRoom(studioId, { id: ulid(), branchId: branches[room.branch]!.id, name: room.name, active: true })
  const senior = await deps.repo.findStaffByUsername(studioId, 'photographer.senior')
  if (senior) await deps.scheduling.setStaffSchedule(studioId, senior.id, { daysOff: [], leave: [], surchargeFen: yuan(800) })
  return rooms.length
}

const yuan = (amount: number) => amount * 100
const image = (name: string) => `/media/demo/${name}.jpg`

type PackageInput = Parameters<typeof createPackage>[1]

/** A demo package: its first image is the cover, all of them the gallery; every shoot needs a photographer and a room, some also makeup. */
function demoPackage({
  images,
  makeup,
  ...plan
}: Omit<PackageInput, 'coverImage' | 'gallery' | 'resources' | 'materials'> & Partial<Pick<PackageInput, 'materials'>> & { images: string[]; makeup: boolean }): PackageInput {
  return {
    materials: [],
    ...plan,
    coverImage: image(images[0]!),
    gallery: images.map(image),
    resources: makeup ? ['photographer', 'makeup', 'room'] : ['photographer', 'room'],
  }
}

const seedContext = (studioId: string): RequestContext => ({
  requestId: 'seed',
  now: new Date(),
  caller: { kind: 'staff', id: 'seed', studioId, roles: ['admin'], displayName: 'seed', sessionId: 'seed' },
})

/**
 * The stock room: the materials the products are made of, bought in at both branches — a few
 * at 静安 already at their reorder level, so the manager's low-stock list has something on it.
 */
async function seedDemoStock(deps: AppDeps, studioId: string, branches: Branch[]) {
  const ctx = () => seedContext(studioId)
  const plan = [
    { key: 'album', name: '水晶相册 12寸', category: 'album', unit: '本', reorderLevel: 3, cost: 420, stock: [8, 4] },
    { key: 'box', name: '相册礼盒', category: 'consumable', unit: '个', reorderLevel: 5, cost: 35, stock: [4, 10] },
    { key: 'stand', name: '实木摆台 10寸', category: 'stand', unit: '个', reorderLevel: 4, cost: 95, stock: [12, 6] },
    { key: 'usb', name: '精修底片U盘 32G', category: 'consumable', unit: '个', reorderLevel: 10, cost: 28, stock: [30, 15] },
    { key: 'crystal', name: '水晶摆件 6寸', category: 'crystal', unit: '个', reorderLevel: 2, cost: 160, stock: [2, 3] },
    { key: 'frame', name: '油画框 24寸', category: 'frame', unit: '个', reorderLevel: 2, cost: 220, stock: [5, 0] },
  ] as const
  const ids: Record<string, string> = {}
  for (const item of plan) {
    ids[item.key] = (await createStockItem(deps, { requestId: ulid(), name: item.name, category: item.category, unit: item.unit, reorderLevel: item.reorderLevel }, ctx())).id
    for (const [i, quantity] of item.stock.entries()) {
      if (quantity === 0) continue
      await recordPurchase(deps, { requestId: ulid(), branchId: branches[i]!.id, itemId: ids[item.key]!, quantity, unitCostFen: yuan(item.cost), supplier: '广州影像材料厂' }, ctx())
    }
  }
  return ids
}

/** A small catalogue so the customer's home page has something to show; its products and packages list the materials they use. */
async function seedDemoCatalog(deps: AppDeps, studioId: string, branches: Branch[]) {
  const ctx = () => seedContext(studioId)
  const stock = await seedDemoStock(deps, studioId, branches)
  const uses = (...keys: string[]) => keys.map((key) => ({ stockItemId: stock[key]!, quantity: 1 }))
  const album = await createProduct(deps, { name: '水晶相册 12寸', priceFen: yuan(1200), unit: '本', consumesStock: true, materials: uses('album', 'box') }, ctx())
  const frame = await createProduct(deps, { name: '实木摆台 10寸', priceFen: yuan(380), unit: '个', consumesStock: true, materials: uses('stand') }, ctx())
  const usb = await createProduct(deps, { name: '精修底片U盘', priceFen: yuan(200), unit: '个', consumesStock: true, materials: uses('usb') }, ctx())
  const all = branches.map((b) => b.id)
  const plans = [
    demoPackage({
      category: 'wedding',
      name: '经典婚纱 · 棚拍两套',
      description: '两套主纱与礼服，专业化妆造型，摄影棚内两组场景。含 30 张精修与 12 寸水晶相册。',
      images: ['wedding-classic', 'album'],
      priceFen: yuan(6999),
      deposit: { kind: 'percent', percent: 30 },
      shootMinutes: 300,
      makeup: true,
      retouchedPhotos: 30,
      extraPhotoPriceFen: yuan(60),
      includedProducts: [{ productId: album.id, quantity: 1 }, { productId: usb.id, quantity: 1 }],
      branchIds: all,
    }),
    demoPackage({
      category: 'wedding',
      name: '森系外景 · 全天跟拍',
      description: '内景一套加外景两组（世纪公园或滨江），全天化妆跟妆。含 50 张精修、相册与摆台。',
      images: ['wedding-garden', 'wedding-classic'],
      priceFen: yuan(12999),
      deposit: { kind: 'amount', amountFen: yuan(5000) },
      shootMinutes: 480,
      makeup: true,
      retouchedPhotos: 50,
      extraPhotoPriceFen: yuan(80),
      includedProducts: [{ productId: album.id, quantity: 1 }, { productId: frame.id, quantity: 2 }, { productId: usb.id, quantity: 1 }],
      branchIds: [branches[0]!.id],
    }),
    demoPackage({
      category: 'portrait',
      name: '个人写真 · 轻奢款',
      description: '两套造型，棚内拍摄约两小时。含 12 张精修。',
      images: ['portrait'],
      priceFen: yuan(1999),
      deposit: { kind: 'percent', percent: 50 },
      shootMinutes: 120,
      makeup: true,
      retouchedPhotos: 12,
      extraPhotoPriceFen: yuan(50),
      includedProducts: [{ productId: frame.id, quantity: 1 }],
      branchIds: all,
    }),
    demoPackage({
      category: 'family',
      name: '全家福 · 温馨款',
      description: '最多六位家人，一小时棚拍。含 10 张精修与实木摆台。',
      images: ['family'],
      priceFen: yuan(1299),
      deposit: { kind: 'percent', percent: 30 },
      shootMinutes: 60,
      makeup: false,
      retouchedPhotos: 10,
      extraPhotoPriceFen: yuan(40),
      includedProducts: [{ productId: frame.id, quantity: 1 }],
      branchIds: all,
    }),
    demoPackage({
      category: 'kids',
      name: '儿童成长 · 百天/周岁',
      description: '宝宝专属场景与道具，一位家长陪同。含 15 张精修。',
      images: ['kids'],
      priceFen: yuan(999),
      deposit: { kind: 'percent', percent: 30 },
      shootMinutes: 90,
      makeup: false,
      retouchedPhotos: 15,
      extraPhotoPriceFen: yuan(30),
      includedProducts: [],
      branchIds: [branches[1]!.id],
    }),
    demoPackage({
      category: 'maternity',
      name: '孕味时光 · 孕妇照',
      description: '孕 28–34 周最佳，专属服装两套，可加伴侣同框。含 15 张精修。',
      images: ['maternity'],
      priceFen: yuan(1699),
      deposit: { kind: 'percent', percent: 30 },
      shootMinutes: 120,
      makeup: true,
      retouchedPhotos: 15,
      extraPhotoPriceFen: yuan(50),
      includedProducts: [{ productId: usb.id, quantity: 1 }],
      branchIds: all,
    }),
  ]
  for (const plan of plans) await createPackage(deps, plan, ctx())
  return plans.length
}
