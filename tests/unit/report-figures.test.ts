import { mergeFigureWrites, paymentCaptured, stageMoved, type FigureOrder } from '../../functions/domain/report-events'
import { averageDays, basisPoints, bucketsOf, divideRounded, figure, nowFigure, periodOf, previousPeriod, receivableAge } from '../../functions/domain/report-figures'
import { dailyFigures, productionNow, receivablesNow, revenueFigures, stockValuesByDay, upsellFigures, workingMinutes } from '../../functions/domain/report-maths'
import { figureDifferences } from '../../functions/domain/report-recompute'

const dayOf = (instant: string) => instant.slice(0, 10)

describe('report arithmetic', () => {
  it('rounds a division half up once, and says nothing when there is nothing to divide by', () => {
    expect(divideRounded(10, 4)).toBe(3)
    expect(divideRounded(9, 4)).toBe(2)
    expect(divideRounded(1, 3)).toBe(0)
    expect(divideRounded(5, 0)).toBeNull()
    expect(basisPoints(1, 3)).toBe(3333)
    expect(basisPoints(2, 3)).toBe(6667)
    expect(basisPoints(3, 3)).toBe(10_000)
    expect(averageDays(3 * 1440 + 720, 1)).toBe(3.5)
    expect(averageDays(0, 0)).toBeNull()
  })

  it('averages an order value to the fen: three orders worth 100.00, 100.00 and 100.01 yuan average 100.00', () => {
    const c = { [figure.ordersOpened]: 3, [figure.orderValueFen]: 30_001 }
    expect(revenueFigures(c, (id) => id).averageOrderValueFen).toBe(10_000)
  })

  it('compares with the same number of days just before, and cuts weeks at Monday and months at the 1st', () => {
    const march = periodOf('2026-03-01', '2026-03-31')
    expect(previousPeriod(march)).toEqual({ from: '2026-01-29', to: '2026-02-28', days: 31 })
    expect(bucketsOf(periodOf('2026-11-26', '2026-12-08'), 'week')).toEqual([
      { bucket: '2026-11-26', bucketTo: '2026-11-29' },
      { bucket: '2026-11-30', bucketTo: '2026-12-06' },
      { bucket: '2026-12-07', bucketTo: '2026-12-08' },
    ])
    expect(bucketsOf(periodOf('2026-11-26', '2026-12-08'), 'month')).toEqual([
      { bucket: '2026-11-26', bucketTo: '2026-11-30' },
      { bucket: '2026-12-01', bucketTo: '2026-12-08' },
    ])
  })

  it('nets money in, refunds, other income and expenses; upsell rates are orders with an add-on over orders that selected', () => {
    const daily = dailyFigures({ [figure.inByMethod('cash')]: 50_000, [figure.inByMethod('wechat')]: 30_000, [figure.refundByMethod('cash')]: 5_000, [figure.expenseFen]: 1_000, [figure.incomeFen]: 200 })
    expect(daily).toMatchObject({ receivedFen: 80_000, refundedFen: 5_000, netFen: 74_200 })
    const upsell = upsellFigures(
      { [figure.selected('A')]: 3, [figure.upsold('A')]: 1, [figure.extraPhotosFen('A')]: 9_000, [figure.selected('B')]: 1 },
      (id) => `staff ${id}`,
    )
    expect(upsell).toMatchObject({ selectedOrders: 4, upsoldOrders: 1, rateBp: 2500, amountFen: 9_000 })
    expect(upsell.byStaff.map((s) => [s.staffName, s.rateBp])).toEqual([
      ['staff A', 3333],
      ['staff B', 0],
    ])
  })

  it('ages what is owed by days since the shoot, and counts orders overdue in their stage', () => {
    expect([0, 30, 31, 60, 61, 90, 91].map(receivableAge)).toEqual(['0-30', '0-30', '31-60', '31-60', '61-90', '61-90', '90+'])
    const now = {
      [nowFigure.dueByShootDay('2026-11-01')]: 40_000,
      [nowFigure.ordersByShootDay('2026-11-01')]: 1,
      [nowFigure.dueByShootDay('2026-08-01')]: 10_000,
      [nowFigure.ordersByShootDay('2026-08-01')]: 1,
      [nowFigure.inStage('selecting', '2026-11-01')]: 2,
      [nowFigure.inStage('selecting', '2026-11-28')]: 1,
    }
    const aged = receivablesNow(now, '2026-11-30')
    expect(aged.byAge).toEqual([
      { age: '0-30', orders: 1, balanceFen: 40_000 },
      { age: '31-60', orders: 0, balanceFen: 0 },
      { age: '61-90', orders: 0, balanceFen: 0 },
      { age: '90+', orders: 1, balanceFen: 10_000 },
    ])
    expect(productionNow(now, '2026-11-30', { selecting: 7 }).find((s) => s.stage === 'selecting')).toEqual({ stage: 'selecting', orders: 3, overdue: 2 })
  })

  it('walks stock value back from today with each later day’s change', () => {
    const values = stockValuesByDay(10_000, new Map([['2026-11-30', 2_000], ['2026-11-29', -500]]), '2026-11-28', '2026-11-30', '2026-11-30')
    expect([...values].sort()).toEqual([
      ['2026-11-28', 8_500],
      ['2026-11-29', 8_000],
      ['2026-11-30', 10_000],
    ])
  })

  it('counts working minutes on the days the branch is open and the person is not off', () => {
    const branch = { openingHours: { '1': [{ from: '09:00', to: '18:00' }], '2': [{ from: '09:00', to: '12:00' }, { from: '13:00', to: '18:00' }] }, closedDates: [{ date: '2026-12-07' }] }
    // 2026-11-30 and 2026-12-07 are Mondays, 2026-12-01 a Tuesday.
    expect(workingMinutes(['2026-11-30', '2026-12-01', '2026-12-07'], branch, { daysOff: [] })).toBe(540 + 480)
    expect(workingMinutes(['2026-11-30', '2026-12-01'], branch, { daysOff: ['2026-12-01'] })).toBe(540)
  })
})

