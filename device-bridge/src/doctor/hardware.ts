/** Serial ports and HID devices the OS sees, via the same native modules the drivers use (loaded lazily). */
export interface SerialPortInfo {
  path: string;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
}
export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  product?: string;
  manufacturer?: string;
  usagePage?: number;
  path?: string;
}

export async function listSerialPorts(): Promise<SerialPortInfo[]> {
  const { SerialPort } = await import('serialport');
  const ports = await SerialPort.list();
  return ports.map((port) => ({
    path: port.path,
    manufacturer: port.manufacturer,
    serialNumber: port.serialNumber,
    vendorId: port.vendorId,
    productId: port.productId,
  }));
}

export async function listHidDevices(): Promise<HidDeviceInfo[]> {
  const hid = (await import('node-hid')) as unknown as { devices(): HidDeviceInfo[]; default?: { devices(): HidDeviceInfo[] } };
  const devices = typeof hid.devices === 'function' ? hid.devices() : (hid.default?.devices() ?? []);
  return devices.map((device) => ({
    vendorId: device.vendorId,
    productId: device.productId,
    product: device.product,
    manufacturer: device.manufacturer,
    usagePage: device.usagePage,
    path: device.path,
  }));
}

export const hex4 = (value: number | string | undefined) =>
  value === undefined ? '----' : typeof value === 'number' ? value.toString(16).padStart(4, '0') : value.padStart(4, '0');
