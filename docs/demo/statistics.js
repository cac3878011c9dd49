// The demo city's self-hosted audience statistics: runs only after consent for "statistics".
window.villeDeDemoStatistics = { started: new Date().toISOString() };
console.info('[Ville de Démo] audience statistics started (consent given)');
