// One set of terser options for the CDN builds and the size check, so budgets measure what ships.
// Two compress passes and arrow-friendly rewrites; no property mangling (Lit and the decorators
// refer to properties by name).
export const terserOptions = {
  ecma: 2022,
  module: true,
  compress: { passes: 2, unsafe_arrows: true, unsafe_methods: true },
  format: { comments: false },
};
