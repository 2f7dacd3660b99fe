import { DEFAULT_TIME_ZONE } from '../domain/time'

/** The studio's time zone: kept on the studio, the one place every module reads it from. */
export async function studioTimeZone(deps: { repo: { getStudio(studioId: string): Promise<{ timeZone: string } | undefined> } }, studioId: string): Promise<string> {
  return (await deps.repo.getStudio(studioId))?.timeZone ?? DEFAULT_TIME_ZONE
}
