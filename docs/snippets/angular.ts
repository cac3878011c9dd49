// Angular: add CUSTOM_ELEMENTS_SCHEMA to the component that uses <citopia-*> tags; bind
// attributes with [attr.x], properties with [x], events with (citopia-*).
import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
import 'citopia';

@Component({
  selector: 'city-footer',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<footer><citopia-open-source-badge [attr.license]="license" repository="https://github.com/citopia/citopia"></citopia-open-source-badge></footer>`,
})
export class CityFooter {
  license = 'EUPL-1.2';
}
