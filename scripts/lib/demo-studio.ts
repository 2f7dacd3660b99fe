import type { StaffRole } from '../../types/roles'
import type { AppDeps } from '../../functions/api/implementations'
import { addStaff, provisionStudio } from '../../functions/studio/provision-studio'

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
]

/** Seeds the demo studio: two Shanghai branches and one staff account per role. */
export async function seedDemoStudio(deps: AppDeps, log: (line: string) => void = console.log) {
  const password = demoPassword()
  const { studio, branches } = await provisionStudio(deps, {
    code: DEMO_STUDIO_CODE,
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
  return { studio, branches }
}
