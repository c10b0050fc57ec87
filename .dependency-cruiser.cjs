// Layer rules (npm run lint): checked on every `npm test`.
//   domain/   rules free of Teams and the database: imports nothing above it
//   store/    the database: only domain/
//   cards/    card templates and their typed functions: never features/, teams/ or store/
//   teams/    the thin Teams layer: no persistence of its own (it calls store/ functions)
//   and no import cycles anywhere.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Import cycles make the order of initialisation and the layers unclear.', from: {}, to: { circular: true } },
    {
      name: 'domain-is-the-bottom',
      severity: 'error',
      comment: 'bot/domain holds the rules: no Teams, no database, nothing above it.',
      from: { path: '^bot/domain/' },
      to: { pathNot: ['^bot/domain/', '^node_modules/(luxon|zod)/', '^node_modules/@types/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'store-only-domain',
      severity: 'error',
      comment: 'bot/store is the database: it may use domain types, nothing of features, Teams or cards.',
      from: { path: '^bot/store/' },
      to: { path: ['^bot/(features|teams|delivery|server|index|services|config)', '^cards/', '^node_modules/(botbuilder|@microsoft)'] },
    },
    {
      name: 'cards-not-features',
      severity: 'error',
      comment: 'Cards render what they are given; they never reach into features, Teams or the database.',
      from: { path: '^cards/' },
      to: { path: ['^bot/(features|teams|store|delivery)/', '^node_modules/(botbuilder|@microsoft/teams-ai|@prisma)'] },
    },
    {
      name: 'teams-no-persistence',
      severity: 'error',
      comment: 'bot/teams adapts Teams activities; reading and writing the database belongs in bot/store.',
      from: { path: '^bot/teams/' },
      to: { path: ['^bot/store/(database|generated)', '^node_modules/@prisma/'] },
    },
    {
      name: 'features-not-server',
      severity: 'error',
      comment: 'Features do not import the HTTP server or the composition root.',
      from: { path: '^bot/features/' },
      to: { path: ['^bot/(server|index)\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^bot/store/generated/'] },
    tsPreCompilationDeps: true,
    // node_modules may be a link (the lint test runs on a copy); rules name packages by their path there.
    preserveSymlinks: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
