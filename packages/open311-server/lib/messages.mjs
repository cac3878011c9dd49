// The server's own sentences (spec error descriptions, status notes), in the request's language.
const MESSAGES = {
  'service-code': {
    fr: 'Le code de prestation (service_code) manque.',
    de: 'Der Dienstleistungscode (service_code) fehlt.',
    en: 'service_code is required.',
  },
  'unknown-service': {
    fr: 'La prestation « {0} » n’existe pas.',
    de: 'Die Dienstleistung «{0}» gibt es nicht.',
    en: 'Service "{0}" does not exist.',
  },
  location: {
    fr: 'Indiquez un lieu : une adresse (address_string) ou des coordonnées (lat et long).',
    de: 'Geben Sie einen Ort an: eine Adresse (address_string) oder Koordinaten (lat und long).',
    en: 'A location is required: address_string, or lat and long.',
  },
  coordinates: {
    fr: 'Les coordonnées lat et long ne sont pas valables.',
    de: 'Die Koordinaten lat und long sind ungültig.',
    en: 'lat and long are not valid coordinates.',
  },
  'description-long': {
    fr: 'La description dépasse 4000 caractères.',
    de: 'Die Beschreibung ist länger als 4000 Zeichen.',
    en: 'description is longer than 4000 characters.',
  },
  'attribute-required': {
    fr: 'Répondez à la question « {0} » (attribute[{1}]).',
    de: 'Beantworten Sie die Frage «{0}» (attribute[{1}]).',
    en: 'Answer "{0}" (attribute[{1}]).',
  },
  'attribute-value': {
    fr: 'La réponse à « {0} » (attribute[{1}]) n’est pas une valeur proposée.',
    de: 'Die Antwort auf «{0}» (attribute[{1}]) ist keine der angebotenen Möglichkeiten.',
    en: 'The answer to "{0}" (attribute[{1}]) is not one of the values offered.',
  },
  'attribute-number': {
    fr: 'La réponse à « {0} » (attribute[{1}]) doit être un nombre.',
    de: 'Die Antwort auf «{0}» (attribute[{1}]) muss eine Zahl sein.',
    en: 'The answer to "{0}" (attribute[{1}]) must be a number.',
  },
  'attribute-datetime': {
    fr: 'La réponse à « {0} » (attribute[{1}]) doit être une date et une heure.',
    de: 'Die Antwort auf «{0}» (attribute[{1}]) muss ein Datum mit Uhrzeit sein.',
    en: 'The answer to "{0}" (attribute[{1}]) must be a date and time.',
  },
  email: {
    fr: 'L’adresse e-mail n’est pas valable.',
    de: 'Die E-Mail-Adresse ist ungültig.',
    en: 'email is not a valid e-mail address.',
  },
  'api-key': {
    fr: 'Clé d’API (api_key) manquante ou non valable.',
    de: 'API-Schlüssel (api_key) fehlt oder ist ungültig.',
    en: 'Invalid api_key received -- can’t proceed with create_request.',
  },
  'idempotency-conflict': {
    fr: 'Cette clé d’idempotence a déjà servi pour une autre demande.',
    de: 'Dieser Idempotenzschlüssel wurde schon für eine andere Anfrage verwendet.',
    en: 'This idempotency key was already used for a different request.',
  },
  'not-found': {
    fr: 'Demande introuvable.',
    de: 'Anfrage nicht gefunden.',
    en: 'Request not found.',
  },
  'token-not-found': {
    fr: 'Jeton inconnu.',
    de: 'Unbekanntes Token.',
    en: 'Unknown token.',
  },
  'too-large': {
    fr: 'Le fichier est trop volumineux.',
    de: 'Die Datei ist zu gross.',
    en: 'The file is too large.',
  },
  'media-type': {
    fr: 'Seules les images (JPEG, PNG, WebP, GIF, HEIC) sont acceptées.',
    de: 'Nur Bilder (JPEG, PNG, WebP, GIF, HEIC) werden angenommen.',
    en: 'Only images (JPEG, PNG, WebP, GIF, HEIC) are accepted.',
  },
  'bad-json': {
    fr: 'Le corps de la requête n’est pas du JSON valable.',
    de: 'Der Anfragetext ist kein gültiges JSON.',
    en: 'The request body is not valid JSON.',
  },
  'server-error': {
    fr: 'Le serveur a un problème. Réessayez plus tard.',
    de: 'Der Server hat ein Problem. Versuchen Sie es später erneut.',
    en: 'The server has a problem. Please try again later.',
  },
  busy: {
    fr: 'Le serveur est surchargé. Réessayez dans un instant.',
    de: 'Der Server ist überlastet. Versuchen Sie es gleich noch einmal.',
    en: 'The server is busy. Please try again in a moment.',
  },
};

/** The message `id` in `language` (fr, de or en; English otherwise), `{0}`… replaced by `values`. */
export function message(id, language, ...values) {
  const entry = MESSAGES[id] ?? { en: id };
  const text = entry[String(language ?? '').slice(0, 2).toLowerCase()] ?? entry.en;
  return text.replace(/\{(\d+)\}/g, (_, i) => String(values[Number(i)] ?? ''));
}
