/** "Use my location": the device's position, or why there is none (loaded with the later steps). */
import { msg } from '@lit/localize';
import type { RequestHost } from './host.js';

export function locate(host: RequestHost): void {
  if (!navigator.geolocation) {
    host.geo = 'failed';
    return;
  }
  host.geo = 'busy';
  host.say(() => msg('Looking for your location…', { id: 'ar.geo.busy' }));
  navigator.geolocation.getCurrentPosition(
    (position) => {
      const { latitude, longitude } = position.coords;
      host.a = { ...host.a, lat: Math.round(latitude * 1e6) / 1e6, long: Math.round(longitude * 1e6) / 1e6 };
      host.geo = '';
      host.changed();
      host.say(() => host.placeText());
    },
    (error) => {
      host.geo = error.code === error.PERMISSION_DENIED ? 'denied' : 'failed';
      host.say(() => geoText(host));
    },
    { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
  );
}

export function geoText(host: RequestHost): string {
  return host.geo === 'denied'
    ? msg('This page may not use your location. That is fine: enter the address or describe the place instead.', { id: 'ar.geo.denied' })
    : msg('Your location could not be found. Enter the address or describe the place instead.', { id: 'ar.geo.failed' });
}
