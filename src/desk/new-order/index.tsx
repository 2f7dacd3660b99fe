import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useMemo, useRef, useState } from 'react'
import { listPackages, listProducts } from '../../../types/catalog-operations'
import { createOrder, getOrderSettings } from '../../../types/order-operations'
import { asApiError, call } from '../../api'
import { Card } from '../../components/Card'
import { FormField } from '../../components/FormField'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { Input, TextArea } from '../../components/ui'
import { CustomerSearch } from '../../components/CustomerSearch'
import { useSubmit } from '../../hooks/useSubmit'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useI18n } from '../../i18n'
import { formatFen, parseYuan } from '../../lib/money'
import { newRequestId } from '../../lib/request-id'
import { routes } from '../../lib/routes'
import { Forbidden } from '../../components/Forbidden'
import { SaveActions } from '../../components/SaveActions'
import { useStaffPage } from '../../hooks/useStaffPage'
import { AddOnEditor, addOnInput, draftAmount, type AddOnDraft } from '../AddOnEditor'
import { MoneyLine } from '../MoneyLine'
import { discountLimitFen, mayExceedDiscountLimit } from '../discount'
import './index.scss'

/** The desk opens an order: who, which package, what comes on top, any discount and why. */
export default function NewOrderPage() {
  const { t } = useI18n()
  usePageTitle('newOrder.title')
  const params = useRouter().params
  const { session, allowed } = useStaffPage(createOrder.access)
  const branchId = session?.principal.branchId
  const [customer, setCustomer] = useState<{ id: string; name: string; phone?: string } | undefined>(
    params.customerId ? { id: params.customerId, name: decodeURIComponent(params.customerName ?? '') } : undefined,
  )
  const [search, setSearch] = useState('')
  const packages = useQuery(() => call(listPackages, { branchId }), [branchId], allowed)
  const products = useQuery(() => call(listProducts, {}), [], allowed)
  const settings = useQuery(() => call(getOrderSettings, {}), [], allowed)

  const [packageId, setPackageId] = useState<string>()
  const [addOns, setAddOns] = useState<AddOnDraft[]>([])
  const [discount, setDiscount] = useState('')
  const [discountReason, setDiscountReason] = useState('')
  const [notes, setNotes] = useState('')
  const [problems, setProblems] = useState<Record<string, string>>({})
  const feedback = useSubmit()
  // One id for this order however often "create" is pressed, so a retry after a timeout never opens two.
  const requestId = useRef(newRequestId())

  const onSale = useMemo(() => (packages.data?.items ?? []).filter((item) => item.active), [packages.data])
  const pkg = onSale.find((item) => item.id === packageId)

  if (!session) return null
  if (!allowed) return <Forbidden />
  const loadFailure = packages.error ?? products.error ?? settings.error
  if (loadFailure !== undefined) return <ErrorState error={loadFailure} onRetry={() => void (packages.reload(), products.reload(), settings.reload())} />
  if (!packages.data || !products.data || !settings.data) return <LoadingState />

  const discountFen = discount.trim() === '' ? 0 : parseYuan(discount)
  const addOnsFen = addOns.reduce((sum, draft) => sum + draftAmount(draft), 0)
  const grossFen = (pkg?.priceFen ?? 0) + addOnsFen
  const totalFen = Math.max(0, grossFen - (discountFen ?? 0))
  const limitFen = pkg ? discountLimitFen(pkg.priceFen, settings.data.discountLimitPercent) : undefined
  const unlimited = mayExceedDiscountLimit(session.principal.roles)

  const create = async () => {
    feedback.reset()
    const wrong: Record<string, string> = {}
    if (!customer) wrong.customerId = t('newOrder.chooseCustomer')
    if (!pkg) wrong.packageId = t('newOrder.choosePackage')
    if (discountFen === undefined || discountFen > grossFen) wrong.discountFen = t('field.discountFen.invalid')
    else if (discountFen > 0 && !discountReason.trim()) wrong.discountReason = t('field.discountReason.required')
    setProblems(wrong)
    if (Object.keys(wrong).length > 0 || !customer || !pkg || discountFen === undefined) return
    await feedback.submit(
      async () => {
        const order = await call(createOrder, {
          requestId: requestId.current,
          customerId: customer.id,
          packageId: pkg.id,
          branchId,
          addOns: addOns.map(addOnInput),
          discountFen,
          discountReason: discountFen > 0 ? discountReason.trim() : undefined,
          notes: notes.trim() || undefined,
        })
        Taro.showToast({ title: t('newOrder.created'), icon: 'success' })
        Taro.redirectTo({ url: `${routes.deskOrder}?id=${order.id}` })
      },
      (failure) => {
        if (asApiError(failure).code === 'DISCOUNT_NEEDS_MANAGER' && limitFen !== undefined) {
          setProblems({ discountFen: t('discount.needsManager', { percent: settings.data!.discountLimitPercent, amount: formatFen(limitFen) }) })
        }
      },
    )
  }

  const problem = (field: string) => problems[field] ?? feedback.fields[field]

  return (
    <View className="screen new-order">
      <Card title={t('newOrder.customer')}>
        {customer ? (
          <View className="new-order__chosen">
            <View className="new-order__chosen-body">
              <Text className="new-order__chosen-name">{customer.name}</Text>
              {customer.phone && <Text className="new-order__meta">{customer.phone}</Text>}
            </View>
            {!params.customerId && (
              <Text className="new-order__change" onClick={() => setCustomer(undefined)}>
                {t('pick.changeCustomer')}
              </Text>
            )}
          </View>
        ) : (
          <CustomerSearch
            inCard
            text={search}
            onTextChange={setSearch}
            limit={8}
            onPick={(candidate) => (setCustomer(candidate), setProblems({ ...problems, customerId: '' }))}
          />
        )}
        {problem('customerId') && <Text className="form-field__error">{problem('customerId')}</Text>}
      </Card>

      <Card title={t('newOrder.package')}>
        {onSale.length === 0 && <Text className="desk-note">{t('home.packagesEmptyTitle')}</Text>}
        {onSale.map((item) => (
          <View
            key={item.id}
            className={`new-order__option${item.id === packageId ? ' new-order__option--chosen' : ''}`}
            onClick={() => (setPackageId(item.id), setProblems({ ...problems, packageId: '' }))}
          >
            <View className="new-order__option-line">
              <Text className="new-order__option-name">{item.name}</Text>
              <Text className="new-order__price">{formatFen(item.priceFen)}</Text>
            </View>
            <Text className="new-order__meta">
              {`${t('package.depositOf', { amount: formatFen(item.depositFen) })} · ${t('package.retouchedPhotos')} ${t('package.photoCount', { count: item.retouchedPhotos })}`}
            </Text>
          </View>
        ))}
        {problem('packageId') && <Text className="form-field__error">{problem('packageId')}</Text>}
      </Card>

      <Card title={t('addOns.title')}>
        <AddOnEditor value={addOns} onChange={setAddOns} products={products.data.items} error={feedback.fields.addOns} />
      </Card>

      <Card title={t('discount.title')}>
        <FormField
          label={t('field.discountYuan')}
          error={problem('discountFen')}
          hint={limitFen === undefined ? t('discount.limitPercent', { percent: settings.data.discountLimitPercent }) : unlimited ? t('discount.limitManager', { percent: settings.data.discountLimitPercent, amount: formatFen(limitFen) }) : t('discount.limit', { percent: settings.data.discountLimitPercent, amount: formatFen(limitFen) })}
        >
          <Input type="digit" value={discount} onChange={setDiscount} placeholder="0.00" maxLength={10} />
        </FormField>
        <FormField label={t('field.discountReason')} error={problem('discountReason')}>
          <Input value={discountReason} onChange={setDiscountReason} placeholder={t('discount.reasonPlaceholder')} maxLength={100} />
        </FormField>
        <FormField label={t('field.notes')} error={feedback.fields.notes}>
          <TextArea value={notes} onChange={setNotes} placeholder={t('newOrder.notesPlaceholder')} maxLength={500} autoSize />
        </FormField>
      </Card>

      {pkg && (
        <Card title={t('newOrder.summary')}>
          <MoneyLine label={pkg.name} fen={pkg.priceFen} />
          {addOnsFen > 0 && <MoneyLine label={t('addOns.title')} fen={addOnsFen} />}
          {(discountFen ?? 0) > 0 && <MoneyLine label={t('discount.title')} fen={discountFen ?? 0} minus />}
          <MoneyLine label={t('money.total')} fen={totalFen} variant="total" />
          <MoneyLine label={t('money.deposit')} fen={Math.min(pkg.depositFen, totalFen)} variant="strong" />
        </Card>
      )}

      <SaveActions message={Object.values(problems).some(Boolean) && !feedback.message ? t('form.fixFields') : feedback.message} saving={feedback.saving} onSave={create} label={t('newOrder.submit')} />
    </View>
  )
}
