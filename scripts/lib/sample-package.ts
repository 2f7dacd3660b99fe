/**
 * The package tests and benchmarks book and sell: a two-hour portrait needing a
 * photographer, a makeup artist and a room, 30 % deposit. Each caller overrides what it is about.
 */
export function samplePackage<T extends object = object>(branchIds: string[], overrides: T = {} as T) {
  return {
    category: 'portrait',
    name: 'Two-hour portrait',
    coverImage: '/media/demo/portrait.jpg',
    priceFen: 199900,
    deposit: { kind: 'percent' as const, percent: 30 },
    shootMinutes: 120,
    resources: ['photographer' as const, 'makeup' as const, 'room' as const],
    retouchedPhotos: 12,
    extraPhotoPriceFen: 5000,
    branchIds,
    ...overrides,
  }
}
