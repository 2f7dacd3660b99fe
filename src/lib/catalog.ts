import type { Locale } from '../../types/common'
import type { PackageCategory } from '../../types/catalog'

/** A category's name in the person's language; the code itself if the studio has since removed the category. */
export function categoryName(categories: readonly PackageCategory[] | undefined, code: string, locale: Locale): string {
  const category = categories?.find((candidate) => candidate.code === code)
  if (!category) return code
  return locale === 'zh-CN' ? category.name : category.nameEn
}
