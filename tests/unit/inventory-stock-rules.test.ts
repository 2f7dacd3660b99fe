import fc from 'fast-check'
import { describeShortages, isLow, materialIssues, mergeMaterials, movingAverageCost, shortagesOf, stockValueFen, stocktakeDifferences, timesMaterials, stockViolations } from '../../functions/domain/stock'

describe('the moving-average unit cost', () => {
  it('takes the purchase price when the branch has none of the item', () => {
    expect(movingAverageCost(0, 0, 10, 4500)).toBe(4500)
  })

  it('weighs what is on hand against what comes in: 10 at ¥45 and 30 at ¥50 cost ¥48.75 each', () => {
    expect(movingAverageCost(10, 4500, 30, 5000)).toBe(4875)
  })

  it('rounds to whole fen: 2 at 1 fen and 1 at 2 fen average 1 fen (4/3)', () => {
    expect(movingAverageCost(2, 1, 1, 2)).toBe(1)
    expect(movingAverageCost(1, 1, 2, 2)).toBe(2)
  })

  it('always lies between the old cost and the purchase price, in whole fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 1_000_000 }), (onHand, cost, quantity, price) => {
        const average = movingAverageCost(onHand, cost, quantity, price)
        expect(Number.isInteger(average)).toBe(true)
        expect(average).toBeGreaterThanOrEqual(Math.min(cost, price))
        expect(average).toBeLessThanOrEqual(Math.max(cost, price))
      }),
    )
  })
})

describe('stock value and low stock', () => {
  it('values stock as Σ on hand × unit cost in fen', () => {
    expect(stockValueFen([{ onHand: 3, unitCostFen: 4875 }, { onHand: 0, unitCostFen: 9900 }, { onHand: 12, unitCostFen: 150 }])).toBe(3 * 4875 + 12 * 150)
    expect(stockValueFen([])).toBe(0)
  })

  it('lists an item as low once it is at or below its reorder level', () => {
    expect(isLow(5, 5)).toBe(true)
    expect(isLow(4, 5)).toBe(true)
    expect(isLow(6, 5)).toBe(false)
    expect(isLow(0, 0)).toBe(true)
  })
})

describe('a count sheet’s differences', () => {
  const line = (itemId: string, expected: number, counted?: number) => ({ itemId, itemName: itemId, unit: '本', expected, counted })

  it('posts counted − expected for every counted line that differs, and leaves uncounted lines alone', () => {
    expect(stocktakeDifferences([line('album', 10, 8), line('frame', 4, 4), line('crystal', 2, 5), line('usb', 7)])).toEqual([
      { itemId: 'album', difference: -2 },
      { itemId: 'crystal', difference: 3 },
    ])
  })

  it('posts nothing when every count agrees with the books', () => {
    expect(stocktakeDifferences([line('album', 10, 10), line('frame', 0, 0)])).toEqual([])
  })
})

describe('bills of materials and shortages', () => {
  it('merges a package’s materials with its products’ (each product as many times as included)', () => {
    const pkg = [{ stockItemId: 'album', quantity: 1 }, { stockItemId: 'box', quantity: 1 }]
    const frame = timesMaterials([{ stockItemId: 'frame', quantity: 1 }, { stockItemId: 'box', quantity: 1 }], 2)
    expect(mergeMaterials(pkg, frame)).toEqual([
      { stockItemId: 'album', quantity: 1 },
      { stockItemId: 'box', quantity: 3 },
      { stockItemId: 'frame', quantity: 2 },
    ])
  })

  it('names every item short and by how much, and none that is covered', () => {
    const needed = [{ stockItemId: 'album', quantity: 3 }, { stockItemId: 'frame', quantity: 2 }, { stockItemId: 'box', quantity: 1 }]
    const levels = new Map([['album', 1], ['frame', 2]])
    const items = new Map([['album', { name: '水晶相册', unit: '本' }], ['frame', { name: '实木相框', unit: '个' }], ['box', { name: '礼盒', unit: '个' }]])
    const shortages = shortagesOf(needed, levels, items)
    expect(shortages).toEqual([
      { itemId: 'album', name: '水晶相册', unit: '本', needed: 3, onHand: 1, short: 2 },
      { itemId: 'box', name: '礼盒', unit: '个', needed: 1, onHand: 0, short: 1 },
    ])
    expect(describeShortages(shortages)).toBe('水晶相册 short by 2 本 (needs 3, has 1); 礼盒 short by 1 个 (needs 1, has 0)')
  })

  it('lets a bill of materials name only the studio’s own stock items, saying which line is wrong', () => {
    const studio = new Set(['album', 'box'])
    expect(materialIssues([{ stockItemId: 'album', quantity: 1 }, { stockItemId: 'elsewhere', quantity: 2 }], studio)).toEqual([
      { path: 'materials.1.stockItemId', message: 'is not a stock item of this studio' },
    ])
    expect(materialIssues([{ stockItemId: 'box', quantity: 1 }], studio)).toEqual([])
  })
})

describe('the stock invariants', () => {
  const level = (onHand: number, unitCostFen = 1_000, branchId = 'B1') => ({ itemId: 'album', branchId, onHand, unitCostFen })
  const moved = (quantity: number, branchId = 'B1') => ({ itemId: 'album', branchId, quantity })

  it('finds nothing wrong when on hand is the sum of the movements and the value adds up', () => {
    expect(stockViolations([level(3), level(2, 1_600, 'B2')], [moved(5), moved(-2), moved(2, 'B2')], new Map([['B1', 3_000], ['B2', 3_200]]))).toEqual([])
  })

  it('names a level that is not the sum of its movements, one below zero, and a value shown wrong', () => {
    const found = stockViolations([level(4), level(-1, 1_000, 'B2')], [moved(5), moved(-2), moved(-1, 'B2')], new Map([['B1', 4_100]]))
    expect(found.map((v) => v.message)).toEqual([
      '4 on hand but the movements add up to 3',
      '-1 on hand, below zero',
      'value shown 4100 fen, but Σ on hand × unit cost is 4000 fen',
    ])
  })

  it('names movements of a branch that keeps no level of the item', () => {
    expect(stockViolations([], [moved(2, 'B3')]).map((v) => [v.branchId, v.message])).toEqual([['B3', 'no level kept, but the movements add up to 2']])
  })
})
