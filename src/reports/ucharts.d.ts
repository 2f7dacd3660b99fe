/** u-charts ships no types: a chart is made by `new uCharts(options)` and draws at once. */
declare module '@qiun/ucharts' {
  export default class uCharts {
    constructor(options: Record<string, unknown>)
  }
}