describe('what events add to the figures', () => {
  const order: FigureOrder = {
    id: 'O1',
    studioId: 'S',
    branchId: 'B',
    stage: 'ready',
    package: { id: 'P', name: '经典', priceFen: 100_000, depositFen: 30_000, shootMinutes: 120, retouchedPhotos: 20, extraPhotoPriceFen: 5_000 },
    totalFen: 100_000,
    balanceFen: 20_000,
    timeline: [
      { stage: 'pending_deposit', at: '2026-11-01T02:00:00Z', by: { id: 'r', name: 'r', role: 'reception' } },
      { stage: 'shot', at: '2026-11-10T02:00:00Z', by: { id: 'p', name: 'p', role: 'photographer' } },
      { stage: 'ready', at: '2026-11-28T02:00:00Z', by: { id: 'm', name: 'm', role: 'manager' } },
    ],
    stageEnteredAt: '2026-11-28T02:00:00Z',
    channel: 'douyin',
  }

  it('a payment that settles an order waiting at pick-up takes it off what is owed and off the ready-with-money-due list', () => {
    const writes = mergeFigureWrites(paymentCaptured(order, { kind: 'balance', method: 'cash', amountFen: 20_000, audited: true, at: '2026-11-30T03:00:00Z' }, '2026-11-30', dayOf))
    expect(writes).toEqual([
      { studioId: 'S', branchId: 'B', date: '2026-11-30', add: { [figure.inByMethod('cash')]: 20_000, [figure.inByKind('balance')]: 20_000 } },
      {
        studioId: 'S',
        branchId: 'B',
        add: { [nowFigure.dueByShootDay('2026-11-10')]: -20_000, [nowFigure.ordersByShootDay('2026-11-10')]: -1, [nowFigure.readyDueFen]: -20_000, [nowFigure.readyOrders]: -1 },
      },
    ])
  })

  it('a pick-up leaves its stage and counts on the day, with how long it waited', () => {
    const writes = mergeFigureWrites(stageMoved({ ...order, balanceFen: 0 }, { from: 'ready', to: 'completed', event: { at: '2026-11-30T02:00:00Z', by: { id: 'r', name: 'r', role: 'reception' } } }, dayOf))
    expect(writes[0]!.add).toEqual({
      [figure.stageExits('ready')]: 1,
      [figure.stageMinutes('ready')]: 2 * 1440,
      [figure.pickups]: 1,
      [figure.funnel('douyin', 'completed')]: 1,
    })
    expect(writes[1]!.add).toEqual({ [nowFigure.inStage('ready', '2026-11-28')]: -1 })
  })

  it('a selection confirmed credits whoever confirmed it with the extra photos and the upgrades sold during it, as one upsold order', () => {
    const selecting = { ...order, stage: 'selecting' as const, stageEnteredAt: '2026-11-28T02:00:00Z' }
    const confirmed = (upgradesFen: number | undefined, extraCount: number) =>
      mergeFigureWrites(
        stageMoved(
          { ...selecting, upgradesFen },
          {
            from: 'selecting',
            to: 'retouching',
            event: { at: '2026-11-30T06:00:00Z', by: { id: 'd', name: '门市小王', role: 'reception' } },
            set: { selection: { extraCount, extraFen: extraCount * 5_000 } },
            addToTotalFen: extraCount * 5_000,
          },
          dayOf,
        ),
      )[0]!
    const upsell = (upgradesFen: number | undefined, extraCount: number) => upsellFigures(confirmed(upgradesFen, extraCount).add, () => '门市小王')
    expect(upsell(30_000, 0)).toMatchObject({ selectedOrders: 1, upsoldOrders: 1, rateBp: 10_000, extraPhotos: 0, upgradesFen: 30_000, amountFen: 30_000 })
    expect(upsell(30_000, 2)).toMatchObject({ selectedOrders: 1, upsoldOrders: 1, extraPhotos: 2, extraPhotosFen: 10_000, upgradesFen: 30_000, amountFen: 40_000 })
    expect(upsell(0, 0)).toMatchObject({ selectedOrders: 1, upsoldOrders: 0, rateBp: 0, amountFen: 0 })
    // Add-ons worth less at the end of selection than at its start: nothing sold, and nothing taken off the extra photos.
    expect(upsell(-8_000, 0)).toMatchObject({ selectedOrders: 1, upsoldOrders: 0, upgradesFen: 0, amountFen: 0 })
    expect(upsell(-8_000, 2)).toMatchObject({ selectedOrders: 1, upsoldOrders: 1, extraPhotosFen: 10_000, upgradesFen: 0, amountFen: 10_000 })
    expect(upsell(undefined, 0).byStaff).toEqual([expect.objectContaining({ staffId: 'd', staffName: '门市小王', selectedOrders: 1, upsoldOrders: 0 })])
    expect(confirmed(30_000, 0).names).toEqual({ d: '门市小王' })
  })

  it('merges one event’s writes per item, since a transaction touches each item once', () => {
    expect(
      mergeFigureWrites([
        { studioId: 'S', branchId: 'B', date: '2026-11-30', add: { a: 1, b: 2 } },
        { studioId: 'S', branchId: 'B', date: '2026-11-30', add: { a: 2, b: -2 }, names: { X: 'x' } },
        { studioId: 'S', branchId: 'B', add: { c: 0 } },
      ]),
    ).toEqual([{ studioId: 'S', branchId: 'B', date: '2026-11-30', add: { a: 3 }, names: { X: 'x' } }])
  })

  it('lists every counter that differs between kept and recomputed figures', () => {
    expect(figureDifferences({ a: 1, b: 2 }, { a: 1, b: 3, c: 4 })).toEqual([
      { figure: 'b', kept: 2, recomputed: 3 },
      { figure: 'c', kept: 0, recomputed: 4 },
    ])
  })
})
