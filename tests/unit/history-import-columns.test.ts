import { mapOrderHeaders, parseMethod, parsePayments, parseStage, parseYuan } from '../../functions/history-import/order-columns'
import { readOrderCsv } from '../../functions/history-import/read-order-csv'

describe('reading an old system’s order export', () => {
  it('maps Chinese and English headers onto order fields, ignoring ones it does not know', () => {
    const columns = mapOrderHeaders(['订单编号', '客户手机', '套餐名称', '签单日期', '合同金额', '实收', '订单状态', '收款明细', '业务员'])
    expect([...columns.values()]).toEqual(['orderNumber', 'phone', 'packageName', 'orderDate', 'totalFen', 'paidFen', 'stage', 'payments'])
    expect([...mapOrderHeaders(['Order No', 'Phone', 'Package Name', 'Order Date', 'Total', 'Amount Paid', 'Status', 'Payments']).values()]).toHaveLength(8)
  })

  it('reads stage names in Chinese, English or as codes', () => {
    expect(parseStage('待付定金')).toBe('pending_deposit')
    expect(parseStage('已付定金')).toBe('confirmed')
    expect(parseStage('修图中')).toBe('retouching')
    expect(parseStage('看版')).toBe('proofing')
    expect(parseStage('已取件')).toBe('completed')
    expect(parseStage('Pending deposit')).toBe('pending_deposit')
    expect(parseStage('pending_deposit')).toBe('pending_deposit')
    expect(parseStage(' Canceled ')).toBe('cancelled')
    expect(parseStage('搁置')).toBeUndefined()
  })

  it('turns yuan into whole fen without floating point, and refuses what is not an amount', () => {
    expect(parseYuan('8999')).toBe(899_900)
    expect(parseYuan('8,999.00')).toBe(899_900)
    expect(parseYuan('¥0.1')).toBe(10)
    expect(parseYuan('￥1234.56')).toBe(123_456)
    expect(parseYuan('19.99元')).toBe(1_999)
    expect(parseYuan('0.29')).toBe(29)
    for (const bad of ['-100', '1.234', '12,34', 'abc', '', '1e3', '9999999999']) expect(parseYuan(bad)).toBeUndefined()
  })

  it('reads payment methods people write', () => {
    expect(['微信', '现金', 'POS', '银行转账', 'Bank Transfer'].map(parseMethod)).toEqual(['wechat', 'cash', 'card', 'transfer', 'transfer'])
    expect(parseMethod('支付宝')).toBeUndefined()
  })

  it('reads the payments cell: date, method and amount in any order, and says which entry it cannot read', () => {
    expect(parsePayments('2024-03-01 微信 3000；5999 现金 2024/4/10')).toEqual({
      payments: [
        { date: '2024-03-01', method: 'wechat', amountFen: 300_000 },
        { date: '2024-04-10', method: 'cash', amountFen: 599_900 },
      ],
    })
    expect(parsePayments('')).toEqual({ payments: [] })
    expect(parsePayments('2024-03-01 支付宝 100')).toEqual({ error: 'payment 1 (2024-03-01 支付宝 100): unknown method "支付宝"' })
    expect(parsePayments('2024-03-01 现金 100; 现金 200')).toEqual({ error: 'payment 2 (现金 200): no date' })
    expect(parsePayments('2024-03-01 现金 0')).toEqual({ error: 'payment 1 (2024-03-01 现金 0): the amount is zero' })
  })

  it('refuses lines whose money does not add up, naming line, column and reason', () => {
    const csv = [
      '订单号,手机号,套系,下单日期,总价,已付,状态,付款记录',
      'A,13800138001,经典,2024-03-01,100,100,已完成,2024-03-01 现金 60; 2024-03-02 现金 40',
      'B,13800138001,经典,2024-03-01,100,120,已确认,2024-03-01 现金 120',
      'C,13800138001,经典,2024-03-01,100,60,已完成,2024-03-01 现金 60',
      'D,13800138001,经典,2024-03-01,100,60,待付定金,2024-03-01 现金 60',
      'E,13800138001,经典,2024-02-30,100,0,待付定金,',
    ].join('\n')
    const { valid, errors } = readOrderCsv(Buffer.from(csv))
    expect(valid.map((o) => [o.orderNumber, o.paidFen, o.payments.length])).toEqual([['A', 10_000, 2]])
    expect(errors).toEqual([
      { line: 3, column: '已付', code: 'PAID_OVER_TOTAL', values: { paid: '120.00', total: '100.00' }, reason: 'paid ¥120.00 is more than the total ¥100.00' },
      { line: 4, column: '状态', code: 'COMPLETED_WITH_BALANCE', values: { left: '40.00' }, reason: 'a completed order has nothing left to pay, this one ¥40.00' },
      { line: 5, column: '状态', code: 'PAYMENTS_BEFORE_DEPOSIT', values: {}, reason: 'an order waiting for its deposit has no payments' },
      { line: 6, column: '下单日期', code: 'NOT_A_DATE', values: { value: '2024-02-30' }, reason: 'not a date: 2024-02-30' },
    ])
  })
})
