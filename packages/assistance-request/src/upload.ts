/**
 * Posts a photo to the host's upload URL and resolves with the URL the server gives back (sent
 * later as `media_url`). XMLHttpRequest, because fetch() cannot report upload progress.
 */
import { FetchError } from '@citopia/core/fetch';

export function uploadPhoto(url: string, file: Blob, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.timeout = 120_000;
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let answer: { url?: unknown; media_url?: unknown } | undefined;
      try {
        answer = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: handled below */
      }
      const media = answer && (answer.media_url ?? answer.url);
      if (xhr.status >= 200 && xhr.status < 300 && typeof media === 'string') resolve(media);
      else reject(new FetchError(xhr.status >= 400 ? 'http' : 'parse', `Upload failed (${xhr.status})`, xhr.status));
    };
    xhr.onerror = () => reject(new FetchError(navigator.onLine === false ? 'offline' : 'network', 'Upload failed'));
    xhr.ontimeout = () => reject(new FetchError('timeout', 'Upload timed out'));
    xhr.send(file);
  });
}
