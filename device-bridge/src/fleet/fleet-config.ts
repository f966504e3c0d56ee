import { z } from 'zod';

/**
 * Presence and remote commands over MQTT. Off by default: a kiosk joins the fleet
 * when its installer sets the broker URL and puts the kiosk's own MQTT password in the secrets dir.
 * The MQTT user name is the kiosk id, so the broker's ACL (`pattern … kiosk/%u/…`) confines each
 * kiosk to its own topics.
 */
export const fleetConfigSchema = z
  .object({
    mqtt: z
      .object({
        enabled: z.boolean(),
        /** mqtts://host:8883 in the field; mqtt:// only on loopback (tests) */
        url: z.string().regex(/^mqtts?:\/\/[^\s/]+(:\d{1,5})?$/, 'mqtt://host:port or mqtts://host:port'),
        /** the kiosk's MQTT password, one line; relative paths are under the data dir */
        passwordFile: z.string().min(1),
        /** CA certificate for mqtts:// (absent = system CAs) */
        caFile: z.string().min(1).optional(),
        /** the broker declares the kiosk offline after 1.5 × this without a packet */
        keepaliveSeconds: z.number().int().min(5).max(600),
        /** how long the broker keeps commands for an offline kiosk (persistent session) */
        sessionExpirySeconds: z
          .number()
          .int()
          .min(60)
          .max(30 * 24 * 3600),
      })
      .strict(),
    /**
     * a command issued longer ago than this is refused unrun (a reboot command from last week must
     * not fire today); keep it at most the broker's session expiry, which bounds how long one waits
     */
    commandMaxAgeSeconds: z
      .number()
      .int()
      .min(60)
      .max(30 * 24 * 3600),
    /** run by the restart-ui command (the kiosk's browser unit) */
    restartUiCommand: z.array(z.string().min(1)).min(1),
  })
  .strict();
export type FleetConfig = z.infer<typeof fleetConfigSchema>;

export const technicianConfigSchema = z
  .object({
    /** the technician session ends after this long without a request */
    inactivityTimeoutSeconds: z.number().int().min(30).max(3_600),
    /**
     * where a USB stick is mounted (config/udev/99-tongban.rules mounts FAT/exFAT sticks here): the
     * diagnostic bundle is exported there when a stick is in, else to <data>/exports
     */
    usbExportDir: z.string().regex(/^\/[^\0]*$/, 'an absolute path such as /media/tongban-usb'),
  })
  .strict();
