import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { ulid } from 'ulid'
import { dispatch, findOperation } from '../../functions/api/dispatch'
import type { AppDeps } from '../../functions/api/implementations'
import { META_SUFFIX, pathForKey } from '../../functions/integrations/file-store/local'
import { DEMO_STUDIO_CODE, demoPassword } from './demo-studio'

const MEDIA = join(__dirname, '..', 'demo-media', 'demo')
const PHOTOS = ['wedding-classic', 'wedding-garden', 'portrait', 'family', 'kids', 'maternity', 'album']

/**
 * Orders at the stages a studio has on a normal day, made through the same operations the
 * app calls, as the staff who do each step: so the desk, the production queue, finance's
 * audit list and the manager's views have something to show on first start.
 */
export async function seedDemoOrders(deps: AppDeps, filesDir: string, log: (line: string) => void) {
  const call = async (op: string, input: unknown, token: string) => {
    const operation = findOperation(op)
    if (!operation) throw new Error(`no operation ${op}`)
    return dispatch(deps, operation, input, { token }, { requestId: 'seed', now: new Date() }) as Promise<any>
  }
  const signIn = async (username: string) => (await call('auth.staffSignIn', { studioCode: DEMO_STUDIO_CODE, username, password: demoPassword() }, '')) as { token: string }
  const [reception, photographer, retoucher, manager] = await Promise.all(['reception', 'photographer', 'retoucher', 'manager'].map(async (u) => (await signIn(u)).token))
  const packages = (await call('catalog.listPackages', {}, manager)).items as { id: string; name: string; retouchedPhotos: number; branchIds: string[] }[]
  const pkg = packages.find((p) => p.retouchedPhotos <= 20) ?? packages[0]!

  /** Proofs (or design pages) as the staff upload them, written straight into the local store's folder. */
  const addPhotos = async (orderId: string, kind: 'proof' | 'design', count: number) => {
    const files = Array.from({ length: count }, (_, i) => ({ name: `${kind === 'proof' ? 'IMG' : 'PAGE'}_${String(i + 1).padStart(4, '0')}.jpg`, contentType: 'image/jpeg' }))
    const { items } = await call('photos.prepareUploads', { orderId, kind, files }, reception)
    for (const [i, item] of (items as { upload: { fields: Record<string, string> } }[]).entries()) {
      const path = pathForKey(filesDir, item.upload.fields.key!)
      await mkdir(dirname(path), { recursive: true })
      await copyFile(join(MEDIA, `${PHOTOS[i % PHOTOS.length]}.jpg`), path)
      await writeFile(path + META_SUFFIX, JSON.stringify({ contentType: 'image/jpeg' }))
    }
    return items as { photoId: string }[]
  }

  const people = [
    { name: '赵雨涵', phone: '13911110001', stage: 'pending_deposit' },
    { name: '钱嘉怡', phone: '13911110002', stage: 'confirmed' },
    { name: '孙浩然', phone: '13911110003', stage: 'shot' },
    { name: '李思琪', phone: '13911110004', stage: 'selecting' },
    { name: '周子轩', phone: '13911110005', stage: 'retouching' },
    { name: '吴佳怡', phone: '13911110006', stage: 'ready' },
  ] as const
  const order = ['pending_deposit', 'confirmed', 'shot', 'selecting', 'retouching', 'ready']
  for (const person of people) {
    const reach = (stage: string) => order.indexOf(person.stage) >= order.indexOf(stage)
    const customer = await call('customers.create', { name: person.name, phone: person.phone, source: 'xiaohongshu', tags: [] }, reception)
    let o = await call('orders.create', { requestId: ulid(), customerId: customer.id, packageId: pkg.id, branchId: pkg.branchIds[0] }, reception)
    if (!reach('confirmed')) continue
    await call('payments.recordOffline', { orderId: o.id, requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: o.depositFen }, reception)
    if (!reach('shot')) continue
    await call('orders.advance', { orderId: o.id, from: 'confirmed', to: 'shot' }, photographer)
    if (!reach('selecting')) continue
    const proofs = await addPhotos(o.id, 'proof', pkg.retouchedPhotos + 6)
    await call('orders.advance', { orderId: o.id, from: 'shot', to: 'selecting' }, reception)
    if (!reach('retouching')) continue
    o = await call('selection.confirm', { orderId: o.id, photoIds: proofs.slice(0, pkg.retouchedPhotos + 2).map((p) => p.photoId) }, reception)
    if (!reach('ready')) continue
    await call('orders.take', { orderId: o.id }, retoucher)
    await call('orders.advance', { orderId: o.id, from: 'retouching', to: 'designing' }, retoucher)
    await addPhotos(o.id, 'design', 3)
    await call('orders.advance', { orderId: o.id, from: 'designing', to: 'proofing' }, retoucher)
    await call('proofs.decide', { orderId: o.id, decision: 'approve' }, reception)
    await call('orders.sendToLab', { orderId: o.id }, reception)
    await call('orders.advance', { orderId: o.id, from: 'producing', to: 'ready' }, reception)
  }
  log(`  ${people.length} orders (deposit due, confirmed, shot, selecting, retouching, ready for pickup)`)
}
