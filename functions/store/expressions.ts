import type { Item } from './items'

/**
 * Builds one UpdateExpression from named steps, with its condition, attribute names and
 * values, so no store module writes expression strings by hand.
 */
export class Update {
  private sets: string[] = []
  private removes: string[] = []
  private conditions: string[] = []
  readonly names: Record<string, string> = {}
  readonly values: Record<string, unknown> = {}
  private n = 0

  private value(v: unknown) {
    const name = `:v${this.n++}`
    this.values[name] = v
    return name
  }
  private name(attribute: string) {
    const name = `#${attribute}`
    this.names[name] = attribute
    return name
  }
  set(attribute: string, v: unknown) {
    if (v === undefined) this.removes.push(this.name(attribute))
    else this.sets.push(`${this.name(attribute)} = ${this.value(v)}`)
    return this
  }
  add(attribute: string, amount: number) {
    this.sets.push(`${this.name(attribute)} = ${this.name(attribute)} + ${this.value(amount)}`)
    return this
  }
  /** Adds to a number that may not be there yet (counting from zero). */
  increment(attribute: string, amount = 1) {
    this.sets.push(`${this.name(attribute)} = if_not_exists(${this.name(attribute)}, ${this.value(0)}) + ${this.value(amount)}`)
    return this
  }
  append(attribute: string, items: unknown[]) {
    this.sets.push(`${this.name(attribute)} = list_append(${this.name(attribute)}, ${this.value(items)})`)
    return this
  }
  remove(attribute: string) {
    this.removes.push(this.name(attribute))
    return this
  }
  when(attribute: string, op: '=' | '<>' | '<' | '<=' | '>' | '>=', v: unknown) {
    this.conditions.push(`${this.name(attribute)} ${op} ${this.value(v)}`)
    return this
  }
  whenIn(attribute: string, values: unknown[]) {
    this.conditions.push(`${this.name(attribute)} IN (${values.map((v) => this.value(v)).join(', ')})`)
    return this
  }
  /** The attribute is absent, or compares as given. */
  whenAbsentOr(attribute: string, op: '<', v: unknown) {
    this.conditions.push(`(attribute_not_exists(${this.name(attribute)}) OR ${this.name(attribute)} ${op} ${this.value(v)})`)
    return this
  }
  whenExists(attribute: string, exists: boolean) {
    this.conditions.push(`${exists ? 'attribute_exists' : 'attribute_not_exists'}(${this.name(attribute)})`)
    return this
  }
  build(table: string, key: Item) {
    const expression = [this.sets.length ? `SET ${this.sets.join(', ')}` : '', this.removes.length ? `REMOVE ${[...new Set(this.removes)].join(', ')}` : '']
      .filter(Boolean)
      .join(' ')
    return {
      TableName: table,
      Key: key,
      UpdateExpression: expression,
      ...(this.conditions.length ? { ConditionExpression: this.conditions.join(' AND ') } : {}),
      ExpressionAttributeNames: this.names,
      ...(Object.keys(this.values).length ? { ExpressionAttributeValues: this.values } : {}),
    }
  }
}

