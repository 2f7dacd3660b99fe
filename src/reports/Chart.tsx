import { Canvas, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import uCharts from '@qiun/ucharts'
import { createElement, useEffect, useId, useRef } from 'react'

export interface ChartSeries {
  name: string
  data: number[]
  color?: string
}

export interface ChartProps {
  kind: 'column' | 'line' | 'ring' | 'bar'
  categories: string[]
  series: ChartSeries[]
  /** How a value is written on the axis and the labels (money in yuan, a count, a percent). */
  format?: (value: number) => string
  height?: number
  /** Read by screen readers and by tests: what the chart shows, in words. */
  label: string
}

const PALETTE = ['#c2185b', '#1e88e5', '#43a047', '#fb8c00', '#8e24aa', '#00897b', '#6d4c41', '#546e7a']

function options(props: ChartProps, context: unknown, width: number, height: number, pixelRatio: number) {
  const format = props.format ?? ((v: number) => String(v))
  const ring = props.kind === 'ring'
  return {
    type: props.kind,
    context,
    width: width * pixelRatio,
    height: height * pixelRatio,
    pixelRatio,
    animation: false,
    background: '#FFFFFF',
    color: PALETTE,
    padding: [12, 12, 4, 4],
    fontSize: 11,
    categories: ring ? [] : props.categories,
    series: ring
      ? props.categories.map((name, i) => ({ name, data: props.series[0]?.data[i] ?? 0, formatter: () => format(props.series[0]?.data[i] ?? 0) }))
      : props.series.map((s) => ({ ...s, formatter: (value: number) => format(value) })),
    legend: { show: ring || props.series.length > 1, position: 'bottom', fontSize: 11 },
    dataLabel: ring || props.categories.length <= 8,
    xAxis: { disableGrid: true, fontSize: 10, labelCount: Math.min(props.categories.length, 7) },
    // From zero, or from the lowest figure when a day's net went below it.
    yAxis: { gridType: 'dash', data: [{ min: Math.min(0, ...props.series.flatMap((s) => s.data)), fontSize: 10, formatter: (value: number) => format(value) }] },
    extra: {
      column: { width: 14, type: 'group' },
      bar: { width: 14 },
      // Straight between days: a curve would show figures no day had.
      line: { type: 'straight', width: 2 },
      ring: { ringWidth: 22, activeOpacity: 0.5, labelWidth: 12, border: true, borderWidth: 2, borderColor: '#FFFFFF' },
    },
  }
}

/**
 * A chart drawn by u-charts on a 2D canvas: inside WeChat the `<Canvas type="2d">` node found by
 * a selector query, in the browser a plain `<canvas>` (Taro's H5 canvas has no node to draw on).
 * Drawn again whenever the figures change.
 */
export function Chart(props: ChartProps) {
  const height = props.height ?? 200
  const id = `chart-${useId().replace(/[^a-zA-Z0-9]/g, '')}`
  const canvasRef = useRef<HTMLCanvasElement | null>(null)
  const key = JSON.stringify([props.kind, props.categories, props.series])

  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') {
      const canvas = canvasRef.current
      if (!canvas) return
      const width = canvas.parentElement?.clientWidth || 340
      const ratio = window.devicePixelRatio || 1
      canvas.width = width * ratio
      canvas.height = height * ratio
      canvas.style.width = `${width}px`
      canvas.style.height = `${height}px`
      new uCharts(options(props, canvas.getContext('2d'), width, height, ratio))
      return
    }
    const page = Taro.getCurrentInstance().page
    const query = Taro.createSelectorQuery()
    ;(page ? query.in(page as never) : query)
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((found) => {
        const target = found?.[0] as { node?: { getContext: (kind: '2d') => unknown; width: number; height: number }; width: number } | undefined
        if (!target?.node) return
        const ratio = Taro.getSystemInfoSync().pixelRatio
        target.node.width = target.width * ratio
        target.node.height = height * ratio
        new uCharts(options(props, target.node.getContext('2d'), target.width, height, ratio))
      })
  }, [key, height])

  return (
    <View className="report-chart" aria-label={props.label} data-chart={props.kind}>
      {process.env.TARO_ENV === 'h5'
        ? createElement('canvas', { ref: canvasRef, role: 'img', 'aria-label': props.label })
        : <Canvas type="2d" id={id} style={{ width: '100%', height: `${height}px` }} />}
    </View>
  )
}
