/** Who worked a shoot: its appointment's photographer and makeup artist. */
export interface ShootCrew {
  getAppointment(
    studioId: string,
    appointmentId: string,
  ): Promise<{ photographerId?: string; photographerName?: string; makeupArtistId?: string; makeupArtistName?: string } | undefined>
}
